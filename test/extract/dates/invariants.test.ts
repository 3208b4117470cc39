import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../src/extract/dates/index.js';

const PIECES = [
  'March 3, 2019', ' ', 'yesterday', '۲۶ تیر ۱۳۶۲', 'سال ۱۳۵۸', 'the 1980s', ', ', '\n', 'دیروز', 'two days ago',
  '۱۲۰۰', '3/4/2019', 'Friday', 'شنبه', 'ساعت ۹ صبح', 'از', 'تا', 'and', 'between 1988 and 1990', 'ي', 'ك', '\u200c', 'abc', 'x',
];

describe('date spans', () => {
  it('always cite their text exactly, in order, without overlaps (mixed scripts)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.constantFrom('en', 'fa'), (parts, lang) => {
        const text = parts.join('');
        const spans = extractDates(text, lang as 'en' | 'fa', { date: '2020-01-01' });
        let last = 0;
        for (const s of spans) {
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          expect(s.confidence).toBeGreaterThan(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          last = s.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary Unicode and always cites its text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom('en', 'fa'), fc.option(fc.constantFrom('2020-01-01', '2020-01', '1999')), (text, lang, date) => {
        for (const s of extractDates(text, lang as 'en' | 'fa', { date })) expect(text.slice(s.start, s.end)).toBe(s.text);
      }),
      { numRuns: 300 },
    );
  });

  it('returns nothing for empty text', () => {
    expect(extractDates('', 'en', { date: '2020-01-01' })).toEqual([]);
    expect(extractDates('', 'fa', { date: null })).toEqual([]);
  });

  it('survives a 10 MB one-line text and still finds the dates at both ends', () => {
    const filler = 'x'.repeat(10 * 1024 * 1024);
    const text = `March 3, 2019 ${filler} ۲۶ تیر ۱۳۶۲`;
    for (const lang of ['en', 'fa'] as const) {
      const spans = extractDates(text, lang, { date: '2020-01-01' });
      // Persian rules do not read English month names, but the Latin-digit year is still a year.
      expect(spans.map((s) => s.value)).toEqual(lang === 'en' ? ['2019-03-03', '1983-07-17'] : ['2019', '1983-07-17']);
      expect(spans[spans.length - 1].end).toBe(text.length);
    }
  });

  it('finds English dates inside Persian text only in English mode, and Persian dates inside English text', () => {
    const text = 'The report (published ۲۶ تیر ۱۳۶۲) says March 3, 2019.';
    expect(extractDates(text, 'en', { date: '2020-01-01' }).map((s) => s.value)).toEqual(['1983-07-17', '2019-03-03']);
  });
});
