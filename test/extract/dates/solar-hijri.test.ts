import fc from 'fast-check';
import { toGregorian, toJalaali } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../src/extract/dates/index.js';
import {
  gregorianToSolarHijri, solarHijriMonthInterval, solarHijriToGregorian, solarHijriYearInterval,
} from '../../../src/extract/dates/solar-hijri.js';

describe('Solar Hijri conversion', () => {
  it('round-trips every Gregorian day 1900–2100 through Solar Hijri', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1) / 864e5, max: Date.UTC(2100, 11, 31) / 864e5 }), (day) => {
        const d = new Date(day * 864e5);
        const g = { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
        const j = gregorianToSolarHijri(g);
        expect(solarHijriToGregorian(j.jy, j.jm, j.jd)).toEqual(g);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with jalaali-js on the fixed points', () => {
    // Verified with jalaali-js: toGregorian(1398, 1, 1) and toGregorian(1362, 4, 26).
    expect(toGregorian(1398, 1, 1)).toEqual({ gy: 2019, gm: 3, gd: 21 });
    expect(toGregorian(1362, 4, 26)).toEqual({ gy: 1983, gm: 7, gd: 17 });
    expect(toJalaali(1979, 3, 21)).toEqual({ jy: 1358, jm: 1, jd: 1 });
    expect(solarHijriToGregorian(1398, 1, 1)).toEqual({ y: 2019, m: 3, d: 21 });
    expect(solarHijriToGregorian(1362, 4, 26)).toEqual({ y: 1983, m: 7, d: 17 });
  });

  it('never collapses a Solar Hijri year to one Gregorian year', () => {
    expect(solarHijriYearInterval(1358)).toBe('1979-03-21/1980-03-20');
    expect(solarHijriMonthInterval(1362, 4)).toBe('1983-06-22/1983-07-22');
  });
});

describe('Solar Hijri dates in text', () => {
  const PUB = { date: '2020-08-01' };

  it.each([
    ['او در ۲۶ تیر ۱۳۶۲ به دنیا آمد.', '۲۶ تیر ۱۳۶۲'],
    ['او در ٢٦ تیر ١٣٦٢ به دنیا آمد.', '٢٦ تیر ١٣٦٢'],
    ['او در 26 تیر 1362 به دنیا آمد.', '26 تیر 1362'],
    ['او در ۲۶ تیرماه ۱۳۶۲ به دنیا آمد.', '۲۶ تیرماه ۱۳۶۲'],
    ['او در بیست و ششم تیر ۱۳۶۲ به دنیا آمد.', 'بیست و ششم تیر ۱۳۶۲'],
    ['تاریخ تولد: ۱۳۶۲/۰۴/۲۶', '۱۳۶۲/۰۴/۲۶'],
    ['Born on 26 Tir 1362 in Abadan.', '26 Tir 1362'],
  ])('%s', (text, surface) => {
    const lang = /[a-z]/.test(text) ? 'en' : 'fa';
    const spans = extractDates(text, lang, PUB);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ text: surface, value: '1983-07-17', granularity: 'day', calendar: 'solar-hijri', original: '1362-04-26' });
  });

  it('reads Arabic letter variants of month names (ي for ی)', () => {
    const s = extractDates('در ۲ ارديبهشت ۱۳۹۸ آزاد شد', 'fa', PUB);
    expect(s[0]).toMatchObject({ value: '2019-04-22', original: '1398-02-02' });
  });

  it('reads a bare Solar Hijri year as Nowruz-to-Nowruz', () => {
    const s = extractDates('در سال ۱۳۵۸ دادگاه‌های انقلاب تشکیل شد.', 'fa', PUB);
    expect(s).toHaveLength(1);
    expect(s[0]).toMatchObject({ text: 'سال ۱۳۵۸', value: '1979-03-21/1980-03-20', granularity: 'interval', calendar: 'solar-hijri', original: '1358' });
  });

  it('expands a two-digit year after سال', () => {
    expect(extractDates('در سال ۶۷ اعدام شد', 'fa', PUB)[0].value).toBe(solarHijriYearInterval(1367));
  });

  it('reads a Solar Hijri month with a year as its Gregorian interval', () => {
    expect(extractDates('در آذر ۱۳۹۸ بازداشت شد', 'fa', PUB)[0]).toMatchObject({ value: '2019-11-22/2019-12-21', original: '1398-09' });
  });

  it('anchors a yearless Solar Hijri date at or before publication', () => {
    // Publication 2020-08-01 = 11 Mordad 1399: 26 Tir is before it, 1 Mehr after it.
    expect(extractDates('۲۶ تیر بازداشت شد', 'fa', PUB)[0].value).toBe('2020-07-16');
    expect(extractDates('۱ مهر بازداشت شد', 'fa', PUB)[0].value).toBe('2019-09-23');
  });

  it('lets the weekday pick the year of a yearless Solar Hijri date', () => {
    // 26 Tir 1397 (2018-07-17) was a Tuesday; 26 Tir 1399 (2020-07-16) a Thursday.
    expect(extractDates('سه‌شنبه ۲۶ تیر تجمع کردند', 'fa', PUB)[0].value).toBe('2018-07-17');
    expect(extractDates('پنجشنبه ۲۶ تیر تجمع کردند', 'fa', PUB)[0].value).toBe('2020-07-16');
  });
});
