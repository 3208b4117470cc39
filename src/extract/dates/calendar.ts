// Proleptic Gregorian arithmetic on plain {y, m, d} triples; no Date objects, so no time zones.

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01 (negative before). */
export function toDayNumber({ y, m, d }: Ymd): number {
  // Shift the year to start in March so the leap day is last (civil-from-days algorithm).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(n: number): Ymd {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: Ymd): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function addDays(date: Ymd, days: number): Ymd {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Month arithmetic; the day is clamped to the target month's length. */
export function addMonths(date: Ymd, months: number): Ymd {
  const idx = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(idx / 12);
  const m = idx - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** {1983,7,17} -> "1983-07-17". */
export function isoDay({ y, m, d }: Ymd): string {
  return `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
}
export function isoMonth(y: number, m: number): string {
  return `${pad4(y)}-${pad2(m)}`;
}
export function isoYear(y: number): string {
  return pad4(y);
}

/** ISO 8601 week: {1989,11,2} -> "1989-W44". */
export function isoWeek(date: Ymd): string {
  const wd = (weekday(date) + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - wd);
  const jan1 = toDayNumber({ y: thursday.y, m: 1, d: 1 });
  const week = Math.floor((toDayNumber(thursday) - jan1) / 7) + 1;
  return `${pad4(thursday.y)}-W${pad2(week)}`;
}

/** "2019-03-03" | "2019-03" | "2019" -> Ymd (missing parts = 1), or null. */
export function parseIsoAnchor(s: string | null): { ymd: Ymd; precision: 'day' | 'month' | 'year' } | null {
  if (!s) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  if (!isValidYmd(y, mo, d)) return null;
  return { ymd: { y, m: mo, d }, precision: m[3] ? 'day' : m[2] ? 'month' : 'year' };
}
