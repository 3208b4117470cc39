import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize, type Token } from '../../../src/extract/tokenize/tokenize.js';
import { foldWord } from '../../../src/extract/ner/word-info.js';

const words = (text: string, lang: 'en' | 'fa'): string[] => tokenize(text, lang).map((t) => t.text);

function checkOffsets(text: string, tokens: Token[]): void {
  let last = 0;
  for (const t of tokens) {
    expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(t.start).toBeGreaterThanOrEqual(last);
    expect(t.end).toBeGreaterThan(t.start);
    expect(/\s/.test(t.text)).toBe(false);
    last = t.end;
  }
}

describe('tokenize: offsets', () => {
  it('every token is text.slice(start, end), in order, for any text (fast-check)', () => {
    const alphabet = fc.constantFrom(
      ...'aZ .,;:!?()"\'-’«»،؛؟ ‌\u200c\u200f\nمی‌خواهمكيی۱۲٫3.4U.S.Mr.😀é'.split(''),
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }).map((a) => a.join('')), fc.constantFrom('en' as const, 'fa' as const), (text, lang) => {
        checkOffsets(text, tokenize(text, lang));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps surrogate pairs whole so offsets never split an emoji', () => {
    const text = 'Hi 😀 there';
    const toks = tokenize(text, 'en');
    expect(toks.map((t) => t.text)).toEqual(['Hi', '😀', 'there']);
    checkOffsets(text, toks);
  });
});

describe('tokenize: English', () => {
  it('keeps abbreviations and dotted acronyms with their period', () => {
    expect(words('Dr. Lina Marsh of the U.S. Army met Gen. Varan.', 'en')).toEqual([
      'Dr.', 'Lina', 'Marsh', 'of', 'the', 'U.S.', 'Army', 'met', 'Gen.', 'Varan', '.',
    ]);
  });

  it('splits clitics the CoNLL way and keeps hyphenated words and numbers whole', () => {
    expect(words("People's Front didn't sign the Anglo-Dutch deal for 1,250.50 dollars", 'en')).toEqual([
      'People', "'s", 'Front', 'did', "n't", 'sign', 'the', 'Anglo-Dutch', 'deal', 'for', '1,250.50', 'dollars',
    ]);
  });

  it('keeps O\'Brien and AT&T whole, separates quotes and brackets', () => {
    expect(words('"O\'Brien (AT&T) said."', 'en')).toEqual(['"', "O'Brien", '(', 'AT&T', ')', 'said', '.', '"']);
  });

  it('treats "..." after a word as an ellipsis, not an abbreviation', () => {
    expect(words('Wait... no', 'en')).toEqual(['Wait', '...', 'no']);
  });
});

describe('tokenize: Persian', () => {
  it('keeps ZWNJ inside a word: «می‌خواهم» is one token', () => {
    const text = 'من می‌خواهم بروم';
    const toks = tokenize(text, 'fa');
    expect(toks.map((t) => t.text)).toEqual(['من', 'می‌خواهم', 'بروم']);
    expect(toks[1]!.text).toContain('\u200c');
  });

  it('drops a ZWNJ at a word edge instead of starting or ending a token with it', () => {
    const text = 'کتاب\u200c \u200cها';
    expect(words(text, 'fa')).toEqual(['کتاب', 'ها']);
  });

  it('splits Persian punctuation « » ، ؛ ؟ and Latin punctuation off words', () => {
    expect(words('«آزادی»، امید؛ چرا؟ (بله!)', 'fa')).toEqual(['«', 'آزادی', '»', '،', 'امید', '؛', 'چرا', '؟', '(', 'بله', '!', ')']);
  });

  it('keeps Persian and Arabic-Indic numbers whole, with the Persian decimal and thousands separators', () => {
    expect(words('سال ۱۳۵۸ و ۳٫۵ درصد و ١٢٠ نفر و ۱۰٬۰۰۰ تومان', 'fa')).toEqual(['سال', '۱۳۵۸', 'و', '۳٫۵', 'درصد', 'و', '١٢٠', 'نفر', 'و', '۱۰٬۰۰۰', 'تومان']);
  });

  it('leaves Arabic letter variants in the token text; folding is for features only', () => {
    const text = 'كتاب علي';
    const toks = tokenize(text, 'fa');
    expect(toks.map((t) => t.text)).toEqual(['كتاب', 'علي']); // Arabic kaf and yeh, unchanged
    expect(foldWord(toks[0]!.text)).toBe('کتاب');
    expect(foldWord(toks[1]!.text)).toBe('علی');
    expect(foldWord('می‌خواهم')).toBe('میخواهم');
  });

  it('handles mixed scripts with correct offsets', () => {
    const text = 'The Tehran office (دفتر تهران) of Amnesty, «Human Rights Watch» گفت';
    const toks = tokenize(text, 'en');
    checkOffsets(text, toks);
    expect(toks.map((t) => t.text)).toEqual(['The', 'Tehran', 'office', '(', 'دفتر', 'تهران', ')', 'of', 'Amnesty', ',', '«', 'Human', 'Rights', 'Watch', '»', 'گفت']);
  });
});
