import { describe, expect, it } from 'vitest';
import { MAX_SENTENCE_TOKENS, splitSentences } from '../../../src/extract/tokenize/sentences.js';
import { tokenize } from '../../../src/extract/tokenize/tokenize.js';

function sentences(text: string, lang: 'en' | 'fa'): string[] {
  return splitSentences(text, tokenize(text, lang), lang).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences: English', () => {
  it('does not end a sentence at Mr., Dr., Gen. or U.S.', () => {
    const text = 'Mr. Tomas Ebbeling met Dr. Lina Marsh. Gen. Varan of the U.S. Army was there. They left at noon!';
    expect(sentences(text, 'en')).toEqual([
      'Mr. Tomas Ebbeling met Dr. Lina Marsh.',
      'Gen. Varan of the U.S. Army was there.',
      'They left at noon!',
    ]);
  });

  it('keeps a closing quote with its sentence and does not split before lower case', () => {
    const text = 'He said "we will return." Then he left. The value was 3.5 p.m. local time.';
    expect(sentences(text, 'en')).toEqual(['He said "we will return."', 'Then he left.', 'The value was 3.5 p.m. local time.']);
  });

  it('ends a sentence at a blank line, and at a line break unless the next line continues in lower case', () => {
    const text = 'Headline Without Stop\n\nBody text goes\non here. Second line\nNew paragraph';
    expect(sentences(text, 'en')).toEqual(['Headline Without Stop', 'Body text goes\non here.', 'Second line', 'New paragraph']);
  });

  it('cuts runaway sentences so the tagger sees bounded input', () => {
    const text = 'word '.repeat(MAX_SENTENCE_TOKENS * 3);
    const spans = splitSentences(text, tokenize(text, 'en'), 'en');
    expect(spans.length).toBe(3);
    for (const s of spans) expect(s.tokenEnd - s.tokenStart).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });

  it('returns nothing for empty text', () => {
    expect(splitSentences('', [], 'en')).toEqual([]);
  });
});

describe('splitSentences: Persian', () => {
  it('ends sentences at . ؟ ! and keeps «» with their sentence', () => {
    const text = 'او به تهران آمد. آیا تو رفتی؟ «بله!» گفت و رفت.';
    expect(sentences(text, 'fa')).toEqual(['او به تهران آمد.', 'آیا تو رفتی؟', '«بله!»', 'گفت و رفت.']);
  });

  it('does not split a decimal number written with a period', () => {
    expect(sentences('نرخ تورم 3.5 درصد بود. سپس افزایش یافت.', 'fa')).toEqual(['نرخ تورم 3.5 درصد بود.', 'سپس افزایش یافت.']);
  });
});
