import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuantities, type QuantitySpan } from '../../../src/extract/quantities/index.js';

const pick = (q: QuantitySpan): unknown[] => [q.text, q.value, q.valueMax, q.qualifier, q.unit];

describe('English quantities', () => {
  it.each([
    ['More than 1,200 prisoners were held.', ['More than 1,200 prisoners', 1200, null, 'at_least', 'prisoners']],
    ['a quarter-million people marched', ['a quarter-million people', 250000, null, 'approximately', 'people']], // a round estimate
    ['half a million people', ['half a million people', 500000, null, 'approximately', 'people']],
    ['some forty thousand detainees', ['some forty thousand detainees', 40000, null, 'approximately', 'detainees']],
    ['two hundred and fifty prisoners', ['two hundred and fifty prisoners', 250, null, 'exact', 'prisoners']],
    ['tens of thousands of protesters', ['tens of thousands of protesters', 20000, 90000, 'approximately', 'protesters']],
    ['dozens of people were arrested', ['dozens of people', 24, 99, 'approximately', 'people']],
    ['hundreds of detainees', ['hundreds of detainees', 200, 999, 'approximately', 'detainees']],
    ['over 100,000 people', ['over 100,000 people', 100000, null, 'at_least', 'people']],
    ['at least 30 people', ['at least 30 people', 30, null, 'at_least', 'people']],
    ['up to 300 people', ['up to 300 people', 300, null, 'at_most', 'people']],
    ['fewer than 20 journalists', ['fewer than 20 journalists', 20, null, 'at_most', 'journalists']],
    ['at most 15 children', ['at most 15 children', 15, null, 'at_most', 'children']],
    ['about 5,000 people', ['about 5,000 people', 5000, null, 'approximately', 'people']],
    ['around 70 soldiers', ['around 70 soldiers', 70, null, 'approximately', 'soldiers']],
    ['nearly 1.5 million refugees', ['nearly 1.5 million refugees', 1500000, null, 'approximately', 'refugees']],
    ['roughly 30 percent', ['roughly 30 percent', 30, null, 'approximately', 'percent']],
    ['approximately 200 protesters', ['approximately 200 protesters', 200, null, 'approximately', 'protesters']],
    ['between 20 and 30 prisoners', ['between 20 and 30 prisoners', 20, 30, 'approximately', 'prisoners']],
    ['1,200 political prisoners', ['1,200 political prisoners', 1200, null, 'exact', 'prisoners']],
  ])('%s', (text, expected) => {
    const qs = extractQuantities(text, 'en');
    expect(qs.map(pick)).toEqual([expected]);
  });

  it('leaves years, dates and clock times to the date extractor', () => {
    const qs = extractQuantities('On March 3, 2019 at 10:30 a.m., 45 people died; in 1988 and in the 1990s too, for 3 days.', 'en');
    expect(qs.map(pick)).toEqual([['45 people', 45, null, 'exact', 'people']]);
    expect(extractQuantities('304 people were killed between 15 and 18 November.', 'en').map(pick)).toEqual([['304 people', 304, null, 'exact', 'people']]);
  });
});

describe('Persian quantities', () => {
  it.each([
    ['بیش از ۱٬۲۰۰ زندانی نگهداری می‌شدند.', ['بیش از ۱٬۲۰۰ زندانی', 1200, null, 'at_least', 'زندانی']],
    ['حدود ۳۰ هزار نفر شرکت کردند', ['حدود ۳۰ هزار نفر', 30000, null, 'approximately', 'نفر']],
    ['سی هزار نفر از زندانیان اعدام شدند', ['سی هزار نفر از زندانیان', 30000, null, 'exact', 'زندانیان']],
    ['صدها نفر بازداشت شدند', ['صدها نفر', 200, 999, 'approximately', 'نفر']],
    ['ده‌ها هزار معترض', ['ده‌ها هزار معترض', 20000, 90000, 'approximately', 'معترض']],
    ['نزدیک به ۵۰۰ خانواده', ['نزدیک به ۵۰۰ خانواده', 500, null, 'approximately', 'خانواده']],
    ['کمتر از ۲۰ روزنامه‌نگار', ['کمتر از ۲۰ روزنامه‌نگار', 20, null, 'at_most', 'روزنامه‌نگار']],
    ['بین ۲۰ تا ۳۰ نفر کشته شدند', ['بین ۲۰ تا ۳۰ نفر', 20, 30, 'approximately', 'نفر']],
    ['دو هزار و پانصد نفر', ['دو هزار و پانصد نفر', 2500, null, 'exact', 'نفر']],
    ['٣٠٠ كارگر', ['٣٠٠ كارگر', 300, null, 'exact', 'كارگر']],
  ])('%s', (text, expected) => {
    expect(extractQuantities(text, 'fa').map(pick)).toEqual([expected]);
  });

  it('leaves Solar Hijri years and dates alone', () => {
    const qs = extractQuantities('در سال ۱۳۶۷ و در ۲۶ تیر ۱۳۶۲ ساعت ۱۰، بیش از ۴۰۰۰ زندانی اعدام شدند', 'fa');
    expect(qs.map(pick)).toEqual([['بیش از ۴۰۰۰ زندانی', 4000, null, 'at_least', 'زندانی']]);
    // A year before a noun is still a year; only a classifier or plural makes it a count.
    expect(extractQuantities('اعتراضات از ۲۴ آبان ۱۳۹۸ آغاز شد. در تابستان ۱۳۶۷ هزاران زندانی اعدام شدند.', 'fa').map(pick)).toEqual([
      ['هزاران زندانی', 2000, 9999, 'approximately', 'زندانی'],
    ]);
    expect(extractQuantities('۱۴۰۰ نفر بازداشت شدند', 'fa').map(pick)).toEqual([['۱۴۰۰ نفر', 1400, null, 'exact', 'نفر']]);
  });
});

describe('quantity spans', () => {
  it('cite their text exactly and do not overlap (mixed scripts)', () => {
    const pieces = ['1,200', ' ', 'people', 'بیش از', '۳۰ هزار', 'نفر', 'about', 'tens of thousands', 'of', 'صدها', '\u200c', 'ي', 'x', '2019', '\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 25 }), fc.constantFrom('en', 'fa'), (parts, lang) => {
        const text = parts.join('');
        let last = 0;
        for (const q of extractQuantities(text, lang as 'en' | 'fa')) {
          expect(text.slice(q.start, q.end)).toBe(q.text);
          expect(q.start).toBeGreaterThanOrEqual(last);
          if (q.valueMax !== null) expect(q.valueMax).toBeGreaterThan(q.value ?? -Infinity);
          last = q.end;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns nothing for empty text', () => {
    expect(extractQuantities('', 'en')).toEqual([]);
    expect(extractQuantities('', 'fa')).toEqual([]);
  });

  it('survives a 10 MB one-line text', () => {
    const text = `${'x'.repeat(10 * 1024 * 1024)} 1,200 prisoners`;
    expect(extractQuantities(text, 'en').map((q) => q.value)).toEqual([1200]);
    expect(extractQuantities(text, 'fa').map((q) => q.value)).toEqual([1200]);
  });
});

describe('fixes found on the sample corpus', () => {
  it('takes the longest qualifier: "no more than" is at most, not "more than"', () => {
    expect(extractQuantities('no more than 900 people had been detained', 'en').map(pick)).toEqual([['no more than 900 people', 900, null, 'at_most', 'people']]);
    expect(extractQuantities('not more than 50 prisoners', 'en').map(pick)).toEqual([['not more than 50 prisoners', 50, null, 'at_most', 'prisoners']]);
  });

  it('does not take "about" after a number word as its counted noun', () => {
    expect(extractQuantities('Of the detainees there were twelve about whom nothing is known.', 'en').map(pick)).toEqual([['twelve', 12, null, 'exact', null]]);
    expect(extractQuantities('forty around the gate', 'en').map(pick)).toEqual([['forty', 40, null, 'exact', null]]);
  });

  it('multiplies stacked Persian scales: «۲٫۴ هزار میلیارد» = 2.4 × 10^12', () => {
    expect(extractQuantities('هزینهٔ طرح ۲٫۴ هزار میلیارد ریال است', 'fa').map((q) => q.value)).toEqual([2.4e12]);
    expect(extractQuantities('دو میلیون و پانصد هزار نفر', 'fa').map((q) => q.value)).toEqual([2500000]);
  });

  it('reads past vowel marks: «نُه نفر»', () => {
    const q = extractQuantities('حال نُه نفر وخیم است', 'fa');
    expect(q.map(pick)).toEqual([['نُه نفر', 9, null, 'exact', 'نفر']]);
  });

  it('ends a Persian number at the Persian comma', () => {
    expect(extractQuantities('چهار هزار، شاید بیشتر', 'fa').map((q) => q.value)).toEqual([4000]);
  });

  it('keeps the English qualifier of Latin digits in a text that also holds Persian', () => {
    const q = extractQuantities('کلانتری / Kalantari: the list of the missing (some 140 names?)', 'en');
    expect(q.map(pick)).toEqual([['some 140 names', 140, null, 'approximately', 'names']]);
  });

  it('does not count years, codes or durations: "1358 (1979–80)", "26 Tir 1362", "K-17", "one five-minute call"', () => {
    expect(extractQuantities('- 1358 (1979–80): the Guard opens the camp', 'en')).toEqual([]);
    expect(extractQuantities('The camp opened on 26 Tir 1362 in the desert.', 'en')).toEqual([]);
    expect(extractQuantities('she was allowed one five-minute telephone call', 'en')).toEqual([]);
    expect(extractQuantities('با نام مستعار K-17 قابل استناد است', 'fa')).toEqual([]);
    expect(extractQuantities('between 20–30 people', 'en').map(pick)).toEqual([['between 20–30 people', 20, 30, 'approximately', 'people']]);
  });

  it('reads «نه» as nine only before a counted noun (it is also "no")', () => {
    expect(extractQuantities('شاید درست باشد، شاید نه.', 'fa')).toEqual([]);
    expect(extractQuantities('با زبان گفت‌وگو سخن بگویند، نه با زبان زور', 'fa')).toEqual([]);
    expect(extractQuantities('نه زندانی آزاد شدند', 'fa').map(pick)).toEqual([['نه زندانی', 9, null, 'exact', 'زندانی']]);
  });

  it('ends a Persian counted noun at the Persian comma', () => {
    expect(extractQuantities('بیش از شصت زندانی، آزاد شدند', 'fa').map(pick)).toEqual([['بیش از شصت زندانی', 60, null, 'at_least', 'زندانی']]);
  });
});
