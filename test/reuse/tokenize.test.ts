import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleFingerprints, tokenizeForReuse } from '../../src/reuse/index.js';

function keys(text: string): number[] {
  const t = tokenizeForReuse(text);
  return [...t.keys.subarray(0, t.count)];
}

function words(text: string): string[] {
  const t = tokenizeForReuse(text);
  return Array.from({ length: t.count }, (_, i) => text.slice(t.starts[i], t.ends[i]));
}

describe('tokenizeForReuse', () => {
  it('splits on punctuation and keeps exact spans', () => {
    expect(words('“Labour’s e-mail,” he said: 1,200 (approx).')).toEqual(['Labour’s', 'e', 'mail', 'he', 'said', '1,200', 'approx']);
  });

  it('ignores case, quote style, apostrophe style and thousands separators', () => {
    expect(keys('Labour’s figure of 1,200')).toEqual(keys("LABOUR'S figure of 1200"));
    expect(keys('۱٬۲۰۰ نفر')).toEqual(keys('1200 نفر'));
    expect(keys('Tehrān')).toEqual(keys('tehran'));
  });

  it('tells different words apart', () => {
    const [a, b] = keys('court courts');
    expect(a).not.toBe(b);
  });

  it('gives one key to Persian spellings with ZWNJ, a space, no space, and Arabic letters', () => {
    const withZwnj = keys('کتاب‌های می‌گویند');
    expect(keys('کتابهای میگویند')).toEqual(withZwnj);
    expect(keys('کتاب های می گویند')).toEqual(withZwnj);
    expect(keys('كتاب هاي مي گويند')).toEqual(withZwnj);
    expect(withZwnj).toHaveLength(2);
  });

  it('a glued Persian token spans both written parts', () => {
    expect(words('این کتاب ها را')).toEqual(['این', 'کتاب ها', 'را']);
  });

  it('token spans are ordered, inside the text and never empty', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', ' ', ',', '1', '.', '\n', 'ی', 'ك', '\u200c', '’', '-', 'é') }), (text) => {
        const t = tokenizeForReuse(text);
        let previous = 0;
        for (let i = 0; i < t.count; i++) {
          expect(t.starts[i]!).toBeGreaterThanOrEqual(previous);
          expect(t.ends[i]!).toBeGreaterThan(t.starts[i]!);
          expect(t.ends[i]!).toBeLessThanOrEqual(text.length);
          previous = t.ends[i]!;
        }
      }),
    );
  });
});

describe('sampleFingerprints', () => {
  const text = Array.from({ length: 200 }, (_, i) => `word${i % 37} item${i % 11}`).join(' ');

  it('keeps about one shingle in four of a long line, chosen by hash', () => {
    const t = tokenizeForReuse(text);
    const fp = sampleFingerprints(t, { shingleWords: 6, sampleEvery: 4, denseLineWords: 60 });
    const all = t.count - 5;
    expect(fp.hashes.length).toBeGreaterThan(all / 8);
    expect(fp.hashes.length).toBeLessThan(all / 2);
    for (const h of fp.hashes) expect(h % 4).toBe(0);
  });

  it('keeps the same shingles of a passage wherever it appears', () => {
    const passage = 'the detainees have been held without charge for more than ten days and the association called for their release';
    const a = tokenizeForReuse(`Preface words here. ${passage} and then more.`);
    const b = tokenizeForReuse(`Completely other opening sentence with many words. ${passage}`);
    const opts = { shingleWords: 6, sampleEvery: 4, denseLineWords: 60 };
    const sa = new Set(sampleFingerprints(a, opts).hashes);
    const inPassage = [...sampleFingerprints(b, opts).hashes].filter((h) => sa.has(h));
    expect(inPassage.length).toBeGreaterThan(0);
  });

  it('rejects a shingle size or sample rate that is not a whole number', () => {
    const t = tokenizeForReuse('one two three four five six seven');
    expect(() => sampleFingerprints(t, { shingleWords: 0, sampleEvery: 4, denseLineWords: 60 })).toThrow(/whole numbers/);
    expect(() => sampleFingerprints(t, { shingleWords: 6, sampleEvery: 0.5, denseLineWords: 60 })).toThrow(/whole numbers/);
  });

  it('adds the first and last shingle of each line when given the text', () => {
    const lines = 'alpha beta gamma delta epsilon zeta eta theta\niota kappa lambda mu nu xi omicron pi';
    const t = tokenizeForReuse(lines);
    const opts = { shingleWords: 6, sampleEvery: 1 << 30, denseLineWords: 0 };
    expect(sampleFingerprints(t, opts).hashes.length).toBe(0);
    const withLines = sampleFingerprints(t, opts, lines);
    const positions = [...withLines.positions];
    expect(positions).toContain(0); // "alpha ..." starts line 1
    expect(positions).toContain(2); // "gamma ... theta" ends line 1
    expect(positions).toContain(8); // "iota ..." starts line 2
    expect(positions).toContain(10); // "... pi" ends line 2
  });
});
