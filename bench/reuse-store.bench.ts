// The cost of adding one document to the store-backed reuse index of a large workspace
// (issue 6 target: ≤ 50 ms at 100,000 articles; --quick: 10,000). The index
// (reuse_shingle in the workspace database) is filled with the generated articles of
// reuse.bench.ts, then 40 new articles are added one at a time as reuseWorkspace does:
// fingerprint, look up candidates in SQLite, align, flag boilerplate, store the links, add
// the postings. Half the new articles carry a copied paragraph (so alignment and link
// writes are in the measured cost), half none. Candidate documents are read from memory
// here; through the store each costs one more row read.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reuseLinkId } from '../src/pipeline/reuse-run.js';
import { openWorkspace } from '../src/pipeline/workspace.js';
import { detectReuseForDocument, prepareDocument, type ReuseDocument } from '../src/reuse/index.js';
import { SqliteReuseIndex } from '../src/store/sqlite/sqlite-reuse-index.js';
import type { BenchOptions } from './run.js';
import { generate } from './reuse.bench.js';

export const name = 'reuse-store';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const n = quick ? 10_000 : 100_000;
  const probes = 40;
  const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-reuse-store-'));
  try {
    let t = performance.now();
    const generated = generate(n, 0, 11).docs.map((d) => ({ ...d, id: sha(d.id) }));
    const byId = new Map<string, ReuseDocument>(generated.map((d) => [d.id, d]));
    console.log(`generated ${n.toLocaleString('en-US')} articles in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const ws = openWorkspace(join(dir, 'ws'), { create: true });
    const index = new SqliteReuseIndex(ws.store.db);
    t = performance.now();
    const chunk = 1_000;
    for (let i = 0; i < generated.length; i += chunk) {
      ws.store.db.transaction(() => {
        for (const d of generated.slice(i, i + chunk)) index.add(d.id, prepareDocument(d).fingerprints);
      })();
    }
    const fillSeconds = (performance.now() - t) / 1000;
    const postings = ws.store.db.prepare('SELECT count(*) FROM reuse_shingle').pluck().get() as number;
    console.log(
      `filled the index: ${n.toLocaleString('en-US')} documents, ${postings.toLocaleString('en-US')} postings in ${fillSeconds.toFixed(1)} s; ` +
        `database ${(statSync(join(dir, 'ws', 'daftar.db')).size / 2 ** 20).toFixed(0)} MiB`,
    );

    // New articles: even ones paste a paragraph of an indexed article into another's text
    // with its words reversed (fresh text), odd ones are fresh text only.
    const news: ReuseDocument[] = [];
    for (let k = 0; k < probes; k++) {
      const host = generated[(k * 7_919) % n]!;
      const fresh = host.text.split('\n\n').map((p) => p.split(' ').reverse().join(' '));
      if (k % 2 === 0) {
        const origin = generated[(k * 104_729 + 17) % n]!.text.split('\n\n');
        fresh.splice(1, 0, origin[Math.floor(origin.length / 2)]!);
      }
      news.push({ id: sha(`new-${k}`), text: fresh.join('\n\n'), site: `new-site-${k}`, published: '2025-06-01' });
    }
    const getDoc = (id: string) => byId.get(id);
    const times: number[] = [];
    let links = 0;
    let withLinks = 0;
    for (const doc of news) {
      const t0 = performance.now();
      const found = await detectReuseForDocument(doc, index, getDoc);
      if (found.length) await ws.store.putReuseLinks(found.map((l) => ({ ...l, id: reuseLinkId(l) })));
      times.push(performance.now() - t0);
      byId.set(doc.id, doc);
      links += found.length;
      if (found.some((l) => !l.boilerplate)) withLinks++;
    }
    console.log(
      `add one article to ${n.toLocaleString('en-US')}: median ${median(times).toFixed(1)} ms, p90 ${quantile(times, 0.9).toFixed(1)} ms, ` +
        `max ${Math.max(...times).toFixed(1)} ms (${probes} articles; ${withLinks}/${probes / 2} copies linked, ${links} links)`,
    );
    await ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
