// Persian date rules: Solar Hijri, Gregorian and lunar month names, Persian number words,
// relative words (دیروز، هفته گذشته، امسال), clock times and durations. The regexes run on
// foldArabicScript(text), so Arabic ي/ك, آ and both digit sets match one spelling.
// The rules live in fa-absolute.ts and fa-relative.ts; their order breaks ties between equal spans.
import { FA_ABSOLUTE_RULES } from './fa-absolute.js';
import { FA_RELATIVE_RULES } from './fa-relative.js';
import type { Rule } from './engine.js';
export { SH_LATIN_RULES } from './fa-absolute.js';

export const FA_RULES: Rule[] = [...FA_ABSOLUTE_RULES, ...FA_RELATIVE_RULES];
