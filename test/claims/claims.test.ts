// Claims: extraction from QUANTITY mentions, grouping across wording and languages,
// conflicts beyond qualifiers, and independent source groups.
import { describe, expect, it } from 'vitest';
import {
  extractClaims,
  groupClaims,
  groupConflict,
  independentGroups,
  sentenceSpans,
  valuesAgree,
  type ClaimDocument,
} from '../../src/claims/index.js';
import type { Claim, Mention, ReuseLink } from '../../src/model/schema.js';

const ID = (n: number) => String(n).repeat(64).slice(0, 64);

function quantity(doc: ClaimDocument, surface: string, value: number, qualifier: Claim['qualifier'], unit: string | null, valueMax: number | null = null): Mention {
  const start = doc.text.indexOf(surface);
  if (start < 0) throw new Error(`${surface} not in text`);
  return {
    id: `m-${doc.id.slice(0, 4)}-${start}`,
    documentId: doc.id,
    start,
    end: start + surface.length,
    type: 'QUANTITY',
    text: surface,
    value: String(value),
    attributes: { valueMax, qualifier, unit },
    extractor: 'test@1',
    confidence: 1,
    status: 'suggested',
    entityId: null,
  };
}

function mention(doc: ClaimDocument, type: Mention['type'], surface: string, value: string | null = null): Mention {
  const start = doc.text.indexOf(surface);
  return { ...quantity(doc, surface, 0, 'exact', null), type, value, attributes: {}, id: `m-${type}-${start}` };
}

const v = (value: number, qualifier: Claim['qualifier'] = 'exact', valueMax: number | null = null) => ({ value, valueMax, qualifier });

describe('valuesAgree', () => {
  it('agrees within qualifiers and disagrees beyond them', () => {
    expect(valuesAgree(v(1200, 'approximately'), v(1200))).toBe(true);
    expect(valuesAgree(v(100000, 'at_least'), v(120000))).toBe(true);
    expect(valuesAgree(v(37, 'at_least'), v(37))).toBe(true);
    expect(valuesAgree(v(30000), v(30000, 'at_least'))).toBe(true);
    expect(valuesAgree(v(4000), v(6500))).toBe(false);
    expect(valuesAgree(v(900, 'at_most'), v(4000))).toBe(false);
    expect(valuesAgree(v(40000, 'approximately'), v(250000, 'approximately'))).toBe(false);
    expect(valuesAgree(v(2000, 'approximately', 9999), v(4000))).toBe(true);
  });
  it('a group is a conflict when any two figures disagree', () => {
    expect(groupConflict([v(1200, 'approximately'), v(1200), v(1200)])).toBe(false);
    expect(groupConflict([v(4000), v(4000), v(6500)])).toBe(true);
  });
});

describe('sentenceSpans', () => {
  it('does not end a sentence at "Dr." or inside "2.4"', () => {
    const text = 'Dr. Rostami said 2.4 trillion rials were paid. Then it rained!\nNext line';
    const spans = sentenceSpans(text).map((s) => text.slice(s.start, s.end));
    expect(spans).toEqual(['Dr. Rostami said 2.4 trillion rials were paid.', 'Then it rained!', 'Next line']);
  });
});

describe('extractClaims', () => {
  const doc: ClaimDocument = {
    id: ID(1),
    text: 'The monitor said on Tuesday that 4,000 people detained after the protests had passed through Varzaneh camp. The camp lies some 20 kilometres east of Tarvan. Mr. Navid, 53, was not among them. About 1,200 families were moved out of the valley.',
    published: '2025-04-15',
    site: 'River Times',
  };
  const mentions = [
    quantity(doc, '4,000 people', 4000, 'exact', 'people'),
    quantity(doc, 'some 20 kilometres', 20, 'approximately', 'kilometres'),
    quantity(doc, '53', 53, 'exact', null),
    quantity(doc, 'About 1,200 families', 1200, 'approximately', 'families'),
    mention(doc, 'DATE', 'Tuesday', '2025-04-15'),
    mention(doc, 'PLACE', 'Varzaneh'),
  ];
  const claims = extractClaims(doc, mentions);

  it('keeps counts of people and things with their predicate, time, place and sentence', () => {
    expect(claims.map((c) => [c.value, c.counted, c.predicate])).toEqual([
      [4000, 'people', 'detained'],
      [1200, 'families', 'displaced'],
    ]);
    const [detained] = claims;
    expect(doc.text.slice(detained!.start, detained!.end)).toMatch(/^The monitor said .* Varzaneh camp\.$/);
    expect(detained!.date).toBe('2025-04-15');
    expect(detained!.place).toBe('Varzaneh');
    expect(detained!.quantityMentionId).toBe(mentions[0]!.id);
    expect(claims[1]!.qualifier).toBe('approximately');
  });

  it('drops distances and ages', () => {
    expect(claims.some((c) => c.value === 20 || c.value === 53)).toBe(false);
  });

  it('reads "no more than" as a ceiling', () => {
    const d: ClaimDocument = { id: ID(2), text: 'The minister said that no more than 900 people had been detained.', published: '2025-04-17', site: 'Today' };
    const [c] = extractClaims(d, [quantity(d, 'more than 900 people', 900, 'at_least', 'people')]);
    expect(c!.qualifier).toBe('at_most');
    expect(c!.predicate).toBe('detained');
  });

  it('understands Persian counted nouns and predicates', () => {
    const d: ClaimDocument = { id: ID(3), text: 'دیدبان اعلام کرد ۴٬۰۰۰ نفر از بازداشت‌شدگان به اردوگاه منتقل شده‌اند.', published: '2025-04-16', site: null };
    const [c] = extractClaims(d, [quantity(d, '۴٬۰۰۰ نفر از بازداشت‌شدگان', 4000, 'exact', 'بازداشت‌شدگان')]);
    expect([c!.counted, c!.predicate, c!.value]).toEqual(['people', 'detained', 4000]);
  });

  it('reads «نگهداری شده‌اند» (were held) as detained, like English "held"', () => {
    const d: ClaimDocument = { id: ID(4), text: 'به گفتهٔ این نهاد، چهار هزار نفر پس از اعتراض‌ها در این اردوگاه نگهداری شده‌اند.', published: '2025-04-16', site: null };
    const claims = extractClaims(d, [quantity(d, 'چهار هزار نفر', 4000, 'exact', 'نفر')]);
    expect(claims.map((c) => [c.counted, c.predicate, c.value])).toEqual([['people', 'detained', 4000]]);
  });
});

describe('groupClaims', () => {
  function claim(n: number, doc: number, value: number, qualifier: Claim['qualifier'], counted: string, predicate: string | null, place: string | null = null): Claim {
    return { id: `claim:${ID(doc).slice(0, 16)}:${n}`, documentId: ID(doc), start: n, end: n + 10, quantityMentionId: null, value, valueMax: null, qualifier, counted, predicate, date: '2025-04-15', place, groupId: null };
  }
  it('groups the same counted thing and predicate across languages; other things apart', () => {
    const claims = [
      claim(1, 1, 4000, 'exact', 'people', 'detained', 'Varzaneh'),
      claim(2, 2, 6500, 'exact', 'people', 'detained', 'وارزنه'),
      claim(3, 3, 900, 'at_most', 'people', 'detained', null),
      claim(4, 1, 37, 'at_least', 'people', 'killed'),
      claim(5, 4, 1200, 'approximately', 'families', 'displaced'),
      claim(6, 5, 4000, 'exact', 'people', 'detained', 'Tarvan'),
      claim(7, 6, 4000, 'exact', 'people', 'detained', 'Tarvan; Varzaneh'),
    ];
    const { claims: out, groups } = groupClaims(claims);
    const groupOf = (n: number) => out.find((c) => c.start === n)!.groupId;
    expect(groupOf(1)).toBe(groupOf(2));
    expect(groupOf(1)).toBe(groupOf(3));
    expect(groupOf(1)).not.toBe(groupOf(4));
    expect(groupOf(4)).not.toBe(groupOf(5));
    // Tarvan and Varzaneh (same script, no shared place) are joined only through claim 7.
    expect(groupOf(6)).toBe(groupOf(1));
    expect(groups).toHaveLength(3);
    expect(groupConflict(groups.find((g) => g.id === groupOf(1))!.claims)).toBe(true);
    expect(groupConflict(groups.find((g) => g.id === groupOf(5))!.claims)).toBe(false);
  });

  it('keeps apart same-script places that share nothing', () => {
    const { groups } = groupClaims([claim(1, 1, 10, 'exact', 'people', 'killed', 'Tarvan'), claim(2, 2, 12, 'exact', 'people', 'killed', 'Golmarz')]);
    expect(groups).toHaveLength(2);
  });
});

describe('independentGroups', () => {
  const claimIn = (doc: number, start: number): Claim => ({
    id: `claim:${doc}:${start}`, documentId: ID(doc), start, end: start + 50, quantityMentionId: null, value: 4000, valueMax: null,
    qualifier: 'exact', counted: 'people', predicate: 'detained', date: null, place: null, groupId: 'g',
  });
  const link = (a: number, b: number, aStart: number, bStart: number, boilerplate = false): ReuseLink => ({
    id: `l${a}${b}`, sourceDocumentId: ID(a), sourceStart: aStart, sourceEnd: aStart + 200, targetDocumentId: ID(b), targetStart: bStart, targetEnd: bStart + 200,
    similarity: 1, direction: 'source_earlier', clusterId: 'c', boilerplate,
  });
  const docs = new Map([
    [ID(1), { published: '2025-04-15', site: 'Wire' }],
    [ID(2), { published: '2025-04-16', site: 'Herald' }],
    [ID(3), { published: '2025-04-17', site: 'Today' }],
    [ID(4), { published: '2025-04-18', site: 'Free' }],
    [ID(5), { published: '2025-04-10', site: 'Free' }],
  ]);
  const claims = [claimIn(1, 100), claimIn(2, 0), claimIn(3, 500), claimIn(4, 0), claimIn(5, 0)];

  it('joins documents that copy the claim passage, and documents of one outlet', () => {
    const groups = independentGroups(claims, [link(1, 2, 80, 0)], docs);
    expect(groups.map((g) => g.documents.length).sort()).toEqual([1, 2, 2]);
    const wire = groups.find((g) => g.documents.includes(ID(1)))!;
    expect(wire.documents).toEqual([ID(1), ID(2)]);
    expect(wire.earliest.documentId).toBe(ID(1));
    const free = groups.find((g) => g.documents.includes(ID(4)))!;
    expect(free.earliest.documentId).toBe(ID(5)); // earliest publication of the outlet
  });

  it('joins a statement that names another outlet and gives its figure, not one that names it to dispute it', () => {
    const text = (sentence: string) => sentence.padEnd(60, ' ');
    const named = (sentence: string, value: number) => {
      const c = { ...claimIn(2, 0), value };
      const withText = new Map<string, { published: string | null; site: string | null; text?: string }>(docs);
      withText.set(ID(2), { ...docs.get(ID(2))!, text: text(sentence) });
      return independentGroups([claimIn(1, 100), c, claimIn(3, 500)], [], withText);
    };
    // The Herald repeats the Wire's 4,000 and names it: one source.
    const repeats = named('Organisers and the Wire agency said 4,000 were held.', 4000);
    expect(repeats.find((g) => g.documents.includes(ID(2)))!.documents).toEqual([ID(1), ID(2)]);
    // The Herald names the Wire but gives another figure: two sources.
    expect(named('The Wire agency said 4,000; officials say 900.', 900)).toHaveLength(3);
    // A word that merely contains the outlet's name ("Wired") is not a mention of it.
    expect(named('Wired sources said 4,000 were held.', 4000)).toHaveLength(3);
  });

  it('joins documents whose claim sentences lie in one reuse cluster whose hub states no claim', () => {
    // Document 9 is the cluster's earliest holder and states nothing; 2 and 3 copy it.
    const hub = (b: number, bStart: number, clusterId: string): ReuseLink => ({ ...link(9, b, 0, bStart), id: `h${b}`, clusterId });
    const joined = independentGroups(claims, [hub(2, 0, 'c1'), hub(3, 450, 'c1')], docs);
    expect(joined.find((g) => g.documents.includes(ID(2)))!.documents).toEqual([ID(2), ID(3)]);
    expect(joined).toHaveLength(3);
    // Two different clusters, or a copy that misses the claim sentence, join nothing.
    expect(independentGroups(claims, [hub(2, 0, 'c1'), hub(3, 450, 'c2')], docs)).toHaveLength(4);
    expect(independentGroups(claims, [hub(2, 0, 'c1'), hub(3, 2000, 'c1')], docs)).toHaveLength(4);
  });

  it('does not join on a copied passage elsewhere in the documents, nor on boilerplate', () => {
    const groups = independentGroups(claims, [link(1, 3, 2000, 2000), link(2, 3, 0, 500, true)], docs);
    expect(groups).toHaveLength(4);
  });
});
