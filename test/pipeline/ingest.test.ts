import { closeSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { defaultIngestOptions, ingestPaths } from '../../src/pipeline/ingest.js';
import { openWorkspace } from '../../src/pipeline/workspace.js';
import { tempDir } from '../helpers/store.js';

const page = (i: number) =>
  `<html><body><article><p>FICTIONAL report number ${i}. The committee met in Talvareh and published findings on the flood response in the eastern villages.</p></article></body></html>`;

function workspace() {
  const ws = openWorkspace(join(tempDir(), 'ws'), { create: true });
  onTestFinished(() => ws.close());
  return ws;
}

describe('ingest pipeline', () => {
  it('reports a file deleted in the middle of a batch and ingests the rest', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 12 }, (_, i) => join(dir, `page-${String(i).padStart(2, '0')}.html`));
    files.forEach((f, i) => writeFileSync(f, page(i)));
    const ws = workspace();
    const options = { ...defaultIngestOptions(), workers: 0 };
    // After the first file is done, at most the first three have been started:
    // removing the eleventh then is "deleted while the batch runs".
    options.onProgress = (p) => {
      if (p.done === 1) rmSync(files[10]!);
    };
    const report = await ingestPaths(ws, [dir], options);
    expect(report.failed).toEqual([{ path: files[10], code: 'not_found', message: `${files[10]}: no such file or folder` }]);
    expect(report.added).toHaveLength(11);
    expect(await ws.store.countDocuments()).toBe(11);
    expect(ws.blobs.cleanTmp()).toBe(0); // nothing left half-written
  });

  it('hashes a 300 MB file in a stream with flat memory and keeps it as a blob of kind other', async () => {
    const dir = tempDir();
    const big = join(dir, 'big.bin');
    const fd = openSync(big, 'w');
    const chunk = Buffer.alloc(1024 * 1024);
    for (let i = 0; i < 300; i++) {
      chunk.fill(i % 256);
      writeSync(fd, chunk);
    }
    closeSync(fd);
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const ws = workspace();
    const before = process.resourceUsage().maxRSS;
    const report = await ingestPaths(ws, [big], { ...defaultIngestOptions(), workers: 0 });
    const grownMb = (process.resourceUsage().maxRSS - before) / 1024;
    expect(report.failed).toEqual([]);
    const doc = await ws.store.getDocument(report.added[0]!.id);
    expect(doc).toMatchObject({ sizeBytes: 300 * 1024 * 1024, documentKind: 'other' });
    expect(doc!.metadata.flags).toContain('too_large_to_parse');
    expect(ws.blobs.sizeOf(doc!.id)).toBe(300 * 1024 * 1024);
    expect(grownMb).toBeLessThan(100); // 1 MiB chunks, never the whole file
  });

  it('stores the same bytes under two names once', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.html'), page(1));
    writeFileSync(join(dir, 'b.html'), page(1));
    const ws = workspace();
    const report = await ingestPaths(ws, [dir], { ...defaultIngestOptions(), workers: 0 });
    expect(report.added).toHaveLength(1);
    expect(report.present).toHaveLength(1);
    expect(await ws.store.logSize()).toBe(1);
  });

  it('never ingests its own workspace folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.html'), page(1));
    const ws = openWorkspace(join(dir, 'ws'), { create: true });
    onTestFinished(() => ws.close());
    const report = await ingestPaths(ws, [dir], { ...defaultIngestOptions(), workers: 0 });
    expect(report.added.map((a) => a.path)).toEqual([join(dir, 'a.html')]);
  });

  it('writes rows in batches only once their blobs are in place, and one bad document costs only itself', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 150 }, (_, i) => join(dir, `page-${String(i).padStart(3, '0')}.html`));
    files.forEach((f, i) => writeFileSync(f, page(i)));
    const ws = workspace();
    const put = ws.store.putDocuments.bind(ws.store);
    const batches: number[] = [];
    let poison: string | null = null;
    ws.store.putDocuments = async (items) => {
      // Every blob a row will refer to is already in place (renamed from tmp/, folder synced).
      for (const it of items) expect(ws.blobs.has(it.doc.id)).toBe(true);
      batches.push(items.length);
      poison ??= items[3]?.doc.id ?? null;
      if (items.some((it) => it.doc.id === poison)) throw new Error('disk full (simulated)');
      return put(items);
    };
    const report = await ingestPaths(ws, [dir], { ...defaultIngestOptions(), workers: 0 });
    // more than one document per transaction
    expect(Math.max(...batches)).toBeGreaterThan(1);
    expect(report.failed.map((f) => f.message)).toEqual(['disk full (simulated)']);
    expect(report.added).toHaveLength(149);
    expect(await ws.store.countDocuments()).toBe(149);
    expect(await ws.store.logSize()).toBe(149);
    expect(ws.blobs.cleanTmp()).toBe(0);
  });
});
