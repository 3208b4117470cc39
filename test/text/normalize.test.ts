import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldForSearch, foldWithOffsets, normalizeDigits, normalizeText } from '../../src/text/normalize.js';
import { detectLanguage } from '../../src/text/language.js';
import { splitParagraphs } from '../../src/text/segment.js';

describe('normalize', () => {
  it('maps Persian and Arabic-Indic digits to ASCII', () => {
    expect(normalizeDigits('۱۳۵۸ و ٢٠١٩')).toBe('1358 و 2019');
  });

  it('folds letter variants, tatweel, harakat and ZWNJ for search', () => {
    expect(foldForSearch('كتاب‌هاي')).toBe('کتابهای');
    expect(foldForSearch('مـــحمد')).toBe('محمد');
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('Tehrān ۱۳۹۸')).toBe('tehran 1398');
    expect(foldForSearch('مدرسة')).toBe('مدرسه');
  });

  it('tidies whitespace but keeps paragraph breaks', () => {
    expect(normalizeText('a \t b\r\n\n\n\nc\u00a0d')).toBe('a b\n\nc d');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => normalizeText(normalizeText(s)) === normalizeText(s)));
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => foldForSearch(foldForSearch(s)) === foldForSearch(s)));
  });

  it('maps every folded character back to the character it came from', () => {
    const s = 'Kalantarī كتاب‌ها ۲۰۱۹';
    const { folded, offsets } = foldWithOffsets(s);
    expect(folded).toBe(foldForSearch(s));
    const at = folded.indexOf('کتابها');
    expect(s.slice(offsets[at], offsets[at + 'کتابها'.length])).toBe('كتاب‌ها');
  });
});

describe('language and paragraphs', () => {
  it('tells English, Persian and other text apart', () => {
    expect(detectLanguage('The report said that the detainees were held in the camp.')).toBe('en');
    expect(detectLanguage('گزارش می‌گوید که بازداشت‌شدگان در اردوگاه نگهداری شدند.')).toBe('fa');
    expect(detectLanguage('قال التقرير إن المعتقلين احتجزوا في المخيم.')).toBe('other');
    expect(detectLanguage('Der Bericht sagt, dass die Gefangenen im Lager waren.')).toBe('other');
  });

  it('cuts paragraphs with offsets into the text', () => {
    const text = 'One line\nstill one.\n\nTwo.\n\n\n  Three.  ';
    const spans = splitParagraphs(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['One line\nstill one.', 'Two.', 'Three.']);
  });
});
