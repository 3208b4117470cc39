// Shapes of the quantity extractor.

/** Bump when a change alters which spans or values come out. */
export const EXTRACTOR_VERSION = 'quantities@2';

export type Qualifier = 'exact' | 'approximately' | 'at_least' | 'at_most';

export interface QuantitySpan {
  start: number; // UTF-16 offsets; text.slice(start, end) === text
  end: number;
  text: string; // qualifier + number (+ range) + counted noun, e.g. "more than 1,200 prisoners"
  /** The number, or the low end of a range ("tens of thousands" -> 20000); null = not understood. */
  value: number | null;
  /** The high end of a range ("20 to 30" -> 30, "tens of thousands" -> 90000), else null. */
  valueMax: number | null;
  qualifier: Qualifier;
  /** The counted noun as written ("prisoners", "زندانی"), "percent", "$", or null. */
  unit: string | null;
  confidence: number; // 0..1
}
