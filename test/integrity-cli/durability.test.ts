// Durability: SIGKILL an ingest of 5,000 small files at 20 seeded random moments. After
// every kill the workspace verifies clean (each document row has its blob and its ingest
// log entry, the log hashes and sequence hold); a final full run then holds all 5,000
// documents exactly once, and the real `daftar verify` agrees.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyWorkspace } from '../../src/pipeline/verify.js';
import { openWorkspace } from '../../src/pipeline/workspace.js';
import { tempDir } from '../helpers/store.js';
import { run, runAsync } from './cli.js';

const N = 5000;
const KILLS = 20;

/** mulberry32: a small seeded generator, so a failure can be replayed. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('durability under SIGKILL', () => {
  it(`verifies clean after ${KILLS} kills during a ${N}-document ingest, then holds every document once`, { timeout: 600_000 }, async () => {
    const random = seeded(20261123);
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < N; i++) writeFileSync(join(corpus, `n${String(i).padStart(4, '0')}.txt`), `fictional note ${i}\n`);
    const ws = join(dir, 'ws');
    expect(run(ws, ['init']).status).toBe(0);
    const dbPath = join(ws, 'daftar.db');
    let killedMidway = 0;
    for (let k = 0; k < KILLS; k++) {
      const child = runAsync(ws, ['ingest', corpus, '--workers', '1']);
      const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_c, signal) => res(signal)));
      // The clock starts once the process has the workspace open (start-up time varies a
      // lot on a loaded machine); then a seeded delay of 100-1500 ms.
      while (!existsSync(dbPath)) await sleep(10);
      await sleep(100 + Math.floor(random() * 1400));
      const signal = child.kill('SIGKILL') ? await exited : null;
      if (signal === 'SIGKILL') killedMidway++;
      const w = openWorkspace(ws);
      try {
        const v = await verifyWorkspace(w);
        expect(v.problems, `after kill ${k}`).toEqual([]);
        // Every row is whole: counted documents all have an ingest entry (checked above) and a blob.
        expect(v.blobs).toBeGreaterThanOrEqual(v.documents);
      } finally {
        await w.close();
      }
    }
    expect(killedMidway).toBeGreaterThan(KILLS / 2); // most kills really interrupted an ingest

    const final = run(ws, ['ingest', corpus, '--json']);
    expect(final.status, final.stderr).toBe(0);
    const report = JSON.parse(final.stdout);
    expect(report.added.length + report.present.length).toBe(N);
    const db = new Database(dbPath, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM document').pluck().get()).toBe(N);
      expect(db.prepare("SELECT count(*), count(DISTINCT subject) FROM log_entry WHERE kind = 'ingest'").raw().get()).toEqual([N, N]);
    } finally {
      db.close();
    }
    const v = run(ws, ['verify', '--json']);
    expect(v.status, v.stdout).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, documents: N, blobs: N });
  });
});
