// English date rules. Values follow TimeML (TempEval-3) where it has a form, and ISO 8601 otherwise.
import { parseEnglishNumber } from '../quantities/number-words.js';
import { hasFutureCue, resolveBareMonth, resolveWeekday, resolveYearlessDay } from './anchor.js';
import { addDays, addMonths, isoDay, isoMonth, isoWeek, isoYear, isValidYmd, toDayNumber, weekday, type Ymd } from './calendar.js';
import type { Context, Resolved, Rule } from './engine.js';
import { COUNT, MON, MONTHS, SEASON_MONTHS, SEASONS, UNIT, unitCode, WD, WD_FULL, WEEKDAYS } from './en-words.js';

const YEAR = '(?:1[6-9]\\d\\d|20\\d\\d)';
const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';

const monthOf = (s: string): number => MONTHS[s.toLowerCase().replace('.', '')];
const weekdayOf = (s: string): number => WEEKDAYS[s.toLowerCase().replace('.', '')];

/** "May" and "March" are also a verb and a noun: accept them bare only after a date-ish word. */
function isBareMonthPlausible(name: string, ctx: Context): boolean {
  if (!/^[A-Z]/.test(name)) return false;
  const n = name.replace('.', '');
  if (n !== 'May' && n !== 'March' && n !== 'Mar' && n !== 'Jan' && n !== 'Sep') return true;
  const before = ctx.folded.slice(Math.max(0, ctx.start - 12), ctx.start);
  return /\b(?:in|of|since|until|till|by|through|early|late|mid|last|next|this|during|from|to|before|after|and|or|between|on)[\s-]*$/i.test(before);
}

function day(date: Ymd, confidence: number, explicit = true): Resolved {
  return { value: isoDay(date), granularity: 'day', confidence, reference: explicit ? date : undefined };
}

function twoDigitYear(yy: number, ctx: Context): number {
  const ay = ctx.anchor?.y ?? 2000;
  const c = Math.floor(ay / 100) * 100;
  return c + yy > ay + 10 ? c - 100 + yy : c + yy;
}

/** "several" / "a few" / "many" -> null (an unknown count, TimeML "X"). */
function countOf(s: string): number | null {
  const t = s.toLowerCase();
  if (/^(several|a few|few|many|some|a couple of|a number of|dozens of|hundreds of|thousands of)$/.test(t)) return null;
  if (t === 'a dozen') return 12;
  return parseEnglishNumber(t);
}

function durationValue(count: number | null, unit: string): string {
  const u = unitCode(unit);
  const n = count === null ? 'X' : String(count * u.factor).replace(/\.5$/, '.5');
  if (u.code === 'WE') return count === null ? 'PXWE' : `P${n}WE`;
  return u.time ? `PT${n}${u.code}` : `P${n}${u.code}`;
}

/** Shift a date by `n` units and give it at the unit's granularity. */
function shifted(ref: Ymd, n: number, unit: string): Resolved | null {
  const u = unitCode(unit).code;
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

const PRESENT: Resolved = { value: null, timeml: 'PRESENT_REF', granularity: 'day', confidence: 0.7 };
const PAST: Resolved = { value: null, timeml: 'PAST_REF', granularity: 'day', confidence: 0.6 };
const FUTURE: Resolved = { value: null, timeml: 'FUTURE_REF', granularity: 'day', confidence: 0.6 };

function present(ctx: Context): Resolved {
  return { ...PRESENT, value: ctx.anchor && ctx.anchorPrecision === 'day' ? isoDay(ctx.anchor) : null };
}

const PART_OF_DAY: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

function quarterOf(m: number): number {
  return Math.ceil(m / 3);
}

/** "a year earlier" after "the third quarter" is that quarter a year before (earnings-report usage). */
function yearEarlier(ctx: Context, ref: Ymd | null): Resolved | null {
  if (ctx.lastQuarter) return { value: `${isoYear(ctx.lastQuarter.y - 1)}-Q${ctx.lastQuarter.q}`, granularity: 'month', confidence: 0.5 };
  return ref ? { value: isoYear(ref.y - 1), granularity: 'year', confidence: 0.6 } : null;
}

const ORD: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

export const EN_RULES: Rule[] = [
  {
    name: 'iso',
    re: /\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?\b/g,
    resolve(m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (!isValidYmd(y, mo, d)) return null;
      if (m[4]) return { value: `${isoDay({ y, m: mo, d })}T${m[4]}:${m[5]}`, granularity: 'time', confidence: 0.95, reference: { y, m: mo, d } };
      return day({ y, m: mo, d }, 0.95);
    },
  },
  {
    // "03/04/2019" is read month first (US order); "25/12/2019" can only be day first.
    name: 'slash',
    re: /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/g,
    resolve(m, ctx) {
      let [a, b] = [Number(m[1]), Number(m[2])];
      const y = m[3].length === 2 ? twoDigitYear(Number(m[3]), ctx) : Number(m[3]);
      if (a > 12 && b <= 12) [a, b] = [b, a];
      if (!isValidYmd(y, a, b)) return null;
      return day({ y, m: a, d: b }, a <= 12 && b <= 12 && a !== b ? 0.7 : 0.9);
    },
  },
  {
    name: 'month-day-year',
    re: new RegExp(`(?:(${WD}),?\\s+)?(${MON})\\s+(${DAY})\\b(?:(?:,\\s*|\\s+)(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[2])) return null;
      const mo = monthOf(m[2]);
      const d = parseInt(m[3], 10);
      const wd = m[1] ? weekdayOf(m[1]) : null;
      if (m[4]) {
        const y = Number(m[4]);
        return isValidYmd(y, mo, d) ? day({ y, m: mo, d }, 0.95) : null;
      }
      if (!m[1] && !isBareMonthPlausible(m[2], ctx) && m[2].replace('.', '') === 'May' && d > 31) return null;
      const r = resolveYearlessDay(mo, d, wd, ctx, hasFutureCue(ctx, 'en'));
      return r ? day(r, wd !== null ? 0.85 : 0.75) : { value: null, granularity: 'day', confidence: 0.4 };
    },
  },
  {
    name: 'day-month-year',
    re: new RegExp(`(?:(${WD}),?\\s+)?(?:the\\s+)?(${DAY})(?:\\s+of)?\\s+(${MON})(?![a-z])(?:,?\\s+(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[3])) return null;
      const mo = monthOf(m[3]);
      const d = parseInt(m[2], 10);
      const wd = m[1] ? weekdayOf(m[1]) : null;
      if (m[4]) {
        const y = Number(m[4]);
        return isValidYmd(y, mo, d) ? day({ y, m: mo, d }, 0.95) : null;
      }
      const r = resolveYearlessDay(mo, d, wd, ctx, hasFutureCue(ctx, 'en'));
      return r ? day(r, wd !== null ? 0.85 : 0.75) : { value: null, granularity: 'day', confidence: 0.4 };
    },
  },
  {
    name: 'month-year',
    re: new RegExp(`(?:(early|late|mid|the end of|the beginning of|the middle of|the start of)[- ]?\\s*)?(${MON})(?![a-z])(?:(?:,?\\s+|\\s+of\\s+)(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[2])) return null;
      const mo = monthOf(m[2]);
      if (m[3]) {
        const y = Number(m[3]);
        return { value: isoMonth(y, mo), granularity: 'month', confidence: 0.9, reference: { y, m: mo, d: 1 } };
      }
      if (!m[1] && !isBareMonthPlausible(m[2], ctx)) return null;
      if (m[2].length <= 4 && !m[2].endsWith('.') && !m[1]) {
        // "Jan" without a dot or day is more often a name than a month.
        if (!/^(June|July|May)$/.test(m[2])) return null;
      }
      const y = resolveBareMonth(mo, ctx, hasFutureCue(ctx, 'en'));
      return { value: y === null ? null : isoMonth(y, mo), granularity: 'month', confidence: 0.7 };
    },
  },
  {
    name: 'weekday',
    re: new RegExp(`(?:\\b(last|this|next|coming|past|previous)\\s+)?(${WD})(?:\\s+(morning|afternoon|evening|night))?(?![a-z])`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[2])) return null;
      const wd = weekdayOf(m[2]);
      const mod = m[1]?.toLowerCase();
      let r: Ymd | null;
      if (mod === 'next' || mod === 'coming') r = resolveWeekday(wd, ctx, true);
      else if (mod === 'last' || mod === 'past' || mod === 'previous') r = ctx.anchor ? resolveWeekday(wd, { ...ctx, anchor: addDays(ctx.anchor, -1) }, false) : null;
      else if (mod === 'this') r = resolveWeekday(wd, ctx, hasFutureCue(ctx, 'en'));
      else r = resolveWeekday(wd, ctx, hasFutureCue(ctx, 'en'));
      // TimeBank gives "Friday night" the day's value; so do we (the part of day is in the text).
      return { value: r ? isoDay(r) : null, granularity: 'day', confidence: 0.7, reference: r ?? undefined };
    },
  },
  {
    name: 'decade',
    re: /(?:\bthe\s+)?(?:\b(?:early|mid|late)[- ]?)?(?:\b(1[6-9]\d|20\d)0'?s\b|'(\d)0s\b|\b(?:nineteen[- ])?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b)/gi,
    resolve(m) {
      if (m[1]) return { value: `${m[1]}X`, timeml: m[1], granularity: 'decade', confidence: 0.85 };
      if (m[2]) return { value: `19${m[2]}X`, timeml: `19${m[2]}`, granularity: 'decade', confidence: 0.6 };
      const tens = ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(m[3].toLowerCase()) + 2;
      if (!/^the\b/i.test(m[0])) return null;
      return { value: `19${tens}X`, timeml: `19${tens}`, granularity: 'decade', confidence: 0.6 };
    },
  },
  {
    name: 'year-interval',
    re: new RegExp(`\\b(?:(between|from)\\s+)?(${YEAR})\\s*(?:(?:and|to|through|until|till)\\s+|[-–]\\s*)(${YEAR}|\\d{2})\\b(?![-/]\\d)`, 'gi'),
    resolve(m) {
      const a = Number(m[2]);
      let b = Number(m[3]);
      if (m[3].length === 2) b = Math.floor(a / 100) * 100 + b;
      if (b <= a || b - a > 200) return null;
      if (!m[1] && /\s(and)\s/i.test(m[0])) return null;
      return { value: `${isoYear(a)}/${isoYear(b)}`, granularity: 'interval', confidence: 0.8, reference: { y: b, m: 1, d: 1 } };
    },
  },
  {
    name: 'month-interval',
    re: new RegExp(`\\b(?:(?:from|between)\\s+)?(${MON})(?:\\s+(${DAY}))?\\s*(?:to|through|until|till|and|-|–)\\s*(${MON})(?:\\s+(${DAY}))?(?:,?\\s+(${YEAR}))?\\b`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[1]) || !/^[A-Z]/.test(m[3])) return null;
      const m1 = monthOf(m[1]);
      const m2 = monthOf(m[3]);
      let y2 = m[5] ? Number(m[5]) : resolveBareMonth(m2, ctx, hasFutureCue(ctx, 'en'));
      if (y2 === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      const y1 = m1 > m2 ? y2 - 1 : y2;
      const a = m[2] ? (isValidYmd(y1, m1, parseInt(m[2], 10)) ? isoDay({ y: y1, m: m1, d: parseInt(m[2], 10) }) : null) : isoMonth(y1, m1);
      const b = m[4] ? (isValidYmd(y2, m2, parseInt(m[4], 10)) ? isoDay({ y: y2, m: m2, d: parseInt(m[4], 10) }) : null) : isoMonth(y2, m2);
      if (!a || !b) return null;
      y2 = y2 ?? 0;
      return { value: `${a}/${b}`, granularity: 'interval', confidence: m[5] ? 0.85 : 0.65 };
    },
  },
  {
    name: 'year',
    re: new RegExp(`(?<![\\d$€£.,/:#-])(?:\\b(?:(?:fiscal|calendar|model|the|school)(?: year)?|mid|early|late)[- ]?\\s*)?(${YEAR})(?![\\d%]|[.,]\\d|-\\d|\\s*(?:%|percent|per cent))`, 'gi'),
    resolve(m, ctx) {
      const y = Number(m[1]);
      const after = ctx.folded.slice(ctx.end, ctx.end + 24);
      // "2000 people", "1500 troops": a count, not a year.
      if (/^\s+(?:people|persons|men|women|children|troops|soldiers|prisoners|workers|dollars|feet|meters|miles|tons|shares|members|jobs|cars|units|points|votes|[a-z]+s\b(?!\s+(?:ago|later|earlier)))/i.test(after) && !/^\s+(?:[A-Z]|elections?|census|games|season|budget|olympics)/.test(after)) {
        if (!/^\s+(?:levels?|figures|results|prices|rates|sales|earnings|profits)\b/i.test(after)) return null;
      }
      let trimStart = 0;
      if (/^the\s/i.test(m[0])) trimStart = m[0].length - m[1].length;
      return { value: isoYear(y), granularity: 'year', confidence: 0.85, reference: { y, m: 1, d: 1 }, trimStart };
    },
  },
  {
    name: 'quarter',
    re: new RegExp(`(?:\\bthe\\s+)?(?:\\b(first|second|third|fourth|1st|2nd|3rd|4th|final|last|latest|past|previous|current|year-earlier|year-ago|same|recent|comparable|prior|fiscal)[- ](?:fiscal[- ])?(?:year[- ])?)?\\bquarter\\b(?:\\s+of\\s+(?:fiscal\\s+)?(?:(${YEAR})|(this|last|next) year))?`, 'gi'),
    resolve(m, ctx) {
      if (!m[1] && !/^the\s/i.test(m[0])) return null;
      const after = ctx.folded.slice(ctx.end, ctx.end + 12);
      if (/^\s*(?:of (?:a|an|the|its|their)|century|mile|inch|point|-point|hour)/i.test(after)) return null;
      const a = ctx.anchor;
      const word = m[1]?.toLowerCase() ?? '';
      const n = ORD[word];
      let y: number | null = m[2] ? Number(m[2]) : a ? a.y + (m[3] ? { this: 0, last: -1, next: 1 }[m[3].toLowerCase() as 'this'] : 0) : null;
      if (y === null || !a) return { value: null, granularity: 'month', confidence: 0.4 };
      const cur = quarterOf(a.m);
      let q: number;
      if (n) {
        q = n;
        if (!m[2] && !m[3] && n > cur && !hasFutureCue(ctx, 'en')) y -= 1;
      } else if (word === 'current' || word === 'this') {
        q = cur;
      } else if (word === 'same' || word === 'fiscal') {
        return { value: `${isoYear(y)}-QX`, granularity: 'month', confidence: 0.4 };
      } else {
        q = cur - 1;
        if (q === 0) {
          q = 4;
          y -= 1;
        }
        if (word === 'year-earlier' || word === 'year-ago' || word === 'comparable' || word === 'prior') y -= 1;
      }
      ctx.lastQuarter = { y, q };
      return { value: `${isoYear(y)}-Q${q}`, granularity: 'month', confidence: 0.6 };
    },
  },
  {
    name: 'half',
    re: new RegExp(`\\b(?:the\\s+)?(first|second|latter)[- ]half(?:\\s+of\\s+(?:(${YEAR})|(this|last|next) year|the year))?\\b`, 'gi'),
    resolve(m, ctx) {
      if (!m[2] && !m[3] && !/^the\s/i.test(m[0]) && !/year/.test(m[0])) return null;
      const h = m[1].toLowerCase() === 'first' ? 1 : 2;
      const y = m[2] ? Number(m[2]) : ctx.anchor ? ctx.anchor.y + (m[3] ? { this: 0, last: -1, next: 1 }[m[3].toLowerCase() as 'this'] : 0) : null;
      return { value: y === null ? null : `${isoYear(y)}-H${h}`, granularity: 'month', confidence: 0.6 };
    },
  },
  {
    name: 'season',
    re: new RegExp(`(?:\\b(last|this|next|early|late|the|mid)[- ]?\\s*)?\\b(spring|summer|fall|autumn|winter)\\b(?:(?:\\s+of|,)?\\s+(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      const mod = m[1]?.toLowerCase();
      if (!m[3] && (!mod || mod === 'the' || mod === 'early' || mod === 'late' || mod === 'mid')) return null;
      const code = SEASONS[m[2].toLowerCase()];
      const [m1] = SEASON_MONTHS[code];
      let y: number | null = m[3] ? Number(m[3]) : null;
      const a = ctx.anchor;
      if (y === null && a) {
        if (mod === 'this') y = a.y;
        else if (mod === 'next') y = m1 > a.m ? a.y : a.y + 1;
        else y = m1 + 3 <= a.m ? a.y : a.y - 1;
      }
      if (y === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      const [sa, sb] = SEASON_MONTHS[code];
      const value = sa > sb ? `${isoMonth(y, sa)}/${isoMonth(y + 1, sb)}` : `${isoMonth(y, sa)}/${isoMonth(y, sb)}`;
      return { value, timeml: `${isoYear(y)}-${code}`, granularity: 'interval', confidence: m[3] ? 0.8 : 0.6 };
    },
  },
  {
    name: 'clock',
    re: new RegExp(`\\b(?:(?:at|about|around|by|until|before|after)\\s+)?(\\d{1,2})(?:[:.](\\d{2}))?\\s*(a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b|o'clock\\b)(?:\\s+([A-Z]{2,4}|local time)\\b)?(?:,?\\s+(?:on\\s+)?(${WD_FULL}|today|yesterday|tomorrow)\\b)?`, 'gi'),
    resolve(m, ctx) {
      let h = Number(m[1]);
      const min = m[2] ?? '00';
      if (h > 12 || Number(min) > 59) return null;
      const ap = m[3].toLowerCase();
      if (ap.startsWith('p') && h < 12) h += 12;
      if (ap.startsWith('a') && h === 12) h = 0;
      const trimStart = m[0].length - m[0].replace(/^(?:at|about|around|by|until|before|after)\s+/i, '').length;
      const t = `T${String(h).padStart(2, '0')}:${min}`;
      let base: Ymd | null = ctx.referencePrecision === 'day' ? ctx.reference : null;
      const w = m[5]?.toLowerCase();
      if (w && ctx.anchor && ctx.anchorPrecision === 'day') {
        base = w === 'today' ? ctx.anchor : w === 'yesterday' ? addDays(ctx.anchor, -1) : w === 'tomorrow' ? addDays(ctx.anchor, 1) : resolveWeekday(WEEKDAYS[w], ctx, hasFutureCue(ctx, 'en'));
      }
      const d = base ? isoDay(base) : null;
      return { value: d ? d + t : null, timeml: d ? undefined : `XXXX-XX-XX${t}`, granularity: 'time', confidence: 0.8, trimStart };
    },
  },
  {
    name: 'deictic',
    re: /\b(today|tonight|yesterday|tomorrow|the day before yesterday|the day after tomorrow|now|right now|currently|at present|nowadays|these days|at the moment|recently|lately|the past|in the past|the future|in the future|the present|this (?:morning|afternoon|evening)|last night|(?:yesterday|tomorrow) (?:morning|afternoon|evening|night)|overnight|year-end|year-earlier|year-ago|midday|noon|midnight|the weekend)\b/gi,
    resolve(m, ctx) {
      const w = m[1].toLowerCase();
      const a = ctx.anchor && ctx.anchorPrecision === 'day' ? ctx.anchor : null;
      const at = (n: number): Resolved => (a ? day(addDays(a, n), 0.85, false) : { value: null, granularity: 'day', confidence: 0.5 });
      const tm = (n: number, part: string): Resolved => ({ value: a ? `${isoDay(addDays(a, n))}T${part}` : null, granularity: 'time', confidence: 0.75 });
      switch (w) {
        case 'today': return at(0);
        case 'yesterday': return at(-1);
        case 'tomorrow': return at(1);
        case 'the day before yesterday': return at(-2);
        case 'the day after tomorrow': return at(2);
        case 'tonight': return tm(0, 'NI');
        case 'overnight': return tm(0, 'NI');
        case 'last night': return tm(-1, 'NI');
        case 'now': case 'right now': case 'currently': case 'at present': case 'nowadays': case 'these days': case 'at the moment': case 'the present':
          return present(ctx);
        case 'recently': case 'lately': case 'the past': case 'in the past': return PAST;
        case 'the future': case 'in the future': case 'soon': return FUTURE;
        case 'midday': case 'noon': return { value: a ? `${isoDay(a)}T12:00` : null, granularity: 'time', confidence: 0.6 };
        case 'midnight': return { value: a ? `${isoDay(a)}T24:00` : null, granularity: 'time', confidence: 0.6 };
        case 'the weekend': return { value: a ? `${isoWeek(a)}-WE` : null, granularity: 'day', confidence: 0.5 };
        case 'year-end': return ctx.anchor ? { value: `${isoYear(ctx.anchor.y)}-12-31`, granularity: 'day', confidence: 0.5 } : null;
        case 'year-earlier': case 'year-ago': return yearEarlier(ctx, ctx.anchor);
      }
      const pm = /^(this|yesterday|tomorrow) (morning|afternoon|evening|night)$/.exec(w);
      if (pm) return tm(pm[1] === 'this' ? 0 : pm[1] === 'yesterday' ? -1 : 1, PART_OF_DAY[pm[2]]);
      return null;
    },
  },
  {
    // "last year" (a date) versus "the last year" / "the past year" (a duration, TimeML P1Y).
    name: 'relative-unit',
    re: /\b(?:(early|late|earlier|later|mid|the end of|the beginning of|the start of|the rest of|the remainder of)[- ]?\s*)?(this|last|next|past|coming|previous|following|current|same|that|the same|the previous|the following|the next|the past|the last|the coming|the current|the prior|prior|the preceding|the latest|the first)\s+(week|weekend|month|year|decade|century|fiscal year)\b/gi,
    resolve(m, ctx) {
      const mod = m[2].toLowerCase();
      const unit = m[3].toLowerCase().replace('fiscal year', 'year');
      const a = ctx.anchor;
      const hasThe = mod.startsWith('the ');
      const base = mod.replace(/^the /, '');
      if (hasThe && (base === 'past' || base === 'last' || base === 'coming' || base === 'first' || base === 'latest') && !m[1]) {
        return { value: durationValue(1, unit), granularity: 'duration', confidence: 0.6 };
      }
      const anaphoric = hasThe || base === 'that' || base === 'prior' || base === 'following' || base === 'same';
      const ref = anaphoric ? ctx.reference : a;
      if (!ref) return { value: null, granularity: unit === 'year' ? 'year' : 'day', confidence: 0.4 };
      let n = 0;
      if (base === 'last' || base === 'past' || base === 'previous' || base === 'prior' || base === 'preceding') n = -1;
      else if (base === 'next' || base === 'coming' || base === 'following') n = 1;
      if (unit === 'weekend') {
        const wd = (weekday(ref) + 6) % 7; // Monday = 0
        const saturday = addDays(ref, 5 - wd + 7 * n);
        return { value: `${isoWeek(saturday)}-WE`, granularity: 'day', confidence: 0.6 };
      }
      return shifted(ref, n, unit);
    },
  },
  {
    name: 'ago',
    re: new RegExp(`\\b(?:(?:about|nearly|almost|more than|some|roughly|around|just|only|less than)\\s+)?(${COUNT})[- ](${UNIT})\\s+(ago|earlier|later|before|after|from now|hence|previously|since)\\b`, 'gi'),
    resolve(m, ctx) {
      const count = countOf(m[1]);
      const dir = m[3].toLowerCase();
      if (dir === 'since') return null;
      const fromAnchor = dir === 'ago' || dir === 'from now' || dir === 'hence';
      const ref = fromAnchor ? ctx.anchor : ctx.reference;
      const sign = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'previously' ? -1 : 1;
      if (count === null || !Number.isInteger(count)) return sign < 0 ? PAST : FUTURE;
      if (!ref) return { value: null, granularity: 'day', confidence: 0.4 };
      const lead = /^(?:about|nearly|almost|more than|some|roughly|around|just|only|less than)\s+/i.exec(m[0]);
      if (count === 1 && sign < 0 && /^year$/i.test(m[2]) && !lead) {
        const ye = yearEarlier(ctx, ref);
        if (ye) return ye;
      }
      const r = shifted(ref, sign * count, m[2]);
      if (!r) return { value: null, granularity: 'time', confidence: 0.4 };
      return r;
    },
  },
  {
    name: 'duration',
    re: new RegExp(`\\b(?:(?:the|a|an|another|over|for|about|nearly|almost|more than|less than|at least|up to)\\s+)?(?:(past|last|next|first|previous|coming|final|latest|initial|remaining|following|recent|preceding|full|entire|whole|same)\\s+)?(${COUNT}|half an?|a half)(?:[- ]and[- ]a[- ]half)?[- ](${UNIT})(?:[- ](?:long|old))?\\b`, 'gi'),
    resolve(m, ctx) {
      if (/[- ]old$/i.test(m[0])) return null; // an age, not a period
      if (/^\s+old\b/i.test(ctx.folded.slice(ctx.end, ctx.end + 5))) return null;
      let count: number | null;
      const c = m[2].toLowerCase();
      if (c.startsWith('half') || c === 'a half') count = 0.5;
      else count = countOf(m[2]);
      if (/and[- ]a[- ]half/i.test(m[0]) && count !== null) count += 0.5;
      const after = ctx.folded.slice(ctx.end, ctx.end + 20);
      if (/^\s*(?:of|'s)\b/i.test(after) && /^(?:quarters?|days?|hours?)$/i.test(m[3]) && !m[1]) {
        // "a quarter of the vote", "the days of": not time.
        if (/^quarters?$/i.test(m[3])) return null;
      }
      if (/^quarters?$/i.test(m[3]) && (c === 'a' || c === 'an' || c === 'some' || c === 'many')) return null;
      if (/^(a|an|some|many)$/i.test(c) && /^(weekends?|days?)$/i.test(m[3]) && !m[1] && /^\s+(?:ago|earlier|later)/.test(after)) return null;
      // "twice a day", "$5 a year": frequency.
      const before = ctx.folded.slice(Math.max(0, ctx.start - 12), ctx.start);
      if ((c === 'a' || c === 'an') && /(?:twice|once|times|\d|cents?|dollars?|percent|%)\s*$/i.test(before) && !/^(?:the|over|for|about)\s/i.test(m[0])) {
        return { value: durationValue(1, m[3]), granularity: 'set', confidence: 0.6 };
      }
      const lead = /^(?:over|for|about|nearly|almost|more than|less than|at least|up to|another)\s+/i.exec(m[0]);
      return { value: durationValue(count, m[3]), granularity: 'duration', confidence: 0.7, trimStart: lead ? lead[0].length : 0 };
    },
  },
  {
    name: 'vague-duration',
    re: /\b(?:(?:for|in|over|within)\s+)(years|months|weeks|days|decades|hours|minutes|centuries)\b/gi,
    resolve(m) {
      const lead = m[0].length - m[1].length;
      return { value: durationValue(null, m[1]), granularity: 'duration', confidence: 0.5, trimStart: lead };
    },
  },
  {
    name: 'recent-units',
    re: /\b(?:in\s+)?(recent|coming|past|last|next|previous|the past|the last|the next|the coming|the previous|the first|the last few|the past few|the next few|the first few)\s+(years|months|weeks|days|decades|hours)\b/gi,
    resolve(m) {
      const mod = m[1].toLowerCase();
      const trimStart = /^in\s/i.test(m[0]) ? 3 : 0;
      if (mod === 'recent') return { ...PAST, trimStart };
      if (mod === 'coming') return { ...FUTURE, trimStart };
      return { value: durationValue(null, m[2]), granularity: 'duration', confidence: 0.5, trimStart };
    },
  },
  {
    name: 'set',
    re: new RegExp(`\\b(?:(daily|weekly|monthly|annually|yearly|hourly|nightly|biweekly|semiannually|semi-annually)|(?:every|each)\\s+(other\\s+)?(${UNIT}|morning|evening|night|(?:Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day)|(?:per)\\s+(${UNIT}))\\b`, 'gi'),
    resolve(m, ctx) {
      const w = m[1]?.toLowerCase();
      const map: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', quarterly: 'P1Q', hourly: 'PT1H', nightly: 'P1D', biweekly: 'P2W', semiannually: 'P6M', 'semi-annually': 'P6M' };
      if (w) {
        // "daily newspaper", "the weekly magazine": adjectives before a noun are usually not frequencies.
        const after = ctx.folded.slice(ctx.end, ctx.end + 20);
        if (/^\s+(?:newspaper|paper|magazine|journal|publication|bulletin|report|meeting)/i.test(after)) return null;
        return { value: map[w], granularity: 'set', confidence: 0.6 };
      }
      const u = (m[3] ?? m[4]).toLowerCase();
      if (/day$/.test(u) && u !== 'day' && u !== 'days') {
        const wd = WEEKDAYS[u];
        return { value: wd === undefined ? null : `XXXX-WXX-${wd === 0 ? 7 : wd}`, granularity: 'set', confidence: 0.6 };
      }
      if (u === 'morning' || u === 'evening' || u === 'night') return { value: `XXXX-XX-XXT${PART_OF_DAY[u]}`, granularity: 'set', confidence: 0.6 };
      return { value: durationValue(m[2] ? 2 : 1, u), granularity: 'set', confidence: 0.6 };
    },
  },
  {
    name: 'holiday',
    re: /\b(?:(last|this|next)\s+)?(Thanksgiving(?: Day)?|Christmas(?: Day| Eve)?|New Year's (?:Day|Eve)|Election Day|Independence Day|Labor Day|Memorial Day|Valentine's Day|Halloween)\b(?:,?\s+(1[6-9]\d\d|20\d\d)\b)?/g,
    resolve(m, ctx) {
      const name = m[2].toLowerCase();
      const on = (y: number): Ymd | null => {
        if (name.startsWith('thanksgiving')) return nthWeekday(y, 11, 4, 4);
        if (name === 'christmas eve') return { y, m: 12, d: 24 };
        if (name.startsWith('christmas')) return { y, m: 12, d: 25 };
        if (name === "new year's day") return { y, m: 1, d: 1 };
        if (name === "new year's eve") return { y, m: 12, d: 31 };
        if (name === 'election day') return addDays(nthWeekday(y, 11, 1, 1), 1);
        if (name === 'independence day') return { y, m: 7, d: 4 };
        if (name === 'labor day') return nthWeekday(y, 9, 1, 1);
        if (name === 'memorial day') return addDays(nthWeekday(y, 6, 1, 1), -7);
        if (name === "valentine's day") return { y, m: 2, d: 14 };
        if (name === 'halloween') return { y, m: 10, d: 31 };
        return null;
      };
      let y: number | null = m[3] ? Number(m[3]) : null;
      const a = ctx.anchor;
      if (y === null && a) {
        const mod = m[1]?.toLowerCase();
        const thisYear = on(a.y);
        const past = thisYear && toDayNumber(thisYear) <= toDayNumber(a);
        if (mod === 'last') y = past ? a.y : a.y - 1;
        else if (mod === 'next') y = past ? a.y + 1 : a.y;
        else if (hasFutureCue(ctx, 'en')) y = past ? a.y + 1 : a.y;
        else y = past || (thisYear && toDayNumber(thisYear) - toDayNumber(a) <= 10) ? a.y : a.y - 1;
      }
      const d = y === null ? null : on(y);
      return { value: d ? isoDay(d) : null, granularity: 'day', confidence: 0.7 };
    },
  },
  {
    // "nineteen ninety-six", "the year two thousand": years in words, as speech transcripts write them.
    name: 'year-words',
    re: /\b(?:the year\s+)?(?:(nineteen|eighteen)[- ](ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?)|two thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty))?)\b/gi,
    resolve(m) {
      const lead = /^the year\s+/i.test(m[0]);
      let y: number | null;
      if (m[1]) {
        const tail = parseEnglishNumber(m[2]);
        y = tail === null ? null : (m[1].toLowerCase() === 'nineteen' ? 1900 : 1800) + tail;
      } else {
        if (!lead && !m[3]) return null; // "two thousand" alone is a count
        y = 2000 + (m[3] ? parseEnglishNumber(m[3]) ?? 0 : 0);
      }
      return y === null ? null : { value: isoYear(y), granularity: 'year', confidence: 0.6, reference: { y, m: 1, d: 1 } };
    },
  },
];

/** The n-th given weekday (0 = Sunday) of a month: Thanksgiving = nthWeekday(y, 11, 4, 4). */
function nthWeekday(y: number, month: number, wd: number, n: number): Ymd {
  const first = { y, m: month, d: 1 };
  const offset = (wd - weekday(first) + 7) % 7;
  return { y, m: month, d: 1 + offset + 7 * (n - 1) };
}

