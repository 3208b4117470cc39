// Persian date rules: shared pieces (patterns, value builders, anchoring helpers).
import { FA_NUMBER_PHRASE, parsePersianNumber, parsePersianOrdinal } from '../quantities/number-words.js';
import { hasFutureCue } from './anchor.js';
import { addDays, isoDay, isoWeek, isValidYmd, toDayNumber, weekday } from './calendar.js';
import type { Context, Resolved } from './engine.js';
import { AL, B, FA_ORDINAL_DAY, FA_WEEKDAY, faMonthKey, GREG_MONTH, GREG_MONTH_INDEX, GREG_MONTH_SAFE, GREG_SUFFIX, J, LUNAR_MONTH, LUNAR_MONTH_INDEX, LUNAR_SUFFIX, SH_MONTH, SH_MONTH_INDEX, SH_SUFFIX } from './fa-words.js';
import { formatSolarHijri, gregorianToSolarHijri, isValidSolarHijri, solarHijriMonthInterval, solarHijriToGregorian, solarHijriYearInterval } from './solar-hijri.js';

/** "۲۶" (folded "26") -> 26, "بیست و ششم" -> 26, "سه" -> 3. */
export function faNumber(s: string): number | null {
  const t = s.replace(/[\s\u200c]+/g, ' ').trim();
  // "دو سه", "پنج شیش": two neighbouring numbers mean "two or three", not five.
  if (/^(?:یکی|یک|دو|سه|چهار|پنج|شش|شیش|هفت|هشت) (?:دو|سه|چهار|پنج|شش|شیش|هفت|هشت|نه)$/.test(t)) return null;
  if (/^\d+$/.test(t)) return Number(t);
  return parsePersianOrdinal(t) ?? parsePersianNumber(t);
}

export type Cal = 'sh' | 'greg' | 'lunar';

export function calendarOfSuffix(s: string | undefined): Cal | null {
  if (!s) return null;
  const t = s.replace(/[\s\u200c.\u200d]+/g, '');
  if (t.includes('قمری') || t === 'هق') return 'lunar';
  if (t.includes('میلادی') || t === 'م') return 'greg';
  return 'sh';
}

/** Which calendar a bare year number belongs to: 1200–1499 Solar Hijri, else Gregorian. */
export function calendarOfYear(y: number): Cal {
  return y >= 1200 && y < 1500 ? 'sh' : 'greg';
}

export function anchorSH(ctx: Context): { jy: number; jm: number; jd: number } | null {
  return ctx.anchor ? gregorianToSolarHijri(ctx.anchor) : null;
}

export function shDay(jy: number, jm: number, jd: number, confidence: number): Resolved | null {
  if (!isValidSolarHijri(jy, jm, jd)) return null;
  const g = solarHijriToGregorian(jy, jm, jd);
  return { value: isoDay(g), granularity: 'day', calendar: 'solar-hijri', original: formatSolarHijri(jy, jm, jd), confidence, reference: g };
}

export function shMonth(jy: number, jm: number, confidence: number): Resolved {
  return { value: solarHijriMonthInterval(jy, jm), granularity: 'interval', calendar: 'solar-hijri', original: formatSolarHijri(jy, jm), confidence, reference: solarHijriToGregorian(jy, jm, 1) };
}

export function shYear(jy: number, confidence: number): Resolved {
  // A bare Solar Hijri year runs Nowruz to Nowruz: never one Gregorian year.
  return { value: solarHijriYearInterval(jy), granularity: 'interval', calendar: 'solar-hijri', original: String(jy), confidence, reference: solarHijriToGregorian(jy, 1, 1) };
}

/** A Solar Hijri day without a year: the weekday picks the year if given, else at or before publication. */
export function yearlessShDay(jm: number, jd: number, wd: number | null, ctx: Context): Resolved | null {
  const a = anchorSH(ctx);
  if (!a || !ctx.anchor) return { value: null, granularity: 'day', calendar: 'solar-hijri', original: formatSolarHijri(0, jm, jd).slice(2), confidence: 0.4 };
  if (wd !== null) {
    let best: number | null = null;
    let dist = Infinity;
    for (let jy = a.jy + 1; jy >= a.jy - 10; jy--) {
      if (!isValidSolarHijri(jy, jm, jd)) continue;
      const g = solarHijriToGregorian(jy, jm, jd);
      if (weekday(g) !== wd) continue;
      const d = Math.abs(toDayNumber(g) - toDayNumber(ctx.anchor));
      if (d < dist) {
        dist = d;
        best = jy;
      }
    }
    if (best !== null) return shDay(best, jm, jd, 0.85);
  }
  // Same rule as English: at or before publication (or at most 10 days after), else the year before;
  // under a future cue the next occurrence.
  const anchorDay = toDayNumber(ctx.anchor);
  const diff = (jy: number): number => (isValidSolarHijri(jy, jm, jd) ? toDayNumber(solarHijriToGregorian(jy, jm, jd)) - anchorDay : NaN);
  if (hasFutureCue(ctx, 'fa')) {
    for (const jy of [a.jy - 1, a.jy, a.jy + 1]) if (diff(jy) >= -15) return shDay(jy, jm, jd, 0.7);
    return null;
  }
  for (const jy of [a.jy + 1, a.jy, a.jy - 1, a.jy - 2]) if (diff(jy) <= 10) return shDay(jy, jm, jd, 0.75);
  return null;
}

export function gregDay(y: number | null, m: number, d: number, ctx: Context): Resolved | null {
  if (y !== null) return isValidYmd(y, m, d) ? { value: isoDay({ y, m, d }), granularity: 'day', confidence: 0.9, reference: { y, m, d } } : null;
  const a = ctx.anchor;
  if (!a) return { value: null, granularity: 'day', confidence: 0.4 };
  const anchorDay = toDayNumber(a);
  const diff = (y: number): number => (isValidYmd(y, m, d) ? toDayNumber({ y, m, d }) - anchorDay : NaN);
  const years = hasFutureCue(ctx, 'fa') ? [a.y - 1, a.y, a.y + 1].filter((y) => diff(y) >= -15) : [a.y + 1, a.y, a.y - 1, a.y - 2].filter((y) => diff(y) <= 10);
  const yy = years[0];
  return yy !== undefined ? { value: isoDay({ y: yy, m, d }), granularity: 'day', confidence: 0.7 } : null;
}

export function parseYear(s: string | undefined): number | null {
  if (!s) return null;
  return faNumber(s);
}

export const YEAR_WORDS = `(?:(?:یک|دو)${J}هزار(?:${J}و${J}${FA_NUMBER_PHRASE})?|هزار${J}و${J}${FA_NUMBER_PHRASE})`;
export const YEAR = `(\\d{4}|\\d{2}(?!\\d)|${YEAR_WORDS})`;
export const SUFFIX = `(${SH_SUFFIX}|${GREG_SUFFIX}|${LUNAR_SUFFIX})?`;
export const E2 = `(?![${AL}]|\\u200c[${AL}])`;
export const PART = `(?:صبح|ظهر|بعد${J}از${J}ظهر|بعدازظهر|عصر|غروب|شب|بامداد|نیمه${J}شب|نصف${J}شب|نیمه${J}های${J}شب|سحر|ظهر)`;

export const DAY_MONTH = new RegExp(
  `${B}(?:(${FA_WEEKDAY})[ \\t،,]*)?(\\d{1,2}|${FA_ORDINAL_DAY}|${FA_NUMBER_PHRASE})(?:${J}(?:ام|م))?${J}(${SH_MONTH}|${GREG_MONTH}|${LUNAR_MONTH})(?:${J}ماه)?${E2}(?:[ \\t،,]*(?:سال${J})?${YEAR}${E2})?${SUFFIX}`,
  'g',
);

export const MONTH_YEAR = new RegExp(
  `${B}(?:ماه${J}(?:های${J})?)?(${SH_MONTH}|${GREG_MONTH_SAFE}|${LUNAR_MONTH})(?:${J}ماه)?${E2}(?:[ \\t،,]*(?:سال${J})?${YEAR}${E2}${SUFFIX})?`,
  'g',
);

export function monthOf(name: string): { cal: Cal; m: number } | null {
  const k = faMonthKey(name);
  const sh = SH_MONTH_INDEX.get(k);
  if (sh) return { cal: 'sh', m: sh };
  const g = GREG_MONTH_INDEX.get(k);
  if (g) return { cal: 'greg', m: g };
  const l = LUNAR_MONTH_INDEX.get(k) ?? LUNAR_MONTH_INDEX.get(k.replace(/ /g, ''));
  if (l) return { cal: 'lunar', m: l };
  for (const [key, v] of LUNAR_MONTH_INDEX) if (key.replace(/ /g, '') === k.replace(/ /g, '')) return { cal: 'lunar', m: v };
  return null;
}

export function lunar(confidence: number): Resolved {
  // TODO(issue 4): lunar Hijri needs a sighting-based table to convert; keep the span, no value.
  return { value: null, granularity: 'day', confidence };
}

export function relShift(ctx: Context, n: number, unit: string, fa: boolean): Resolved | null {
  const a = ctx.anchor;
  if (!a) return { value: null, granularity: 'day', confidence: 0.4 };
  // Nothing finer than what the publication date says: "دیروز" against "2019" has no value.
  const p = ctx.anchorPrecision;
  if ((p === 'year' && unit !== 'سال' && unit !== 'دهه' && unit !== 'قرن') || (p === 'month' && (unit === 'روز' || unit === 'شب' || unit === 'هفته' || unit === 'شبانه روز'))) {
    return { value: null, granularity: 'day', confidence: 0.4 };
  }
  switch (unit) {
    case 'روز': case 'شبانه روز': return { value: isoDay(addDays(a, n)), granularity: 'day', confidence: 0.8 };
    case 'شب': return { value: `${isoDay(addDays(a, n))}TNI`, granularity: 'time', confidence: 0.7 };
    case 'هفته': {
      // A Persian week runs Saturday (شنبه) to Friday (جمعه).
      const d = addDays(a, 7 * n);
      const saturday = addDays(d, -((weekday(d) + 1) % 7));
      return { value: `${isoDay(saturday)}/${isoDay(addDays(saturday, 6))}`, timeml: isoWeek(d), granularity: 'interval', confidence: 0.7 };
    }
    case 'ماه': {
      const s = gregorianToSolarHijri(a);
      const idx = s.jy * 12 + s.jm - 1 + n;
      return fa ? shMonth(Math.floor(idx / 12), (idx % 12) + 1, 0.7) : null;
    }
    case 'سال': return shYear(gregorianToSolarHijri(a).jy + n, 0.75);
    case 'دهه': case 'قرن': return { value: null, granularity: 'year', confidence: 0.4 };
    default: {
      // hours, minutes, seconds: a time relative to publication we cannot place without a clock
      return { value: null, granularity: 'time', confidence: 0.5 };
    }
  }
}

export const UNIT_CODE: Record<string, string> = {
  'میلی ثانیه': 'PT0.001S', ثانیه: 'S', دقیقه: 'M', ساعت: 'H', روز: 'D', 'شبانه روز': 'D', شب: 'D', هفته: 'W', ماه: 'M', سال: 'Y', دهه: 'DE', قرن: 'CE',
};

export function faDuration(count: number | null, unit: string): string {
  const u = unit.replace(/[\s\u200c]+/g, ' ');
  const code = UNIT_CODE[u] ?? 'X';
  const n = count === null ? 'X' : String(count);
  if (u === 'میلی ثانیه') return count === null ? 'PTXS' : `PT${count / 1000}S`;
  return ['S', 'M', 'H'].includes(code) && u !== 'ماه' ? `PT${n}${code}` : `P${n}${code}`;
}

export function unitKey(s: string): string {
  return s.replace(/[\s\u200c]+/g, ' ').trim();
}

// "مدرسه ۱۵ خرداد", "بیمارستان هفت تیر", "میدان ۷ تیر": streets, schools and squares named after dates.
export const NAMED_AFTER = /(?:مدرسه|دبستان|دبیرستان|بیمارستان|خیابان|میدان|بزرگراه|بلوار|کوچه|پل|ورزشگاه|استادیوم|مجموعه ورزشی|پارک|سالن|فرودگاه|شهرک|ایستگاه|مترو|حسینیه|مسجد|دانشگاه|بنیاد|نشریه|روزنامه|داروخانه|کارخانه|شرکت|گروه|لشکر|تیپ|جنبش)[\s\u200c]*$/;
export function isNamedAfterDate(ctx: Context): boolean {
  return NAMED_AFTER.test(ctx.folded.slice(Math.max(0, ctx.start - 14), ctx.start));
}

export const PRESENT_FA = /^(?:اکنون|هم ?اکنون|حالا|اینک|در حال حاضر|هم اینک|الان|فعلا)$/;
