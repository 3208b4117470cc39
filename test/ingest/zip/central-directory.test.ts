import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { extractEntry, isUnsafeEntryName, readCentralDirectory, scanLocalHeaderNames, ZipEntryError } from '../../../src/ingest/zip/central-directory.js';
import { describeZip } from '../../../src/ingest/zip/describe-zip.js';

/** Patch the declared uncompressed size of one entry in the central directory. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): void {
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + 46 < zip.length; p++) {
    if (dv.getUint32(p, true) === 0x02014b50 && dv.getUint16(p + 28, true) === name.length) dv.setUint32(p + 24, size, true);
  }
}

describe('zip central directory', () => {
  const zip = zipSync({ 'word/document.xml': strToU8('<w:document/>'), 'a/b.txt': strToU8('hello hello hello') });

  it('lists entries with declared sizes and extracts them', () => {
    const dir = readCentralDirectory(zip)!;
    expect(dir.declaredEntries).toBe(2);
    expect(dir.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([['word/document.xml', 13], ['a/b.txt', 17]]);
    expect(new TextDecoder().decode(extractEntry(zip, dir.entries[1]!, 1000))).toBe('hello hello hello');
  });

  it('stops inflating at the cap even when the declared size is small', () => {
    const big = zipSync({ 'x.xml': new Uint8Array(3 * 1024 * 1024).fill(0x41) }, { level: 6 });
    lieAboutSize(big, 'x.xml', 10);
    const entry = readCentralDirectory(big)!.entries[0]!;
    expect(entry.uncompressedSize).toBe(10);
    expect(() => extractEntry(big, entry, 1024 * 1024)).toThrow(ZipEntryError);
    expect(() => extractEntry(big, entry, 1024 * 1024)).toThrow(/inflates past 1048576 bytes/);
  });

  it('returns null without an end-of-central-directory record, and local names still show', () => {
    const cut = zip.subarray(0, zip.length - 30);
    expect(readCentralDirectory(cut)).toBeNull();
    expect(scanLocalHeaderNames(cut)).toEqual(['word/document.xml', 'a/b.txt']);
  });

  it('knows which entry names escape their folder', () => {
    expect(['../x', 'a/../../x', '/etc/passwd', '\\\\server\\x', 'C:\\x', 'a\\..\\..\\x'].map(isUnsafeEntryName)).toEqual([true, true, true, true, true, true]);
    expect(['a/b.txt', 'word/document.xml', 'x..y'].map(isUnsafeEntryName)).toEqual([false, false, false]);
  });

  it('describes a suspected bomb from declared sizes without unpacking it', () => {
    const bomb = zipSync({ 'zeros.bin': new Uint8Array(16).fill(0) });
    lieAboutSize(bomb, 'zeros.bin', 512 * 1024 * 1024);
    const d = describeZip(bomb);
    expect(d.flags).toEqual(['archive', 'zip_bomb_suspected']);
    expect(d.extra.declaredUncompressedBytes).toBe(512 * 1024 * 1024);
  });
});
