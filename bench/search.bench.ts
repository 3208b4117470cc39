// Full-text search latency at 100,000 and 1,000,000 documents of ~3 KB, and the
// database size against the stored text. The corpus is built straight into the store.
// BENCH_SEARCH_CACHE=/some/dir keeps each built corpus (<dir>/<n>/daftar.db + the query
// source texts) and reuses it on later runs; BENCH_N=n measures one size only.
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { searchDocuments } from '../src/store/sqlite/sqlite-search.js';
import { leafHashOf } from '../src/pipeline/workspace.js';
import { splitParagraphs } from '../src/text/segment.js';
import { parseQuery, toFts5Match, tokenizeFolded } from '../src/store/search-query.js';
import type { BenchOptions } from './run.js';
import { makeText, newsSentences, peakRssMb, percentile, rng } from './corpus.js';
import { createHash } from 'node:crypto';

export const name = 'search';

export async function run(opts: BenchOptions): Promise<void> {
  const sizes = process.env.BENCH_N ? [Number(process.env.BENCH_N)] : opts.quick ? [100_000] : [100_000, 1_000_000];
  const cache = process.env.BENCH_SEARCH_CACHE;
  const dir = join('.bench-tmp', `search-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'daftar.db');
  let store: SqliteStore | null = null;
  const rand = rng(42);
  let textBytes = 0;
  let n = 0;
  const started = performance.now();
  const sampleTexts: string[] = [];
  const build = (target: number): SqliteStore => {
    store ??= openSqliteStore(path, leafHashOf);
    const s = store;
    const { en, fa } = newsSentences();
    const insertMany = s.db.transaction((docs: { id: string; text: string; lang: 'en' | 'fa' }[]) => {
      for (const d of docs) {
        (s as unknown as { insertDocumentRows: Function }).insertDocumentRows(
          {
            id: d.id, documentKind: 'article', mediaType: 'html', sizeBytes: d.text.length, fileName: null, text: d.text,
            metadata: { title: d.text.slice(0, 60), authors: [], site: `site-${d.id.charCodeAt(0) % 6}`, url: null, language: d.lang, published: null, flags: [], extra: {} },
            sections: [], sensitivity: 'public', ingestedAt: '2026-01-01T00:00:00Z',
          },
          splitParagraphs(d.text).map((p, index) => ({ documentId: d.id, index, start: p.start, end: p.end, page: null })),
        );
      }
    });
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
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    const insertSeconds = (performance.now() - started) / 1000;
    const dbBytes = statSync(path).size;
    console.log(`\n### ${target.toLocaleString('en')} documents (~3 KB each)`);
    console.log(`build: ${(n / insertSeconds).toFixed(0)} docs/s cumulative; db ${(dbBytes / 1e9).toFixed(2)} GB = ${(dbBytes / textBytes).toFixed(2)}x the text (${(textBytes / 1e9).toFixed(2)} GB)`);
    if (cache) {
      mkdirSync(join(cache, String(target)), { recursive: true });
      copyFileSync(path, join(cache, String(target), 'daftar.db'));
      writeFileSync(join(cache, String(target), 'corpus.json'), JSON.stringify({ textBytes, sampleTexts }));
    }
    return s;
  };
  for (const target of sizes) {
    const cached = cache ? join(cache, String(target)) : null;
    let s: SqliteStore;
    let samples: string[];
    let opened: SqliteStore | null = null;
    if (cached && existsSync(join(cached, 'corpus.json'))) {
      const meta = JSON.parse(readFileSync(join(cached, 'corpus.json'), 'utf8')) as { textBytes: number; sampleTexts: string[] };
      const dbPath = join(cached, 'daftar.db');
      warmFile(dbPath); // as right after a build: the file in the OS page cache
      s = opened = openSqliteStore(dbPath, leafHashOf);
      samples = meta.sampleTexts;
      const dbBytes = statSync(dbPath).size;
      console.log(`\n### ${target.toLocaleString('en')} documents (~3 KB each), cached in ${cached}`);
      console.log(`db ${(dbBytes / 1e9).toFixed(2)} GB = ${(dbBytes / meta.textBytes).toFixed(2)}x the text (${(meta.textBytes / 1e9).toFixed(2)} GB)`);
    } else {
      s = build(target);
      samples = sampleTexts;
    }
    if (process.env.BENCH_SEARCH_OPTIMIZE) {
      const t0 = performance.now();
      s.db.exec(`INSERT INTO document_fts(document_fts) VALUES('optimize')`);
      s.db.pragma('wal_checkpoint(TRUNCATE)');
      console.log(`FTS5 optimize: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const q = queries(samples, rng(7));
    console.log('| query | n | p50 ms | p95 ms | CPU p50 ms | CPU p95 ms | mean hits |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const [label, list] of Object.entries(q)) {
      const times: number[] = [];
      const cpu: number[] = [];
      let hits = 0;
      for (const text of list) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        hits += (await s.search({ text, limit: 20 })).length;
        times.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
      }
      times.sort((a, b) => a - b);
      cpu.sort((a, b) => a - b);
      console.log(
        `| ${label} | ${list.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ` +
          `${percentile(cpu, 50).toFixed(1)} | ${percentile(cpu, 95).toFixed(1)} | ${(hits / list.length).toFixed(1)} |`,
      );
    }
    rankingAgreement(s, q);
    if (opened) await opened.close();
  }
  console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);
  if (store) await (store as SqliteStore).close();
  rmSync(dir, { recursive: true, force: true });
}

/**
 * How close the fast ranking stays to exact bm25 over every match (which is what a
 * plain FTS5 query would return, at several times the cost): the share of the exact
 * top 10 that our top 10 also holds, on the first 30 queries of each class.
 */
function rankingAgreement(s: SqliteStore, q: Record<string, string[]>): void {
  const exact = s.db.prepare('SELECT d.id FROM document_fts f JOIN document d ON d.seq = f.rowid WHERE document_fts MATCH ? ORDER BY bm25(document_fts, 5.0, 1.0) LIMIT 10').pluck();
  const parts: string[] = [];
  for (const [label, list] of Object.entries(q)) {
    let overlap = 0;
    let counted = 0;
    for (const text of list.slice(0, 30)) {
      const want = exact.all(toFts5Match(parseQuery(text))) as string[];
      if (want.length === 0) continue;
      const ours = searchDocuments(s.db, { text, limit: 10 }).map((h) => h.documentId);
      overlap += ours.filter((id) => want.includes(id)).length / Math.min(10, want.length);
      counted++;
    }
    parts.push(`${label} ${(overlap / Math.max(1, counted)).toFixed(2)}`);
  }
  console.log(`top-10 agreement with exact bm25 over all matches: ${parts.join(', ')}`);
}

function warmFile(path: string): void {
  const fd = openSync(path, 'r');
  const buf = Buffer.allocUnsafe(8 << 20);
  while (readSync(fd, buf, 0, buf.length, null) > 0);
  closeSync(fd);
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
