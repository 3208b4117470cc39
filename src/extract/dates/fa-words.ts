// Persian vocabulary for the date rules, written as it looks after foldArabicScript
// (Persian yeh/keheh, آ -> ا, ASCII digits). Words may be joined by a space or a ZWNJ.
import { FA_NUMBER_PHRASE } from '../quantities/number-words.js';
import { SH_MONTHS_FA } from './solar-hijri.js';

/** A space, a ZWNJ or nothing between the parts of a compound (never a line break). */
export const J = '[ \\t\\u00a0\\u200c]*';
/**
 * Arabic-script letters and marks, for regex classes: the U+0600 block without its punctuation
 * (، ؛ ؟ ٪ ٫ ٬ ۔), so «فردا، یکشنبه» ends a word at the comma.
 */
export const AL = '\\u0610-\\u061a\\u0620-\\u065f\\u066e-\\u06d3\\u06d5-\\u06ff';
/** No Arabic-script letter (or Latin word character) right before / after. */
export const B = `(?<![${AL}\\w])`;
export const E = `(?![${AL}])`;

const alt = (words: string[]): string => [...words].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, J)).join('|');

export const SH_MONTH_INDEX = new Map<string, number>();
SH_MONTHS_FA.forEach((names, i) => names.forEach((n) => SH_MONTH_INDEX.set(n.replace(/آ/g, 'ا'), i + 1)));
export const SH_MONTH = `(?:${alt([...SH_MONTH_INDEX.keys()])})`;

export const GREG_MONTH_INDEX = new Map<string, number>([
  ['ژانویه', 1], ['ژانویهٔ', 1], ['ژانویه', 1], ['فوریه', 2], ['مارس', 3], ['مارچ', 3], ['اوریل', 4], ['اپریل', 4], ['اپریل', 4],
  ['مه', 5], ['می', 5], ['ژوئن', 6], ['ژوین', 6], ['جون', 6], ['ژوئیه', 7], ['ژوییه', 7], ['جولای', 7],
  ['اوت', 8], ['اگوست', 8], ['اگوست', 8], ['سپتامبر', 9], ['اکتبر', 10], ['نوامبر', 11], ['دسامبر', 12],
]);
/** "مه" and "می" are also a word and a verb prefix: they count only right after a day number. */
export const GREG_MONTH = `(?:${alt([...GREG_MONTH_INDEX.keys()])})`;
export const GREG_MONTH_SAFE = `(?:${alt([...GREG_MONTH_INDEX.keys()].filter((k) => k !== 'مه' && k !== 'می'))})`;

export const LUNAR_MONTH_INDEX = new Map<string, number>([
  ['محرم', 1], ['صفر', 2], ['ربیع الاول', 3], ['ربیع الثانی', 4], ['ربیع الاخر', 4], ['جمادی الاول', 5], ['جمادی الاولی', 5],
  ['جمادی الثانی', 6], ['جمادی الثانیه', 6], ['جمادی الاخر', 6], ['رجب', 7], ['شعبان', 8], ['رمضان', 9], ['شوال', 10],
  ['ذی القعده', 11], ['ذیقعده', 11], ['ذی الحجه', 12], ['ذیحجه', 12],
]);
export const LUNAR_MONTH = `(?:${alt([...LUNAR_MONTH_INDEX.keys()])})`;

/** 0 = Sunday … 6 = Saturday (Persian weeks start on Saturday, شنبه). */
export const FA_WEEKDAY_INDEX = new Map<string, number>([
  ['شنبه', 6], ['یکشنبه', 0], ['یک شنبه', 0], ['دوشنبه', 1], ['دو شنبه', 1], ['سه شنبه', 2], ['سشنبه', 2],
  ['چهارشنبه', 3], ['چهار شنبه', 3], ['پنجشنبه', 4], ['پنج شنبه', 4], ['جمعه', 5],
]);
export const FA_WEEKDAY = `(?:${alt([...FA_WEEKDAY_INDEX.keys()])})`;

const WD_COMPACT = new Map([...FA_WEEKDAY_INDEX].map(([k, v]) => [k.replace(/ /g, ''), v]));
/** "سه‌شنبه" / "سه شنبه" -> 2. */
export function faWeekdayOf(s: string): number | undefined {
  return WD_COMPACT.get(s.replace(/[\s\u200c]+/g, ''));
}

export function faMonthKey(s: string): string {
  return s.replace(/[\s\u200c]+/g, ' ').trim();
}

/** Ordinal day words: "اول", "دوم", "بیست و ششم", "سی و یکم". */
const ORD_UNITS = ['یکم', 'اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم', 'یازدهم', 'دوازدهم', 'سیزدهم', 'چهاردهم', 'پانزدهم', 'شانزدهم', 'هفدهم', 'هجدهم', 'هیجدهم', 'نوزدهم', 'بیستم', 'سیم', 'سی ام', 'سی‌ام'];
export const FA_ORDINAL_DAY = `(?:(?:بیست|سی)\\s+و\\s+(?:یکم|دوم|سوم|چهارم|پنجم|ششم|هفتم|هشتم|نهم)|${alt(ORD_UNITS)})`;

/** A count: digits, Persian number words, "چند", "نیم". */
export const FA_COUNT = `(?:\\d+(?:[.,/]\\d+)?|${FA_NUMBER_PHRASE}|چندین|چند|نیم|یکی دو|دو سه|سه چهار|چهار پنج|پنج شش|پنج شیش)`;

/** Calendar suffixes after a year. */
export const SH_SUFFIX = `(?:${J}(?:هجری${J}شمسی|هجری${J}خورشیدی|شمسی|خورشیدی|ه${J}\\.?${J}ش${J}\\.?|ه‍${J}ش))`;
export const GREG_SUFFIX = `(?:${J}(?:میلادی|م${J}\\.))`;
export const LUNAR_SUFFIX = `(?:${J}(?:هجری${J}قمری|قمری|ه${J}\\.${J}ق${J}\\.?|ه${J}ق))`;

export const FA_UNIT = '(?:میلی\\s*ثانیه|ثانیه|دقیقه|ساعت|روز|شبانه\\s*روز|شب|هفته|ماه|سال|دهه|قرن)';
