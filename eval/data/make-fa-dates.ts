// Writes eval/data/fa-dates.tsv: our own Persian / Solar Hijri date cases (fictional sentences).
// Every expected value is computed here with jalaali-js and UTC date arithmetic, never typed in
// by hand and never taken from the extractor. Run: npx tsx eval/data/make-fa-dates.ts
import { writeFileSync } from 'node:fs';
import { jalaaliMonthLength, toGregorian, toJalaali } from 'jalaali-js';

const FA_DIGITS = '۰۱۲۳۴۵۶۷۸۹';
const AR_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const fa = (s: string | number): string => String(s).replace(/\d/g, (d) => FA_DIGITS[Number(d)]);
const ar = (s: string | number): string => String(s).replace(/\d/g, (d) => AR_DIGITS[Number(d)]);
const p2 = (n: number): string => String(n).padStart(2, '0');

const MONTHS = ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند'];
const LATIN = ['Farvardin', 'Ordibehesht', 'Khordad', 'Tir', 'Mordad', 'Shahrivar', 'Mehr', 'Aban', 'Azar', 'Dey', 'Bahman', 'Esfand'];
const GREG_FA = ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه', 'ژوئن', 'ژوئیه', 'اوت', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر'];
const ORD = ['', 'اول', 'دوم', 'سوم', 'چهارم', 'پنجم', 'ششم', 'هفتم', 'هشتم', 'نهم', 'دهم', 'یازدهم', 'دوازدهم', 'سیزدهم', 'چهاردهم', 'پانزدهم', 'شانزدهم', 'هفدهم', 'هجدهم', 'نوزدهم', 'بیستم', 'بیست و یکم', 'بیست و دوم', 'بیست و سوم', 'بیست و چهارم', 'بیست و پنجم', 'بیست و ششم', 'بیست و هفتم', 'بیست و هشتم', 'بیست و نهم', 'سی‌ام', 'سی و یکم'];
const WEEKDAYS_FA = ['یکشنبه', 'دوشنبه', 'سه‌شنبه', 'چهارشنبه', 'پنجشنبه', 'جمعه', 'شنبه']; // index = JS getUTCDay

function g(jy: number, jm: number, jd: number): string {
  const r = toGregorian(jy, jm, jd);
  return `${r.gy}-${p2(r.gm)}-${p2(r.gd)}`;
}
function dayNum(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
}
function isoOf(n: number): string {
  const d = new Date(n * 86400000);
  return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
}
function shYearInterval(jy: number): string {
  return `${g(jy, 1, 1)}/${isoOf(dayNum(g(jy + 1, 1, 1)) - 1)}`;
}
function shMonthInterval(jy: number, jm: number): string {
  return `${g(jy, jm, 1)}/${g(jy, jm, jalaaliMonthLength(jy, jm))}`;
}
/** The Persian week (Saturday to Friday) holding day number n. */
function persianWeek(n: number): string {
  const sinceSaturday = (new Date(n * 86400000).getUTCDay() + 1) % 7;
  return `${isoOf(n - sinceSaturday)}/${isoOf(n - sinceSaturday + 6)}`;
}
function shOf(iso: string): { jy: number; jm: number; jd: number } {
  const [y, m, d] = iso.split('-').map(Number);
  return toJalaali(y, m, d);
}

// A small deterministic generator so the file is the same on every run.
let seed = 1362;
function rnd(n: number): number {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
}
const pick = <T,>(xs: T[]): T => xs[rnd(xs.length)];

interface Case { text: string; anchor: string; surface: string; value: string }
const cases: Case[] = [];
const add = (text: string, anchor: string, surface: string, value: string): void => {
  if (!text.includes(surface)) throw new Error(`surface not in text: ${surface} / ${text}`);
  cases.push({ text, anchor, surface, value });
};

const FULL_TEMPLATES = [
  'فعالان حقوق بشر می‌گویند او در {D} بازداشت شد.',
  'به گزارش خبرنگار ما، جلسه دادگاه در {D} برگزار شد.',
  'خانواده‌اش تا {D} هیچ خبری از او نداشتند.',
  'این نامه در تاریخ {D} به دفتر دادستانی رسید.',
  'تجمع معلمان در {D} مقابل ساختمان اداره کل برگزار شد.',
  'طبق سندی که به دست ما رسیده، قرارداد در {D} امضا شد.',
  'وی در {D} از زندان آزاد شد و به شهرش بازگشت.',
  'شاهدان می‌گویند نیروهای امنیتی بامداد {D} به خانه آنها آمدند.',
  'گزارش پزشکی قانونی که در {D} صادر شد، علت مرگ را ذکر نکرده است.',
  'پرونده او از {D} در شعبه سوم دادگاه انقلاب باز است.',
];

// 1. Full Solar Hijri dates in several spellings and digit sets.
for (let i = 0; i < 40; i++) {
  const jy = 1330 + rnd(72);
  const jm = 1 + rnd(12);
  const jd = 1 + rnd(jalaaliMonthLength(jy, jm));
  const style = i % 8;
  let month = MONTHS[jm - 1];
  if (jm === 5 && i % 3 === 0) month = 'امرداد';
  let d: string;
  if (style === 0) d = `${fa(jd)} ${month} ${fa(jy)}`;
  else if (style === 1) d = `${ar(jd)} ${month} ${ar(jy)}`;
  else if (style === 2) d = `${jd} ${month} ${jy}`;
  else if (style === 3) d = `${fa(jd)} ${month}‌ماه ${fa(jy)}`;
  else if (style === 4) d = `${fa(jd)} ${month} ماه سال ${fa(jy)}`;
  else if (style === 5) d = `${fa(jd)} ${month} ${fa(jy)} هجری شمسی`;
  else if (style === 6) d = `${ORD[jd]} ${month} ${fa(jy)}`;
  else d = `${fa(jd)} ${month.replace(/ی/g, 'ي')} ${fa(jy)}`; // Arabic yeh, as in older pages
  add(FULL_TEMPLATES[i % FULL_TEMPLATES.length].replace('{D}', d), pick(['2023-05-01', '2021-11-20', '2019-08-15']), d, g(jy, jm, jd));
}

// Fixed points named in the issue.
add('او در ۲۶ تیر ۱۳۶۲ به دنیا آمد.', '2020-01-01', '۲۶ تیر ۱۳۶۲', g(1362, 4, 26));
add('سال نو در ۱ فروردین ۱۳۹۸ آغاز شد.', '2020-01-01', '۱ فروردین ۱۳۹۸', g(1398, 1, 1));

// 2. Numeric Solar Hijri dates.
for (let i = 0; i < 16; i++) {
  const jy = 1340 + rnd(62);
  const jm = 1 + rnd(12);
  const jd = 1 + rnd(jalaaliMonthLength(jy, jm));
  const forms = [`${fa(jy)}/${fa(p2(jm))}/${fa(p2(jd))}`, `${jy}/${jm}/${jd}`, `${fa(jy)}-${fa(p2(jm))}-${fa(p2(jd))}`, `${ar(jy)}/${ar(jm)}/${ar(jd)}`];
  const d = forms[i % forms.length];
  const t = pick(['تاریخ صدور حکم: {D}', 'این اطلاعیه در {D} منتشر شد.', 'شماره پرونده ۹۸۷ مورخ {D} است.', 'تاریخ بازداشت {D} ثبت شده است.']);
  add(t.replace('{D}', d), '2022-01-01', d, g(jy, jm, jd));
}

// 3. Bare Solar Hijri years: Nowruz to Nowruz.
const YEAR_TEMPLATES = ['در سال {Y} صدها نفر بازداشت شدند.', 'این قانون در سال {Y} تصویب شد.', 'او از سال {Y} در تبعید زندگی می‌کند.', 'گزارش سالانه {Y} هنوز منتشر نشده است.'];
for (let i = 0; i < 14; i++) {
  const jy = 1340 + rnd(65);
  const y = [fa(jy), ar(jy), String(jy)][i % 3];
  const t = YEAR_TEMPLATES[i % YEAR_TEMPLATES.length];
  const surface = t.includes('سال {Y}') ? `سال ${y}` : y;
  add(t.replace('{Y}', y), '2024-01-01', surface, shYearInterval(jy));
}
add('انقلاب در سال ۱۳۵۷ رخ داد و در سال ۱۳۵۸ قانون اساسی نوشته شد.', '2020-01-01', 'سال ۱۳۵۸', shYearInterval(1358));
add('در سال ۶۷ هزاران زندانی سیاسی اعدام شدند.', '2019-06-01', 'سال ۶۷', shYearInterval(1367));
add('در سال ۹۸ بنزین گران شد.', '2021-06-01', 'سال ۹۸', shYearInterval(1398));
add('این کتاب در ۱۳۸۸ هجری شمسی چاپ شد.', '2021-06-01', '۱۳۸۸ هجری شمسی', shYearInterval(1388));

// 4. Solar Hijri month and year.
for (let i = 0; i < 12; i++) {
  const jy = 1350 + rnd(55);
  const jm = i + 1;
  const forms = [`${MONTHS[jm - 1]} ${fa(jy)}`, `${MONTHS[jm - 1]}‌ماه ${fa(jy)}`, `${MONTHS[jm - 1]} ماه ${fa(jy)}`, `${MONTHS[jm - 1]} سال ${fa(jy)}`];
  const d = forms[i % forms.length];
  add(pick(['اعتصاب کارگران در {D} شروع شد.', 'در {D} موج تازه‌ای از بازداشت‌ها آغاز شد.', 'او از {D} ناپدید شده است.']).replace('{D}', d), '2025-01-01', d, shMonthInterval(jy, jm));
}

// 5. Solar Hijri days without a year: the year of publication, or the previous one when the
// date would fall more than 10 days after publication.
for (let i = 0; i < 16; i++) {
  const anchor = isoOf(dayNum('2018-01-01') + rnd(2500));
  const a = shOf(anchor);
  const jm = 1 + rnd(12);
  const jd = 1 + rnd(29);
  // Up to 10 days after publication still counts as this year's date (an announced date).
  const jy = dayNum(g(a.jy, jm, jd)) - dayNum(anchor) > 10 ? a.jy - 1 : a.jy;
  const d = `${fa(jd)} ${MONTHS[jm - 1]}`;
  add(pick(['به گزارش خبرگزاری‌ها، {D} گروهی از دانشجویان بازداشت شدند.', 'دادگاه او {D} برگزار شد.', 'این عکس {D} گرفته شده است.', 'کارگران از {D} حقوق نگرفته‌اند.']).replace('{D}', d), anchor, d, g(jy, jm, jd));
}

// 6. A weekday picks the year of a yearless Solar Hijri date.
for (let i = 0; i < 8; i++) {
  const jy = 1395 + rnd(8);
  const jm = 1 + rnd(12);
  const jd = 1 + rnd(29);
  const iso = g(jy, jm, jd);
  const anchor = isoOf(dayNum(iso) + 200 + rnd(400)); // published months later, maybe in the next year
  const wd = WEEKDAYS_FA[new Date(dayNum(iso) * 86400000).getUTCDay()];
  // The expected year is the one nearest publication, from a year after it to ten before, on that weekday.
  const aj = shOf(anchor).jy;
  let best = '';
  let dist = Infinity;
  for (let y = aj + 1; y >= aj - 10; y--) {
    if (jd > jalaaliMonthLength(y, jm)) continue;
    const c = g(y, jm, jd);
    if (WEEKDAYS_FA[new Date(dayNum(c) * 86400000).getUTCDay()] !== wd) continue;
    const dd = Math.abs(dayNum(c) - dayNum(anchor));
    if (dd < dist) {
      dist = dd;
      best = c;
    }
  }
  const d = `${wd} ${fa(jd)} ${MONTHS[jm - 1]}`;
  add(`گزارش‌ها حاکی است که ${d} تجمعی در مقابل زندان برگزار شد.`, anchor, d, best);
}

// 7. Relative words, against the publication date.
const REL_ANCHORS = ['2019-03-25', '2020-07-16', '2021-12-31', '2022-09-05', '2023-03-20', '2024-02-29'];
for (const anchor of REL_ANCHORS) {
  const n = dayNum(anchor);
  const a = shOf(anchor);
  add('دیروز ده‌ها نفر در مقابل دادگستری تجمع کردند.', anchor, 'دیروز', isoOf(n - 1));
  add('خبرنگاران پریروز به محل حادثه رسیدند.', anchor, 'پریروز', isoOf(n - 2));
  add('وکیل او امروز با موکلش دیدار کرد.', anchor, 'امروز', isoOf(n));
  add('فردا دادگاه تجدیدنظر تشکیل می‌شود.', anchor, 'فردا', isoOf(n + 1));
  add('امسال بیش از هزار پرونده بررسی شده است.', anchor, 'امسال', shYearInterval(a.jy));
  add('سال گذشته شمار اعدام‌ها افزایش یافت.', anchor, 'سال گذشته', shYearInterval(a.jy - 1));
  const pm = a.jm === 1 ? { jy: a.jy - 1, jm: 12 } : { jy: a.jy, jm: a.jm - 1 };
  add('ماه گذشته سه روزنامه‌نگار بازداشت شدند.', anchor, 'ماه گذشته', shMonthInterval(pm.jy, pm.jm));
  add('هفته گذشته خانواده‌ها نامه‌ای سرگشاده منتشر کردند.', anchor, 'هفته گذشته', persianWeek(n - 7));
  add('سه روز پیش نیروهای امنیتی به خانه او رفتند.', anchor, 'سه روز پیش', isoOf(n - 3));
}
add('پارسال این زندان بازسازی شد.', '2021-05-10', 'پارسال', shYearInterval(shOf('2021-05-10').jy - 1));
add('دیشب صدای تیراندازی شنیده شد.', '2021-05-10', 'دیشب', '2021-05-09');

// 8. Gregorian months written in Persian.
for (let i = 0; i < 12; i++) {
  const y = 1990 + rnd(34);
  const m = i + 1;
  const d = 1 + rnd(28);
  const surface = i % 2 === 0 ? `${fa(d)} ${GREG_FA[m - 1]} ${fa(y)}` : `${fa(d)} ${GREG_FA[m - 1]} ${fa(y)} میلادی`;
  add(`سازمان ملل در ${surface} گزارشی درباره وضعیت زندانیان منتشر کرد.`, '2025-01-01', surface, `${y}-${p2(m)}-${p2(d)}`);
}
add('این گزارش در ماه نوامبر ۲۰۱۶ منتشر شد.', '2020-01-01', 'نوامبر ۲۰۱۶', '2016-11');
add('نشست شورای حقوق بشر در ژانویه ۲۰۲۰ برگزار شد.', '2021-01-01', 'ژانویه ۲۰۲۰', '2020-01');

// 9. Solar Hijri dates in Latin letters inside Persian text.
for (let i = 0; i < 6; i++) {
  const jy = 1355 + rnd(45);
  const jm = 1 + rnd(12);
  const jd = 1 + rnd(29);
  const d = `${jd} ${LATIN[jm - 1]} ${jy}`;
  add(`در نسخه انگلیسی گزارش تاریخ (${d}) آمده است.`, '2022-01-01', d, g(jy, jm, jd));
}

// 10. Solar Hijri decades.
for (const [w, n] of [['۶۰', 60], ['شصت', 60], ['۷۰', 70], ['هفتاد', 70], ['پنجاه', 50]] as const) {
  add(`بسیاری از زندانیان دهه ${w} هنوز از سرنوشت همبندانشان بی‌خبرند.`, '2020-01-01', `دهه ${w}`, `${g(1300 + n, 1, 1)}/${isoOf(dayNum(g(1300 + n + 10, 1, 1)) - 1)}`);
}

// 11. Weekdays alone: the last such day at or before publication.
for (let i = 0; i < 6; i++) {
  const anchor = isoOf(dayNum('2022-01-01') + rnd(700));
  const n = dayNum(anchor);
  const wdIdx = rnd(7);
  const cur = new Date(n * 86400000).getUTCDay();
  const back = (cur - wdIdx + 7) % 7;
  add(`معترضان ${WEEKDAYS_FA[wdIdx]} در خیابان‌های مرکزی شهر جمع شدند.`, anchor, WEEKDAYS_FA[wdIdx], isoOf(n - back));
}

const header = '# Our own Persian / Solar Hijri date cases (fictional sentences), generated by make-fa-dates.ts.\n# text\tanchor (publication date)\texpected surface\texpected value\n';
writeFileSync(new URL('./fa-dates.tsv', import.meta.url), header + cases.map((c) => [c.text, c.anchor, c.surface, c.value].join('\t')).join('\n') + '\n');
console.log(`wrote ${cases.length} cases`);
