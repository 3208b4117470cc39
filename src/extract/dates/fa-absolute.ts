// Persian date rules: dates written out in full or in part (day, month, year, decade, calendar forms).
import { hasFutureCue } from './anchor.js';
import { isoDay, isoMonth, isoYear, isValidYmd } from './calendar.js';
import type { Context, Rule } from './engine.js';
import { anchorSH, calendarOfSuffix, calendarOfYear, DAY_MONTH, E2, faNumber, gregDay, isNamedAfterDate, lunar, MONTH_YEAR, monthOf, parseYear, shDay, shMonth, shYear, SUFFIX, YEAR_WORDS, yearlessShDay } from './fa-helpers.js';
import { B, FA_ORDINAL_DAY, faWeekdayOf, J, SH_MONTH } from './fa-words.js';
import { expandSolarHijriYear, gregorianToSolarHijri, isValidSolarHijri, SH_MONTHS_LATIN, solarHijriYearInterval } from './solar-hijri.js';

// Month names that are not also common words or given names (unlike تیر, مهر, دی, آذر, بهمن).
const DISTINCT_SH_MONTHS = new Set([1, 2, 3, 5, 6, 8, 12]);
const MONTH_PREPOSITION = /(?:^|[^\u0600-\u06ff])(?:در|از|تا|طی|اوایل|اواسط|اواخر|اول|اخر|پایان|ابتدای|نیمه|نیمه‌ی|نیمهٔ)[\s\u200c]*$/;

/** «در اسفند», «از خرداد»: a bare Solar Hijri month after a preposition, for names that are nothing else. */
function bareShMonthPlausible(month: number, ctx: Context): boolean {
  if (!DISTINCT_SH_MONTHS.has(month) || isNamedAfterDate(ctx)) return false;
  return MONTH_PREPOSITION.test(ctx.folded.slice(Math.max(0, ctx.start - 10), ctx.start));
}

export const FA_ABSOLUTE_RULES: Rule[] = [
  {
    name: 'fa-numeric',
    re: /(?<![\d/])(\d{4})\s*([/\-.])\s*(\d{1,2})\s*\2\s*(\d{1,2})(?![\d/])|(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g,
    resolve(m) {
      const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[3]), Number(m[4])] : [Number(m[7]), Number(m[6]), Number(m[5])];
      if (calendarOfYear(y) === 'sh') return shDay(y, mo, d, 0.9);
      return isValidYmd(y, mo, d) ? { value: isoDay({ y, m: mo, d }), granularity: 'day', confidence: 0.9, reference: { y, m: mo, d } } : null;
    },
  },
  {
    // "از ۲۶ تیر تا ۳ مرداد ۱۳۶۲", "۱۲ تا ۱۵ مهر": the year written once, at the end, serves both ends.
    name: 'fa-day-range',
    re: new RegExp(`${B}(?:از${J})?(\\d{1,2}|${FA_ORDINAL_DAY})(?:${J}(${SH_MONTH})(?:${J}ماه)?)?${J}(?:تا|الی|لغایت|-|–)${J}(\\d{1,2}|${FA_ORDINAL_DAY})${J}(${SH_MONTH})(?:${J}ماه)?${E2}(?:[ \\t،,]*(?:سال${J})?(\\d{4}|\\d{2}(?!\\d))${E2})?`, 'g'),
    resolve(m, ctx) {
      const d1 = faNumber(m[1]);
      const d2 = faNumber(m[3]);
      const m2 = monthOf(m[4])?.m;
      const m1 = m[2] ? monthOf(m[2])?.m : m2;
      if (d1 === null || d2 === null || !m1 || !m2) return null;
      let jy2: number | null = m[5] ? expandSolarHijriYear(Number(m[5]), anchorSH(ctx)?.jy ?? null) : null;
      if (jy2 === null) {
        const end = yearlessShDay(m2, d2, null, ctx);
        jy2 = end?.original ? Number(end.original.slice(0, 4)) : null;
      }
      if (jy2 === null) return { value: null, granularity: 'interval', calendar: 'solar-hijri', confidence: 0.4 };
      const jy1 = m1 > m2 ? jy2 - 1 : jy2;
      const a = shDay(jy1, m1, d1, 0.8);
      const b = shDay(jy2, m2, d2, 0.8);
      if (!a?.value || !b?.value || a.value > b.value) return null;
      return { value: `${a.value}/${b.value}`, granularity: 'interval', calendar: 'solar-hijri', original: `${a.original}/${b.original}`, confidence: m[5] ? 0.85 : 0.65, reference: b.reference };
    },
  },
  {
    name: 'fa-day-month',
    re: DAY_MONTH,
    resolve(m, ctx) {
      if (isNamedAfterDate(ctx) && !m[4]) return null;
      const mon = monthOf(m[3]);
      const d = faNumber(m[2]);
      if (!mon || d === null || d < 1 || d > 31 || !Number.isInteger(d)) return null;
      const wd = m[1] ? faWeekdayOf(m[1]) ?? null : null;
      let y = parseYear(m[4]);
      const sufCal = calendarOfSuffix(m[5]);
      if (mon.cal === 'lunar' || sufCal === 'lunar') return lunar(0.6);
      if (y !== null && m[4] && m[4].length === 2 && /^\d+$/.test(m[4])) {
        if (mon.cal !== 'sh') y = null;
        else y = expandSolarHijriYear(y, anchorSH(ctx)?.jy ?? null);
      }
      if (mon.cal === 'sh') {
        if (y === null) return yearlessShDay(mon.m, d, wd, ctx);
        // "۳ شهریور ۲۰۰۲": a Solar Hijri month with a Gregorian year; Dey–Esfand fall mostly in the next Gregorian year.
        if (y >= 1800) return shDay(y - (mon.m >= 10 ? 622 : 621), mon.m, d, 0.5);
        return shDay(y, mon.m, d, 0.95);
      }
      return gregDay(y, mon.m, d, ctx);
    },
  },
  {
    name: 'fa-month-year',
    re: MONTH_YEAR,
    resolve(m, ctx) {
      const mon = monthOf(m[1]);
      if (!mon) return null;
      const hasMah = /ماه/.test(m[0]);
      let y = parseYear(m[2]);
      if (mon.cal === 'lunar' && !hasMah && y === null) return null; // "رجب" is also a given name
      if (mon.cal === 'lunar' || calendarOfSuffix(m[3]) === 'lunar') return lunar(0.5);
      if (y === null) {
        // A bare month name is a month only when written as one ("تیرماه", "ماه مهر") or Gregorian.
        if (!hasMah && mon.cal === 'sh' && !bareShMonthPlausible(mon.m, ctx)) return null;
        const a = ctx.anchor;
        if (!a) return { value: null, granularity: mon.cal === 'sh' ? 'interval' : 'month', confidence: 0.4 };
        if (mon.cal === 'sh') {
          const s = gregorianToSolarHijri(a);
          return shMonth(mon.m > s.jm && !hasFutureCue(ctx, 'fa') ? s.jy - 1 : s.jy, mon.m, 0.6);
        }
        const yy = mon.m > a.m && !hasFutureCue(ctx, 'fa') ? a.y - 1 : a.y;
        return { value: isoMonth(yy, mon.m), granularity: 'month', confidence: 0.6 };
      }
      if (m[2].length === 2 && /^\d+$/.test(m[2])) {
        if (mon.cal !== 'sh') return null;
        y = expandSolarHijriYear(y, anchorSH(ctx)?.jy ?? null);
      }
      // With a year the month needs no "ماه" before it as evidence: keep the span tight.
      const lead = /^ماه[\s\u200c]*(?:های[\s\u200c]*)?/.exec(m[0]);
      const trimStart = lead ? lead[0].length : 0;
      if (mon.cal === 'sh') return isValidSolarHijri(y, mon.m, 1) ? { ...shMonth(y, mon.m, 0.9), trimStart } : null;
      return { value: isoMonth(y, mon.m), granularity: 'month', confidence: 0.9, reference: { y, m: mon.m, d: 1 }, trimStart };
    },
  },
  {
    name: 'fa-year',
    re: new RegExp(`${B}(?:(?:سال(?:${J}های|${J}ها)?${J}(?:ی${J})?))?(\\d{4}|\\d{2}(?!\\d)|${YEAR_WORDS})(?![\\d/]|[.,]\\d)${E2}${SUFFIX}(?:${J}(تا|الی|لغایت|-|–)${J}(\\d{4}|\\d{2}(?!\\d))${E2}${SUFFIX})?`, 'g'),
    resolve(m, ctx) {
      const hasSal = /سال/.test(m[0]);
      const y0 = parseYear(m[1]);
      if (y0 === null) return null;
      const isDigits = /^\d+$/.test(m[1]);
      if (!hasSal && !m[2] && !isDigits) return null;
      if (!hasSal && !m[2] && isDigits && m[1].length === 2) return null;
      const after = ctx.folded.slice(ctx.end, ctx.end + 12);
      if (!hasSal && !m[2] && /^[\s\u200c]*(?:نفر|تن|کیلو|متر|تومان|ریال|دلار|درصد|میلیون|هزار|میلیارد|عدد|مورد|واحد|کیلومتر|رای|راس|قطعه|دستگاه)/.test(after)) return null;
      let cal = calendarOfSuffix(m[2]) ?? calendarOfYear(y0);
      let y = y0;
      if (isDigits && m[1].length === 2) {
        y = expandSolarHijriYear(y0, anchorSH(ctx)?.jy ?? null);
        cal = 'sh';
      }
      if (!hasSal && !m[2] && (y < 1250 || (y >= 1500 && y < 1800) || y > 2100)) return null;
      if (cal === 'lunar') return { value: null, granularity: 'year', confidence: 0.5 };
      let endYear: number | null = null;
      if (m[3] && m[4]) {
        endYear = Number(m[4]);
        if (m[4].length === 2) endYear = Math.floor(y / 100) * 100 + endYear;
        if (endYear <= y) endYear = null;
      }
      if (cal === 'sh') {
        if (endYear !== null) {
          const a = solarHijriYearInterval(y).split('/')[0];
          const b = solarHijriYearInterval(endYear).split('/')[1];
          return { value: `${a}/${b}`, granularity: 'interval', calendar: 'solar-hijri', original: `${y}/${endYear}`, confidence: 0.8 };
        }
        return shYear(y, hasSal || m[2] ? 0.9 : 0.75);
      }
      if (endYear !== null) return { value: `${isoYear(y)}/${isoYear(endYear)}`, granularity: 'interval', confidence: 0.8 };
      return { value: isoYear(y), granularity: 'year', confidence: hasSal || m[2] ? 0.9 : 0.75, reference: { y, m: 1, d: 1 } };
    },
  },
  {
    name: 'fa-decade',
    re: new RegExp(`${B}(?:(?:اواخر|اوایل|اواسط|نیمه${J}(?:اول|دوم))${J})?دهه(?:${J}(?:ی|های|ٔ))?${J}(\\d{2,4}|شصت|پنجاه|هفتاد|هشتاد|نود|چهل|سی|بیست|اول|دوم|سوم|اخر|${FA_ORDINAL_DAY})(?:${J}(میلادی|شمسی|خورشیدی))?${E2}`, 'g'),
    resolve(m) {
      const w = m[1];
      const n = /^\d+$/.test(w) ? Number(w) : ({ بیست: 20, سی: 30, چهل: 40, پنجاه: 50, شصت: 60, هفتاد: 70, هشتاد: 80, نود: 90 } as Record<string, number>)[w];
      if (n === undefined) return { value: null, granularity: 'interval', confidence: 0.4 };
      if (n >= 1800 && n % 10 === 0) return { value: `${String(n).slice(0, 3)}X`, timeml: String(n).slice(0, 3), granularity: 'decade', confidence: 0.8 };
      const greg = m[2] === 'میلادی';
      if (n < 100 && n % 10 === 0) {
        if (greg) return { value: `19${String(n).slice(0, 1)}X`, timeml: `19${String(n).slice(0, 1)}`, granularity: 'decade', confidence: 0.7 };
        const jy = 1300 + n;
        const a = solarHijriYearInterval(jy).split('/')[0];
        const b = solarHijriYearInterval(jy + 9).split('/')[1];
        return { value: `${a}/${b}`, granularity: 'interval', calendar: 'solar-hijri', original: `${jy}/${jy + 9}`, confidence: 0.7 };
      }
      if (n >= 1300 && n < 1500 && n % 10 === 0) {
        const a = solarHijriYearInterval(n).split('/')[0];
        const b = solarHijriYearInterval(n + 9).split('/')[1];
        return { value: `${a}/${b}`, granularity: 'interval', calendar: 'solar-hijri', original: `${n}/${n + 9}`, confidence: 0.8 };
      }
      return null;
    },
  },
];

const LATIN_SH_MONTH = `(?:${SH_MONTHS_LATIN.flat().sort((a, b) => b.length - a.length).join('|')})`;

/** "26 Tir 1362", "Farvardin 1398", "1 Farvardin": Solar Hijri months in Latin letters. */
/** Words that say a text uses the Solar Hijri calendar ("in the Iranian calendar", "1358 SH"). */
const SH_CUE = /\b(?:Solar Hijri|Hijri Shamsi|Shamsi|Jalali|Iranian calendar|Persian calendar|Iranian year|Persian year)\b/i;
const SH_LATIN_DATE = new RegExp(`\\b(?:${SH_MONTHS_LATIN.flat().join('|')})\\s+1[34]\\d\\d\\b`, 'i');
const shContext = new Map<string, boolean>();

/** Whether the whole text talks about Solar Hijri dates (a cue word or a Latin-letter SH date). */
function textUsesSolarHijri(text: string): boolean {
  let v = shContext.get(text);
  if (v === undefined) {
    v = SH_CUE.test(text) || SH_LATIN_DATE.test(text);
    if (shContext.size > 32) shContext.clear();
    shContext.set(text, v);
  }
  return v;
}

export const SH_LATIN_RULES: Rule[] = [
  {
    // A bare Solar Hijri year in Latin digits, only where it cannot be a Gregorian year:
    // followed by its Gregorian equivalent ("1358 (1979–80)", "1351 (1972)"), marked ("1358 SH",
    // "the Solar Hijri year 1358"), or after a preposition in a text that uses the Solar Hijri
    // calendar elsewhere ("since 1358" next to "26 Tir 1362").
    name: 'sh-latin-year',
    re: /\b(?:(?:Solar Hijri|Iranian|Persian|SH)\s+(?:calendar\s+)?year\s+(1[2-4]\d\d)\b|(1[2-4]\d\d)(?=\s*\((1[89]\d\d|20\d\d)(?:\s*[–-]\s*\d{2,4})?\))|(1[2-4]\d\d)\s+(?:SH|AP|HS|A\.P\.|Solar Hijri|in the (?:Iranian|Persian|Solar Hijri) calendar)\b|(?:in|since|from|until|till|by|before|after|of|year)\s+(1[34]\d\d)\b(?![,.]\d|\s*(?:%|percent|[a-z]+s\b)))/gi,
    resolve(m, ctx) {
      if (m[1]) return shYear(Number(m[1]), 0.85);
      const gregorianAfter = (jy: number, after: string): boolean => {
        const g = /^\s*\((\d{4})/.exec(after);
        return g !== null && (Number(g[1]) === jy + 621 || Number(g[1]) === jy + 622);
      };
      if (m[2]) {
        const jy = Number(m[2]);
        return gregorianAfter(jy, ctx.folded.slice(ctx.end, ctx.end + 16)) ? shYear(jy, 0.9) : null;
      }
      if (m[4]) {
        const jy = Number(m[4]);
        return { ...shYear(jy, 0.9), trimEnd: m[0].length - m[4].length };
      }
      const jy = Number(m[5]);
      const after = ctx.folded.slice(ctx.end, ctx.end + 40);
      const marked = gregorianAfter(jy, after) || /^\s+(?:SH|AP|HS|A\.P\.|Solar Hijri|in the (?:Iranian|Persian|Solar Hijri) calendar)\b/.test(after);
      if (!marked && !textUsesSolarHijri(ctx.folded)) return null;
      return { ...shYear(jy, marked ? 0.9 : 0.6), trimStart: m[0].length - m[5].length };
    },
  },
  {
    name: 'sh-latin',
    re: new RegExp(`\\b(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?)?(${LATIN_SH_MONTH})\\b(?:,?\\s+(1[2-4]\\d\\d)\\b)?(?:\\s+(?:SH|AP|HS|Solar Hijri))?`, 'gi'),
    resolve(m, ctx) {
      const name = m[2].toLowerCase();
      const jm = SH_MONTHS_LATIN.findIndex((names) => names.includes(name)) + 1;
      if (jm === 0) return null;
      // "Day", "Tir", "Mehr" are also ordinary words or names: need a day and a year, or a capital and a year.
      if (!/^[A-Z]/.test(m[2])) return null;
      if (!m[3] && (!m[1] || /^(?:day|mehr|tir|tire|azer)$/.test(name))) return null;
      if (!m[3]) return yearlessShDay(jm, Number(m[1]), null, ctx);
      const jy = Number(m[3]);
      if (!m[1]) return shMonth(jy, jm, 0.85);
      return shDay(jy, jm, Number(m[1]), 0.9);
    },
  },
];
