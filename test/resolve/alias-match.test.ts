import { describe, expect, it } from 'vitest';
import { crossScriptNames, findAliasMentions, statedNames, translationSpans, type KnownEntity } from '../../src/resolve/alias-match.js';

const dariush: KnownEntity = { id: 'p1', type: 'PERSON', names: ['Dariush Kalantari', 'Kalantari', 'داریوش کلانتری'] };
const golnar: KnownEntity = { id: 'p2', type: 'PERSON', names: ['Golnar Kalantari'] };
const golmarz: KnownEntity = { id: 'l1', type: 'PLACE', names: ['Golmarz'] };
const union: KnownEntity = { id: 'o1', type: 'ORG', names: ['Golmarz Farmers’ Union', 'GFU'] };

const texts = (hits: { text: string; entityId: string }[]) => hits.map((h) => `${h.text}=${h.entityId}`);

describe('findAliasMentions', () => {
  it('finds spelling variants of a known full name and of places, longest name first', () => {
    const text = 'Darioush Kalantary, head of the Golmarz Farmers’ Union (GFU), spoke in Golmarz.';
    const hits = findAliasMentions(text, [dariush, golmarz, union], []);
    expect(texts(hits)).toEqual(['Darioush Kalantary=p1', 'Golmarz Farmers’ Union=o1', 'GFU=o1', 'Golmarz=l1']);
    expect(text.slice(hits[0]!.start, hits[0]!.end)).toBe('Darioush Kalantary');
  });

  it('matches Persian-script names across Arabic and Persian letter forms', () => {
    const hits = findAliasMentions('دادگاه داريوش كلانتري را محکوم کرد.', [dariush], []);
    expect(texts(hits)).toEqual(['داريوش كلانتري=p1']);
  });

  it('leaves spans an extractor already marked, and lower-case words', () => {
    const text = 'Golmarz is far. The golmarz road.';
    const hits = findAliasMentions(text, [golmarz], [{ start: 0, end: 7, type: 'PLACE', entityId: 'l1' }]);
    expect(hits).toEqual([]);
  });

  it('does not take a one-word place name out of a longer capitalized name', () => {
    expect(findAliasMentions('The Golmarz Provincial Council met.', [golmarz], [])).toEqual([]);
  });

  it('joins a bare surname to the one person of the document with it, never to a namesake or after a given name', () => {
    const one = 'Dariush Kalantari spoke. Later Kalantari left.';
    expect(texts(findAliasMentions(one, [dariush, golnar], [{ start: 0, end: 17, type: 'PERSON', entityId: 'p1' }]))).toEqual(['Kalantari=p1']);
    // Both Kalantaris in the document: the bare surname is ambiguous.
    const two = 'Dariush Kalantari and Golnar Kalantari spoke. Kalantari left.';
    const present = [
      { start: 0, end: 17, type: 'PERSON', entityId: 'p1' },
      { start: 22, end: 38, type: 'PERSON', entityId: 'p2' },
    ];
    expect(findAliasMentions(two, [dariush, golnar], present)).toEqual([]);
    // A surname nobody in the document carries in full is not a mention of anyone.
    expect(findAliasMentions('Kalantari left.', [dariush], [])).toEqual([]);
    // "Shirin Kalantari" is someone else.
    const other = 'Dariush Kalantari spoke, and Shirin Kalantari answered.';
    expect(findAliasMentions(other, [dariush], [{ start: 0, end: 17, type: 'PERSON', entityId: 'p1' }])).toEqual([]);
  });

  it('does not take a counted common noun for a surname (کلانتری: police station)', () => {
    const text = 'داریوش کلانتری را به سه کلانتری بردند.';
    expect(findAliasMentions(text, [dariush], [{ start: 0, end: 14, type: 'PERSON', entityId: 'p1' }])).toEqual([]);
  });

  it('uses a name two entities share only when one of them is already in the document', () => {
    const a: KnownEntity = { id: 'a', type: 'ORG', names: ['Tirab Authority'] };
    const b: KnownEntity = { id: 'b', type: 'ORG', names: ['Tirab Authority'] };
    expect(findAliasMentions('The Tirab Authority said.', [a, b], [])).toEqual([]);
    const text = 'Tirab Authority (TA) said. The Tirab Authority added.';
    const hits = findAliasMentions(text, [a, b], [{ start: 0, end: 15, type: 'ORG', entityId: 'b' }]);
    expect(texts(hits)).toEqual(['Tirab Authority=b']);
  });
});

describe('crossScriptNames', () => {
  it('finds the Persian spelling of a Latin place and person name, not of a different word', () => {
    const text = 'کاوه سهرابی در گلمرز گفت که گلنار آمده است.';
    const found = crossScriptNames(text, [golmarz, { id: 'p3', type: 'PERSON', names: ['Kaveh Sohrabi'] }]);
    expect(found.get('l1')).toEqual(['گلمرز']);
    expect(found.get('p3')).toEqual(['کاوه سهرابی']);
  });

  it('needs both the given name and the surname of a person', () => {
    const found = crossScriptNames('شیرین کلانتری آمد.', [{ id: 'p1', type: 'PERSON', names: ['Dariush Kalantari'] }]);
    expect(found.size).toBe(0);
  });
});

describe('translationSpans', () => {
  it('lists word runs of one script that start a name', () => {
    const institution = (w: string) => w === 'دیدبان' || w === 'Ministry';
    const spans = translationSpans('گزارش دیدبان حقوق وهرستان. The Ministry of the Interior said. Tirab Water flows', institution).map((s) => s.text);
    expect(spans).toContain('دیدبان حقوق وهرستان');
    expect(spans).toContain('Ministry of the Interior');
    expect(spans.some((s) => s.includes('.'))).toBe(false);
    // No institution word: no span to look up.
    expect(spans.some((s) => s.includes('Tirab'))).toBe(false);
  });
});

describe('findAliasMentions: titles and institution words', () => {
  it('leaves a bare surname after a title to the extractor («سردار رستمی» beside «حسین رستمی»)', () => {
    const hossein: KnownEntity = { id: 'h', type: 'PERSON', names: ['حسین رستمی', 'Hossein Rostami'] };
    const fa = 'اسمش حسین رستمی است. سردار رستمی به بازدید آمد.';
    expect(findAliasMentions(fa, [hossein], [{ start: 5, end: 15, type: 'PERSON', entityId: 'h' }])).toEqual([]);
    const en = 'Hossein Rostami was held. Gen. Rostami visited.';
    expect(findAliasMentions(en, [hossein], [{ start: 0, end: 15, type: 'PERSON', entityId: 'h' }])).toEqual([]);
  });

  it('does not take a place name out of an organization name after an institution word', () => {
    const fa = 'به گزارش خبرگزاری گلمرز، مردم در گلمرز جمع شدند.';
    const institution = (w: string) => w === 'خبرگزاری';
    const hits = findAliasMentions(fa, [{ id: 'l1', type: 'PLACE', names: ['گلمرز'] }], [], { institutionWord: institution });
    expect(hits.map((h) => h.start)).toEqual([fa.lastIndexOf('گلمرز')]);
  });
});

describe('statedNames', () => {
  it('reads the other name a text gives an organization right after it', () => {
    const en = 'the Internal Guard Corps — the Grey Coats, as people call them — came.';
    const fa = 'سپاه نگهبانی داخلی — همان خاکستری‌پوشان — آمدند.';
    const kw = 'the Tirab Water Authority, also known as the Tirab Board, said';
    expect(statedNames(en, [{ end: en.indexOf(' —'), entityId: 'o' }]).map((s) => s.text)).toEqual(['Grey Coats']);
    expect(statedNames(fa, [{ end: fa.indexOf(' —'), entityId: 'o' }]).map((s) => s.text)).toEqual(['خاکستری‌پوشان']);
    expect(statedNames(kw, [{ end: kw.indexOf(','), entityId: 'o' }]).map((s) => s.text)).toEqual(['Tirab Board']);
    // A plain sentence after the name says nothing.
    const plain = 'the Internal Guard Corps said the Grey Coats left.';
    expect(statedNames(plain, [{ end: plain.indexOf(' said'), entityId: 'o' }])).toEqual([]);
  });
});
