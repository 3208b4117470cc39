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

/**
 * Rewrite TimeML-only values of a span in place (see the file comment): weeks, quarters and
 * halves become intervals, decades "1980/1989", parts of day the day ("2019-03-03TNI" ->
 * "2019-03-03", granularity stays "time"). Idempotent.
 */
export function toIsoValue(span: DateSpan): DateSpan {
  const v = span.value;
  if (!v) return span;
  if (/^\d{4}-(?:QX|WXX)$/.test(v)) {
    span.timeml = v;
    span.value = null; // "the quarter" without knowing which one
    return span;
  }
  // "2019-03-03TNI" (last night): the day is the value, the part of day stays in `timeml`.
  const part = /^(\d{4}-\d{2}-\d{2})T(?:MO|AF|EV|NI|DT)$/.exec(v);
  if (part) {
    span.timeml = v;
    span.value = part[1];
    return span;
  }
  // "198X" (the 1980s): the ISO interval of years; TimeML writes "198".
  const dec = /^(\d{3})X$/.exec(v);
  if (dec) {
    span.timeml ??= dec[1];
    span.value = `${dec[1]}0/${dec[1]}9`;
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
