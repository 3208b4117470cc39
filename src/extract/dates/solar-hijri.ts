// Solar Hijri (Jalali) calendar: month names in both scripts and conversion to Gregorian.
// Conversion is jalaali-js (the 33-year arithmetic rule it implements matches the Iranian
// calendar for 1178–1633 SH, far wider than any document we will see).
import { isValidJalaaliDate, jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';
import { addDays, isoDay, type Ymd } from './calendar.js';

/** Persian month names (after letter folding: Persian yeh/keheh), index 0 = Farvardin. */
export const SH_MONTHS_FA: readonly string[][] = [
  ['فروردین'],
  ['اردیبهشت'],
  ['خرداد'],
  ['تیر'],
  ['مرداد', 'امرداد'],
  ['شهریور'],
  ['مهر'],
  ['آبان', 'ابان'],
  ['آذر', 'اذر'],
  ['دی'],
  ['بهمن'],
  ['اسفند'],
];

/** Latin transliterations, lower case. */
export const SH_MONTHS_LATIN: readonly string[][] = [
  ['farvardin', 'farvardeen'],
  ['ordibehesht', 'ordibehesht', 'ardibehesht'],
  ['khordad'],
  ['tir', 'tire'],
  ['mordad', 'amordad'],
  ['shahrivar', 'shahrivar'],
  ['mehr'],
  ['aban', 'abaan'],
  ['azar', 'azer'],
  ['dey', 'dei', 'day'],
  ['bahman'],
  ['esfand', 'esfand', 'isfand'],
];

export interface JalaaliDate {
  jy: number;
  jm: number;
  jd: number;
}

export function isValidSolarHijri(jy: number, jm: number, jd: number): boolean {
  return jy >= -61 && jy <= 3177 && isValidJalaaliDate(jy, jm, jd);
}

/** 1362-04-26 -> {1983, 7, 17}. */
export function solarHijriToGregorian(jy: number, jm: number, jd: number): Ymd {
  const g = toGregorian(jy, jm, jd);
  return { y: g.gy, m: g.gm, d: g.gd };
}

/** {1983, 7, 17} -> 1362-04-26. */
export function gregorianToSolarHijri(date: Ymd): JalaaliDate {
  return toJalaali(date.y, date.m, date.d);
}

/** "1362-04-26": the Solar Hijri date written ISO-style, kept as `original`. */
export function formatSolarHijri(jy: number, jm?: number, jd?: number): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return jm === undefined ? String(jy) : jd === undefined ? `${jy}-${p(jm)}` : `${jy}-${p(jm)}-${p(jd)}`;
}

/**
 * A bare Solar Hijri year runs Nowruz to Nowruz, so 1358 covers parts of 1979 and 1980;
 * it is never collapsed to one Gregorian year. 1358 -> "1979-03-21/1980-03-20".
 */
export function solarHijriYearInterval(jy: number): string {
  const first = solarHijriToGregorian(jy, 1, 1);
  const last = addDays(solarHijriToGregorian(jy + 1, 1, 1), -1);
  return `${isoDay(first)}/${isoDay(last)}`;
}

/** A Solar Hijri month straddles two Gregorian months: Tir 1362 -> "1983-06-22/1983-07-22". */
export function solarHijriMonthInterval(jy: number, jm: number): string {
  const first = solarHijriToGregorian(jy, jm, 1);
  const last = solarHijriToGregorian(jy, jm, jalaaliMonthLength(jy, jm));
  return `${isoDay(first)}/${isoDay(last)}`;
}

/** Two-digit Solar Hijri years ("سال ۵۷") mean 13xx, or 14xx when that is not after the anchor. */
export function expandSolarHijriYear(yy: number, anchorJy: number | null): number {
  if (yy >= 100) return yy;
  const ref = anchorJy ?? 1400;
  const c14 = 1400 + yy;
  return c14 <= ref ? c14 : 1300 + yy;
}
