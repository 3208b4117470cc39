// Throughput of the date and quantity extractors on English and Persian news text.
// Prints words/s (one core) and the process's peak RSS.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { extractDates } from '../src/extract/dates/index.js';
import { extractQuantities } from '../src/extract/quantities/index.js';
import { dataPath } from '../eval/harness.js';
import type { BenchOptions } from './run.js';

export const name = 'timex';

function loadTexts(rel: string, fields: string[], limit: number): string[] {
  const lines = gunzipSync(readFileSync(dataPath(rel))).toString('utf8').split('\n').filter(Boolean);
  return lines.slice(0, limit).map((l) => {
    const o = JSON.parse(l) as Record<string, unknown>;
    return fields.map((f) => (typeof o[f] === 'string' ? (o[f] as string) : '')).join('\n\n');
  });
}

function countWords(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += t.split(/\s+/).filter(Boolean).length;
  return n;
}

function measure(texts: string[], fn: (t: string) => number, minMs: number): { wordsPerSec: number; spans: number } {
  const words = countWords(texts);
  let spans = 0;
  for (const t of texts.slice(0, 20)) fn(t); // warm up
  const t0 = process.hrtime.bigint();
  let rounds = 0;
  let elapsedMs = 0;
  do {
    for (const t of texts) spans += fn(t);
    rounds++;
    elapsedMs = Number(process.hrtime.bigint() - t0) / 1e6;
  } while (elapsedMs < minMs);
  return { wordsPerSec: (words * rounds) / (elapsedMs / 1000), spans: spans / rounds };
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const limit = quick ? 200 : 100000;
  const minMs = quick ? 300 : 3000;
  const corpora: { label: string; lang: 'en' | 'fa'; texts: string[] }[] = [
    { label: 'en-bbc-2004-2005', lang: 'en', texts: loadTexts('news/en-bbc-2004-2005/articles.jsonl.gz', ['title', 'text'], limit) },
    { label: 'fa-farsnews', lang: 'fa', texts: loadTexts('news/fa-farsnews/articles.jsonl.gz', ['title', 'abstract', 'text'], limit) },
  ];
  console.log('| corpus | words | stage | words/s (1 core) | spans per pass |');
  console.log('|---|---:|---|---:|---:|');
  for (const c of corpora) {
    const words = countWords(c.texts);
    const anchor = { date: c.lang === 'fa' ? '2019-06-01' : '2005-01-01' };
    const stages: [string, (t: string) => number][] = [
      ['dates', (t) => extractDates(t, c.lang, anchor).length],
      ['quantities', (t) => extractQuantities(t, c.lang).length],
      ['dates+quantities', (t) => extractDates(t, c.lang, anchor).length + extractQuantities(t, c.lang).length],
    ];
    for (const [stage, fn] of stages) {
      const r = measure(c.texts, fn, minMs);
      console.log(`| ${c.label} | ${words} | ${stage} | ${Math.round(r.wordsPerSec).toLocaleString('en-US')} | ${Math.round(r.spans)} |`);
    }
  }
  console.log(`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}
