// Which side of a reused passage is the likely origin: the earlier publication. Dates are
// ISO prefixes (YYYY, YYYY-MM, YYYY-MM-DD) as in PublishedDate; a coarse date that contains
// the other ("2024" vs "2024-03-02") orders nothing.
import type { ReuseLink } from '../model/schema.js';

export type ReuseDirection = ReuseLink['direction'];

/** Fields of a document that reuse detection reads. */
export interface ReuseDocument {
  id: string;
  text: string;
  /** Site or publisher name; null when unknown (then nothing is called site boilerplate). */
  site: string | null;
  /** ISO date prefix of publication, or null. */
  published: string | null;
  /** Posts of an archive page with their own dates (Document.sections). */
  sections?: ReadonlyArray<{ start: number; end: number; published: string | null }>;
}

/**
 * Order two publication dates: -1 when a is earlier, 1 when later, 0 for the same day,
 * null when unknown or overlapping. compareIsoDates("2024-03-01", "2024-03-02") -> -1;
 * compareIsoDates("2024", "2024-03-02") -> null.
 */
export function compareIsoDates(a: string | null, b: string | null): -1 | 0 | 1 | null {
  if (!a || !b) return null;
  const len = Math.min(a.length, b.length);
  const pa = a.slice(0, len);
  const pb = b.slice(0, len);
  if (pa < pb) return -1;
  if (pa > pb) return 1;
  return a.length === 10 && b.length === 10 ? 0 : null;
}

/** The publication date that applies at `offset`: its section's when it has one. */
export function publishedAt(doc: ReuseDocument, offset: number): string | null {
  for (const s of doc.sections ?? []) {
    if (offset >= s.start && offset < s.end && s.published) return s.published.slice(0, 10);
  }
  return doc.published ? doc.published.slice(0, 10) : null;
}
