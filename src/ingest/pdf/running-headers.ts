// Running headers and footers ("Annual report 2019", "Page 3 of 40") repeat on every page.
// Left in, they split sentences that run across pages and look like text reuse between
// every pair of pages; they are removed from the text and listed in metadata.
import { normalizeDigits } from '../../text/normalize.js';

const EDGE = 2; // paragraphs looked at at the top and at the bottom of each page
const MAX_LENGTH = 150;

function key(paragraph: string): string {
  // "Page 3 of 40" and "Page 4 of 40" are the same line; so are "۳" and "۴".
  return normalizeDigits(paragraph).toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();
}

/**
 * Pages' paragraphs with lines that repeat at the top or bottom of at least half the pages
 * (and at least three) removed. Returns the removed keys for the record.
 */
export function removeRunningHeaders(pages: string[][]): { pages: string[][]; removed: string[] } {
  const withText = pages.filter((p) => p.length > 0).length;
  if (withText < 3) return { pages, removed: [] };
  const counts = new Map<string, number>();
  for (const paragraphs of pages) {
    const edges = new Set<string>();
    paragraphs.forEach((p, i) => {
      if ((i < EDGE || i >= paragraphs.length - EDGE) && p.length <= MAX_LENGTH) edges.add(key(p));
    });
    for (const k of edges) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated = new Set([...counts].filter(([, n]) => n >= Math.max(3, Math.ceil(withText / 2))).map(([k]) => k));
  if (repeated.size === 0) return { pages, removed: [] };
  const out = pages.map((paragraphs) =>
    paragraphs.filter((p, i) => !((i < EDGE || i >= paragraphs.length - EDGE) && p.length <= MAX_LENGTH && repeated.has(key(p)))),
  );
  return { pages: out, removed: [...repeated] };
}
