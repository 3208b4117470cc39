// Query parsing and snippets shared by every backend. A query is words and
// "quoted phrases", all required; each is folded exactly as the index is.
import { foldForSearch, foldWithOffsets } from '../text/normalize.js';

export interface ParsedQuery {
  terms: string[][]; // each entry: the tokens of a word (length 1) or a phrase
}

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu;

/** Folded tokens of a string, as the unicode61 tokenizer would cut them. */
export function tokenizeFolded(s: string): string[] {
  return foldForSearch(s).match(TOKEN) ?? [];
}

/** `kalantari "camp varzaneh"` -> [["kalantari"], ["camp","varzaneh"]]. */
export function parseQuery(text: string): ParsedQuery {
  const terms: string[][] = [];
  const re = /"([^"]*)"|([^\s"]+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[1] !== undefined) {
      const tokens = tokenizeFolded(m[1]);
      if (tokens.length) terms.push(tokens);
    } else {
      for (const t of tokenizeFolded(m[2]!)) terms.push([t]);
    }
  }
  return { terms };
}

/** FTS5 MATCH expression: every token quoted, so user input is never FTS syntax. */
export function toFts5Match(q: ParsedQuery): string {
  return q.terms.map((t) => `"${t.join(' ').replace(/"/g, '""')}"`).join(' AND ');
}

/**
 * Wraps the query's tokens found in `passage` with [[ ]], matching on folded text
 * and marking the original characters. "Kalantarī said" + ["kalantari"] -> "[[Kalantarī]] said".
 */
export function highlight(passage: string, q: ParsedQuery): { text: string; hits: number } {
  const wanted = new Set(q.terms.flat());
  const { folded, offsets } = foldWithOffsets(passage);
  const marks: [number, number][] = [];
  for (const m of folded.matchAll(TOKEN)) {
    if (wanted.has(m[0])) marks.push([offsets[m.index!]!, offsets[m.index! + m[0].length]!]);
  }
  let out = '';
  let at = 0;
  for (const [s, e] of marks) {
    out += passage.slice(at, s) + '[[' + passage.slice(s, e) + ']]';
    at = e;
  }
  return { text: out + passage.slice(at), hits: marks.length };
}

/**
 * The passage with most query tokens, cut to about `maxChars` around the first hit. A passage
 * that only repeats the title (a headline kept as passage 0) is picked only when no other
 * passage has a hit: the hit list shows the title already.
 */
export function bestSnippet(
  text: string,
  passages: { start: number; end: number }[],
  q: ParsedQuery,
  maxChars = 240,
  title: string | null = null,
): { snippet: string; start: number } {
  const wanted = new Set(q.terms.flat());
  let best = { hits: -1, start: 0, end: Math.min(text.length, maxChars) };
  const head = passages[0];
  const repeatsTitle = title !== null && passages.length > 1 && head !== undefined && text.slice(head.start, head.end) === title;
  for (const p of repeatsTitle ? [...passages.slice(1), head] : passages) {
    // Count on the folded passage (fast, native); highlight only the winner.
    let hits = 0;
    for (const t of foldForSearch(text.slice(p.start, p.end)).match(TOKEN) ?? []) if (wanted.has(t)) hits++;
    if (hits > best.hits && !(p === head && repeatsTitle && best.hits > 0)) best = { hits, start: p.start, end: p.end };
    if (hits >= wanted.size) break; // every term seen: good enough, stop early
  }
  const s = best.start;
  const e = best.end;
  if (e - s > maxChars) {
    const h = highlight(text.slice(s, e), q).text;
    const first = Math.max(0, h.indexOf('[[') - 60);
    const cut = h.slice(first, first + maxChars);
    return { snippet: (first > 0 ? '…' : '') + closeMarks(cut) + (first + maxChars < h.length ? '…' : ''), start: s };
  }
  return { snippet: highlight(text.slice(s, e), q).text, start: s };
}

function closeMarks(s: string): string {
  const open = (s.match(/\[\[/g) ?? []).length;
  const close = (s.match(/\]\]/g) ?? []).length;
  return open > close ? s + ']]' : s;
}
