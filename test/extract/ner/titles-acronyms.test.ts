// The title and acronym passes on their own, fed hand-made tagger output, so they are
// tested independently of what the statistical model happens to predict.
import { describe, expect, it } from 'vitest';
import { acronymSpans } from '../../../src/extract/ner/acronyms.js';
import type { WorkingEntity } from '../../../src/extract/ner/extract.js';
import { attachTitles } from '../../../src/extract/ner/titles.js';
import { tokenize } from '../../../src/extract/tokenize/tokenize.js';

function tokenIndex(toks: { text: string }[], word: string): number {
  const i = toks.findIndex((t) => t.text === word);
  if (i < 0) throw new Error(`no token ${word}`);
  return i;
}

describe('attachTitles', () => {
  it('moves a title the tagger put inside a PERSON span out of it', () => {
    const text = 'Yesterday Ayatollah Karim Dastvar spoke.';
    const toks = tokenize(text, 'en');
    const e: WorkingEntity = { start: tokenIndex(toks, 'Ayatollah'), end: tokenIndex(toks, 'Dastvar') + 1, type: 'PERSON', confidence: 0.9 };
    const [out] = attachTitles(toks, [e], 'en');
    expect(text.slice(toks[out!.start]!.start, toks[out!.end - 1]!.end)).toBe('Karim Dastvar');
    expect(text.slice(out!.title!.start, out!.title!.end)).toBe('Ayatollah');
  });

  it('records a multi-word title before the span: "Foreign Minister", "حجت الاسلام و المسلمین"', () => {
    const en = 'Foreign Minister Lina Marsh arrived.';
    const te = tokenize(en, 'en');
    const [a] = attachTitles(te, [{ start: tokenIndex(te, 'Lina'), end: tokenIndex(te, 'Marsh') + 1, type: 'PERSON', confidence: 1 }], 'en');
    expect(en.slice(a!.title!.start, a!.title!.end)).toBe('Foreign Minister');

    const fa = 'حجت الاسلام و المسلمین رضا نیک‌پور گفت';
    const tf = tokenize(fa, 'fa');
    const [b] = attachTitles(tf, [{ start: tokenIndex(tf, 'رضا'), end: tokenIndex(tf, 'نیک‌پور') + 1, type: 'PERSON', confidence: 1 }], 'fa');
    expect(fa.slice(b!.title!.start, b!.title!.end)).toBe('حجت الاسلام و المسلمین');
  });

  it('drops a PERSON span that is only a title, and leaves other types alone', () => {
    const text = 'The President visited General Motors.';
    const toks = tokenize(text, 'en');
    const out = attachTitles(
      toks,
      [
        { start: tokenIndex(toks, 'President'), end: tokenIndex(toks, 'President') + 1, type: 'PERSON', confidence: 0.5 },
        { start: tokenIndex(toks, 'General'), end: tokenIndex(toks, 'Motors') + 1, type: 'ORG', confidence: 0.9 },
      ],
      'en',
    );
    expect(out).toHaveLength(1);
    expect(out[0]!.type).toBe('ORG');
    expect(out[0]!.start).toBe(tokenIndex(toks, 'General'));
    expect(out[0]!.title).toBeUndefined();
  });

  it('does not take a word of the previous entity as a title', () => {
    const text = 'Mr. Vance met Mr. Ebbeling';
    const toks = tokenize(text, 'en');
    const out = attachTitles(
      toks,
      [
        { start: 1, end: 2, type: 'PERSON', confidence: 1 },
        { start: 4, end: 5, type: 'PERSON', confidence: 1 },
      ],
      'en',
    );
    expect(out.map((e) => text.slice(e.title!.start, e.title!.end))).toEqual(['Mr.', 'Mr.']);
    expect(out[1]!.title!.start).toBe(toks[3]!.start);
  });
});

describe('acronymSpans', () => {
  it('finds the long form by initials when the tagger found nothing, and links later uses', () => {
    const text = "The People's Front of Arvand (PFA) met. Later the PFA left; pfa is not it.";
    const toks = tokenize(text, 'en');
    const out = acronymSpans(toks, [], 'en');
    const spans = out.map((e) => ({ text: text.slice(toks[e.start]!.start, toks[e.end - 1]!.end), type: e.type, acronymOf: e.acronymOf }));
    const longStart = text.indexOf('People');
    const longEnd = text.indexOf(' (PFA)');
    expect(spans).toEqual([
      { text: "People's Front of Arvand", type: 'ORG', acronymOf: undefined },
      { text: 'PFA', type: 'ORG', acronymOf: { start: longStart, end: longEnd } },
      { text: 'PFA', type: 'ORG', acronymOf: { start: longStart, end: longEnd } },
    ]);
  });

  it('ignores parentheses that hold no acronym or whose initials do not match', () => {
    const text = 'The Grand Hotel (XYZ) and the Blue Lake (2019) remain.';
    const toks = tokenize(text, 'en');
    expect(acronymSpans(toks, [], 'en')).toEqual([]);
  });

  it('does not take a Persian blessing in parentheses for an acronym', () => {
    const text = 'سازمان تبلیغات (ره) اعلام کرد';
    const toks = tokenize(text, 'fa');
    const org: WorkingEntity = { start: 0, end: 2, type: 'ORG', confidence: 0.9 };
    expect(acronymSpans(toks, [org], 'fa')).toEqual([org]);
    const defined = tokenize('سازمان تبلیغات (ستا) اعلام کرد', 'fa');
    expect(acronymSpans(defined, [{ ...org }], 'fa').map((e) => e.acronymOf !== undefined)).toEqual([false, true]);
  });

  it('extends a long form the tagger cut short and keeps the tagger type', () => {
    const text = 'Members of the Islamic Revolutionary Guard Corps (IRGC) said so.';
    const toks = tokenize(text, 'en');
    const tagged: WorkingEntity = { start: tokenIndex(toks, 'Revolutionary'), end: tokenIndex(toks, 'Corps') + 1, type: 'ORG', confidence: 0.7 };
    const out = acronymSpans(toks, [tagged], 'en');
    expect(out).toHaveLength(2);
    expect(text.slice(toks[out[0]!.start]!.start, toks[out[0]!.end - 1]!.end)).toBe('Islamic Revolutionary Guard Corps');
    expect(out[1]!.acronymOf).toEqual({ start: text.indexOf('Islamic'), end: text.indexOf(' (IRGC)') });
  });
});
