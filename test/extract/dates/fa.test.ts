import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../src/extract/dates/index.js';
import { solarHijriMonthInterval, solarHijriYearInterval } from '../../../src/extract/dates/solar-hijri.js';

// 2020-08-01 is a Saturday (شنبه), 11 Mordad 1399.
const PUB = { date: '2020-08-01' };
const values = (text: string): (string | null)[] => extractDates(text, 'fa', PUB).map((s) => s.value);

describe('Persian relative dates', () => {
  it.each([
    ['دیروز ده‌ها نفر بازداشت شدند', '2020-07-31'],
    ['پریروز ده‌ها نفر بازداشت شدند', '2020-07-30'],
    ['امروز دادگاه تشکیل شد', '2020-08-01'],
    ['فردا دادگاه تشکیل می‌شود', '2020-08-02'],
    ['سه روز پیش آزاد شد', '2020-07-29'],
    ['هفته گذشته نامه‌ای منتشر شد', '2020-07-25/2020-07-31'], // a Persian week runs Saturday to Friday
  ])('%s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('reads امسال and سال گذشته as Solar Hijri years', () => {
    expect(values('امسال بیش از صد پرونده بررسی شد')).toEqual([solarHijriYearInterval(1399)]);
    expect(values('سال گذشته شمار اعدام‌ها بیشتر بود')).toEqual([solarHijriYearInterval(1398)]);
  });

  it('gives no day value when only the publication year is known', () => {
    expect(extractDates('دیروز و هفته گذشته', 'fa', { date: '2020' }).map((s) => s.value)).toEqual([null, null]);
  });

  it('reads ماه گذشته as the previous Solar Hijri month', () => {
    expect(values('ماه گذشته سه نفر بازداشت شدند')).toEqual([solarHijriMonthInterval(1399, 4)]);
  });

  it('reads Persian weekday names against publication', () => {
    expect(values('معترضان چهارشنبه جمع شدند')).toEqual(['2020-07-29']);
    expect(values('معترضان شنبه جمع شدند')).toEqual(['2020-08-01']);
  });

  it('does not take the Friday prayer for a date', () => {
    expect(values('امام جمعه شهر سخنرانی کرد')).toEqual([]);
  });
});

describe('Gregorian months written in Persian', () => {
  it.each([
    ['در ۳ مارس ۲۰۱۹ منتشر شد', '2019-03-03'],
    ['در ۱۵ ژانویه ۲۰۲۰ منتشر شد', '2020-01-15'],
    ['در ۲۷ می ۲۰۱۸ منتشر شد', '2018-05-27'],
    ['در ژوئن ۲۰۱۷ منتشر شد', '2017-06'],
  ])('%s', (text, value) => {
    expect(values(text)).toEqual([value]);
  });

  it('does not read the verb prefix می as the month May', () => {
    expect(values('او ۲ بار می‌رود')).not.toContain('2020-05-02');
  });
});

describe('Persian times, durations, and spans', () => {
  it('reads clock times', () => {
    const s = extractDates('ساعت ۳ و سی دقیقه عصر حمله شد', 'fa', PUB);
    expect(s[0]).toMatchObject({ value: '2020-08-01T15:30', granularity: 'time' });
  });

  it('reads durations', () => {
    expect(extractDates('سه سال در زندان بود', 'fa', PUB)[0]).toMatchObject({ text: 'سه سال', value: 'P3Y', granularity: 'duration' });
  });

  it('joins a range written with تا into one interval', () => {
    const s = extractDates('از شنبه تا چهارشنبه کار می‌کنیم', 'fa', { date: '2022-06-01' });
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ text: 'از شنبه تا چهارشنبه', value: '2022-05-28/2022-06-01', granularity: 'interval' });
  });

  it('gives both ends of a Solar Hijri day range the year written once at the end', () => {
    const s = extractDates('از ۲۶ تیر تا ۳ مرداد ۱۳۶۲ در بازداشت بود', 'fa', PUB);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ text: 'از ۲۶ تیر تا ۳ مرداد ۱۳۶۲', value: '1983-07-17/1983-07-25', original: '1362-04-26/1362-05-03' });
  });

  it('reads a Solar Hijri decade (دهه ۶۰ = 1360–1369)', () => {
    expect(extractDates('زندانیان اواخر دهه ۶۰', 'fa', PUB)[0]).toMatchObject({ text: 'اواخر دهه ۶۰', value: '1981-03-21/1991-03-20', original: '1360/1369' });
  });

  it('joins a clock time and the day it belongs to', () => {
    expect(extractDates('ساعت ۱۰ صبح روز ۳ دی ۱۴۰۱', 'fa', PUB)[0]).toMatchObject({ value: '2022-12-24T10:00', granularity: 'time' });
  });

  it('keeps two full dates joined by و apart', () => {
    expect(extractDates('در سال ۱۳۵۸ و سال ۱۳۶۰', 'fa', PUB)).toHaveLength(2);
  });

  it('does not read a school named after a date as a date', () => {
    expect(values('او به مدرسه ۱۵ خرداد می‌رود')).toEqual([]);
  });
});

describe('Persian fixes found on the sample corpus', () => {
  it('reads past vowel marks: «هفتهٔ گذشته» with the ezafe hamza, keeping the mark in the span', () => {
    const s = extractDates('او هفتهٔ گذشته آزاد شد', 'fa', PUB);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ text: 'هفتهٔ گذشته', value: '2020-07-25/2020-07-31' });
    expect(extractDates('هفته‌ی گذشته آزاد شد', 'fa', PUB)[0]?.value).toBe('2020-07-25/2020-07-31');
  });

  it('ends a word at the Persian comma: «فردا، یکشنبه، ساعت ده صبح»', () => {
    const s = extractDates('خواست فردا، یکشنبه، ساعت ده صبح جمع شوند', 'fa', { date: '2025-03-01' });
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ text: 'فردا، یکشنبه، ساعت ده صبح', value: '2025-03-02T10:00' });
    expect(extractDates('امروز، ۲۶ تیر، سالگرد است', 'fa', { date: '2025-07-17' })[0]).toMatchObject({ value: '2025-07-17' });
  });

  it('reads «شب گذشته» as last night: the day as value, the part of day in timeml', () => {
    expect(extractDates('شب گذشته پل را بستند', 'fa', PUB)[0]).toMatchObject({ text: 'شب گذشته', value: '2020-07-31', timeml: '2020-07-31TNI' });
    expect(extractDates('دیشب صدای تیراندازی آمد', 'fa', PUB)[0]).toMatchObject({ value: '2020-07-31', timeml: '2020-07-31TNI' });
  });

  it('reads a bare Solar Hijri year after «از»', () => {
    expect(extractDates('از ۱۴۰۲ در خانه‌های پیش‌ساخته زندگی می‌کنند', 'fa', PUB)[0]).toMatchObject({ text: '۱۴۰۲', value: solarHijriYearInterval(1402) });
    expect(extractDates('که از ۱۳۵۸ تاکنون سخن نگفته', 'fa', PUB)[0]).toMatchObject({ text: '۱۳۵۸', value: '1979-03-21/1980-03-20' });
  });

  it('reads a bare month name that is nothing else after a preposition: «در اسفند» = the last Esfand', () => {
    expect(extractDates('دو بار در اسفند به اردوگاه آمد', 'fa', { date: '2025-04-20' })[0]).toMatchObject({ text: 'اسفند', value: '2025-02-19/2025-03-20' });
    expect(extractDates('بوی اسفند می‌آمد', 'fa', PUB)).toHaveLength(0); // wild rue, not the month
    expect(extractDates('در تیر و کمان', 'fa', PUB)).toHaveLength(0); // تیر is also an arrow
  });

  it('looks at the verb after a yearless date: «۲۰ خرداد برگزار می‌شود» is the coming one', () => {
    expect(extractDates('جلسهٔ دادگاه او ۲۰ خرداد برگزار می‌شود.', 'fa', { date: '2025-05-14' })[0]?.value).toBe('2025-06-10');
    expect(extractDates('او ۲۰ خرداد آزاد شد.', 'fa', { date: '2025-05-14' })[0]?.value).toBe('2024-06-09');
  });
});
