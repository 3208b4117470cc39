// Calendar dates as they appear in bylines of saved web pages, English and Persian.
// Only unambiguous full dates: "03/04/2019" (day or month first?) is left alone.
import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { normalizeDigits } from '../../text/normalize.js';

export interface FoundDate {
  value: string; // ISO YYYY-MM-DD (Gregorian)
  index: number; // UTF-16 offset in the line
  length: number;
  calendar: 'gregorian' | 'solar_hijri';
}

const EN_MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

// Solar Hijri month names, in order (Farvardin .. Esfand), with common spelling variants.
const FA_SOLAR_MONTHS: [string, number][] = [
  ['فروردین', 1], ['اردیبهشت', 2], ['خرداد', 3], ['تیر', 4], ['مرداد', 5], ['امرداد', 5], ['شهریور', 6],
  ['مهر', 7], ['آبان', 8], ['آذر', 9], ['دی', 10], ['بهمن', 11], ['اسفند', 12],
];
// Gregorian month names as Persian sites write them.
const FA_GREGORIAN_MONTHS: [string, number][] = [
  ['ژانویه', 1], ['ژانویهٔ', 1], ['فوریه', 2], ['مارس', 3], ['آوریل', 4], ['مه', 5], ['می', 5], ['ژوئن', 6],
  ['ژوئیه', 7], ['جولای', 7], ['اوت', 8], ['آگوست', 8], ['سپتامبر', 9], ['اکتبر', 10], ['نوامبر', 11], ['دسامبر', 12],
];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function gregorian(y: number, m: number, d: number): string | null {
  if (y < 1000 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** Solar Hijri -> ISO Gregorian. 1398-04-26 -> "2019-07-17". */
export function solarHijriToIso(jy: number, jm: number, jd: number): string | null {
  if (jy < 1200 || jy > 1500 || !isValidJalaaliDate(jy, jm, jd)) return null;
  const g = toGregorian(jy, jm, jd);
  return gregorian(g.gy, g.gm, g.gd);
}

const EN_MONTH_RE = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const MONTH_DAY_YEAR = new RegExp(`\\b${EN_MONTH_RE}\\s+(\\d{1,2})${ORD},?\\s+(\\d{4})\\b`, 'gi');
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})${ORD}\\s+(?:of\\s+)?${EN_MONTH_RE},?\\s+(\\d{4})\\b`, 'gi');
const NUMERIC_DMY = /(?<![\d/.-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/.-]|\.\d)/g;
const NUMERIC_YMD = /(?<![\d/.-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/.-]|\.\d)/g;

function alternation(names: [string, number][]): string {
  return [...names].sort((a, b) => b[0].length - a[0].length).map(([n]) => n).join('|');
}
const FA_LETTER = '\\u0600-\\u06ff';
const FA_SOLAR_RE = new RegExp(`(?<![\\d])(\\d{1,2})\\s*(${alternation(FA_SOLAR_MONTHS)})(?:[\\u200c\\s]*ماه)?(?![${FA_LETTER}])\\s*(?:سال\\s*)?(\\d{4})(?!\\d)`, 'g');
const FA_GREG_RE = new RegExp(`(?<![\\d])(\\d{1,2})\\s*(${alternation(FA_GREGORIAN_MONTHS)})(?![${FA_LETTER}])\\s*(\\d{4})(?!\\d)`, 'g');
const FA_SOLAR_MONTH = new Map(FA_SOLAR_MONTHS);
const FA_GREG_MONTH = new Map(FA_GREGORIAN_MONTHS);

/**
 * Full dates in one line of text, in order of appearance. Persian digits are read as
 * ASCII (the normalization keeps string length, so offsets stay valid).
 * "۲۶ تیر ۱۳۹۸" -> 2019-07-17 (solar_hijri); "March 3, 2019" -> 2019-03-03.
 */
export function findDates(line: string): FoundDate[] {
  const s = normalizeDigits(line);
  const out: FoundDate[] = [];
  const push = (value: string | null, index: number, length: number, calendar: FoundDate['calendar']) => {
    if (value && !out.some((d) => index < d.index + d.length && d.index < index + length)) out.push({ value, index, length, calendar });
  };
  for (const m of s.matchAll(FA_SOLAR_RE)) push(solarHijriToIso(+m[3]!, FA_SOLAR_MONTH.get(m[2]!)!, +m[1]!), m.index!, m[0].length, 'solar_hijri');
  for (const m of s.matchAll(FA_GREG_RE)) push(gregorian(+m[3]!, FA_GREG_MONTH.get(m[2]!)!, +m[1]!), m.index!, m[0].length, 'gregorian');
  for (const m of s.matchAll(MONTH_DAY_YEAR)) push(gregorian(+m[3]!, EN_MONTHS[m[1]!.toLowerCase()]!, +m[2]!), m.index!, m[0].length, 'gregorian');
  for (const m of s.matchAll(DAY_MONTH_YEAR)) push(gregorian(+m[3]!, EN_MONTHS[m[2]!.toLowerCase()]!, +m[1]!), m.index!, m[0].length, 'gregorian');
  for (const m of s.matchAll(NUMERIC_DMY)) {
    const a = +m[1]!;
    const b = +m[3]!;
    // Only when one side cannot be a month: "25/09/2025" and "09/25/2025" are sure, "03/04/2019" is not.
    if (a > 12 && b <= 12) push(gregorian(+m[4]!, b, a), m.index!, m[0].length, 'gregorian');
    else if (b > 12 && a <= 12) push(gregorian(+m[4]!, a, b), m.index!, m[0].length, 'gregorian');
  }
  for (const m of s.matchAll(NUMERIC_YMD)) {
    const y = +m[1]!;
    // 13xx/14xx years are Solar Hijri ("۱۳۹۸/۰۴/۲۶"); no Gregorian page date is that old.
    if (y >= 1200 && y < 1500) push(solarHijriToIso(y, +m[3]!, +m[4]!), m.index!, m[0].length, 'solar_hijri');
    else push(gregorian(y, +m[3]!, +m[4]!), m.index!, m[0].length, 'gregorian');
  }
  return out.sort((a, b) => a.index - b.index);
}
