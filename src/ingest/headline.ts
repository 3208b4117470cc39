// A news page's headline belongs to what the page says: names, places and figures in it need
// mentions that cite it. The HTML reader keeps the headline apart, as the title, because
// main-text extraction is scored without it; here it becomes the first passage of the text,
// and the flag `headline_in_text` tells the reader view and exports that passage 0 is it.
import { normalizeText } from '../text/normalize.js';
import type { ReadResult } from './types.js';

export const HEADLINE_FLAG = 'headline_in_text';

/** How far into the text a headline the reader kept there may start (a dateline, a kicker). */
const ALREADY_THERE_WITHIN = 400;

/**
 * The read result with its title put before the text as passage 0, offsets shifted. Left as
 * it is when there is no title or no text, when the text already opens with the title (or
 * holds it near the start), and for archive pages, whose posts keep their own titles inline.
 * withHeadline({ text: 'Police said…', metadata: { title: 'Twelve held', … }, … }).text -> 'Twelve held\n\nPolice said…'
 */
export function withHeadline(read: ReadResult): ReadResult {
  const title = normalizeText(read.metadata.title ?? '').replace(/\n+/g, ' ');
  if (!title || !read.text || read.sections.length > 0) return read;
  if (read.text.slice(0, ALREADY_THERE_WITHIN + title.length).includes(title)) return read;
  const shift = title.length + 2;
  return {
    ...read,
    text: `${title}\n\n${read.text}`,
    passages: [{ start: 0, end: title.length, page: null }, ...read.passages.map((p) => ({ ...p, start: p.start + shift, end: p.end + shift }))],
    metadata: { ...read.metadata, flags: [...read.metadata.flags, HEADLINE_FLAG] },
  };
}
