// API latency (p50/p95 via app.request, no sockets) for search, document and entity
// pages on a generated 100,000-document workspace (10,000 with --quick), plus the
// UI's first-load JS size gzipped and its time to first render in the system Chromium.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createApp } from '../src/api/app.js';
import { startServer } from '../src/api/server.js';
import type { Entity, Mention } from '../src/model/schema.js';
import { openWorkspace } from '../src/pipeline/workspace.js';
import { tokenizeFolded } from '../src/store/search-query.js';
import { splitParagraphs } from '../src/text/segment.js';
import { makeText, newsSentences, peakRssMb, percentile, rng } from './corpus.js';
import type { BenchOptions } from './run.js';

export const name = 'api';

const ROOT = join(import.meta.dirname, '..');
const SITES = ['Vahrestan Today', 'Golmarz News', 'Daily Ledger', 'Radio Varzaneh', 'The Observer Desk', 'Kavir Post'];

export async function run(opts: BenchOptions): Promise<void> {
  const n = process.env.BENCH_N ? Number(process.env.BENCH_N) : opts.quick ? 10_000 : 100_000;
  const dir = join(ROOT, '.bench-tmp', 'api');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ws = openWorkspace(join(dir, 'ws'), { create: true });
  const store = ws.store;
  const { en, fa } = newsSentences();
  const rand = rng(11);
  const ids: string[] = [];
  const samples: string[] = [];
  const t0 = performance.now();
  const insert = (store as unknown as { insertDocumentRows: (d: unknown, p: unknown[]) => number }).insertDocumentRows.bind(store);
  const insertMany = store.db.transaction((docs: { id: string; text: string; lang: 'en' | 'fa'; i: number }[]) => {
    for (const d of docs) {
      const year = 2000 + Math.floor(rand() * 25);
      const published = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const kind = 'article';
      insert(
        {
          id: d.id, kind, documentKind: kind, mediaType: 'html', sizeBytes: d.text.length, fileName: null, text: d.text,
          metadata: { title: d.text.slice(0, 60), authors: [], site: SITES[d.i % SITES.length], url: null, language: d.lang, published: { value: published, evidence: 'bench', confidence: 1 }, flags: [], extra: {} },
          sections: [], sensitivity: 'public', ingestedAt: '2026-01-01T00:00:00Z',
        },
        splitParagraphs(d.text).map((s, index) => ({ documentId: d.id, index, start: s.start, end: s.end, page: null })),
      );
    }
  });
  for (let i = 0; i < n; ) {
    const batch = [];
    for (let k = 0; k < 1000 && i < n; k++, i++) {
      const lang = rand() < 0.2 ? 'fa' : 'en';
      const text = makeText(rand, lang === 'fa' ? fa : en, 3000);
      const id = createHash('sha256').update(`api-${i}`).digest('hex');
      ids.push(id);
      if (samples.length < 500 && rand() < 0.02) samples.push(text);
      batch.push({ id, text, lang: lang as 'en' | 'fa', i });
    }
    insertMany(batch);
  }
  // 2,000 entities, each mentioned in a few of the first 10,000 documents.
  const entities: Entity[] = [];
  const mentionsByDoc = new Map<string, Mention[]>();
  for (let e = 0; e < 2000; e++) {
    const id = `person:${e}`;
    entities.push({ id, type: e % 10 === 0 ? 'PLACE' : 'PERSON', name: `Person ${e}`, aliases: [], attributes: e % 10 === 0 ? { lat: 25 + rand() * 15, lon: 45 + rand() * 20 } : {}, sensitivity: 'public' });
    const k = 3 + Math.floor(rand() * 10);
    for (let j = 0; j < k; j++) {
      const docId = ids[Math.floor(rand() * Math.min(ids.length, 10_000))]!;
      const list = mentionsByDoc.get(docId) ?? [];
      const start = list.length * 40;
      list.push({ id: `${docId.slice(0, 10)}:${start}`, documentId: docId, start, end: start + 10, type: e % 10 === 0 ? 'PLACE' : 'PERSON', text: 'xxxxxxxxxx', value: null, attributes: {}, extractor: 'bench@1', confidence: 0.9, status: 'suggested', entityId: id });
      mentionsByDoc.set(docId, list);
    }
  }
  await store.putEntities(entities);
  for (const [docId, list] of mentionsByDoc) await store.putMentions(docId, list);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(`\n### ${n.toLocaleString('en')} documents, ${entities.length} entities; built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const { app } = createApp({ workspace: ws });
  const time = async (path: string) => {
    const s = performance.now();
    const res = await app.request(path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return performance.now() - s;
  };
  // The read model (entities, facets, timeline) is built from the export on first use.
  const warm = await time('/api/entities?limit=1');
  console.log(`read model snapshot (first entity/timeline/map request): ${(warm / 1000).toFixed(2)} s`);

  const pick = rng(5);
  const words = samples.flatMap((t) => tokenizeFolded(t).filter((w) => w.length > 3));
  const q1 = Array.from({ length: 100 }, () => words[Math.floor(pick() * words.length)]!);
  const q2 = Array.from({ length: 100 }, () => `${words[Math.floor(pick() * words.length)]} ${words[Math.floor(pick() * words.length)]}`);
  const docPage = async (id: string) => {
    let ms = 0;
    for (const p of ['', '/passages', '/mentions', '/reuse']) ms += await time(`/api/documents/${id}${p}`);
    return ms;
  };
  const cases: [string, (() => Promise<number>)[]][] = [
    ['search 1 word', q1.map((q) => () => time(`/api/search?q=${encodeURIComponent(q)}`))],
    ['search 2 words', q2.map((q) => () => time(`/api/search?q=${encodeURIComponent(q)}`))],
    ['search 1 word + result facets', q1.slice(0, 50).map((q) => () => time(`/api/search?q=${encodeURIComponent(q)}&facets=results`))],
    ['search + workspace facets', q1.slice(0, 50).map((q) => () => time(`/api/search?q=${encodeURIComponent(q)}&facets=workspace`))],
    ['document page (4 requests)', Array.from({ length: 100 }, () => () => docPage(ids[Math.floor(pick() * ids.length)]!))],
    ['entity page', Array.from({ length: 100 }, () => () => time(`/api/entities/${encodeURIComponent(entities[Math.floor(pick() * entities.length)]!.id)}`))],
    ['timeline (first 1,000)', Array.from({ length: 10 }, () => () => time('/api/timeline?limit=1000'))],
    ['map', Array.from({ length: 10 }, () => () => time('/api/map'))],
  ];
  console.log('| request | n | p50 ms | p95 ms |');
  console.log('|---|---:|---:|---:|');
  for (const [label, runs] of cases) {
    const times: number[] = [];
    // Sequential: one request at a time, as one user would.
    for (const one of runs) times.push(await one());
    times.sort((a, b) => a - b);
    console.log(`| ${label} | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} |`);
  }
  console.log(`peak RSS ${peakRssMb().toFixed(0)} MB`);

  uiSize();
  await firstRender(join(dir, 'ws'));
  await ws.close();
  rmSync(dir, { recursive: true, force: true });
}

/** Gzipped bytes of the JS and CSS index.html loads, and of the lazily loaded map chunk. */
function uiSize(): void {
  const web = join(ROOT, 'dist', 'web');
  if (!existsSync(join(web, 'index.html'))) return void console.log('UI size: dist/web missing; run `npx vite build` first');
  const html = readFileSync(join(web, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
  const gz = (f: string) => gzipSync(readFileSync(join(web, f)), { level: 9 }).length;
  const first = refs.reduce((a, f) => a + gz(f), 0);
  const lazy = readdirAssets(web).filter((f) => !refs.includes(f) && /\.js$/.test(f));
  const lazyBytes = lazy.reduce((a, f) => a + gz(f), 0);
  console.log(`UI first-load JS+CSS gzipped: ${(first / 1024).toFixed(1)} KB (${refs.join(', ')}); lazy chunks (map) ${(lazyBytes / 1024).toFixed(1)} KB; total ${((first + lazyBytes) / 1024).toFixed(1)} KB`);
}

function readdirAssets(web: string): string[] {
  return readdirSync(join(web, 'assets')).map((f) => `assets/${f}`);
}

/** Milliseconds from navigation to the search box on screen, cold cache, median of 5. */
async function firstRender(workspaceDir: string): Promise<void> {
  if (!existsSync('/usr/bin/chromium') || !existsSync(join(ROOT, 'dist', 'web', 'index.html'))) return void console.log('first render: skipped (no /usr/bin/chromium or dist/web)');
  const { chromium } = await import('playwright-core');
  const server = await startServer({ workspaceDir, port: 0 });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const s = performance.now();
      await page.goto(server.url);
      await page.locator('#q').waitFor();
      times.push(performance.now() - s);
      const paint = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
      if (i === 4) console.log(`first contentful paint (last run, browser clock): ${paint.toFixed(0)} ms`);
      await context.close();
    }
    times.sort((a, b) => a - b);
    console.log(`time to first render (goto -> search box visible, cold cache): median ${percentile(times, 50).toFixed(0)} ms, max ${times[times.length - 1]!.toFixed(0)} ms`);
  } finally {
    await browser.close();
    await server.close();
  }
}
