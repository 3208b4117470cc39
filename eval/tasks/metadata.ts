// Metadata accuracy of the HTML reader: title, author and publication date.
// Layouts recognised by their files:
//   ground-truth.jsonl.gz + html/                  WCXB (ground_truth.title, author, publish_date)
//   <case>/source.html.gz + expected-metadata.json Readability.js test pages (title, byline, publishedTime)
// Matching rules (per page; accuracy = share of pages judged correct):
//   title:  equal after folding (NFKC, lower case, letters and digits only); a gold title
//           missing counts only when we also return none.
//   author: both empty is correct; otherwise both non-empty and, after folding, one of
//           (gold, our authors joined, our first author) contains the other.
//   date:   both empty is correct; otherwise the same calendar day (YYYY-MM-DD); a coarser
//           value (YYYY-MM) than a day in gold is wrong.
// Rows "…when gold has one" restrict to pages whose gold value is present (recall-like);
// "date precision" is the share of our dates that are right among pages where we give one.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { DocumentMetadata } from '../../src/model/schema.js';
import { readHtmlSync } from '../../src/ingest/html/read-html.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import type { EvalRow, EvalTask } from '../harness.js';

interface Gold {
  id: string;
  bytes: () => Uint8Array;
  title: string | null;
  author: string | null;
  date: string | null;
}

function fold(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function readMeta(bytes: Uint8Array, id: string): DocumentMetadata | null {
  try {
    return readHtmlSync({ bytes, fileName: id, limits: DEFAULT_READ_LIMITS }).metadata;
  } catch {
    return null;
  }
}

export function titleMatches(gold: string | null, ours: string | null): boolean {
  if (!gold) return !ours;
  return fold(gold) === fold(ours);
}

export function authorMatches(gold: string | null, ours: string[]): boolean {
  const g = fold(gold);
  if (!g) return ours.length === 0;
  if (ours.length === 0) return false;
  for (const o of [ours.join(' '), ours[0]!]) {
    const f = fold(o);
    if (f && (f.includes(g) || g.includes(f))) return true;
  }
  return false;
}

export function dateMatches(gold: string | null, ours: string | null): boolean {
  const g = gold ? gold.slice(0, 10) : '';
  if (!g) return !ours;
  return ours === g;
}

function score(name: string, pages: Gold[]): EvalRow[] {
  let title = 0, author = 0, date = 0;
  let titleHave = 0, titleHit = 0, authorHave = 0, authorHit = 0, dateHave = 0, dateHit = 0, dateGiven = 0, dateGivenRight = 0;
  for (const p of pages) {
    const m = readMeta(p.bytes(), p.id);
    const t = m?.title ?? null;
    const a = m?.authors ?? [];
    const d = m?.published?.value ?? null;
    if (titleMatches(p.title, t)) title++;
    if (authorMatches(p.author, a)) author++;
    if (dateMatches(p.date, d)) date++;
    if (p.title) {
      titleHave++;
      if (titleMatches(p.title, t)) titleHit++;
    }
    if (p.author) {
      authorHave++;
      if (authorMatches(p.author, a)) authorHit++;
    }
    if (p.date) {
      dateHave++;
      if (dateMatches(p.date, d)) dateHit++;
    }
    if (d) {
      dateGiven++;
      if (p.date && dateMatches(p.date, d)) dateGivenRight++;
    }
  }
  const n = pages.length || 1;
  return [
    { dataset: name, metric: 'mean accuracy (title, author, date)', score: (title + author + date) / (3 * n), n: pages.length },
    { dataset: name, metric: 'title accuracy', score: title / n, n: pages.length },
    { dataset: name, metric: 'author accuracy', score: author / n, n: pages.length },
    { dataset: name, metric: 'date accuracy (same day)', score: date / n, n: pages.length },
    { dataset: name, metric: 'title accuracy when gold has one', score: titleHave ? titleHit / titleHave : 0, n: titleHave },
    { dataset: name, metric: 'author accuracy when gold has one', score: authorHave ? authorHit / authorHave : 0, n: authorHave },
    { dataset: name, metric: 'date accuracy when gold has one', score: dateHave ? dateHit / dateHave : 0, n: dateHave },
    { dataset: name, metric: 'date precision (our dates right)', score: dateGiven ? dateGivenRight / dateGiven : 0, n: dateGiven },
  ];
}

function gz(p: string): Uint8Array {
  return gunzipSync(readFileSync(p));
}

export async function scoreMetadataFolder(dir: string): Promise<EvalRow[]> {
  const name = basename(dir.replace(/\/+$/, ''));
  if (existsSync(join(dir, 'ground-truth.jsonl.gz')) && existsSync(join(dir, 'html'))) {
    const pages: Gold[] = [];
    for (const line of new TextDecoder().decode(gz(join(dir, 'ground-truth.jsonl.gz'))).split('\n')) {
      if (!line.trim()) continue;
      const d = JSON.parse(line) as { file_id: string; ground_truth: { title?: string | null; author?: string | null; publish_date?: string | null } };
      const f = join(dir, 'html', `${d.file_id}.html.gz`);
      if (!existsSync(f)) continue;
      const g = d.ground_truth;
      pages.push({ id: d.file_id, bytes: () => gz(f), title: g.title ?? null, author: g.author ?? null, date: g.publish_date ?? null });
    }
    return score(name, pages);
  }
  if (statSync(dir).isDirectory()) {
    const cases = readdirSync(dir).filter((c) => existsSync(join(dir, c, 'source.html.gz')) && existsSync(join(dir, c, 'expected-metadata.json'))).sort();
    if (cases.length) {
      const pages = cases.map((c): Gold => {
        const m = JSON.parse(readFileSync(join(dir, c, 'expected-metadata.json'), 'utf8')) as { title?: string | null; byline?: string | null; publishedTime?: string | null };
        const byline = m.byline ? m.byline.replace(/^\s*by\s+/i, '') : null;
        return { id: c, bytes: () => gz(join(dir, c, 'source.html.gz')), title: m.title ?? null, author: byline, date: m.publishedTime ?? null };
      });
      return score(name, pages);
    }
  }
  throw new Error(`${dir}: not a known metadata data-set layout (see eval/tasks/metadata.ts)`);
}

export const task: EvalTask = {
  name: 'metadata',
  metric: 'accuracy',
  defaultPaths: ['extraction/wcxb', 'extraction/readability'],
  run: scoreMetadataFolder,
};
