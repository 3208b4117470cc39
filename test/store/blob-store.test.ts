import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BlobStore } from '../../src/store/blobs/blob-store.js';
import { tempDir } from '../helpers/store.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('blob store staging', () => {
  it('stages a small file from one buffer of its own: hash, size, temp copy and bytes agree with the file', async () => {
    const dir = tempDir();
    const blobs = new BlobStore(join(dir, 'blobs'));
    const content = Buffer.from('FICTIONAL page '.repeat(5000) + 'پایان');
    const file = join(dir, 'page.html');
    writeFileSync(file, content);
    const staged = await blobs.stage(file, { maxBytes: 1e9, keepBytesUpTo: 64e6 });
    expect(staged.sha256).toBe(sha(content));
    expect(staged.sizeBytes).toBe(content.length);
    expect(readFileSync(staged.tempPath).equals(content)).toBe(true);
    expect(Buffer.from(staged.bytes!).equals(content)).toBe(true);
    // The whole ArrayBuffer is the file's: the reader pool moves it without copying.
    expect(staged.bytes!.byteOffset).toBe(0);
    expect(staged.bytes!.buffer.byteLength).toBe(content.length);
    await blobs.commit(staged);
    expect(blobs.read(staged.sha256).equals(content)).toBe(true);
  });

  it('stages an empty file, refuses one over the size limit, and keeps no bytes over keepBytesUpTo', async () => {
    const dir = tempDir();
    const blobs = new BlobStore(join(dir, 'blobs'));
    writeFileSync(join(dir, 'empty'), '');
    const empty = await blobs.stage(join(dir, 'empty'), { maxBytes: 1e9, keepBytesUpTo: 64e6 });
    expect([empty.sizeBytes, empty.bytes!.length, empty.sha256]).toEqual([0, 0, sha(new Uint8Array())]);
    const big = Buffer.alloc(3000, 7);
    writeFileSync(join(dir, 'big'), big);
    await expect(blobs.stage(join(dir, 'big'), { maxBytes: 2000, keepBytesUpTo: 64e6 })).rejects.toMatchObject({ code: 'too_large' });
    const unkept = await blobs.stage(join(dir, 'big'), { maxBytes: 1e9, keepBytesUpTo: 1000 });
    expect([unkept.bytes, unkept.sizeBytes, unkept.sha256]).toEqual([null, 3000, sha(big)]);
    expect(readFileSync(unkept.tempPath).equals(big)).toBe(true);
  });

  it('commits a batch: each blob in place, an existing one never overwritten, a failed one costing only itself', async () => {
    const dir = tempDir();
    const blobs = new BlobStore(join(dir, 'blobs'));
    const stageText = async (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return blobs.stage(join(dir, name), { maxBytes: 1e9, keepBytesUpTo: 64e6 });
    };
    const first = await stageText('a', 'FICTIONAL first');
    await blobs.commitMany([first]);
    const again = await stageText('a2', 'FICTIONAL first'); // the same bytes, staged again
    const second = await stageText('b', 'FICTIONAL second');
    const lost = await stageText('c', 'FICTIONAL third');
    blobs.discard(lost); // its temp file is gone: renaming it fails
    const third = await stageText('d', 'FICTIONAL fourth');
    // Temp names are unique within one store.
    expect(new Set([first, again, second, lost, third].map((s) => s.tempPath)).size).toBe(5);
    const outcomes = await blobs.commitMany([again, second, lost, third]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect(blobs.read(first.sha256).toString()).toBe('FICTIONAL first');
    expect(blobs.read(second.sha256).toString()).toBe('FICTIONAL second');
    expect(blobs.read(third.sha256).toString()).toBe('FICTIONAL fourth');
    expect(blobs.has(lost.sha256)).toBe(false);
    expect(existsSync(again.tempPath)).toBe(false); // the duplicate copy was dropped
    expect(readdirSync(blobs.tmpDir)).toEqual([]);
  });
});
