// Markdown -> readable text, lightly: markup characters go, words stay where they were.
import type { PublishedDate } from '../../model/schema.js';
import { findDates } from './text-dates.js';

export interface MarkdownText {
  title: string | null;
  authors: string[];
  published: PublishedDate | null;
  body: string;
}

/** YAML-ish front matter "key: value" pairs (no nesting; enough for title/date/author). */
function frontMatter(src: string): { fields: Map<string, string>; rest: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(src);
  const fields = new Map<string, string>();
  if (!m) return { fields, rest: src };
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(line);
    if (kv) fields.set(kv[1]!.toLowerCase(), kv[2]!.replace(/^["']|["']$/g, '').trim());
  }
  return { fields, rest: src.slice(m[0].length) };
}

/** Inline markup off: "**bold** [link](http://x) `code`" -> "bold link code". */
function stripInline(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g, '$2')
    .replace(/(^|[\s(])([*_])(?=\S)([^*_\n]*?\S)\2(?=[\s).,;:!?]|$)/g, '$1$3')
    .replace(/~~(?=\S)([^\n]*?\S)~~/g, '$1')
    .replace(/`([^`\n]+)`/g, '$1');
}

/**
 * Title (front matter, else the first "# " heading), authors and date (front matter) and the
 * text with markup stripped. "# T\n\nSome **bold**." -> title "T", body "T\n\nSome bold.".
 */
export function readMarkdownText(src: string): MarkdownText {
  const { fields, rest } = frontMatter(src);
  const out: string[] = [];
  let title: string | null = fields.get('title') || null;
  let inFence = false;
  for (const raw of rest.replace(/<!--[\s\S]*?-->/g, '').split('\n')) {
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(raw)) continue; // reference link definitions
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(raw)) continue; // horizontal rules
    if (/^\s{0,3}(=+|-+)\s*$/.test(raw) && out.length && out[out.length - 1]) continue; // setext underline
    let line = raw.replace(/^\s{0,3}>\s?/, '');
    const heading = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      line = heading[2]!;
      if (title === null && heading[1] === '#') title = stripInline(line).trim() || null;
    }
    out.push(stripInline(line));
  }
  let published: PublishedDate | null = null;
  const fmDate = fields.get('date') ?? fields.get('published') ?? fields.get('pubdate');
  const iso = fmDate ? /^(\d{4}-\d{2}-\d{2})/.exec(fmDate)?.[1] ?? findDates(fmDate)[0]?.value : undefined;
  if (iso) published = { value: iso, evidence: 'markdown front matter date', confidence: 0.8 };
  const author = fields.get('author') ?? fields.get('authors');
  const authors = author ? author.split(/\s*[,;]\s*/).filter(Boolean) : [];
  const body = out.join('\n');
  return { title, authors, published, body };
}
