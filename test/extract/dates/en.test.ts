import { describe, expect, it } from 'vitest';
import { extractDates, type DateAnchor, type DateSpan } from '../../../src/extract/dates/index.js';

const PUB: DateAnchor = { date: '2019-05-15' }; // a Wednesday

function only(text: string, anchor = PUB): DateSpan {
  const spans = extractDates(text, 'en', anchor);
  expect(spans, JSON.stringify(spans)).toHaveLength(1);
  return spans[0];
}

describe('English absolute dates', () => {
  it.each([
    ['He was arrested on March 3, 2019 in Tehran.', 'March 3, 2019', '2019-03-03'],
    ['He was arrested on 3 March 2019 in Tehran.', '3 March 2019', '2019-03-03'],
    ['The file is dated 2019-03-03.', '2019-03-03', '2019-03-03'],
    ['The verdict came on the 3rd of March, 2019.', 'the 3rd of March, 2019', '2019-03-03'],
    ['Sentenced on Dec. 7, 1988 in Evin prison.', 'Dec. 7, 1988', '1988-12-07'],
  ])('%s', (text, surface, value) => {
    const s = only(text);
    expect(s.text).toBe(surface);
    expect(s.value).toBe(value);
    expect(s.granularity).toBe('day');
    expect(s.calendar).toBe('gregorian');
  });

  it('reads 03/04/2019 in US order (month first)', () => {
    expect(only('Filed 03/04/2019.').value).toBe('2019-03-04');
  });

  it('reads 25/12/2019 day first because 25 cannot be a month', () => {
    expect(only('Filed 25/12/2019.').value).toBe('2019-12-25');
  });

  it('rejects impossible dates', () => {
    expect(extractDates('On February 30, 2019 nothing happened.', 'en', PUB).filter((s) => s.granularity === 'day')).toHaveLength(0);
  });

  it('gives month-year and bare year their own granularity', () => {
    expect(only('It began in July 1997.')).toMatchObject({ value: '1997-07', granularity: 'month' });
    expect(only('It began in 1997.')).toMatchObject({ value: '1997', granularity: 'year' });
  });

  it('does not read a count of people as a year', () => {
    expect(extractDates('Police detained 1500 protesters.', 'en', PUB)).toHaveLength(0);
  });
});

describe('English anchoring on the publication date', () => {
  it('puts a yearless date before publication in the publication year', () => {
    expect(only('Paris, 3 Mar').value).toBe('2019-03-03');
  });

  it('moves a yearless date after publication to the previous year', () => {
    expect(only('Paris, 3 Nov').value).toBe('2018-11-03');
    expect(only('Nothing was heard from him after Nov. 3.').value).toBe('2018-11-03');
  });

  it('keeps a date a few days after publication in the same year (an announced date)', () => {
    // Ten days or less after publication is nearer than the same day a year before.
    expect(only('The hearing is on Jan. 14.', { date: '2000-01-07' }).value).toBe('2000-01-14');
    expect(only('The hearing was on Jan. 30.', { date: '2000-01-07' }).value).toBe('1999-01-30');
  });

  it('lets the weekday pick the year', () => {
    // 6 October was a Friday in 2017 (and 2023), not in 2018 or 2019.
    expect(only('Friday, Oct 6', PUB).value).toBe('2017-10-06');
    // 6 October 2018 was a Saturday: the weekday wins over "the previous year".
    expect(only('Saturday, Oct 6', PUB).value).toBe('2018-10-06');
  });

  it('resolves a bare weekday to the last one at or before publication', () => {
    expect(only('The court met on Monday.').value).toBe('2019-05-13');
    expect(only('The court met on Wednesday.').value).toBe('2019-05-15');
  });

  it('looks forward under a future tense', () => {
    expect(only('The court will meet on Monday.').value).toBe('2019-05-20');
  });

  it.each([
    ['He was released yesterday.', '2019-05-14'],
    ['He was released two days ago.', '2019-05-13'],
    ['Talks resume next month.', '2019-06'],
    ['It happened last year.', '2018'],
    ['Protests continued last week.', '2019-05-06/2019-05-12'], // ISO week 19, Monday to Sunday
    ['in March of this year', '2019-03'],
  ])('%s', (text, value) => {
    const spans = extractDates(text, 'en', PUB);
    expect(spans.map((s) => s.value)).toContain(value);
  });

  it('reads "March of this year" as one month', () => {
    expect(only('It began in March of this year.')).toMatchObject({ text: 'March of this year', value: '2019-03' });
    expect(only('It began in March last year.')).toMatchObject({ text: 'March last year', value: '2018-03' });
  });

  it('resolves "the next day" against the last explicit date', () => {
    const spans = extractDates('He was arrested on 3 June 2001 and charged the next day.', 'en', PUB);
    expect(spans.map((s) => s.value)).toEqual(['2001-06-03', '2001-06-04']);
  });

  it('resolves "the following year" against the last explicit date, not publication', () => {
    const spans = extractDates('He was arrested in 1988. The following year he was executed.', 'en', PUB);
    expect(spans.map((s) => [s.text, s.value])).toEqual([
      ['1988', '1988'],
      ['The following year', '1989'],
    ]);
  });

  it('leaves relative dates without a value when the publication date is unknown', () => {
    expect(only('He was released yesterday.', { date: null }).value).toBeNull();
  });

  it('gives no finer value than the publication date it was given', () => {
    const values = extractDates('yesterday, last month, last year and on 3 March', 'en', { date: '2019' }).map((s) => s.value);
    expect(values).toEqual([null, null, '2018', '2019-03-03']);
  });

  it('never reads the clock: the same text and anchor give the same values', () => {
    const a = extractDates('yesterday, last week and next year', 'en', { date: '2001-01-01' });
    expect(a.map((s) => s.value)).toEqual(['2000-12-31', '2000-12-25/2000-12-31', '2002']);
    expect(a[1].timeml).toBe('2000-W52');
  });
});

describe('English intervals, decades, durations, sets and times', () => {
  it('reads decades as an ISO interval of years, TimeML form in timeml', () => {
    expect(only('Thousands were jailed in the 1980s.')).toMatchObject({ value: '1980/1989', timeml: '198', granularity: 'decade' });
    expect(only('It has been used since the eighties.')).toMatchObject({ value: '1980/1989', timeml: '198' });
  });

  it('reads seasons as an interval with the TimeML season code', () => {
    expect(only('in the summer of 1979')).toMatchObject({ value: '1979-06/1979-08', timeml: '1979-SU', granularity: 'interval' });
  });

  it('reads "over the weekend" as the last weekend before publication', () => {
    expect(only('Hundreds were detained over the weekend.')).toMatchObject({ value: '2019-05-11/2019-05-12', timeml: '2019-W19-WE' });
  });

  it('reads day ranges within a month as intervals, leaving "from"/"between" outside the span', () => {
    expect(only('from 12 to 15 March 2019')).toMatchObject({ text: '12 to 15 March 2019', value: '2019-03-12/2019-03-15', granularity: 'interval' });
    expect(only('on the night of 2 to 3 March')).toMatchObject({ text: '2 to 3 March', value: '2019-03-02/2019-03-03' });
    expect(only('riots on 2 and 3 March')).toMatchObject({ text: '2 and 3 March', value: '2019-03-02/2019-03-03' });
    expect(only('held from 5 to 29 March.')).toMatchObject({ text: '5 to 29 March', value: '2019-03-05/2019-03-29' });
    expect(only('March 3-5, 2019')).toMatchObject({ value: '2019-03-03/2019-03-05', granularity: 'interval' });
  });

  it('reads year and month ranges as intervals', () => {
    expect(only('between 1988 and 1990')).toMatchObject({ value: '1988/1990', granularity: 'interval' });
    expect(only('from May to July 2019')).toMatchObject({ value: '2019-05/2019-07', granularity: 'interval' });
  });

  it('reads a range of days in two months as one interval', () => {
    expect(only('held between 3 March and 31 May 2025.')).toMatchObject({ text: '3 March and 31 May 2025', value: '2025-03-03/2025-05-31', granularity: 'interval' });
    expect(only('from 20 December to 5 January 2020')).toMatchObject({ value: '2019-12-20/2020-01-05' });
  });

  it('keeps "3 March and 31 May" without "between" as two dates', () => {
    const spans = extractDates('Protests on 3 March and 31 May were broken up.', 'en', PUB);
    expect(spans.map((s) => [s.text, s.value])).toEqual([['3 March', '2019-03-03'], ['31 May', '2018-05-31']]);
  });

  it('reads "early / mid / late March" and "the second week of March" as intervals of days', () => {
    expect(only('detained since early March.')).toMatchObject({ text: 'early March', value: '2019-03-01/2019-03-10', timeml: '2019-03', granularity: 'interval' });
    expect(only('in mid-April')).toMatchObject({ value: '2019-04-11/2019-04-20', timeml: '2019-04' });
    expect(only('in late February 2016')).toMatchObject({ value: '2016-02-21/2016-02-29', timeml: '2016-02' });
    expect(only('since the second week of March')).toMatchObject({ text: 'second week of March', value: '2019-03-08/2019-03-14' });
    expect(only('in the last week of April 2019')).toMatchObject({ value: '2019-04-24/2019-04-30' });
  });

  it('gives "last night" the day as value and the part of day in timeml', () => {
    expect(only('Police raided the camp last night.')).toMatchObject({ value: '2019-05-14', timeml: '2019-05-14TNI', granularity: 'time' });
  });

  it('gives durations and sets ISO 8601 periods', () => {
    expect(only('He was held for three days.')).toMatchObject({ text: 'three days', value: 'P3D', granularity: 'duration' });
    expect(only('the past two months')).toMatchObject({ value: 'P2M', granularity: 'duration' });
    expect(only('They reported daily.')).toMatchObject({ value: 'P1D', granularity: 'set' });
  });

  it('does not read an age as a period', () => {
    expect(extractDates('a 6-year-old boy', 'en', PUB)).toHaveLength(0);
  });

  it('places clock times on the publication day', () => {
    expect(only('The raid began at 4 a.m.')).toMatchObject({ text: '4 a.m.', value: '2019-05-15T04:00', granularity: 'time' });
  });

  it('marks "now" and "recently" with TimeML reference values', () => {
    expect(only('The prison is now closed.')).toMatchObject({ timeml: 'PRESENT_REF', value: '2019-05-15' });
    expect(only('He was recently moved.')).toMatchObject({ timeml: 'PAST_REF', value: null });
  });
});

describe('Solar Hijri years written in Latin digits in English text', () => {
  it('reads a 13xx year followed by its Gregorian equivalent', () => {
    const spans = extractDates('the first time since 1358 (1979–80), the year the Guard was formed', 'en', PUB);
    expect(spans[0]).toMatchObject({ text: '1358', value: '1979-03-21/1980-03-20', calendar: 'solar-hijri', original: '1358' });
    expect(extractDates('Born in a village in 1351 (1972), he', 'en', PUB)[0]).toMatchObject({ text: '1351', value: '1972-03-21/1973-03-20' });
  });

  it('reads a marked year ("1358 SH", "the Iranian year 1358")', () => {
    expect(extractDates('It closed in 1358 SH.', 'en', PUB)[0]).toMatchObject({ text: '1358', value: '1979-03-21/1980-03-20' });
    expect(extractDates('in the Iranian year 1362', 'en', PUB)[0]).toMatchObject({ value: '1983-03-21/1984-03-20' }); // jalaali-js: 1363 begins 1984-03-20
  });

  it('reads "since 1358" only in a text that uses Solar Hijri dates elsewhere', () => {
    expect(extractDates('He has led the union since 1358.', 'en', PUB)).toHaveLength(0);
    const spans = extractDates('The camp opened on 26 Tir 1362. He has led the union since 1358.', 'en', PUB);
    expect(spans.map((s) => [s.text, s.value])).toEqual([['26 Tir 1362', '1983-07-17'], ['1358', '1979-03-21/1980-03-20']]);
  });

  it('does not read a year whose bracketed equivalent does not match', () => {
    expect(extractDates('in 1400 (1021)', 'en', PUB)).toHaveLength(0);
    expect(extractDates('It fell in 1453 (1453).', 'en', PUB)).toHaveLength(0);
  });
});
