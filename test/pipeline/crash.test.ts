// Ingest is crash-safe: SIGKILL in the middle of a few thousand documents, run the
// same ingest again, and the workspace is whole: every document once, no partial rows,
// no orphan blobs, the full-text index agrees with the table, the log has no gaps.
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { daftar, daftarAsync, ensureBuilt } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';
import { BlobStore } from '../../src/store/blobs/blob-store.js';

const N = 3000;

beforeAll(() => ensureBuilt(), 300_000);

function countDocuments(dbPath: string): number {
  if (!existsSync(dbPath)) return 0;
  try {
    const db = new Database(dbPath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM document').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // not created yet, or mid-migration
  }
}

describe('crash safety', () => {
  it('recovers from SIGKILL during a 3,000-document ingest', { timeout: 600_000 }, async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (let i = 0; i < N; i++) {
      writeFileSync(
        join(corpus, `note-${String(i).padStart(4, '0')}.txt`),
        `FICTIONAL field note ${i}.\n\nToken zq${i}x marks this note. The committee visited village ${i % 97} after the flood and counted ${i * 3} damaged houses.`,
      );
    }
    const ws = join(dir, 'ws');
    const dbPath = join(ws, 'daftar.db');
    const child = daftarAsync(ws, ['ingest', corpus]);
    const exited = new Promise<NodeJS.Signals | null>((res) => child.on('exit', (_code, signal) => res(signal)));
    // Kill it somewhere in the middle, once a few hundred documents are in.
    for (let waited = 0; waited < 120_000; waited += 50) {
      const n = countDocuments(dbPath);
      if (n >= 300) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const partial = countDocuments(dbPath);
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(N); // it really was interrupted

    const again = daftar(ws, ['ingest', corpus, '--json']);
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout);
    expect(report.added.length + report.present.length).toBe(N);
    expect(report.present.length).toBe(partial);

    const db = new Database(dbPath, { readonly: true });
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(one('SELECT count(*) FROM document')).toBe(N);
    expect(one('SELECT count(DISTINCT id) FROM document')).toBe(N);
    expect(one('SELECT count(*) FROM passage WHERE document_seq NOT IN (SELECT seq FROM document)')).toBe(0);
    expect(one('SELECT count(*) FROM document WHERE seq NOT IN (SELECT document_seq FROM passage)')).toBe(0);
    expect(one('SELECT count(*) FROM document_fts_docsize')).toBe(N);
    expect(one('SELECT count(*) FROM document_fts_docsize WHERE id NOT IN (SELECT seq FROM document)')).toBe(0);
    expect(one('SELECT count(*) FROM log_entry')).toBe(N);
    expect(one('SELECT max(seq) FROM log_entry')).toBe(N - 1);
    const ids = new Set(db.prepare('SELECT id FROM document').pluck().all() as string[]);
    db.close();

    const blobs = [...new BlobStore(join(ws, 'blobs')).list()];
    expect(blobs.length).toBe(N);
    expect(blobs.every((b) => ids.has(b))).toBe(true);
    expect(readdirSync(join(ws, 'blobs', 'tmp'))).toEqual([]);

    // The index answers for documents from before and after the kill.
    for (const i of [0, 1234, N - 1]) {
      const hits = JSON.parse(daftar(ws, ['search', `zq${i}x`, '--json']).stdout);
      expect(hits).toHaveLength(1);
    }
  });
});
