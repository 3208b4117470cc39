import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sniffFormat, sniffMediaType } from '../../src/ingest/sniff.js';
import { makeDocx } from './helpers/make-docx.js';
import { makeJpegWithExif } from './helpers/make-jpeg.js';
import { makePdf } from './helpers/make-pdf.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => new Uint8Array(b);

function pseudoRandomJunk(n: number, seed = 7): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

describe('sniffMediaType', () => {
  it('finds a PDF by its header, also after junk in the first KB, whatever the name', () => {
    const pdf = makePdf({ pages: [[['Hello']]] });
    expect(sniffMediaType(pdf, 'report.docx')).toBe('pdf');
    expect(sniffMediaType(makePdf({ pages: [[['x']]], junkBefore: 'J'.repeat(900) }), null)).toBe('pdf');
    // Past 1 KB of junk the header no longer counts.
    expect(sniffMediaType(makePdf({ pages: [[['x']]], junkBefore: '\u0001'.repeat(1100) }), 'a.pdf')).toBe('other');
  });

  it('calls a zip a docx only when it holds word/document.xml', () => {
    expect(sniffMediaType(makeDocx({ paragraphs: ['x'] }), 'x.zip')).toBe('docx');
    const plainZip = zipSync({ 'notes/a.txt': strToU8('hello'), 'b.xml': strToU8('<a/>') });
    expect(sniffMediaType(plainZip, 'fake.docx')).toBe('other');
    expect(sniffFormat(plainZip, 'fake.docx')).toBe('zip');
  });

  it('recognises a docx from its local headers when the central directory is cut off', () => {
    const docx = makeDocx({ paragraphs: ['x'] });
    expect(sniffMediaType(docx.subarray(0, docx.length - 60), null)).toBe('docx');
  });

  it('knows image signatures', () => {
    const jpeg = makeJpegWithExif({ make: 'M', model: 'N', dateTimeOriginal: '2020:01:02 03:04:05', lat: [1, 2, 3], latRef: 'N', lon: [4, 5, 6], lonRef: 'E', width: 10, height: 10 });
    expect(sniffFormat(jpeg, 'x.png')).toBe('jpeg');
    expect(sniffFormat(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), 'x.jpg')).toBe('png');
    expect(sniffFormat(utf8('GIF89a\x01\x00\x01\x00'), null)).toBe('gif');
    expect(sniffFormat(utf8('RIFF\x10\x00\x00\x00WEBPVP8X'), null)).toBe('webp');
    expect(sniffFormat(bytes(0x49, 0x49, 0x2a, 0, 8, 0, 0, 0), null)).toBe('tiff');
    const heic = new Uint8Array([0, 0, 0, 0x18, ...utf8('ftypheic'), 0, 0, 0, 0, ...utf8('mif1heic')]);
    expect(sniffFormat(heic, null)).toBe('heic');
    for (const img of [jpeg, heic]) expect(sniffMediaType(img, null)).toBe('image');
  });

  it('knows video containers (and files audio as time-based media)', () => {
    const mp4 = new Uint8Array([0, 0, 0, 0x18, ...utf8('ftypisom'), 0, 0, 2, 0, ...utf8('isomiso2')]);
    const mov = new Uint8Array([0, 0, 0, 0x14, ...utf8('ftypqt  '), 0, 0, 0, 0, ...utf8('qt  ')]);
    const webm = bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84, ...utf8('webm'));
    const mkv = bytes(0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88, ...utf8('matroska'));
    const avi = utf8('RIFF\x10\x00\x00\x00AVI LIST');
    expect([mp4, mov, webm, mkv, avi].map((b) => sniffFormat(b, null))).toEqual(['mp4', 'mov', 'webm', 'mkv', 'avi']);
    for (const v of [mp4, mov, webm, mkv, avi]) expect(sniffMediaType(v, 'clip.txt')).toBe('video');
    expect(sniffFormat(utf8('RIFF\x10\x00\x00\x00WAVEfmt '), null)).toBe('wav');
  });

  it('finds HTML at the start after BOM, whitespace, XML declaration or comments', () => {
    expect(sniffMediaType(utf8('\ufeff  \n<!DOCTYPE html><html><body>x'), 'page.txt')).toBe('html');
    expect(sniffMediaType(utf8('<!-- saved from url --><html>'), null)).toBe('html');
    expect(sniffMediaType(utf8('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'), null)).toBe('html');
    expect(sniffMediaType(utf8('<p>Just a paragraph</p>'), null)).toBe('html');
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'<html><body>hi'].map((c) => c.charCodeAt(0))).buffer)]);
    expect(sniffMediaType(utf16, null)).toBe('html');
    // Prose that merely mentions a tag is text.
    expect(sniffMediaType(utf8('Use the <html> element to start a page.'), 'notes.txt')).toBe('text');
  });

  it('sniffs binary junk named .html (or .txt or .md) as other', () => {
    const junk = pseudoRandomJunk(4096);
    expect(sniffMediaType(junk, 'index.html')).toBe('other');
    expect(sniffMediaType(junk, 'notes.txt')).toBe('other');
    expect(sniffMediaType(junk, 'readme.md')).toBe('other');
    expect(sniffMediaType(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), 'old.docx')).toBe('other');
  });

  it('tells text from markdown by name or structure', () => {
    const prose = utf8('Witness account, recorded in 2019.\n\nShe said the camp was full.');
    expect(sniffMediaType(prose, 'account.txt')).toBe('text');
    expect(sniffMediaType(prose, 'account.md')).toBe('markdown');
    expect(sniffMediaType(utf8('# Report\n\nSee [the annex](annex.html).\n\n## Findings\n- one\n'), 'report.txt')).toBe('markdown');
    expect(sniffMediaType(utf8('---\ntitle: T\ndate: 2020-01-01\n---\nBody'), null)).toBe('markdown');
  });

  it('accepts Persian UTF-8 and UTF-16 with a BOM as text, and rejects invalid UTF-8', () => {
    expect(sniffMediaType(utf8('گزارش آزمایشی درباره بازداشت‌ها.'), null)).toBe('text');
    const be = new Uint8Array([0xfe, 0xff, 0x06, 0x2f, 0x06, 0x31, 0x00, 0x20, 0x06, 0x27]);
    expect(sniffMediaType(be, null)).toBe('text');
    // Not UTF-8 and full of control bytes: binary.
    expect(sniffMediaType(bytes(0x61, 0x01, 0xc3, 0x28, 0x02, 0x62, 0x00, 0x90), null)).toBe('other');
  });

  it('accepts legacy windows-1256 Persian and windows-1252 Latin text, which are not UTF-8', () => {
    const cp1256 = new Uint8Array([0xc7, 0xed, 0xe4, 0x20, 0xe3, 0xca, 0xe4, 0x20, 0xd3, 0xc7, 0xce, 0xca, 0xdf, 0xed, 0x20, 0xc7, 0xd3, 0xca, 0x2e, 0x20]).slice();
    const repeated = new Uint8Array(Array.from({ length: 5 }, () => [...cp1256]).flat());
    expect(sniffFormat(repeated, 'old.txt')).toBe('text');
    expect(sniffFormat(bytes(...Buffer.from('Caf\xe9 na\xefve, a short note in Latin-1.', 'latin1')), null)).toBe('text');
  });

  it('never throws on tiny or empty inputs', () => {
    for (let n = 0; n < 16; n++) expect(() => sniffMediaType(pseudoRandomJunk(n, n + 1), 'x.pdf')).not.toThrow();
    expect(sniffMediaType(new Uint8Array(0), 'x.txt')).toBe('other');
  });
});
