// Persian writes one time expression in pieces that our rules find separately: «از شنبه تا
// چهارشنبه», «امروز سوم تیر», «صبح حدود ساعت شش». Join neighbours into one span.
import type { DateSpan } from './types.js';

const RANGE = /^[ \t\u200c]*(?:تا|الی|لغایت|-|–|_)[ \t\u200c]*$/;
const ADJACENT = /^[ \t\u200c]*(?:روز|،|,)?[ \t\u200c]*$/; // "ساعت ۱۰ صبح روز ۳ دی"; never across a line break
const LIST = /^[ \t\u200c]*(?:و|،|,)[ \t\u200c]*$/;
const MAX_MERGED_LENGTH = 80;

function startOf(v: string): string {
  return v.split('/')[0];
}
function endOf(v: string): string {
  const parts = v.split('/');
  return parts[parts.length - 1];
}

function combine(a: DateSpan, b: DateSpan, range: boolean): Pick<DateSpan, 'value' | 'granularity' | 'calendar' | 'original' | 'timeml' | 'confidence'> {
  const conf = Math.min(a.confidence, b.confidence);
  if (range && a.value && b.value && a.granularity !== 'duration' && b.granularity !== 'duration') {
    const original = a.original && b.original ? `${startOf(a.original)}/${endOf(b.original)}` : undefined;
    return { value: `${startOf(a.value)}/${endOf(b.value)}`, granularity: 'interval', calendar: a.calendar === b.calendar ? a.calendar : 'gregorian', original, confidence: conf };
  }
  // A day and a clock time: "امروز ساعت ۹" -> the day at that time.
  const day = [a, b].find((s) => s.granularity === 'day' && s.value && /^\d{4}-\d{2}-\d{2}$/.test(s.value));
  const clock = (s: DateSpan): string | undefined => [s.value, s.timeml].find((v) => v?.includes('T')) ?? undefined;
  const time = [a, b].find((s) => s.granularity === 'time' && clock(s) !== undefined);
  if (day && time && day !== time) {
    const t = (clock(time) ?? '').replace(/^.*?T/, 'T');
    return { value: day.value + t, granularity: 'time', calendar: day.calendar, original: day.original, confidence: conf };
  }
  const best = [a, b].sort((x, y) => rank(y) - rank(x))[0];
  return { value: best.value, granularity: best.granularity, calendar: best.calendar, original: best.original, timeml: best.timeml, confidence: conf };
}

function rank(s: DateSpan): number {
  const g = { day: 6, time: 5, interval: 4, month: 4, year: 3, decade: 2, duration: 1, set: 1 }[s.granularity];
  return (s.value ? 10 : 0) + g;
}

export function mergeAdjacent(text: string, folded: string, spans: DateSpan[]): DateSpan[] {
  const out: DateSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && s.start - prev.end <= 8) {
      const gap = folded.slice(prev.end, s.start);
      const range = RANGE.test(gap) || /^(?:تا|الی|لغایت)[\s\u200c]/.test(folded.slice(s.start, s.end));
      // A frequency ("سالانه", "هر روز") next to a date is two expressions, not one.
      // "و" joins pieces of one expression ("۱۱ و ۱۲ و ۱۳ جولای", "امشب و فردا شب"), not two
      // full dates ("سال ۱۳۵۸ و سال ۱۳۶۰").
      const noSet = prev.granularity !== 'set' && s.granularity !== 'set';
      const partial = (prev.value === null) !== (s.value === null) || prev.granularity === 'time' || s.granularity === 'time';
      const joinable = s.end - prev.start <= MAX_MERGED_LENGTH && (range || (noSet && (ADJACENT.test(gap) || (LIST.test(gap) && partial))));
      if (joinable) {
        let start = prev.start;
        if (range && /از[\s\u200c]*$/.test(folded.slice(Math.max(0, start - 4), start))) start = folded.lastIndexOf('از', start);
        const merged: DateSpan = { start, end: s.end, text: text.slice(start, s.end), ...combine(prev, s, range) };
        if (merged.original === undefined) delete merged.original;
        if (merged.timeml === undefined) delete merged.timeml;
        out[out.length - 1] = merged;
        continue;
      }
    }
    out.push(s);
  }
  return out;
}
