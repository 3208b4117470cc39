// Document-level consistency for Persian NER: names tagged once are carried to their
// untagged recurrences; a tagged person's surname alone counts as a person. Fictional
// names written for these tests.
import { describe, expect, it } from 'vitest';
import { carryNamesThroughDocument } from '../../../src/extract/ner/consistency.js';
import { extractEntities, type WorkingEntity } from '../../../src/extract/ner/extract.js';
import { tokenize, type Token } from '../../../src/extract/tokenize/tokenize.js';

/** Token range [start, end) of the n-th occurrence (0-based) of `phrase` in the tokens. */
function range(tokens: Token[], phrase: string, nth = 0): { start: number; end: number } {
  const words = tokenize(phrase, 'fa').map((t) => t.text);
  let seen = 0;
  for (let i = 0; i + words.length <= tokens.length; i++) {
    if (words.every((w, k) => tokens[i + k]!.text === w)) {
      if (seen === nth) return { start: i, end: i + words.length };
      seen++;
    }
  }
  throw new Error(`"${phrase}" #${nth} not in tokens`);
}

function spanText(text: string, tokens: Token[], e: { start: number; end: number }): string {
  return text.slice(tokens[e.start]!.start, tokens[e.end - 1]!.end);
}

describe('carryNamesThroughDocument', () => {
  const text =
    'داریوش ورزنده عضو دیدبان حقوق سپیدرود است. دیدبان حقوق سپیدرود گزارش داد که ورزنده بازداشت شد. ' +
    'خانواده وَرزنده و دیدبان حقوق سپیدرود نگران هستند. آقای ورزنده در زندان است.';
  const tokens = tokenize(text, 'fa');
  const person = range(tokens, 'داریوش ورزنده');
  const org = range(tokens, 'دیدبان حقوق سپیدرود');
  const tagged: WorkingEntity[] = [
    { ...person, type: 'PERSON', confidence: 0.9 },
    { ...org, type: 'ORG', confidence: 0.8 },
  ];
  const out = carryNamesThroughDocument(tokens, tagged);
  const texts = out.map((e) => `${e.type}:${spanText(text, tokens, e)}`);

  it('tags every later occurrence of a name found once, with its type', () => {
    expect(texts.filter((t) => t === 'ORG:دیدبان حقوق سپیدرود').length).toBe(3);
  });

  it('tags a tagged person\'s surname standing alone, also with harakat, as that person', () => {
    expect(texts.filter((t) => t === 'PERSON:ورزنده').length).toBe(2);
    expect(texts).toContain('PERSON:وَرزنده');
  });

  it('keeps the tagger\'s own spans, adds nothing overlapping them, sorts by start', () => {
    expect(out).toContainEqual({ ...person, type: 'PERSON', confidence: 0.9 });
    expect(out).toContainEqual({ ...org, type: 'ORG', confidence: 0.8 });
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });

  it('gives carried mentions a lower confidence than their source', () => {
    const carried = out.filter((e) => e.type === 'ORG' && e.start !== org.start);
    for (const c of carried) expect(c.confidence).toBeCloseTo(0.8 * 0.9, 5);
  });

  it('does not carry a title, a cue word or a short word tagged alone', () => {
    const t = 'آقای رفت و سازمان آمد و او گفت. آقای دیگر و سازمان دیگر و او هم گفت.';
    const tk = tokenize(t, 'fa');
    const wrong: WorkingEntity[] = [
      { ...range(tk, 'آقای'), type: 'PERSON', confidence: 0.5 },
      { ...range(tk, 'سازمان'), type: 'ORG', confidence: 0.5 },
      { ...range(tk, 'او'), type: 'PERSON', confidence: 0.5 },
    ];
    expect(carryNamesThroughDocument(tk, wrong)).toEqual(wrong);
  });

  it('returns the input when nothing was tagged', () => {
    expect(carryNamesThroughDocument(tokens, [])).toEqual([]);
  });
});

describe('extractEntities (Persian) with document consistency', () => {
  it('tags a surname the tagger alone misses in a later sentence; no overlaps, exact offsets', () => {
    // the tagger finds "داریوش ورزنده" but not the lone "ورزنده" after "وکیل"
    const text = 'داریوش ورزنده روز دوشنبه بازداشت شد. وکیل ورزنده گفت که او بیمار است.';
    const spans = extractEntities(text, 'fa');
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    for (let i = 1; i < spans.length; i++) expect(spans[i]!.start).toBeGreaterThanOrEqual(spans[i - 1]!.end);
    expect(spans.find((s) => s.text === 'داریوش ورزنده')?.type).toBe('PERSON');
    const lone = spans.filter((s) => s.text === 'ورزنده');
    expect(lone.length).toBe(1);
    expect(lone[0]!.type).toBe('PERSON');
    expect(lone[0]!.start).toBe(text.lastIndexOf('ورزنده'));
  });
});
