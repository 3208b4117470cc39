// `daftar verify` on a real workspace through the compiled CLI: each kind of tampering
// is reported on its own line and makes the exit code 1; a clean workspace exits 0.
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { hashLogEntry } from '../../src/integrity/log-entry.js';
import type { LogEntry } from '../../src/model/schema.js';
import { BlobStore } from '../../src/store/blobs/blob-store.js';
import { tempDir } from '../helpers/store.js';
import { run } from './cli.js';

vi.setConfig({ testTimeout: 240_000 }); // each test runs the CLI several times; the shared machine is often loaded

let base: string; // a workspace with three documents and a checkpoint taken outside it
let outside: string;
let checkpointFile: string;
let docIds: string[];

beforeAll(() => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  // Opaque binary files: stored and logged like any evidence, and independent of the
  // text extractors, which these tests are not about.
  for (let i = 0; i < 3; i++) writeFileSync(join(corpus, `scan-${i}.bin`), binaryFile(i));
  base = join(dir, 'ws');
  expect(run(base, ['init']).status).toBe(0);
  const ing = run(base, ['ingest', corpus, '--json']);
  expect(ing.status, ing.stderr).toBe(0);
  docIds = (JSON.parse(ing.stdout).added as { id: string }[]).map((a) => a.id).sort();
  expect(docIds).toHaveLength(3);
  outside = tempDir();
  checkpointFile = join(outside, 'ck-1.txt');
  const ck = run(base, ['checkpoint', '-o', checkpointFile]);
  expect(ck.status, ck.stderr).toBe(0);
  expect(ck.stderr).toMatch(/outside the workspace/i);
}, 120_000);

function binaryFile(seed: number): Buffer {
  const b = Buffer.alloc(512);
  let x = seed * 7919 + 17;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = (x >>> 16) & 0xff;
  }
  b[0] = 0; // a NUL byte keeps it from being read as text
  return b;
}

function copy(): string {
  const ws = join(tempDir(), 'ws');
  cpSync(base, ws, { recursive: true });
  return ws;
}

function withDb(ws: string, fn: (db: Database.Database) => void): void {
  const db = new Database(join(ws, 'daftar.db'));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

function readLog(db: Database.Database): LogEntry[] {
  return (db.prepare('SELECT * FROM log_entry ORDER BY seq').all() as any[]).map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    operation: r.kind,
    subject: r.subject,
    details: JSON.parse(r.details),
    leafHash: r.leaf_hash,
  }));
}

describe('daftar verify', () => {
  it('is clean on an untouched workspace, and the log extends the older checkpoint after more ingests', () => {
    const ws = copy();
    const clean = run(ws, ['verify']);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(clean.stdout).toMatch(/^ok: 3 documents, 3 blobs/m);
    const extra = join(tempDir(), 'more.bin');
    writeFileSync(extra, binaryFile(99));
    expect(run(ws, ['ingest', extra]).status).toBe(0);
    const r = run(ws, ['verify', '--checkpoint', checkpointFile, '--json']);
    expect(r.status, r.stdout).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.checkpointSize).toBe(3);
    expect(json.logEntries).toBe(5); // 3 ingests, the checkpoint, 1 more ingest
  });

  it('finds a blob with one byte flipped', () => {
    const ws = copy();
    const path = new BlobStore(join(ws, 'blobs')).pathOf(docIds[1]!);
    const bytes = readFileSync(path);
    bytes[3] ^= 0x01;
    writeFileSync(path, bytes);
    const r = run(ws, ['verify']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^blob_altered: blob ${docIds[1]}: `));
  });

  it('finds a deleted document row', () => {
    const ws = copy();
    withDb(ws, (db) => {
      const seq = db.prepare('SELECT seq FROM document WHERE id = ?').pluck().get(docIds[0]);
      db.prepare('DELETE FROM mention WHERE document_seq = ?').run(seq);
      db.prepare('DELETE FROM passage WHERE document_seq = ?').run(seq);
      db.prepare('DELETE FROM document WHERE seq = ?').run(seq);
    });
    const r = run(ws, ['verify']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^document_missing: log entry \\d+ records the ingest of document ${docIds[0]}`, 'm'));
  });

  it("finds a log entry whose details were edited", () => {
    const ws = copy();
    withDb(ws, (db) => db.prepare("UPDATE log_entry SET details = json_set(details, '$.fileName', 'other.txt') WHERE seq = 1").run());
    const r = run(ws, ['verify']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^entry_hash_mismatch: log: entry 1 \(seq 1, ingest [0-9a-f]{64}\): .*changed after it was logged/m);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('finds two log entries swapped', () => {
    const ws = copy();
    withDb(ws, (db) => {
      db.prepare('UPDATE log_entry SET seq = -1 WHERE seq = 0').run();
      db.prepare('UPDATE log_entry SET seq = 0 WHERE seq = 1').run();
      db.prepare('UPDATE log_entry SET seq = 1 WHERE seq = -1').run();
      // Only the row keys move, so position 0 now holds the content logged as seq 1.
    });
    const r = run(ws, ['verify']);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^entry_hash_mismatch: log: entry 0 /m);
    expect(r.stdout).toMatch(/^entry_hash_mismatch: log: entry 1 /m);
  });

  it('finds a rewritten history re-signed with the workspace key, against the older checkpoint kept outside', () => {
    const ws = copy();
    withDb(ws, (db) => {
      // The forger edits entry 0 and recomputes every stored leaf hash, so the log is
      // self-consistent again, then signs a fresh checkpoint with the workspace key.
      const entries = readLog(db);
      entries[0]!.details = { ...entries[0]!.details, fileName: 'forged.txt' };
      const st = db.prepare('UPDATE log_entry SET details = ?, leaf_hash = ? WHERE seq = ?');
      for (const e of entries) st.run(JSON.stringify(e.details), hashLogEntry(e), e.seq);
    });
    const resigned = run(ws, ['checkpoint', '-o', join(tempDir(), 'forged-ck.txt')]);
    expect(resigned.status, resigned.stderr).toBe(0);
    expect(run(ws, ['verify']).status).toBe(0); // on its own the rewritten log looks whole
    const r = run(ws, ['verify', '--checkpoint', checkpointFile]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^not_a_prefix: log: checkpoint of size 3 is not a prefix of this log/m);
  });

  it('refuses a checkpoint whose text was altered', () => {
    const ws = copy();
    const forged = join(outside, 'ck-altered.txt');
    writeFileSync(forged, readFileSync(checkpointFile, 'utf8').replace(/^3$/m, '2'));
    const r = run(ws, ['verify', '--checkpoint', forged]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^signature_invalid: log: checkpoint for daftar\.local\/[0-9a-f]+: signature by .* is invalid/m);
  });

  it('signs nothing when the log does not verify', () => {
    const ws = copy();
    withDb(ws, (db) => db.prepare("UPDATE log_entry SET actor = 'mallory' WHERE seq = 2").run());
    const r = run(ws, ['checkpoint']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/the log does not verify/);
    expect(r.stdout).toBe('');
  });
});
