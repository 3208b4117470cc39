// English date rules: shared pieces (patterns, value builders, anchoring helpers).
import { parseEnglishNumber } from '../quantities/number-words.js';
import { addDays, addMonths, isoDay, isoMonth, isoWeek, isoYear, weekday, type Ymd } from './calendar.js';
import { MONTHS, unitCode, WEEKDAYS } from './en-words.js';
import type { Context, Resolved } from './engine.js';

export const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

export const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')];
export const weekdayOf = (s: string): number => WEEKDAYS[s.toLowerCase().replace('.', '')];

/** "May" and "March" are also a verb and a noun: accept them bare only after a date-ish word. */
export function isBareMonthPlausible(name: string, ctx: Context): boolean {
  if (!/^[A-Z]/.test(name)) return false;
  const n = name.replace('.', '');
  if (n !== 'May' && n !== 'March' && n !== 'Mar' && n !== 'Jan' && n !== 'Sep') return true;
  const before = ctx.folded.slice(Math.max(0, ctx.start - 12), ctx.start);
  return /\b(?:in|of|since|until|till|by|through|early|late|mid|last|next|this|during|from|to|before|after|and|or|between|on)[\s-]*$/i.test(before);
}

export function day(date: Ymd, confidence: number, explicit = true): Resolved {
  return { value: isoDay(date), granularity: 'day', confidence, reference: explicit ? date : undefined };
}

export function twoDigitYear(yy: number, ctx: Context): number {
  const ay = ctx.anchor?.y ?? 2000;
  const c = Math.floor(ay / 100) * 100;
  return c + yy > ay + 10 ? c - 100 + yy : c + yy;
}

/** "several" / "a few" / "many" -> null (an unknown count, TimeML "X"). */
export function countOf(s: string): number | null {
  const t = s.toLowerCase();
  if (/^(several|a few|few|many|some|a couple of|a number of|dozens of|hundreds of|thousands of)$/.test(t)) return null;
  if (t === 'a dozen') return 12;
  return parseEnglishNumber(t);
}

export function durationValue(count: number | null, unit: string): string {
  const u = unitCode(unit);
  const n = count === null ? 'X' : String(count * u.factor).replace(/\.5$/, '.5');
  if (u.code === 'WE') return count === null ? 'PXWE' : `P${n}WE`;
  return u.time ? `PT${n}${u.code}` : `P${n}${u.code}`;
}

/** Shift a date by `n` units and give it at the unit's granularity. */
export function shifted(ref: Ymd, n: number, unit: string, precision: 'day' | 'month' | 'year' | null = 'day'): Resolved | null {
  const u = unitCode(unit).code;
  // "last week" against a publication date known only to the year (or month) has no value.
  const finer = precision === 'year' ? ['D', 'W', 'M', 'Q'] : precision === 'month' ? ['D', 'W'] : [];
  if (finer.includes(u)) return { value: null, granularity: u === 'D' ? 'day' : 'interval', confidence: 0.4 };
  switch (u) {
    case 'D': return { value: isoDay(addDays(ref, n)), granularity: 'day', confidence: 0.8 };
    case 'W': return { value: isoWeek(addDays(ref, 7 * n)), granularity: 'day', confidence: 0.7 };
    case 'M': { const d = addMonths(ref, n); return { value: isoMonth(d.y, d.m), granularity: 'month', confidence: 0.75 }; }
    case 'Q': { const d = addMonths(ref, 3 * n); return { value: `${isoYear(d.y)}-Q${Math.ceil(d.m / 3)}`, granularity: 'month', confidence: 0.7 }; }
    case 'Y': return { value: isoYear(ref.y + n), granularity: 'year', confidence: 0.8 };
    case 'DE': { const dec = String(Math.floor((ref.y + 10 * n) / 10)); return { value: `${dec}X`, timeml: dec, granularity: 'decade', confidence: 0.6 }; }
    default: return null;
  }
}

export const PRESENT: Resolved = { value: null, timeml: 'PRESENT_REF', granularity: 'day', confidence: 0.7 };
export const PAST: Resolved = { value: null, timeml: 'PAST_REF', granularity: 'day', confidence: 0.6 };
export const FUTURE: Resolved = { value: null, timeml: 'FUTURE_REF', granularity: 'day', confidence: 0.6 };

export function present(ctx: Context): Resolved {
  return { ...PRESENT, value: ctx.anchor && ctx.anchorPrecision === 'day' ? isoDay(ctx.anchor) : null };
}

export const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

export function quarterOf(m: number): number {
  return Math.ceil(m / 3);
}

/** "a year earlier" after "the third quarter" is that quarter a year before (earnings-report usage). */
export function yearEarlier(ctx: Context, ref: Ymd | null): Resolved | null {
  if (ctx.lastQuarter) return { value: `${isoYear(ctx.lastQuarter.y - 1)}-Q${ctx.lastQuarter.q}`, granularity: 'month', confidence: 0.5 };
  return ref ? { value: isoYear(ref.y - 1), granularity: 'year', confidence: 0.6 } : null;
}

export const ORD: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** The n-th given weekday (0 = Sunday) of a month: Thanksgiving = nthWeekday(y, 11, 4, 4). */
export function nthWeekday(y: number, month: number, wd: number, n: number): Ymd {
  const first = { y, m: month, d: 1 };
  const offset = (wd - weekday(first) + 7) % 7;
  return { y, m: month, d: 1 + offset + 7 * (n - 1) };
}
