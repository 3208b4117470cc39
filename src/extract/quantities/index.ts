// Quantities: text in, QuantitySpans out (numbers in digits or words, ranges, qualifiers and the
// counted noun). Years, dates, clock times and durations are left to the date extractor.
import { extractEnglishQuantities } from './en.js';
import { extractPersianQuantities } from './fa.js';
import { foldArabicScript } from './fold.js';
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
  const folded = foldArabicScript(text);
  const hasArabic = folded !== text || /[\u0600-\u06ff]/.test(text);
  if (lang === 'en' && !hasArabic) return extractEnglishQuantities(text);
  const fa = hasArabic ? extractPersianQuantities(text, folded) : [];
  const en = lang === 'en' || /[A-Za-z]/.test(text) ? extractEnglishQuantities(text) : [];
  // Keep Persian spans, add English ones that do not overlap them.
  const merged = [...fa];
  for (const s of en) if (!fa.some((f) => f.start < s.end && s.start < f.end)) merged.push(s);
  return merged.sort((a, b) => a.start - b.start);
}
