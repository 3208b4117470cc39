// Quantities: text in, QuantitySpans out (numbers in digits or words, ranges, qualifiers and the
// counted noun). Years, dates, clock times and durations are left to the date extractor.
import { extractEnglishQuantities } from './en.js';
import { extractPersianQuantities } from './fa.js';
import { foldArabicScript, stripMarks, unstrip } from './fold.js';
import type { QuantitySpan } from './types.js';

export { EXTRACTOR_VERSION } from './types.js';
export type { Qualifier, QuantitySpan } from './types.js';

/**
 * Find the counts in `text`. Persian text is also searched for Latin-script English numbers,
 * and English text for Persian ones when it holds Arabic script.
 * @example extractQuantities('more than 1,200 prisoners', 'en')[0] // { value: 1200, qualifier: 'at_least', unit: 'prisoners', … }
 */
export function extractQuantities(text: string, lang: 'en' | 'fa'): QuantitySpan[] {
  if (text.length === 0) return [];
  // Vowel marks («نُه») are read past: the patterns see the text without them.
  const stripped = stripMarks(text);
  if (!stripped) return extractPlain(text, lang);
  return extractPlain(stripped.text, lang).map((q) => {
    const { start, end } = unstrip(text, stripped.at, q.start, q.end);
    return { ...q, start, end, text: text.slice(start, end) };
  });
}

function extractPlain(text: string, lang: 'en' | 'fa'): QuantitySpan[] {
  const folded = foldArabicScript(text);
  const hasArabic = folded !== text || /[\u0600-\u06ff]/.test(text);
  if (lang === 'en' && !hasArabic) return extractEnglishQuantities(text);
  const fa = hasArabic ? extractPersianQuantities(text, folded) : [];
  const en = lang === 'en' || /[A-Za-z]/.test(text) ? extractEnglishQuantities(text) : [];
  // Keep Persian spans, add English ones that do not overlap them. A "Persian" span with no
  // Arabic-script letter (Latin digits in an English sentence) gives way to an English span that
  // covers more: "(some 140 names?)" keeps its qualifier.
  const arabicLetter = /[\u0620-\u064a\u066e-\u06d3\u06d5-\u06ff]/;
  let merged = [...fa];
  for (const s of en) {
    const over = merged.filter((f) => f.start < s.end && s.start < f.end);
    if (over.length === 0) merged.push(s);
    else if (over.every((f) => !arabicLetter.test(f.text) && f.end - f.start < s.end - s.start)) {
      merged = merged.filter((f) => !over.includes(f));
      merged.push(s);
    }
  }
  return merged.sort((a, b) => a.start - b.start);
}
