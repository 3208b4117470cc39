// TimeML writes weeks, quarters and halves as "1989-W44", "1989-Q3", "1989-H1", "1989-W44-WE".
// Downstream code wants ISO dates or intervals, so those become "A/B" intervals and the TimeML
// form is kept in `timeml`.
import { addDays, isoDay, isoMonth, weekday, type Ymd } from './calendar.js';
import type { DateSpan } from './types.js';

/** Monday of ISO week `w` of ISO year `y`. */
function mondayOfIsoWeek(y: number, w: number): Ymd {
  const jan4: Ymd = { y, m: 1, d: 4 };
  const monday1 = addDays(jan4, -((weekday(jan4) + 6) % 7));
  return addDays(monday1, 7 * (w - 1));
}

/** "1989-W44" -> "1989-10-30/1989-11-05"; "1989-Q3" -> "1989-07/1989-09"; other values unchanged (null). */
export function timemlToInterval(v: string): string | null {
  let m = /^(\d{4})-W(\d{2})(-WE)?$/.exec(v);
  if (m) {
    const mon = mondayOfIsoWeek(Number(m[1]), Number(m[2]));
    return m[3] ? `${isoDay(addDays(mon, 5))}/${isoDay(addDays(mon, 6))}` : `${isoDay(mon)}/${isoDay(addDays(mon, 6))}`;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) {
    const q = Number(m[2]);
    return `${isoMonth(Number(m[1]), 3 * q - 2)}/${isoMonth(Number(m[1]), 3 * q)}`;
  }
  m = /^(\d{4})-H([12])$/.exec(v);
  if (m) return m[2] === '1' ? `${m[1]}-01/${m[1]}-06` : `${m[1]}-07/${m[1]}-12`;
  return null;
}

/** Rewrite TimeML-only values of a span in place (see the file comment). */
export function toIsoValue(span: DateSpan): DateSpan {
  const v = span.value;
  if (!v) return span;
  if (/^\d{4}-(?:QX|WXX)$/.test(v)) {
    span.timeml = v;
    span.value = null; // "the quarter" without knowing which one
    return span;
  }
  const interval = timemlToInterval(v);
  if (interval) {
    span.timeml = v;
    span.value = interval;
    span.granularity = 'interval';
  }
  return span;
}
