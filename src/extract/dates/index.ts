// Time expressions: text in, DateSpans out, anchored on the publication date (never the clock).
import { foldArabicScript, stripMarks, unstrip } from '../quantities/fold.js';
import { EN_RULES } from './en.js';
import { runRules } from './engine.js';
import { FA_RULES, SH_LATIN_RULES } from './fa.js';
import { toIsoValue } from './iso.js';
import { mergeAdjacent } from './merge.js';
import type { DateAnchor, DateSpan } from './types.js';

export { EXTRACTOR_VERSION } from './types.js';
export type { Calendar, DateAnchor, DateSpan, Granularity } from './types.js';

const EN_ONLY = [...SH_LATIN_RULES, ...EN_RULES];
const EN_MIXED = [...SH_LATIN_RULES, ...EN_RULES, ...FA_RULES];
const FA = [...FA_RULES, ...SH_LATIN_RULES];

/**
 * Find the dates, times, durations and frequencies in `text` and normalise them against the
 * publication date. English text is also searched for Persian script and Solar Hijri dates in
 * Latin letters ("26 Tir 1362"); Persian text for Latin-letter Solar Hijri dates.
 * @example extractDates('Paris, 3 Mar', 'en', { date: '2019-05-01' })[0].value // "2019-03-03"
 */
export function extractDates(text: string, lang: 'en' | 'fa', anchor: DateAnchor): DateSpan[] {
  if (text.length === 0) return [];
  // Vowel marks («هفتهٔ», «نُه») are read past: the rules see the text without them.
  const stripped = stripMarks(text);
  if (!stripped) return extractPlain(text, lang, anchor);
  return extractPlain(stripped.text, lang, anchor).map((s) => {
    const { start, end } = unstrip(text, stripped.at, s.start, s.end);
    return { ...s, start, end, text: text.slice(start, end) };
  });
}

function extractPlain(text: string, lang: 'en' | 'fa', anchor: DateAnchor): DateSpan[] {
  const folded = foldArabicScript(text);
  const arabic = folded !== text || /[\u0600-\u06ff]/.test(text);
  const rules = lang === 'fa' ? FA : arabic ? EN_MIXED : EN_ONLY;
  const spans = runRules(text, folded, rules, anchor.date).map(toIsoValue);
  // Merged pieces can join a day and a part of day ("2019-03-03TNI"): normalise once more.
  return lang === 'fa' ? mergeAdjacent(text, folded, spans).map(toIsoValue) : spans;
}
