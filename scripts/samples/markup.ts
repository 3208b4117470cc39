// Inline gold markup used by the corpus sources: [[surface|tag]].
// The generator writes `surface` into the sample file and records the tag in
// samples/gold.json, so every gold string is, by construction, in its file.
//   [[Kalantary|p-dariush-kalantari]]     entity mention (p- person, o- org, l- place)
//   [[3 Mar|d:2025-03-03]]                date; value ISO date, month, year or interval A/B
//   [[۲۶ تیر ۱۳۶۲|d:sh:1362-04-26]]       Solar Hijri date; the Gregorian value is computed
//   [[two days ago|d:@-2]]                relative to the document's publication date
//   [[last week|d:@lastweek]]  [[in March of this year|d:@thisyear-03]]  [[last year|d:@lastyear]]
//   [[4,000|q:4000:ex:detainees:c-id]]    quantity: value[~max]:qualifier:unit[:claim id]
import * as jalaali from 'jalaali-js';

export interface Mark { start: number; end: number; surface: string; tag: string }

const MARK = /\[\[([^\]|]+)\|([^\]]+)\]\]/g;

/** Strip the markup, returning the plain text and the marks with offsets into it. */
export function parseMarkup(src: string): { text: string; marks: Mark[] } {
  let text = '';
  const marks: Mark[] = [];
  let last = 0;
  for (const m of src.matchAll(MARK)) {
    text += src.slice(last, m.index);
    const start = text.length;
    text += m[1];
    marks.push({ start, end: text.length, surface: m[1], tag: m[2] });
    last = m.index! + m[0].length;
  }
  text += src.slice(last);
  if (text.includes('[[') || text.includes(']]')) throw new Error(`unbalanced markup in: ${src.slice(0, 80)}`);
  return { text, marks };
}

export const strip = (src: string): string => parseMarkup(src).text;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const day = (s: string) => new Date(`${s}T00:00:00Z`);
const addDays = (s: string, n: number) => { const d = day(s); d.setUTCDate(d.getUTCDate() + n); return iso(d); };

function shDay(jy: number, jm: number, jd: number): string {
  const g = jalaali.toGregorian(jy, jm, jd);
  return `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`;
}

/** Resolve a `d:` tag to { value, calendar, relative }. */
export function resolveDate(tag: string, published: string, language: 'en' | 'fa' = 'en'): { value: string; calendar: 'gregorian' | 'solar-hijri'; relative: boolean } {
  const body = tag.slice(2);
  if (body.startsWith('sh:')) {
    const parts = body.slice(3).split('-').map(Number);
    let value: string;
    if (parts.length === 3) value = shDay(parts[0], parts[1], parts[2]);
    else if (parts.length === 2) {
      // A Solar Hijri month is an interval of Gregorian days.
      const end = parts[1] === 12 ? addDays(shDay(parts[0] + 1, 1, 1), -1) : addDays(shDay(parts[0], parts[1] + 1, 1), -1);
      value = `${shDay(parts[0], parts[1], 1)}/${end}`;
    } else {
      // A bare Solar Hijri year runs Nowruz to Nowruz: "1358" -> 1979-03-21/1980-03-20.
      value = `${shDay(parts[0], 1, 1)}/${addDays(shDay(parts[0] + 1, 1, 1), -1)}`;
    }
    return { value, calendar: 'solar-hijri', relative: false };
  }
  if (body.startsWith('@')) {
    const r = body.slice(1);
    const year = Number(published.slice(0, 4));
    let value: string;
    if (/^[-+]?\d+$/.test(r)) value = addDays(published, Number(r));
    else if (r === 'lastweek') {
      // The week before the week of publication. English weeks run Monday to
      // Sunday; Persian weeks run Saturday to Friday (شنبه is the first day).
      const firstDay = language === 'fa' ? 6 : 1; // JS getUTCDay: 6 = Saturday, 1 = Monday
      const dow = (day(published).getUTCDay() - firstDay + 7) % 7;
      const start = addDays(published, -dow - 7);
      value = `${start}/${addDays(start, 6)}`;
    } else if (r === 'lastyear') value = String(year - 1);
    else if (r === 'thisyear') value = String(year);
    else if (/^thisyear-\d\d$/.test(r)) value = `${year}-${r.slice(9)}`;
    else if (/^lastyear-\d\d$/.test(r)) value = `${year - 1}-${r.slice(9)}`;
    else if (r === 'lastmonth') {
      const d = day(published); d.setUTCDate(1); d.setUTCMonth(d.getUTCMonth() - 1);
      value = iso(d).slice(0, 7);
    } else throw new Error(`unknown relative date ${tag}`);
    return { value, calendar: 'gregorian', relative: true };
  }
  if (!/^\d{4}(-\d\d(-\d\d)?)?(\/\d{4}(-\d\d(-\d\d)?)?)?$/.test(body)) throw new Error(`bad date tag ${tag}`);
  return { value: body, calendar: 'gregorian', relative: false };
}

export const QUALIFIERS: Record<string, 'exact' | 'approximately' | 'at_least' | 'at_most'> = {
  ex: 'exact', ap: 'approximately', al: 'at_least', am: 'at_most',
};

export function resolveQuantity(tag: string): { value: number; valueMax: number | null; qualifier: string; unit: string; claim: string | null } {
  const [, v, q, unit, claim] = tag.split(':');
  const [lo, hi] = v.split('~');
  const qualifier = QUALIFIERS[q];
  if (!qualifier || !unit || Number.isNaN(Number(lo))) throw new Error(`bad quantity tag ${tag}`);
  return { value: Number(lo), valueMax: hi ? Number(hi) : null, qualifier, unit, claim: claim ?? null };
}

export function toPersianDigits(s: string | number): string {
  return String(s).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
}

const FA_MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const FA_WEEKDAYS = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه'];

/** "2025-03-04" -> "۱۴ اسفند ۱۴۰۳" (with weekday: "سه‌شنبه ۱۴ اسفند ۱۴۰۳"). */
export function solarHijriLabel(isoDate: string, withWeekday = false): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const j = jalaali.toJalaali(y, m, d);
  const label = `${toPersianDigits(j.jd)} ${FA_MONTHS[j.jm - 1]} ${toPersianDigits(j.jy)}`;
  return withWeekday ? `${FA_WEEKDAYS[day(isoDate).getUTCDay()]} ${label}` : label;
}

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
export function englishLabel(isoDate: string, style: 'dmy' | 'mdy' | 'full' = 'dmy'): string {
  const d = day(isoDate);
  const dd = d.getUTCDate(), mm = EN_MONTHS[d.getUTCMonth()], yy = d.getUTCFullYear();
  if (style === 'mdy') return `${mm} ${dd}, ${yy}`;
  if (style === 'full') return `${EN_WEEKDAYS[d.getUTCDay()]}, ${dd} ${mm} ${yy}`;
  return `${dd} ${mm} ${yy}`;
}
export { addDays };
