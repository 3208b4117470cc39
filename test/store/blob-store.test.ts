import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
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
});
