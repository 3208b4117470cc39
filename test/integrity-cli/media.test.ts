// Media through the compiled CLI: near-duplicate images are paired (a resized re-post),
// unrelated ones are not, and exported images carry no GPS unless --keep-metadata.
import exifr from 'exifr';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';
import { run } from './cli.js';

vi.setConfig({ testTimeout: 240_000 }); // each test runs the CLI several times; the shared machine is often loaded

const GPS_JPEG = join(repoRoot, 'test', 'media', 'fixtures', 'gps-exif-xmp-iptc.jpg'); // a real picture with fictional GPS

let ws: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  const original = readFileSync(GPS_JPEG);
  writeFileSync(join(corpus, 'original.jpg'), original);
  // The same picture re-posted: half the size, recompressed, metadata gone.
  const meta = await sharp(original).metadata();
  writeFileSync(join(corpus, 'repost.jpg'), await sharp(original).resize(Math.round(meta.width! / 2)).jpeg({ quality: 60 }).toBuffer());
  // An unrelated picture: stripes.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">${Array.from({ length: 8 }, (_, i) => `<rect x="${i * 40}" y="0" width="20" height="240" fill="#${i % 2 ? '203040' : 'e0c080'}"/>`).join('')}<circle cx="60" cy="180" r="40" fill="#aa2222"/></svg>`;
  writeFileSync(join(corpus, 'other.png'), await sharp(Buffer.from(svg)).png().toBuffer());
  ws = join(dir, 'ws');
  const r = run(ws, ['ingest', corpus, '--json']);
  expect(r.status, r.stderr).toBe(0);
  for (const a of JSON.parse(r.stdout).added as { path: string; id: string }[]) ids[a.path.split('/').pop()!] = a.id;
  expect(Object.keys(ids).sort()).toEqual(['original.jpg', 'other.png', 'repost.jpg']);
}, 120_000);

describe('daftar media', () => {
  it('pairs the re-post with its original and nothing else', () => {
    const r = run(ws, ['media', 'duplicates', '--json']);
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.fingerprinted).toBe(3);
    expect(out.pairs.map((p: { a: string; b: string }) => [p.a, p.b].sort())).toEqual([[ids['original.jpg'], ids['repost.jpg']].sort()]);
    // Fingerprints are stored: a second run computes none.
    expect(JSON.parse(run(ws, ['media', 'duplicates', '--json']).stdout).fingerprinted).toBe(0);
  });

  it('exports an image without GPS, and with it only on --keep-metadata', async () => {
    expect((await exifr.gps(readFileSync(GPS_JPEG)))?.latitude).toBeDefined(); // the fixture carries GPS
    const dir = tempDir();
    const clean = join(dir, 'clean.jpg');
    const r = run(ws, ['media', 'export', ids['original.jpg']!.slice(0, 16), '-o', clean]);
    expect(r.status, r.stderr).toBe(0);
    const bytes = readFileSync(clean);
    expect(bytes.subarray(0, 2).toString('hex')).toBe('ffd8'); // still a JPEG
    expect(await exifr.gps(bytes)).toBeUndefined();
    expect(await exifr.parse(bytes, { gps: true, tiff: true, exif: true, xmp: true })).toBeUndefined();
    const kept = join(dir, 'kept.jpg');
    expect(run(ws, ['media', 'export', ids['original.jpg']!, '-o', kept, '--keep-metadata']).status).toBe(0);
    expect(readFileSync(kept).equals(readFileSync(GPS_JPEG))).toBe(true);
  });
});
