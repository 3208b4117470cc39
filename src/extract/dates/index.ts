// Time expressions: text in, DateSpans out, anchored on the publication date (never the clock).
import { foldArabicScript } from '../quantities/fold.js';
import { EN_RULES } from './en.js';
import { runRules } from './engine.js';
import { FA_RULES } from './fa.js';
import type { DateAnchor, DateSpan } from './types.js';

export { EXTRACTOR_VERSION } from './types.js';
export type { Calendar, DateAnchor, DateSpan, Granularity } from './types.js';

/**
 * Find the dates, times, durations and frequencies in `text` and normalise them.
 * Persian text is also searched for English/Latin dates ("26 Tir 1362") and vice versa.
 * @example extractDates('Paris, 3 Mar', 'en', { date: '2019-05-01' })[0].value // "2019-03-03"
 */
export function extractDates(text: string, lang: 'en' | 'fa', anchor: DateAnchor): DateSpan[] {
  if (text.length === 0) return [];
  const folded = foldArabicScript(text);
  const rules = lang === 'fa' ? [...FA_RULES, ...EN_RULES] : hasArabicScript(text) ? [...EN_RULES, ...FA_RULES] : EN_RULES;
  return runRules(text, folded, rules, anchor.date);
}

function hasArabicScript(s: string): boolean {
  return /[\u0600-\u06ff]/.test(s);
}
