// Reuse over a workspace where many documents share text (the corpus stage after ingest):
// (a) short notes that all carry one template sentence with changing numbers, as in
// test/pipeline/crash.test.ts ("The committee visited village X after the flood and
// counted Y damaged houses."), and (b) articles that all paste one long paragraph.
// Documents go through reuseWorkspace in batches of 100, as ingest runs the corpus stages.
// Before the fix every pair of holders got a link (N(N-1)/2; 300 notes: 39,900 links,
// 99 s wall through the CLI); now the links, and the time per document, must stay flat:
// the last batch should cost about what the first does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuUsage } from 'node:process';
import { reuseClusters, reuseWorkspace } from '../src/pipeline/reuse-run.js';
import { openWorkspace } from '../src/pipeline/workspace.js';
import { LOG, makeDocument } from '../test/helpers/store.js';
import type { BenchOptions } from './run.js';

export const name = 'reuse-shared';

const PARAGRAPH =
  'Relatives of the detained workers gathered outside the provincial court on Monday morning, demanding information about the ' +
  "whereabouts of at least 42 people arrested during last week's strike at the cement factory. Lawyers for the families said " +
  'they had not been allowed to see the case files.';

/** Words no other document has (seeded), so only the shared text links documents. */
function ownWords(i: number, count: number): string {
  let seed = 104_729 * (i + 1);
  const out: string[] = [];
  for (let w = 0; w < count; w++) {
    let s = '';
    for (let k = 0; k < 6; k++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      s += String.fromCharCode(97 + (seed % 26));
    }
    out.push(s);
  }
  return out.join(' ') + '.';
}

async function scenario(label: string, texts: string[], sites: (i: number) => string | null): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-reuse-shared-'));
  try {
    const ws = openWorkspace(join(dir, 'ws'), { create: true });
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const { doc, passages } = makeDocument(text, { site: sites(i) });
      await ws.store.putDocument(doc, passages, LOG);
      ids.push(doc.id);
    }
    const batch = 100;
    const perBatch: number[] = [];
    const cpu0 = cpuUsage();
    const t0 = performance.now();
    let links = 0;
    for (let k = 0; k < ids.length; k += batch) {
      const t = performance.now();
      links += (await reuseWorkspace(ws, { documentIds: ids.slice(k, k + batch) })).links;
      perBatch.push(performance.now() - t);
    }
    const wall = (performance.now() - t0) / 1000;
    const cpu = cpuUsage(cpu0);
    const stored = await ws.store.listReuseLinks();
    const boilerplate = stored.filter((l) => l.boilerplate).length;
    const { clusters } = await reuseClusters(ws);
    const biggest = Math.max(0, ...clusters.map((c) => c.members.length));
    const n = texts.length;
    console.log(
      `${label}: ${n.toLocaleString('en-US')} documents, ${stored.length.toLocaleString('en-US')} links ` +
        `(${(stored.length / n).toFixed(2)} per document; all pairs would be ${((n * (n - 1)) / 2).toLocaleString('en-US')}), ` +
        `${boilerplate.toLocaleString('en-US')} boilerplate, ${clusters.length} clusters (largest ${biggest} documents)`,
    );
    console.log(
      `  time ${wall.toFixed(1)} s (CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s); per batch of ${batch}: ` +
        `first ${(perBatch[0]! / 1000).toFixed(2)} s, last ${(perBatch[perBatch.length - 1]! / 1000).toFixed(2)} s; links counted ${links}`,
    );
    await ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const notes = quick ? 1_000 : 3_000;
  await scenario(
    'template sentence, changing numbers',
    Array.from(
      { length: notes },
      (_, i) =>
        `FICTIONAL field note ${i}.\n\nToken zq${i}x marks this note. The committee visited village ${i % 97} after the flood and counted ${i * 3} damaged houses.`,
    ),
    () => null,
  );
  const articles = quick ? 300 : 1_000;
  await scenario(
    'one pasted paragraph, many outlets',
    Array.from({ length: articles }, (_, i) => `${ownWords(i, 40)}\n\n${PARAGRAPH}\n\n${ownWords(i + 100_000, 40)}`),
    (i) => `Outlet ${i}`,
  );
}
