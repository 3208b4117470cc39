// English vocabulary for the date rules: month, weekday, unit and season names.
import { EN_NUMBER_WORD } from '../quantities/number-words.js';

export const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5,
  june: 6, jun: 6, july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9,
  october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
};
/** Regex source: a month name, full or abbreviated (with an optional dot). */
export const MON = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';

export const WEEKDAYS: Record<string, number> = {
  sunday: 0, sun: 0, monday: 1, mon: 1, tuesday: 2, tue: 2, tues: 2, wednesday: 3, wed: 3,
  thursday: 4, thu: 4, thur: 4, thurs: 4, friday: 5, fri: 5, saturday: 6, sat: 6,
};
export const WD_FULL = '(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)';
export const WD = `(?:${WD_FULL}|(?:Sun|Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat)\\.)`;

/** A count: digits, number words, "a"/"an", or vague amounts. */
export const COUNT = `(?:\\d+(?:\\.\\d+)?|an?|${EN_NUMBER_WORD}(?:[- ]${EN_NUMBER_WORD})?|several|a few|few|many|some|a couple of|a number of|a dozen|dozens of|hundreds of|thousands of)`;

export const UNIT = '(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|fortnights?|months?|quarters?|years?|decades?|century|centuries|millenni(?:um|a))';

/** TimeML duration letters: year -> "Y", minute -> "M" (with the T marker). */
export function unitCode(unit: string): { code: string; time: boolean; factor: number } {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  switch (u) {
    case 'second': return { code: 'S', time: true, factor: 1 };
    case 'minute': return { code: 'M', time: true, factor: 1 };
    case 'hour': return { code: 'H', time: true, factor: 1 };
    case 'day': return { code: 'D', time: false, factor: 1 };
    case 'weekend': return { code: 'WE', time: false, factor: 1 };
    case 'week': return { code: 'W', time: false, factor: 1 };
    case 'fortnight': return { code: 'W', time: false, factor: 2 };
    case 'month': return { code: 'M', time: false, factor: 1 };
    case 'quarter': return { code: 'Q', time: false, factor: 1 };
    case 'year': return { code: 'Y', time: false, factor: 1 };
    case 'decade': return { code: 'DE', time: false, factor: 1 };
    case 'century': case 'centurie': case 'centuries': return { code: 'CE', time: false, factor: 1 };
    default: return { code: 'ML', time: false, factor: 1 };
  }
}

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** Rough Gregorian month span of a northern season, for the interval value. */
export const SEASON_MONTHS: Record<string, [number, number]> = { SP: [3, 5], SU: [6, 8], FA: [9, 11], WI: [12, 2] };
