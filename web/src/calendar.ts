// Gregorian <-> Solar Hijri labels for the timeline (jalaali-js does the arithmetic).
import { toJalaali } from 'jalaali-js';
import { faDigits } from './i18n.js';

const FA_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];

/** 2019-03-04 -> "۱۳ اسفند ۱۳۹۷"; with unit 'year' -> "۱۳۹۷–۱۳۹۸" when the year straddles Nowruz. */
export function solarHijriLabel(d: Date, unit: 'decade' | 'year' | 'month' | 'day'): string {
  const j = toJalaali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  if (unit === 'day') return faDigits(`${j.jd} ${FA_MONTHS[j.jm - 1]} ${j.jy}`);
  if (unit === 'month') return faDigits(`${FA_MONTHS[j.jm - 1]} ${j.jy}`);
  // A Gregorian year starts in Dey of one Solar Hijri year and ends in the next.
  return faDigits(unit === 'decade' ? `${j.jy}` : `${j.jy}–${j.jy + 1}`);
}

/** "2019-03" -> Date at the start of March 2019 (UTC). */
export function parseIsoPrefix(s: string): Date | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1));
}
