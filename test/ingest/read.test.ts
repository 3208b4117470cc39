import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../../src/ingest/types.js';
import { isDaftarError } from '../../src/model/errors.js';
import { DocumentMetadata } from '../../src/model/schema.js';
import { makeDocx } from './helpers/make-docx.js';
import { makePdf } from './helpers/make-pdf.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (bytes: Uint8Array, fileName: string | null, limits: ReadLimits = DEFAULT_READ_LIMITS) => readDocument({ bytes, fileName, limits });

describe('readDocument', () => {
  it('dispatches on the bytes, not the name', async () => {
    const cases: [Uint8Array, string, string, string][] = [
      [makePdf({ pages: [[['A PDF named docx.']]] }), 'x.docx', 'pdf', 'report'],
      [makeDocx({ paragraphs: ['A Word file named pdf.'] }), 'x.pdf', 'docx', 'report'],
      [utf8('<!doctype html><html><head><title>T</title></head><body><article><p>An HTML page named txt, with enough words to count as the main text of the page.</p></article></body></html>'), 'x.txt', 'html', 'article'],
      [utf8('Plain words in a file named html.'), 'x.html', 'text', 'article'],
      [utf8('# Heading\n\nMarkdown named txt, see [a](b).'), 'x.txt', 'markdown', 'article'],
      [new Uint8Array([0, 0, 0, 0x18, ...utf8('ftypisom'), 0, 0, 2, 0, ...utf8('isomiso2')]), 'x.txt', 'video', 'media'],
    ];
    for (const [bytes, name, mediaType, kind] of cases) {
      const r = await read(bytes, name);
      expect({ name, mediaType: r.mediaType, kind: r.kind }).toEqual({ name, mediaType, kind });
      expect(DocumentMetadata.safeParse(r.metadata).success).toBe(true);
    }
  });

  it('keeps unknown bytes as kind other with empty text, never dropped', async () => {
    const r = await read(new Uint8Array([0x00, 0x01, 0x02, 0xfe, 0xff, 0x10, 0x80, 0x00]), 'weird.html');
    expect(r).toMatchObject({ mediaType: 'other', kind: 'other', text: '', passages: [], sections: [] });
  });

  it('records what a plain zip holds without unpacking it', async () => {
    const r = await read(zipSync({ '../escape.txt': strToU8('x'), 'a.txt': strToU8('y') }), 'bundle.zip');
    expect(r.kind).toBe('other');
    expect(r.metadata.flags).toEqual(['archive', 'unsafe_entry_names']);
    expect(r.metadata.extra).toMatchObject({ format: 'zip', entryCount: 2 });
  });

  it('does not parse files above maxParseBytes and says so', async () => {
    const pdf = makePdf({ pages: [[['Too big to parse under this limit.']]] });
    const r = await read(pdf, 'big.pdf', { ...DEFAULT_READ_LIMITS, maxParseBytes: 100 });
    expect(r).toMatchObject({ mediaType: 'pdf', kind: 'other', text: '' });
    expect(r.metadata.flags).toEqual(['too_large_to_parse']);
  });

  it('throws empty_file for zero bytes', async () => {
    const err = await read(new Uint8Array(0), 'nothing.pdf').catch((e: unknown) => e);
    expect(isDaftarError(err) && err.code).toBe('empty_file');
    expect((err as Error).message).toBe('nothing.pdf: file is empty; nothing to store');
  });
});
