// English date rules: dates written out in full or in part (day, month, year, decade, calendar forms).
import { hasFutureCue, resolveBareMonth, resolveWeekday, resolveYearlessDay } from './anchor.js';
import { addDays, daysInMonth, isoDay, isoMonth, isoYear, isValidYmd, weekday, type Ymd } from './calendar.js';
import { DAY, day, isBareMonthPlausible, monthOf, ORD, quarterOf, twoDigitYear, weekdayOf, YEAR } from './en-helpers.js';
import { MON, SEASON_MONTHS, SEASONS, WD } from './en-words.js';
import type { Resolved, Rule } from './engine.js';

/** Length of a leading "from " / "between " that stays outside the span (a signal, not the date). */
function leadLength(s: string): number {
  return /^(?:from|between)\s+/i.exec(s)?.[0].length ?? 0;
}

/**
 * "early March" -> days 1–10, "mid March" 11–20, "late March" 21–end, as an interval; TimeML
 * keeps the month. Other prefixes (none, "the end of" …) keep the month value as given.
 */
function partOfMonth(prefix: string | undefined, y: number, mo: number, whole: Resolved): Resolved {
  const p = prefix?.toLowerCase().replace(/\s+/g, ' ');
  const range = p === 'early' || p === 'the beginning of' || p === 'the start of' ? [1, 10] : p === 'mid' || p === 'the middle of' ? [11, 20] : p === 'late' || p === 'the end of' ? [21, daysInMonth(y, mo)] : null;
  if (!range) return whole;
  return { ...whole, value: `${isoDay({ y, m: mo, d: range[0] })}/${isoDay({ y, m: mo, d: range[1] })}`, timeml: isoMonth(y, mo), granularity: 'interval' };
}

export const EN_ABSOLUTE_RULES: Rule[] = [
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
    // "March of this year", "March last year", "next March" in one span.
    name: 'month-relative-year',
    re: new RegExp(`\\b(?:(?:(last|next|this)\\s+(${MON}))|(${MON})(?:\\s+of)?\\s+(this|last|next)\\s+year)(?![a-z])`, 'gi'),
    resolve(m, ctx) {
      const name = m[2] ?? m[3];
      if (!/^[A-Z]/.test(name)) return null;
      const mo = monthOf(name);
      const a = ctx.anchor;
      if (!a) return { value: null, granularity: 'month', confidence: 0.4 };
      let y: number;
      if (m[4]) y = a.y + { this: 0, last: -1, next: 1 }[m[4].toLowerCase() as 'this'];
      else {
        const mod = m[1].toLowerCase();
        y = mod === 'last' ? (mo < a.m ? a.y : a.y - 1) : mod === 'next' ? (mo > a.m ? a.y : a.y + 1) : a.y;
      }
      return { value: isoMonth(y, mo), granularity: 'month', confidence: 0.8 };
    },
  },
  {
    // "12 to 15 March 2019", "March 3-5, 2019": a range of days in one month.
    name: 'day-range',
    re: new RegExp(`\\b(?:(?:from|between)\\s+)?(?:(${DAY})\\s*(?:-|–|to|and|until|through)\\s*(${DAY})\\s+(?:of\\s+)?(${MON})|(${MON})\\s+(${DAY})\\s*(?:-|–|to|until|through)\\s*(${DAY}))(?![a-z])(?:,?\\s+(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      const name = m[3] ?? m[4];
      if (!/^[A-Z]/.test(name)) return null;
      const mo = monthOf(name);
      const d1 = parseInt(m[1] ?? m[5], 10);
      const d2 = parseInt(m[2] ?? m[6], 10);
      if (d2 <= d1) return null;
      let y: number | null = m[7] ? Number(m[7]) : null;
      if (y === null) y = resolveYearlessDay(mo, d1, null, ctx, hasFutureCue(ctx, 'en'))?.y ?? null;
      if (y === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      if (!isValidYmd(y, mo, d1) || !isValidYmd(y, mo, d2)) return null;
      return { value: `${isoDay({ y, m: mo, d: d1 })}/${isoDay({ y, m: mo, d: d2 })}`, granularity: 'interval', confidence: m[7] ? 0.85 : 0.65, reference: { y, m: mo, d: d1 }, trimStart: leadLength(m[0]) };
    },
  },
  {
    // "3 March and 31 May 2025" (after "between"), "from 3 March to 31 May": two days in different months.
    name: 'day-month-interval',
    re: new RegExp(`\\b(?:(from|between)\\s+)?(${DAY})\\s+(?:of\\s+)?(${MON})(?![a-z])(?:,?\\s+(${YEAR}))?\\s*(?:(to|until|till|through|-|–)|(and))\\s*(${DAY})\\s+(?:of\\s+)?(${MON})(?![a-z])(?:,?\\s+(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[3]) || !/^[A-Z]/.test(m[8])) return null;
      if (m[6] && m[1]?.toLowerCase() !== 'between') return null; // "on 3 March and 31 May": two dates
      const [m1, m2] = [monthOf(m[3]), monthOf(m[8])];
      const [d1, d2] = [parseInt(m[2], 10), parseInt(m[7], 10)];
      let y2: number | null = m[9] ? Number(m[9]) : null;
      if (y2 === null) y2 = resolveYearlessDay(m2, d2, null, ctx, hasFutureCue(ctx, 'en'))?.y ?? null;
      if (y2 === null) return { value: null, granularity: 'interval', confidence: 0.4, trimStart: leadLength(m[0]) };
      const y1 = m[4] ? Number(m[4]) : m1 > m2 ? y2 - 1 : y2;
      if (!isValidYmd(y1, m1, d1) || !isValidYmd(y2, m2, d2)) return null;
      const a = isoDay({ y: y1, m: m1, d: d1 });
      const b = isoDay({ y: y2, m: m2, d: d2 });
      if (b <= a) return null;
      return { value: `${a}/${b}`, granularity: 'interval', confidence: m[9] ? 0.85 : 0.65, reference: { y: y1, m: m1, d: d1 }, trimStart: leadLength(m[0]) };
    },
  },
  {
    // "the second week of March": days 8–14; "the last week of March": its last seven days.
    name: 'week-of-month',
    re: new RegExp(`\\b(first|second|third|fourth|last|final|1st|2nd|3rd|4th)\\s+week\\s+of\\s+(${MON})(?![a-z])(?:,?\\s+(${YEAR})\\b)?`, 'gi'),
    resolve(m, ctx) {
      if (!/^[A-Z]/.test(m[2])) return null;
      const mo = monthOf(m[2]);
      const y = m[3] ? Number(m[3]) : resolveBareMonth(mo, ctx, hasFutureCue(ctx, 'en'));
      if (y === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      const w = m[1].toLowerCase();
      const last = daysInMonth(y, mo);
      const first = w === 'last' || w === 'final' ? last - 6 : 7 * (ORD[w] - 1) + 1;
      return { value: `${isoDay({ y, m: mo, d: first })}/${isoDay({ y, m: mo, d: first + 6 })}`, timeml: isoMonth(y, mo), granularity: 'interval', confidence: 0.7 };
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
        return partOfMonth(m[1], y, mo, { value: isoMonth(y, mo), granularity: 'month', confidence: 0.9, reference: { y, m: mo, d: 1 } });
      }
      if (!m[1] && !isBareMonthPlausible(m[2], ctx)) return null;
      if (m[2].length <= 4 && !m[2].endsWith('.') && !m[1]) {
        // "Jan" without a dot or day is more often a name than a month.
        if (!/^(June|July|May)$/.test(m[2])) return null;
      }
      const y = resolveBareMonth(mo, ctx, hasFutureCue(ctx, 'en'));
      if (y === null) return { value: null, granularity: 'month', confidence: 0.7 };
      return partOfMonth(m[1], y, mo, { value: isoMonth(y, mo), granularity: 'month', confidence: 0.7 });
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
      const y2 = m[5] ? Number(m[5]) : resolveBareMonth(m2, ctx, hasFutureCue(ctx, 'en'));
      if (y2 === null) return { value: null, granularity: 'interval', confidence: 0.4 };
      const y1 = m1 > m2 ? y2 - 1 : y2;
      const a = m[2] ? (isValidYmd(y1, m1, parseInt(m[2], 10)) ? isoDay({ y: y1, m: m1, d: parseInt(m[2], 10) }) : null) : isoMonth(y1, m1);
      const b = m[4] ? (isValidYmd(y2, m2, parseInt(m[4], 10)) ? isoDay({ y: y2, m: m2, d: parseInt(m[4], 10) }) : null) : isoMonth(y2, m2);
      if (!a || !b) return null;
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
];
