// English date rules: relative and deictic expressions, clock times, durations and frequencies.
import { parseEnglishNumber } from '../quantities/number-words.js';
import { hasFutureCue, resolveWeekday } from './anchor.js';
import { addDays, isoDay, isoWeek, isoYear, toDayNumber, weekday, type Ymd } from './calendar.js';
import { countOf, day, durationValue, FUTURE, nthWeekday, PART_OF_DAY, PAST, present, shifted, yearEarlier } from './en-helpers.js';
import { COUNT, UNIT, WD_FULL, WEEKDAYS } from './en-words.js';
import type { Resolved, Rule } from './engine.js';

export const EN_RELATIVE_RULES: Rule[] = [
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
        case 'the weekend': {
          // The last weekend at or before publication ("over the weekend"), or the next one under a future cue.
          if (!a) return { value: null, granularity: 'interval', confidence: 0.4 };
          const wd = weekday(a); // 0 = Sunday, 6 = Saturday
          const saturday = hasFutureCue(ctx, 'en') ? addDays(a, wd === 0 ? -1 : 6 - wd) : addDays(a, wd === 6 ? 0 : -(wd + 1));
          return { value: `${isoWeek(saturday)}-WE`, granularity: 'day', confidence: 0.5 };
        }
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
    re: /\b(?:(early|late|earlier|later|mid|the end of|the beginning of|the start of|the rest of|the remainder of)[- ]?\s*)?(this|last|next|past|coming|previous|following|current|same|that|the same|the previous|the following|the next|the past|the last|the coming|the current|the prior|prior|the preceding|the latest|the first)\s+(day|week|weekend|month|year|decade|century|fiscal year)\b/gi,
    resolve(m, ctx) {
      const mod = m[2].toLowerCase();
      const unit = m[3].toLowerCase().replace('fiscal year', 'year');
      const a = ctx.anchor;
      const hasThe = mod.startsWith('the ');
      const base = mod.replace(/^the /, '');
      // "the next day", "the previous day", "that day": anaphoric; "the last day (of …)" is not yesterday.
      if (unit === 'day' && !(/^(?:previous|following|next|prior|preceding|same|that)$/.test(base) && (hasThe || base === 'that'))) return null;
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
      return shifted(ref, n, unit, anaphoric ? ctx.referencePrecision : ctx.anchorPrecision);
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
      const r = shifted(ref, sign * count, m[2], fromAnchor ? ctx.anchorPrecision : ctx.referencePrecision);
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
