// Persian date rules: relative and deictic expressions, clock times, durations and frequencies.
import { FA_NUMBER_PHRASE } from '../quantities/number-words.js';
import { hasFutureCue } from './anchor.js';
import { addDays, isoDay, isoMonth, isoWeek, isoYear, weekday, type Ymd } from './calendar.js';
import type { Resolved, Rule } from './engine.js';
import { anchorSH, calendarOfYear, E2, faDuration, faNumber, PART, PRESENT_FA, relShift, shDay, shYear, unitKey } from './fa-helpers.js';
import { B, FA_COUNT, FA_UNIT, FA_WEEKDAY, faWeekdayOf, J } from './fa-words.js';
import { expandSolarHijriYear, formatSolarHijri, gregorianToSolarHijri, isValidSolarHijri, solarHijriMonthInterval, solarHijriToGregorian } from './solar-hijri.js';

export const FA_RELATIVE_RULES: Rule[] = [
  {
    name: 'fa-deictic',
    re: new RegExp(`${B}(امروز|دیروز|پریروز|فردا|پس${J}فردا|امشب|دیشب|پریشب|فردا${J}شب|شب${J}گذشته|امسال|پارسال|پیرارسال|اکنون|هم${J}اکنون|حالا|اینک|هم${J}اینک|الان|در${J}حال${J}حاضر|اخیرا|به${J}تازگی|این${J}روزها|در${J}اینده|اینده|گذشته${J}ها|سال(?:${J}ها|${J}های)${J}اخیر|روزهای${J}اخیر|ماه${J}های${J}اخیر)(?:${J}(صبح|ظهر|عصر|شب|بعدازظهر))?${E2}`, 'g'),
    resolve(m, ctx) {
      const w = m[1].replace(/[\s\u200c]+/g, ' ');
      const a = ctx.anchorPrecision === 'day' ? ctx.anchor : null; // days need a publication day
      const day = (n: number): Resolved => ({ value: a ? isoDay(addDays(a, n)) : null, granularity: 'day', confidence: 0.85 });
      const night = (n: number): Resolved => ({ value: a ? `${isoDay(addDays(a, n))}TNI` : null, granularity: 'time', confidence: 0.8 });
      switch (w) {
        case 'امروز': return day(0);
        case 'دیروز': return day(-1);
        case 'پریروز': return day(-2);
        case 'فردا': return day(1);
        case 'پس فردا': case 'پسفردا': return day(2);
        case 'امشب': return night(0);
        case 'دیشب': case 'شب گذشته': return night(-1);
        case 'پریشب': return night(-2);
        case 'فردا شب': case 'فرداشب': return night(1);
        case 'امسال': return ctx.anchor ? shYear(gregorianToSolarHijri(ctx.anchor).jy, 0.8) : { value: null, granularity: 'interval', confidence: 0.4 };
        case 'پارسال': return ctx.anchor ? shYear(gregorianToSolarHijri(ctx.anchor).jy - 1, 0.8) : { value: null, granularity: 'interval', confidence: 0.4 };
        case 'پیرارسال': return ctx.anchor ? shYear(gregorianToSolarHijri(ctx.anchor).jy - 2, 0.8) : { value: null, granularity: 'interval', confidence: 0.4 };
        case 'اینده': case 'در اینده': return { value: null, timeml: 'FUTURE_REF', granularity: 'day', confidence: 0.4 };
      }
      if (PRESENT_FA.test(w) || w === 'هم اکنون' || w === 'هم اینک' || w === 'در حال حاضر' || w === 'این روزها') {
        return { value: a && ctx.anchorPrecision === 'day' ? isoDay(a) : null, timeml: 'PRESENT_REF', granularity: 'day', confidence: 0.6 };
      }
      return { value: null, timeml: 'PAST_REF', granularity: 'day', confidence: 0.5 };
    },
  },
  {
    name: 'fa-relative-unit',
    re: new RegExp(`${B}(?:(این|همین|ان|اواخر|اوایل|اواسط|پایان|ابتدای|اول|اخر|بقیه|باقی|وسط)${J}(?:(${FA_COUNT})${J})?)?(هفته|ماه|سال|دهه|قرن)(?:${J}(?:ی|ِ|ها))?${J}(گذشته|پیش|قبل|اخیر|جاری|اینده|اتی|بعد|بعدی|دیگر|اینده|میلادی)?${E2}`, 'g'),
    resolve(mm, ctx) {
      const count = mm[2];
      const m = [mm[0], mm[1], mm[3], mm[4]];
      const mod = m[1];
      const rel = m[3];
      if (!mod && !rel) return null;
      if (count) {
        const n = faNumber(count);
        return { value: faDuration(n !== null && Number.isInteger(n) ? n : null, unitKey(m[2])), granularity: 'duration', confidence: 0.5 };
      }
      if (mod && /^(?:اخر|بقیه|باقی|وسط|اواخر|اوایل|اواسط|پایان|ابتدای|اول)$/.test(mod) && !rel) {
        if (mod === 'اخر' && m[2] === 'هفته') return { value: ctx.anchor ? `${isoWeek(ctx.anchor)}-WE` : null, granularity: 'day', confidence: 0.5 };
        return { value: null, granularity: 'day', confidence: 0.4 };
      }
      if (rel === 'میلادی') {
        if (!ctx.anchor) return null;
        return { value: isoYear(ctx.anchor.y + (mod === 'اینده' ? 1 : 0)), granularity: 'year', confidence: 0.6 };
      }
      if (!rel && !(mod === 'این' || mod === 'همین')) return null;
      const n = rel === 'گذشته' || rel === 'پیش' || rel === 'قبل' ? -1 : rel === 'اینده' || rel === 'اتی' || rel === 'بعد' || rel === 'بعدی' || rel === 'دیگر' ? 1 : 0;
      if (rel === 'اخیر') return { value: null, timeml: 'PAST_REF', granularity: 'day', confidence: 0.5 };
      return relShift(ctx, n, m[2], true);
    },
  },
  {
    name: 'fa-ago',
    re: new RegExp(`${B}(?:(?:بعد|پس)${J}(?:از${J})?|از${J}|تا${J})?(${FA_COUNT})${J}(${FA_UNIT})(?:${J}(?:ه|ی))?${J}(پیش|قبل|گذشته|بعد|دیگر|دیگه|بعدش|اینده|مانده|مونده|دیگری)${E2}`, 'g'),
    resolve(m, ctx) {
      const count = faNumber(m[1]);
      const unit = unitKey(m[2]);
      const dir = m[3];
      const sign = dir === 'پیش' || dir === 'قبل' || dir === 'گذشته' ? -1 : 1;
      if (count === null || !Number.isInteger(count)) return { value: null, timeml: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', granularity: /ساعت|دقیقه|ثانیه/.test(unit) ? 'time' : 'day', confidence: 0.5 };
      if (dir === 'گذشته' && /^(?:سال|ماه|هفته|روز)$/.test(unit)) {
        // "۳ سال گذشته" is usually "the past three years": a period ending now.
        return { value: faDuration(count, unit), granularity: 'duration', confidence: 0.6 };
      }
      return relShift(ctx, sign * count, unit, true);
    },
  },
  {
    // "چهل و سومین سال", "دومین ماه", "نخستین ساعات", "دقایق اولیه"
    name: 'fa-ordinal-unit',
    re: new RegExp(`${B}(?:(?:${FA_NUMBER_PHRASE}|نخست|اول|اخر|سو)(?:مین|ین)${J}(?:${FA_UNIT})(?:${J}(?:ها|های|ات))?|(?:دقایق|دقائق|ساعات|لحظات|روزهای|سال${J}های|ماه${J}های)${J}(?:اولیه|نخست|پایانی|اخر|اول))${E2}`, 'g'),
    resolve() {
      return { value: null, granularity: 'day', confidence: 0.4 };
    },
  },
  {
    name: 'fa-after',
    re: new RegExp(`${B}(?:بعد|پس)${J}(?:از${J})?(${FA_COUNT})${J}(${FA_UNIT})${E2}`, 'g'),
    resolve(m, ctx) {
      const count = faNumber(m[1]);
      const unit = unitKey(m[2]);
      if (count === null || !Number.isInteger(count)) return { value: null, granularity: /ساعت|دقیقه|ثانیه/.test(unit) ? 'time' : 'day', confidence: 0.5 };
      const r = relShift({ ...ctx, anchor: ctx.reference ?? ctx.anchor }, count, unit, true);
      return r;
    },
  },
  {
    name: 'fa-part-of-day',
    re: new RegExp(`${B}(?:(?:تا|از|در)${J})?(صبح|ظهر|بعد${J}از${J}ظهر|بعدازظهر|عصر|غروب|بامداد|شامگاه|صبحگاه|سحرگاه|نیمروز|نیمه${J}شب|نیم${J}شب|نصف${J}شب|سحر|شب|اخر${J}شب|اول${J}صبح|نیمه${J}اول${J}روز|نیمه${J}دوم${J}روز)(?:${J}(ها|های|ه))?${E2}`, 'g'),
    resolve(m, ctx) {
      const w = m[1].replace(/[\s\u200c]+/g, ' ');
      // "عصر" is also "era" ("عصر حاضر"), "شب" starts many idioms: weak on their own.
      const after = ctx.folded.slice(ctx.end, ctx.end + 8);
      if (w === 'عصر' && /^[\s\u200c]*(?:حاضر|جدید|طلایی|ما|خود)/.test(after)) return null;
      if (m[2]) return { value: null, granularity: 'set', confidence: 0.4 };
      return { value: null, granularity: 'time', confidence: 0.4 };
    },
  },
  {
    name: 'fa-duration',
    re: new RegExp(`${B}(?:(?:به${J}مدت|حدود|طی|در${J}طول|ظرف|از|تا)${J})?(یک${J}ربع|${FA_COUNT}(?=${J}${FA_UNIT}))${J}(${FA_UNIT})?(?:${J}(?:تمام|ه|ی|ای|ه${J}ای))?${E2}`, 'g'),
    resolve(m) {
      const c = m[1].replace(/[\s\u200c]+/g, ' ');
      if (/ربع$/.test(c)) return { value: 'PT15M', granularity: 'duration', confidence: 0.6 };
      if (!m[2]) return null;
      const unit = unitKey(m[2]);
      let count: number | null = faNumber(c);
      if (c === 'نیم') count = 0.5;
      if (count === null && !/^(?:چند|چندین)$/.test(c) && !/ /.test(c)) return null;
      return { value: faDuration(count, unit), granularity: 'duration', confidence: 0.6 };
    },
  },
  {
    name: 'fa-clock',
    re: new RegExp(`${B}(?:(?:راس|حدود|از|تا|در)${J})?(?:ساعت${J})(\\d{1,2}(?:\\s*:\\s*\\d{2})?|${FA_NUMBER_PHRASE})(?:${J}و${J}(ربع|نیم|${FA_COUNT})(?:${J}دقیقه)?)?(?:${J}دقیقه)?(?:${J}(${PART}))?(?:${J}به${J}وقت${J}[\\u0600-\\u06ff]+)?${E2}|${B}(\\d{1,2})\\s*:\\s*(\\d{2})(?!\\d)(?:${J}(${PART}))?`, 'g'),
    resolve(m, ctx) {
      const raw = m[1] ?? `${m[4]}:${m[5]}`;
      let h: number | null;
      let min = 0;
      const cm = /^(\d{1,2})\s*:\s*(\d{2})$/.exec(raw);
      if (cm) {
        h = Number(cm[1]);
        min = Number(cm[2]);
      } else {
        h = faNumber(raw);
      }
      if (h === null || h > 24 || min > 59) return null;
      const extra = m[2];
      if (extra) min = extra === 'ربع' ? 15 : extra === 'نیم' ? 30 : faNumber(extra) ?? 0;
      const part = m[3] ?? m[6];
      if (part && /عصر|بعد|شب|غروب/.test(part) && h < 12 && !(/شب/.test(part) && h <= 4)) h += 12;
      const day = ctx.referencePrecision === 'day' ? ctx.reference : null;
      const t = `T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
      return { value: day ? isoDay(day) + t : null, timeml: day ? undefined : `XXXX-XX-XX${t}`, granularity: 'time', confidence: 0.75 };
    },
  },
  {
    name: 'fa-weekday',
    re: new RegExp(`${B}(?:(?:تا|از)${J})?(${FA_WEEKDAY})(?:${J}(ها|های))?(?:${J}(شب|صبح|عصر|ظهر))?(?:${J}(گذشته|اینده|قبل|بعد|پیش|این${J}هفته|هفته${J}(?:گذشته|اینده|بعد|قبل)))?${E2}`, 'g'),
    resolve(m, ctx) {
      const wd = faWeekdayOf(m[1]);
      if (wd === undefined) return null;
      // "امام جمعه", "نماز جمعه": the Friday prayer, not a date.
      if (wd === 5 && /(?:امام|نماز|خطبه|خطبه های|ائمه)[\s\u200c]*$/.test(ctx.folded.slice(Math.max(0, ctx.start - 10), ctx.start))) return null;
      if (m[2]) return { value: `XXXX-WXX-${wd === 0 ? 7 : wd}`, granularity: 'set', confidence: 0.6 };
      const a = ctx.anchor;
      if (!a || ctx.anchorPrecision !== 'day') return { value: null, granularity: 'day', confidence: 0.5 };
      const mod = m[4] ?? '';
      let diff = (wd - weekday(a) + 7) % 7;
      let r: Ymd;
      if (/گذشته|قبل|پیش/.test(mod)) r = addDays(a, diff === 0 ? -7 : diff - 7);
      else if (/اینده|بعد/.test(mod)) r = addDays(a, diff === 0 ? 7 : diff);
      else if (hasFutureCue(ctx, 'fa')) r = addDays(a, diff);
      else {
        if (diff > 0) diff -= 7;
        r = addDays(a, diff);
      }
      return { value: isoDay(r), granularity: 'day', confidence: 0.7 };
    },
  },
  {
    name: 'fa-season',
    re: new RegExp(`${B}(?:(?:تا|از|در)${J})?(?:(اواخر|اوایل|اواسط|پایان|ابتدای)${J})?(بهار|تابستان|پاییز|پاییز|زمستان)(?:${J}(?:ی|ها))?(?:${J}(?:سال${J})?(\\d{4}|\\d{2}(?!\\d))|${J}(امسال|گذشته|پارسال|اینده|سال${J}گذشته|سال${J}اینده))?${E2}`, 'g'),
    resolve(m, ctx) {
      const idx = { بهار: 1, تابستان: 4, پاییز: 7, زمستان: 10 }[m[2]] ?? 1;
      let jy: number | null = null;
      if (m[3]) {
        const y = Number(m[3]);
        if (m[3].length === 4 && calendarOfYear(y) === 'greg') {
          const sm: Record<number, [number, number]> = { 1: [3, 5], 4: [6, 8], 7: [9, 11], 10: [12, 2] };
          const [s1, s2] = sm[idx];
          return { value: `${isoMonth(y, s1)}/${isoMonth(s2 < s1 ? y + 1 : y, s2)}`, granularity: 'interval', confidence: 0.7 };
        }
        jy = expandSolarHijriYear(y, anchorSH(ctx)?.jy ?? null);
      } else {
        const s = anchorSH(ctx);
        if (s) {
          jy = s.jy;
          const rel = m[4] ?? '';
          if (/گذشته|پارسال/.test(rel)) jy -= 1;
          else if (/اینده/.test(rel)) jy += 1;
          else if (!rel && idx > s.jm && !hasFutureCue(ctx, 'fa')) jy -= 1;
        }
      }
      if (jy === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      const first = solarHijriMonthInterval(jy, idx).split('/')[0];
      const last = solarHijriMonthInterval(jy, idx + 2).split('/')[1];
      return { value: `${first}/${last}`, granularity: 'interval', calendar: 'solar-hijri', original: `${formatSolarHijri(jy, idx)}/${formatSolarHijri(jy, idx + 2)}`, confidence: 0.6 };
    },
  },
  {
    name: 'fa-set',
    re: new RegExp(`${B}(?:هر${J}(?:(${FA_COUNT})${J})?(${FA_UNIT}|صبح|ساله|روزه)(?:${J}(?:یکبار|یک${J}بار))?|(روزانه|هفتگی|هفته${J}ای|ماهانه|ماهیانه|سالانه|سالیانه|هرساله|همه${J}روزه|هر${J}روزه|دقیقه${J}به${J}دقیقه|روز${J}به${J}روز))${E2}`, 'g'),
    resolve(m) {
      if (m[3]) {
        const w = m[3].replace(/[\s\u200c]+/g, ' ');
        const v: Record<string, string> = { روزانه: 'P1D', هفتگی: 'P1W', 'هفته ای': 'P1W', ماهانه: 'P1M', ماهیانه: 'P1M', سالانه: 'P1Y', سالیانه: 'P1Y', هرساله: 'P1Y', 'همه روزه': 'P1D', 'هر روزه': 'P1D', 'دقیقه به دقیقه': 'PT1M', 'روز به روز': 'P1D' };
        return { value: v[w] ?? null, granularity: 'set', confidence: 0.6 };
      }
      const unit = unitKey(m[2]).replace(/ساله$/, 'سال').replace(/روزه$/, 'روز');
      const count = m[1] ? faNumber(m[1]) : 1;
      if (unit === 'صبح') return { value: 'XXXX-XX-XXTMO', granularity: 'set', confidence: 0.6 };
      return { value: faDuration(count, unit), granularity: 'set', confidence: 0.6 };
    },
  },
  {
    name: 'fa-holiday',
    re: new RegExp(`${B}(نوروز|شب${J}یلدا|یلدا|عید${J}نوروز|سیزده${J}بدر|چهارشنبه${J}سوری)(?:${J}(?:سال${J})?(\\d{4}|\\d{2}(?!\\d)))?${E2}`, 'g'),
    resolve(m, ctx) {
      const w = m[1].replace(/[\s\u200c]+/g, ' ');
      const s = anchorSH(ctx);
      let jy = m[2] ? expandSolarHijriYear(Number(m[2]), s?.jy ?? null) : s?.jy ?? null;
      if (jy === null) return { value: null, granularity: 'day', confidence: 0.4 };
      if (/نوروز/.test(w)) return shDay(jy, 1, 1, 0.7);
      if (/سیزده/.test(w)) return shDay(jy, 1, 13, 0.7);
      if (/یلدا/.test(w)) return shDay(jy, 9, 30, 0.7); // the night of 30 Azar
      if (/سوری/.test(w)) {
        // the last Tuesday evening of the year, i.e. the eve of the last Wednesday
        if (!m[2] && s) jy = s.jy - (s.jm < 12 ? 1 : 0) + (s.jm === 12 ? 0 : 0);
        for (let d = 29; d >= 20; d--) {
          if (!isValidSolarHijri(jy, 12, d)) continue;
          if (weekday(solarHijriToGregorian(jy, 12, d)) === 2) return shDay(jy, 12, d, 0.6);
        }
      }
      return { value: null, granularity: 'day', confidence: 0.4 };
    },
  },
];
