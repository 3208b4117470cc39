// Full-text search latency at 100,000 and 1,000,000 documents of ~3 KB, and the
// database size against the stored text. The corpus is built straight into the store.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { leafHashOf } from '../src/pipeline/workspace.js';
import { splitParagraphs } from '../src/text/segment.js';
import { tokenizeFolded } from '../src/store/search-query.js';
import type { BenchOptions } from './run.js';
import { makeText, newsSentences, peakRssMb, percentile, rng } from './corpus.js';
import { createHash } from 'node:crypto';

export const name = 'search';

export async function run(opts: BenchOptions): Promise<void> {
  const sizes = process.env.BENCH_N ? [Number(process.env.BENCH_N)] : opts.quick ? [100_000] : [100_000, 1_000_000];
  const dir = join('.bench-tmp', 'search');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'daftar.db');
  const store = openSqliteStore(path, leafHashOf);
  const { en, fa } = newsSentences();
  const rand = rng(42);
  let textBytes = 0;
  let n = 0;
  const started = performance.now();
  const insertMany = store.db.transaction((docs: { id: string; text: string; lang: 'en' | 'fa' }[]) => {
    for (const d of docs) {
      (store as unknown as { insertDocumentRows: Function }).insertDocumentRows(
        {
          id: d.id, documentKind: 'article', mediaType: 'html', sizeBytes: d.text.length, fileName: null, text: d.text,
          metadata: { title: d.text.slice(0, 60), authors: [], site: `site-${d.id.charCodeAt(0) % 6}`, url: null, language: d.lang, published: null, flags: [], extra: {} },
          sections: [], sensitivity: 'public', ingestedAt: '2026-01-01T00:00:00Z',
        },
        splitParagraphs(d.text).map((s, index) => ({ documentId: d.id, index, start: s.start, end: s.end, page: null })),
      );
    }
  });
  const sampleTexts: string[] = [];
  for (const target of sizes) {
    while (n < target) {
      const batch = [];
      for (let i = 0; i < 1000 && n < target; i++, n++) {
        const lang = rand() < 0.2 ? 'fa' : 'en';
        const text = makeText(rand, lang === 'fa' ? fa : en, 3000);
        textBytes += Buffer.byteLength(text);
        if (sampleTexts.length < 2000 && rand() < 0.01) sampleTexts.push(text);
        batch.push({ id: createHash('sha256').update(String(n)).digest('hex'), text, lang: lang as 'en' | 'fa' });
      }
      insertMany(batch);
    }
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    const insertSeconds = (performance.now() - started) / 1000;
    const dbBytes = statSync(path).size;
    console.log(`\n### ${target.toLocaleString('en')} documents (~3 KB each)`);
    console.log(`build: ${(n / insertSeconds).toFixed(0)} docs/s cumulative; db ${(dbBytes / 1e9).toFixed(2)} GB = ${(dbBytes / textBytes).toFixed(2)}x the text (${(textBytes / 1e9).toFixed(2)} GB)`);
    const q = queries(sampleTexts, rng(7));
    console.log('| query | n | p50 ms | p95 ms | mean hits |');
    console.log('|---|---:|---:|---:|---:|');
    for (const [label, list] of Object.entries(q)) {
      const times: number[] = [];
      let hits = 0;
      for (const text of list) {
        const t0 = performance.now();
        hits += (await store.search({ text, limit: 20 })).length;
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${label} | ${list.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${(hits / list.length).toFixed(1)} |`);
    }
  }
  console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Words and in-order word pairs/triples taken from stored texts, so they match something. */
function queries(texts: string[], rand: () => number): Record<string, string[]> {
  const pick = (k: number, phrase: boolean) => {
    const out: string[] = [];
    while (out.length < 200) {
      const toks = tokenizeFolded(texts[Math.floor(rand() * texts.length)]!).filter((t) => t.length > 3);
      if (toks.length < 10) continue;
      const i = Math.floor(rand() * (toks.length - k));
      const words = phrase ? toks.slice(i, i + k) : Array.from({ length: k }, () => toks[Math.floor(rand() * toks.length)]!);
      out.push(phrase ? `"${words.join(' ')}"` : words.join(' '));
    }
    return out;
  };
  return {
    '1 word': pick(1, false),
    '2 words': pick(2, false),
    '3 words': pick(3, false),
    '2-word phrase': pick(2, true),
    '3-word phrase': pick(3, true),
  };
}
