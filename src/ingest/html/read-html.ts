// The HTML reader: bytes -> decoded page -> one parser pass -> main text, passages,
// metadata, and per-post sections for archive pages.
import { DaftarError } from '../../model/errors.js';
import type { PublishedDate, Section } from '../../model/schema.js';
import { normalizeText } from '../../text/normalize.js';
import type { PassageSpan, ReadInput, ReadResult, Reader } from '../types.js';
import { decodeHtml } from './decode.js';
import { findTextDate, parseMachineDate } from './dates.js';
import { extractLoose, extractMain, type MainText } from './extract.js';
import { buildMetadata } from './metadata.js';
import { parsePage, type ParsedPage } from './parse.js';

/** Read one HTML file. Throws DaftarError('no_text') when the page has no readable text. */
export const readHtml: Reader = async (input: ReadInput): Promise<ReadResult> => readHtmlSync(input);

/** The same as readHtml, synchronously (for benches and batch workers). */
export function readHtmlSync(input: ReadInput): ReadResult {
  const name = input.fileName ?? 'page';
  const { html, encoding, utf8Bytes } = decodeHtml(input.bytes, { latin1View: true });
  let page = parsePage(html, { utf8Bytes });
  // Pages rendered by scripts (Discourse and others) keep their crawler view in <noscript>.
  if (proseLength(page) < 200 && html.includes('<noscript')) {
    const again = parsePage(html, { noscript: true, utf8Bytes });
    if (proseLength(again) > proseLength(page)) page = again;
  }
  // A first guess of the title lets extraction drop a headline that repeats it.
  const titleHint = page.metas.find((m) => m.key === 'og:title')?.content ?? page.title;
  let main = extractMain(page, titleHint);
  if (totalLength(main) < LISTING_THRESHOLD) {
    // Little prose found: a listing page, or a page of short lines; read everything outside chrome.
    const loose = extractLoose(page, main);
    if (totalLength(loose) > 2 * totalLength(main)) main = loose;
  }
  if (main.blocks.length === 0 || totalLength(main) < 40) {
    // Extraction found nothing convincing: fall back to every line of the page.
    const all = fallbackAll(page, main);
    if (totalLength(all) > totalLength(main)) main = all;
  }

  const parts: string[] = [];
  const passages: PassageSpan[] = [];
  const blockSpan = new Map<number, PassageSpan>();
  let offset = 0;
  for (const b of main.blocks) {
    const t = normalizeText(b.text);
    if (!t) continue;
    if (parts.length) offset += 2;
    const span = { start: offset, end: offset + t.length, page: null };
    parts.push(t);
    passages.push(span);
    blockSpan.set(b.index, span);
    offset += t.length;
  }
  let text = parts.join('\n\n');
  const flags: string[] = [];
  if (!text) {
    // A page rendered by scripts may still carry its summary in the head; keep that, flagged.
    const description = page.metas.find((m) => m.key === 'og:description' || m.key === 'description' || m.key === 'twitter:description')?.content;
    const d = description ? normalizeText(description) : '';
    if (d.length >= 80) {
      text = d;
      passages.push({ start: 0, end: d.length, page: null });
      flags.push('description_only');
    }
  }
  if (!text) throw new DaftarError('no_text', `${name}: HTML page has no readable text`);

  const { metadata } = buildMetadata(page, main, text);
  metadata.extra.encoding = encoding;
  metadata.flags.push(...flags);
  const sections = findSections(page, main, blockSpan);
  if (sections.length) {
    metadata.extra.archivePosts = sections.length;
    // On an archive page a date read from the body belongs to one post, not to the page.
    if (metadata.published && /in article|byline|text/.test(metadata.published.evidence)) {
      metadata.extra.firstPostDate = metadata.published.value;
      metadata.published = null;
    }
  }
  return { mediaType: 'html', kind: 'article', text, passages, metadata, sections };
}

function proseLength(page: ParsedPage): number {
  let n = 0;
  for (const b of page.blocks) if (b.text.length >= 25) n += b.text.length - b.linkLen;
  return n;
}

function totalLength(m: MainText): number {
  let n = 0;
  for (const b of m.blocks) n += b.text.length;
  return n;
}

function fallbackAll(page: ParsedPage, main: MainText): MainText {
  const blocks = page.blocks.map((b, index) => ({ index, text: b.text })).filter((b) => b.text.length > 0);
  return { blocks, top: 0, roots: [0], inJunk: main.inJunk };
}

const LISTING_THRESHOLD = 300;

const POST_HINT = /(^|[\s_-])(post|entry|hentry|article|story|teaser|card|excerpt|item|news-item|blog-item)([\s_-]|$)/;

/**
 * Posts of an archive/tag/category page: two or more non-nested elements inside the
 * content, each an <article> or post-like container with its own heading and text.
 */
function findSections(page: ParsedPage, main: MainText, blockSpan: Map<number, PassageSpan>): Section[] {
  const { elems, blocks } = page;
  const posts: { elem: number; first: number; last: number; title: string | null }[] = [];
  let budget = 20 * blocks.length + 1000; // nested post-like wrappers must not turn this quadratic
  for (const r of main.roots) {
    const end = elems[r]!.lastDesc;
    for (let i = r + 1; i <= end && budget > 0; i++) {
      const e = elems[i]!;
      if (e.tag !== 'article' && !POST_HINT.test(e.hint) && !/blogposting|newsarticle|article/i.test(e.itemtype)) continue;
      // Kept blocks inside this element.
      let first = -1;
      let last = -1;
      let title: string | null = null;
      let bodyLen = 0;
      budget -= e.endBlock - e.firstBlock;
      for (let b = e.firstBlock; b < e.endBlock; b++) {
        if (!blockSpan.has(b)) continue;
        if (first === -1) first = b;
        last = b;
        const blk = blocks[b]!;
        if (blk.heading && blk.heading <= 4 && title === null && bodyLen < 200) title = blk.text;
        else bodyLen += blk.text.length;
      }
      if (first === -1 || title === null || bodyLen < 60) continue;
      posts.push({ elem: i, first, last, title });
      i = e.lastDesc; // posts do not nest
    }
  }
  if (posts.length < 2) return [];
  const sections = posts.map((p) => {
    const start = blockSpan.get(p.first)!.start;
    const end = blockSpan.get(p.last)!.end;
    return { start, end, title: normalizeText(p.title ?? '') || null, published: postDate(page, p.elem) };
  });
  // Listicles and product grids repeat titled cards too; archive posts carry their own dates.
  const dated = sections.filter((s) => s.published).length;
  return dated >= 2 && dated * 2 >= sections.length ? sections : [];
}

function postDate(page: ParsedPage, elem: number): PublishedDate | null {
  const e = page.elems[elem]!;
  // A mark inside the post was seen while elements elem..lastDesc were being opened:
  // binary-search that range of `pos` (ascending), then check containment.
  const dates = page.dates;
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.pos <= elem) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < dates.length && dates[k]!.pos <= e.lastDesc + 1; k++) {
    const d = dates[k]!;
    if (d.elem < elem || d.elem > e.lastDesc) continue;
    if (/modified/i.test(d.how)) continue;
    const v = d.how === 'time text' ? findTextDate(d.value)?.value ?? null : parseMachineDate(d.value);
    if (v) return { value: v, evidence: `${d.how} in post`, confidence: 0.85 };
  }
  for (let b = e.firstBlock; b < Math.min(e.endBlock, e.firstBlock + 5); b++) {
    const t = page.blocks[b]!.text;
    if (t.length > 200) continue;
    const f = findTextDate(t);
    if (f) return { value: f.value, evidence: f.calendar === 'solar_hijri' ? 'post byline text (solar hijri)' : 'post byline text', confidence: 0.7 };
  }
  return null;
}
