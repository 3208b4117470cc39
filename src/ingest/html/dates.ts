// Publication-date strings as pages print them: ISO timestamps in attributes, and
// English, numeric and Persian (Solar Hijri or Gregorian) dates in byline text.
import { toGregorian } from 'jalaali-js';
import { normalizeDigits } from '../../text/normalize.js';

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
// Solar Hijri month names, with common spelling variants.
const JALALI_MONTHS: Record<string, number> = {
  'فروردین': 1, 'اردیبهشت': 2, 'خرداد': 3, 'تیر': 4, 'مرداد': 5, 'امرداد': 5, 'شهریور': 6, 'مهر': 7,
  'آبان': 8, 'آذر': 9, 'دی': 10, 'بهمن': 11, 'اسفند': 12,
};
// Gregorian month names written in Persian.
const FA_GREGORIAN_MONTHS: Record<string, number> = {
  'ژانویه': 1, 'ژانویهٔ': 1, 'فوریه': 2, 'مارس': 3, 'آوریل': 4, 'مه': 5, 'می': 5, 'ژوئن': 6, 'ژوئیه': 7,
  'جولای': 7, 'اوت': 8, 'اگوست': 8, 'آگوست': 8, 'سپتامبر': 9, 'اکتبر': 10, 'نوامبر': 11, 'دسامبر': 12,
};

export interface FoundDate {
  value: string; // YYYY-MM-DD, YYYY-MM or YYYY
  match: string; // the text it was read from
  calendar: 'gregorian' | 'solar_hijri';
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYmd(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

function ymd(y: number, m: number, d: number): string | null {
  return validYmd(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

function jalaliToIso(jy: number, jm: number, jd: number): string | null {
  if (jy < 1280 || jy > 1480 || jm < 1 || jm > 12 || jd < 1 || jd > (jm <= 6 ? 31 : jm < 12 ? 30 : 30)) return null;
  const g = toGregorian(jy, jm, jd);
  return ymd(g.gy, g.gm, g.gd);
}

const ISO_RE = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s]|$)/;
const ISO_COMPACT_RE = /^\s*(\d{4})(\d{2})(\d{2})(?:T|$)/;
const YM_RE = /^\s*(\d{4})-(\d{2})\s*$/;

/**
 * A machine-readable date from an attribute or JSON-LD: "2019-07-17T10:00:00+04:30" -> "2019-07-17".
 * Falls back to the text patterns of findTextDate ("Wed, 17 Jul 2019 10:00 GMT").
 */
export function parseMachineDate(raw: string): string | null {
  const s = normalizeDigits(raw);
  let m = ISO_RE.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!) ?? jalaliToIso(+m[1]!, +m[2]!, +m[3]!);
  m = ISO_COMPACT_RE.exec(s);
  if (m) return ymd(+m[1]!, +m[2]!, +m[3]!);
  m = YM_RE.exec(s);
  if (m && +m[2]! >= 1 && +m[2]! <= 12) return `${m[1]}-${m[2]}`;
  return findTextDate(s)?.value ?? null;
}

const MONTH_NAME = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
// "July 17, 2019", "Jul. 17th 2019"
const MDY_RE = new RegExp(`\\b${MONTH_NAME}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
// "17 July 2019", "17th of July, 2019"
const DMY_RE = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_NAME}\\.?,?\\s+(\\d{4})\\b`, 'i');
// "2019-07-17", "2019/07/17", "2019.07.17"
const YMD_NUM_RE = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;
// "17.07.2019", "07/17/2019"
const DMY_NUM_RE = /\b(\d{1,2})([./-])(\d{1,2})\2(\d{4})\b/;
// "۲۶ تیر ۱۳۹۸" (digits already ASCII here)
const FA_MONTH_ALT = [...Object.keys(JALALI_MONTHS), ...Object.keys(FA_GREGORIAN_MONTHS)].sort((a, b) => b.length - a.length).join('|');
const FA_DMY_RE = new RegExp(`(\\d{1,2})\\s*(?:ام)?\\s+(${FA_MONTH_ALT})(?:\\s*ماه)?\\s*(?:سال\\s*)?(\\d{4})`);
// "Month 2019"
const MY_RE = new RegExp(`\\b${MONTH_NAME}\\.?,?\\s+(\\d{4})\\b`, 'i');

/**
 * The first date printed in a piece of text.
 * "Posted on July 17, 2019 by Ann" -> 2019-07-17; "۲۶ تیر ۱۳۹۸" -> 2019-07-17 (Solar Hijri).
 */
export function findTextDate(raw: string, opts: { monthYear?: boolean } = {}): FoundDate | null {
  const s = normalizeDigits(raw);
  const found: { at: number; d: FoundDate }[] = [];
  let m = MDY_RE.exec(s);
  if (m) {
    const v = ymd(+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!);
    if (v) found.push({ at: m.index, d: { value: v, match: m[0], calendar: 'gregorian' } });
  }
  m = DMY_RE.exec(s);
  if (m) {
    const v = ymd(+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!);
    if (v) found.push({ at: m.index, d: { value: v, match: m[0], calendar: 'gregorian' } });
  }
  m = FA_DMY_RE.exec(s);
  if (m) {
    const name = m[2]!;
    const y = +m[3]!;
    const d = +m[1]!;
    let v: string | null = null;
    let cal: FoundDate['calendar'] = 'gregorian';
    if (JALALI_MONTHS[name] !== undefined && y >= 1280 && y <= 1480) {
      v = jalaliToIso(y, JALALI_MONTHS[name]!, d);
      cal = 'solar_hijri';
    } else if (FA_GREGORIAN_MONTHS[name] !== undefined) v = ymd(y, FA_GREGORIAN_MONTHS[name]!, d);
    if (v) found.push({ at: m.index, d: { value: v, match: m[0], calendar: cal } });
  }
  m = YMD_NUM_RE.exec(s);
  if (m) {
    const y = +m[1]!;
    const v = y >= 1280 && y <= 1480 ? jalaliToIso(y, +m[2]!, +m[3]!) : ymd(y, +m[2]!, +m[3]!);
    if (v) found.push({ at: m.index, d: { value: v, match: m[0], calendar: y < 1500 ? 'solar_hijri' : 'gregorian' } });
  }
  m = DMY_NUM_RE.exec(s);
  if (m) {
    const a = +m[1]!;
    const b = +m[3]!;
    const y = +m[4]!;
    // "17.07.2019" is day-first; "07/17/2019" month-first; "05/06/2019" read day-first only with dots.
    let v: string | null = null;
    if (y >= 1280 && y <= 1480) v = jalaliToIso(y, b, a);
    else if (a > 12) v = ymd(y, b, a);
    else if (b > 12) v = ymd(y, a, b);
    else v = m[2] === '/' ? ymd(y, a, b) : ymd(y, b, a);
    if (v) found.push({ at: m.index, d: { value: v, match: m[0], calendar: y < 1500 ? 'solar_hijri' : 'gregorian' } });
  }
  if (found.length === 0 && opts.monthYear) {
    m = MY_RE.exec(s);
    if (m) {
      const y = +m[2]!;
      if (y >= 1900 && y <= 2100) found.push({ at: m.index, d: { value: `${y}-${pad(MONTHS[m[1]!.toLowerCase()]!)}`, match: m[0], calendar: 'gregorian' } });
    }
  }
  if (found.length === 0) return null;
  found.sort((x, y) => x.at - y.at);
  return found[0]!.d;
}

const URL_DATE_RE = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:[/-]|$)/;

/** A date in a URL path: "https://x.org/2019/07/17/title" -> "2019-07-17". */
export function findUrlDate(url: string): string | null {
  const m = URL_DATE_RE.exec(url);
  return m ? ymd(+m[1]!, +m[2]!, +m[3]!) : null;
}
