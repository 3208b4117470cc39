/**
 * The calendar date of a PDF date string, or null when it is not one.
 * PDF dates are "D:YYYYMMDDHHmmSSOHH'mm'" with everything after the year optional; the
 * time zone is ignored because we keep dates, not instants.
 * "D:20190314102030+01'00'" -> "2019-03-14", "D:2019" -> "2019", "yesterday" -> null.
 */
export function parsePdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^\s*(?:D:)?(\d{4})(\d{2})?(\d{2})?/.exec(raw);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1900 || year > 2200) return null; // "D:00000101" and friends are placeholders
  if (!m[2]) return m[1]!;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return m[1]!;
  if (!m[3]) return `${m[1]}-${m[2]}`;
  const day = Number(m[3]);
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return `${m[1]}-${m[2]}`;
  return `${m[1]}-${m[2]}-${m[3]}`;
}
