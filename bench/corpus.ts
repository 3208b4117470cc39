// Seeded generators of news-like text for benchmarks, built from the sentences of the
// public news sets in ../shared/data/news (BBC 2004-05 English, Fars News Persian).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../eval/harness.js';

export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function readJsonl(path: string): Record<string, unknown>[] {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
}

let cached: { en: string[]; fa: string[] } | null = null;

/** Sentences of the English and Persian news sets. */
export function newsSentences(): { en: string[]; fa: string[] } {
  if (cached) return cached;
  const split = (t: string) => t.split(/(?<=[.!?؟])\s+/).map((s) => s.trim()).filter((s) => s.length > 20);
  const en = readJsonl(dataPath('news', 'en-bbc-2004-2005', 'articles.jsonl.gz')).flatMap((a) => split(String(a.text ?? '')));
  const fa = readJsonl(dataPath('news', 'fa-farsnews', 'articles.jsonl.gz')).flatMap((a) => split(String(a.text ?? a.body ?? '')));
  cached = { en, fa };
  return cached;
}

/** Real news articles (title + text) for throughput measurements. */
export function newsArticles(lang: 'en' | 'fa'): { title: string; text: string }[] {
  const path = lang === 'en' ? dataPath('news', 'en-bbc-2004-2005', 'articles.jsonl.gz') : dataPath('news', 'fa-farsnews', 'articles.jsonl.gz');
  return readJsonl(path).map((a) => ({ title: String(a.title ?? ''), text: String(a.text ?? a.body ?? '') }));
}

/** A text of about `chars` characters: paragraphs of random sentences. */
export function makeText(rand: () => number, sentences: string[], chars: number): string {
  const paras: string[] = [];
  let size = 0;
  while (size < chars) {
    const n = 2 + Math.floor(rand() * 4);
    const p: string[] = [];
    for (let i = 0; i < n; i++) p.push(sentences[Math.floor(rand() * sentences.length)]!);
    const para = p.join(' ');
    paras.push(para);
    size += para.length + 2;
  }
  return paras.join('\n\n');
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function peakRssMb(): number {
  return process.resourceUsage().maxRSS / 1024;
}
