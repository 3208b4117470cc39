// Shapes shared by the date extractors (English, Persian, Solar Hijri).

/** Bump when a change alters which spans or values come out, so stored mentions can be re-run. */
export const EXTRACTOR_VERSION = 'dates@2';

/**
 * The shape of `value`:
 * - day "2019-03-03", month "2019-03", year "2019",
 * - interval "A/B" of any of those, e.g. "1979-03-21/1980-03-20" (a Solar Hijri year), also for
 *   weeks, quarters and seasons ("last week" -> "2019-05-06/2019-05-12", timeml "2019-W19"),
 *   decades ("the 1980s" -> "1980/1989", granularity "decade", timeml "198") and parts of a
 *   month ("early March" -> "2019-03-01/2019-03-10", timeml "2019-03"),
 * - time "2019-03-03T14:30"; a part of day ("last night") has the day as value, granularity
 *   "time" and the TimeML form in `timeml` ("2019-03-03TNI"),
 * - duration "P3D", "PT2H", "PXY" (unknown count); set "P1D" (daily), "XXXX-WXX-1" (Mondays).
 */
export type Granularity = 'day' | 'month' | 'year' | 'decade' | 'interval' | 'time' | 'duration' | 'set';

export type Calendar = 'gregorian' | 'solar-hijri';

export interface DateSpan {
  start: number; // UTF-16 offsets into the input text; text.slice(start, end) === text
  end: number;
  text: string;
  /** ISO-style value (see Granularity), or null when the expression is a date we cannot place. */
  value: string | null;
  granularity: Granularity;
  calendar: Calendar;
  /** The value as written in its own calendar when that is not Gregorian, e.g. "1362-04-26". */
  original?: string;
  /**
   * TimeML value when it differs from `value`, for TempEval scoring and exports:
   * "PRESENT_REF", "PAST_REF", "FUTURE_REF", "1989-Q3", "1979-SU".
   */
  timeml?: string;
  confidence: number; // 0..1
}

/** The document's publication date (ISO YYYY-MM-DD, YYYY-MM or YYYY), or null when unknown. */
export interface DateAnchor {
  date: string | null;
}
