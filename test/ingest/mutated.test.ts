// Valid files of every format, damaged at random (bytes overwritten, cut short, a run of
// bytes repeated): readDocument must still return a ReadResult or throw a DaftarError with a
// known code and a one-line message, never anything else.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import { ERROR_CODES, isDaftarError } from '../../src/model/errors.js';
import { makeDocx } from './helpers/make-docx.js';
import { makePdf } from './helpers/make-pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const SEEDS: Record<string, Uint8Array> = {
  'seed.pdf': makePdf({ pages: [[['A page of text.'], ['Another paragraph.']], [['Page two.']]], info: { Title: 'T', CreationDate: 'D:20200101' } }),
  'seed.docx': makeDocx({ paragraphs: ['First paragraph.', 'Second paragraph.'], core: { title: 'T', creator: 'C', created: '2020-01-01T00:00:00Z' } }),
  'seed.jpg': new Uint8Array(readFileSync(resolve(here, '../fixtures/ingest/image/exif-gps-fictional.jpg'))),
  'seed.rtf': new TextEncoder().encode(String.raw`{\rtf1\ansi\ansicpg1256{\fonttbl{\f0 Arial;}}{\info{\title T}}\f0 Hello \'90\'d2\u1575?\par World\par}`),
  'seed.txt': new TextEncoder().encode('Title line here\n\nPublished 3 March 2019\n\nA paragraph of prose that ends with a full stop, long enough to count.\n'),
  'seed.md': new TextEncoder().encode('---\ntitle: T\n---\n# Heading\n\nSome [link](x) text.\n'),
};

function damage(bytes: Uint8Array, kind: number, at: number, value: number, length: number): Uint8Array {
  const out = bytes.slice();
  const p = at % Math.max(1, out.length);
  if (kind === 0) {
    for (let i = 0; i < length && p + i < out.length; i++) out[p + i] = (value + i * 31) & 0xff;
    return out;
  }
  if (kind === 1) return out.subarray(0, p);
  const run = out.subarray(p, Math.min(out.length, p + length));
  return new Uint8Array([...out.subarray(0, p), ...run, ...run, ...out.subarray(p)]);
}

describe('readDocument on damaged files', () => {
  for (const [name, seed] of Object.entries(SEEDS)) {
    it(`${name}: a result or a one-line DaftarError, whatever the damage`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: 2 }), fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 64 }), async (kind, at, value, length) => {
          const bytes = damage(seed, kind, at, value, length);
          try {
            const r = await readDocument({ bytes, fileName: name, limits: DEFAULT_READ_LIMITS });
            for (const p of r.passages) expect(p.end).toBeLessThanOrEqual(r.text.length);
          } catch (err) {
            if (!isDaftarError(err)) throw err;
            expect(ERROR_CODES).toContain(err.code);
            expect(err.message).not.toMatch(/[\r\n]/);
          }
        }),
        { numRuns: 40, seed: 20261123 },
      );
    });
  }
});
