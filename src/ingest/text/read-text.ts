// Plain-text and Markdown files -> ReadResult.
import { DaftarError } from '../../model/errors.js';
import type { PublishedDate } from '../../model/schema.js';
import { normalizeText } from '../../text/normalize.js';
import type { ReadInput, ReadResult } from '../types.js';
import { decodeText, detectTextEncoding } from './decode.js';
import { looksLikeTestimony } from './kind.js';
import { readMarkdownText } from './markdown.js';
import { textResult } from './read-result.js';
import { findDates } from './text-dates.js';
import { extractWebpageText } from './webpage-text.js';

function decode(input: ReadInput): { text: string; flags: string[]; encoding: string } {
  const enc = detectTextEncoding(input.bytes);
  if (!enc) throw new DaftarError('not_readable', `${input.fileName ?? 'text file'}: not a text encoding Daftar can read; convert it to UTF-8`);
  const { text, replacements } = decodeText(input.bytes, enc);
  // The sniffer checked only the start; damage further in is kept visible (U+FFFD) and flagged.
  const flags = replacements > 0 ? ['invalid_encoding_replaced'] : [];
  if (enc.guessed) flags.push('legacy_encoding_guessed');
  return { text, flags, encoding: enc.encoding };
}

/**
 * A plain-text file: decoded, normalized; if it is a saved web page, its chrome lines are
 * dropped and title/date found. kind "article" (or "testimony" when it says so up front).
 */
export async function readText(input: ReadInput): Promise<ReadResult> {
  const { text: raw, flags, encoding } = decode(input);
  const normalized = normalizeText(raw);
  const page = extractWebpageText(normalized);
  const text = normalizeText(page.body);
  if (page.isWebpage) flags.push('webpage_text');
  if (!text) flags.push('no_text');
  const extra: Record<string, unknown> = { encoding };
  if (page.droppedLines) extra.droppedLines = page.droppedLines;
  return textResult('text', looksLikeTestimony(page.title, text) ? 'testimony' : 'article', text, {
    title: page.title,
    site: page.site,
    published: page.published,
    flags,
    extra,
  });
}

/** A Markdown file: front matter and first "# " heading for the title, markup stripped. */
export async function readMarkdown(input: ReadInput): Promise<ReadResult> {
  const { text: raw, flags, encoding } = decode(input);
  const md = readMarkdownText(raw.replace(/\r\n?/g, '\n'));
  const text = normalizeText(md.body);
  let published: PublishedDate | null = md.published;
  if (!published) {
    // A date line right under the heading, as blog exports write it.
    for (const line of text.split('\n').slice(0, 8)) {
      const d = findDates(line)[0];
      if (d) {
        published = { value: d.value, evidence: d.calendar === 'solar_hijri' ? 'markdown date line (solar hijri)' : 'markdown date line', confidence: 0.5 };
        break;
      }
    }
  }
  if (!text) flags.push('no_text');
  return textResult('markdown', looksLikeTestimony(md.title, text) ? 'testimony' : 'article', text, {
    title: md.title,
    authors: md.authors,
    published,
    flags,
    extra: { encoding },
  });
}
