// Every file of the hostile-input corpus goes through readDocument with the default limits:
// no crash, no hang, either a ReadResult or a DaftarError with a known code and one line; and
// the outcome the manifest asks for where it states one. The files are the copy in
// test/fixtures/hostile (sha256-checked); where the shared corpus is present too
// (DAFTAR_DATA or ../shared/data), its files that may not be copied (pdf.js bug-report PDFs,
// unlicensed EXIF samples) are read as well.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS, type ReadResult } from '../../src/ingest/types.js';
import { ERROR_CODES, isDaftarError } from '../../src/model/errors.js';
import { DocumentMetadata } from '../../src/model/schema.js';
import { normalizeText } from '../../src/text/normalize.js';

interface ManifestEntry {
  path: string;
  sha256: string;
  what_is_odd: string;
  expected_behaviour: string;
}

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURES = resolve(repo, 'test/fixtures/hostile');
const SHARED = resolve(process.env.DAFTAR_DATA ?? resolve(repo, '../shared/data'), 'hostile');

const copied: (ManifestEntry & { dir: string })[] = (JSON.parse(readFileSync(resolve(FIXTURES, 'manifest.json'), 'utf8')) as ManifestEntry[]).map((e) => ({ ...e, dir: FIXTURES }));
const localOnly = existsSync(resolve(SHARED, 'manifest.json'))
  ? (JSON.parse(readFileSync(resolve(SHARED, 'manifest.json'), 'utf8')) as ManifestEntry[])
      .filter((e) => !copied.some((c) => c.path === e.path))
      .map((e) => ({ ...e, dir: SHARED }))
  : [];

type Outcome = { result: ReadResult } | { error: unknown } | { timedOut: true };

async function readWithDeadline(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<Outcome>((res) => {
    timer = setTimeout(() => res({ timedOut: true }), DEFAULT_READ_LIMITS.timeoutMs + 5_000);
  });
  try {
    return await Promise.race([
      readDocument({ bytes, fileName, limits: DEFAULT_READ_LIMITS }).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

const CONTROL_TEXT = 'Daftar hostile-input control: plain text PDF.';
const CABINET_TEXT = 'This is a test document.';

/** What the manifest asks for, per file, where it names an outcome. */
interface Expectation {
  error?: string; // a DaftarError with this code
  mediaType?: string;
  kind?: string;
  textIncludes?: string;
  textEmpty?: boolean;
  flags?: string[];
  check?: (r: ReadResult) => void;
}

const EXPECTED: Record<string, Expectation> = {
  'pdf/cabinet-of-horrors/corruptionOneByteMissing.pdf': { mediaType: 'pdf', textIncludes: CABINET_TEXT },
  'pdf/cabinet-of-horrors/encryption_openpassword.pdf': { error: 'encrypted_pdf' },
  'pdf/cabinet-of-horrors/encryption_notextaccess.pdf': { textIncludes: CABINET_TEXT, flags: ['encrypted_extraction_allowed'] },
  'pdf/cabinet-of-horrors/encryption_nocopy.pdf': { textIncludes: CABINET_TEXT, flags: ['encrypted_extraction_allowed'] },
  'pdf/cabinet-of-horrors/javascript.pdf': { textIncludes: 'JavaScript example', flags: ['has_javascript'] },
  'pdf/cabinet-of-horrors/externalLink.pdf': { textIncludes: 'Link to external document', flags: ['has_external_links'] },
  'pdf/cabinet-of-horrors/webCapture.pdf': { textIncludes: 'Web Capture' },
  'pdf/cabinet-of-horrors/fileAttachment.pdf': { textIncludes: 'file attachment', flags: ['has_attachments'] },
  'pdf/cabinet-of-horrors/fileAttachment_fileAttachmentAnnotation.pdf': { textIncludes: 'file attachment', flags: ['has_attachments'] },
  'pdf/cabinet-of-horrors/text_only_fontsNotEmbedded.pdf': { textIncludes: CABINET_TEXT },
  'pdf/cabinet-of-horrors/calistoMTNoFontsEmbedded.pdf': { textIncludes: 'Calisto MT' },
  // The two veraPDF "HiRes" files are image-only pages (no font, no text operator): the
  // manifest's generic "text extracted" cannot hold; an empty text flagged for OCR is right.
  'pdf/cabinet-of-horrors/veraPDFHiResWrongObjectID.pdf': { kind: 'report', textEmpty: true, flags: ['needs_ocr'] },
  'pdf/cabinet-of-horrors/veraPDFHiResChangedHeight.pdf': { kind: 'report', textEmpty: true, flags: ['needs_ocr'] },
  'pdf/cabinet-of-horrors/pdf-17-header18.pdf': { textIncludes: CABINET_TEXT },
  'pdf/cabinet-of-horrors/text_only_pdfa1b.pdf': { mediaType: 'pdf', kind: 'report', textIncludes: CABINET_TEXT },
  'pdf/made/control-minimal.pdf': { mediaType: 'pdf', textIncludes: CONTROL_TEXT },
  'pdf/made/zero-bytes.pdf': { error: 'empty_file' },
  'pdf/made/html-named-pdf.pdf': { mediaType: 'html', textIncludes: 'I am HTML, not a PDF.' },
  'pdf/made/junk-before-header.pdf': { mediaType: 'pdf', textIncludes: CONTROL_TEXT },
  'pdf/made/xref-offsets-wrong.pdf': { textIncludes: CONTROL_TEXT },
  'pdf/made/aes256-user-password.pdf': { error: 'encrypted_pdf' },
  'pdf/made/aes256-owner-only-no-extract.pdf': { textIncludes: CONTROL_TEXT, flags: ['encrypted_extraction_allowed'] },
  'pdf/made/scanned-image-only.pdf': { mediaType: 'pdf', kind: 'report', textEmpty: true, flags: ['needs_ocr'] },
  'docx/mammoth/comments.docx': { mediaType: 'docx', textIncludes: 'Ouch.', flags: ['has_comments'] },
  'docx/mammoth/footnotes.docx': { textIncludes: 'A tachyon walks into a bar.' },
  'docx/mammoth/endnotes.docx': { textIncludes: 'A tachyon walks into a bar.' },
  'docx/mammoth/footnote-hyperlink.docx': { flags: ['has_external_links'] },
  'docx/mammoth/text-box.docx': { textIncludes: 'Datum plane' },
  'docx/mammoth/tables.docx': { check: (r) => expect(r.text).toBe('Above\n\nTop left\n\nTop right\n\nBottom left\n\nBottom right\n\nBelow') },
  'docx/mammoth/strict-format.docx': { textIncludes: 'Test' },
  'docx/mammoth/utf8-bom.docx': { textIncludes: 'This XML has a byte order mark.' },
  'docx/mammoth/empty.docx': { mediaType: 'docx', textEmpty: true },
  'docx/mammoth/embedded-style-map.docx': { textIncludes: 'Walking on imported air' },
  'docx/mammoth/strikethrough.docx': { textIncludes: 'Sold out' },
  'docx/made/persian-rtl.docx': { textIncludes: 'گزارش آزمایشی: ۱۲ نفر در ۱۸ دی ۱۳۶۷ بازداشت شدند. (متن ساختگی)', check: (r) => expect(r.metadata.language).toBe('fa') },
  'docx/made/zip-slip-entry.docx': { textIncludes: 'Normal text.', flags: ['unsafe_entry_names'] },
  'docx/made/zip-bomb-part.docx': { error: 'too_large' },
  'docx/made/billion-laughs.docx': { error: 'corrupt_docx' },
  'docx/made/xxe-external-entity.docx': { error: 'corrupt_docx' },
  'docx/made/remote-template.docx': { textIncludes: 'Document with a remote template.', flags: ['has_remote_template'] },
  'docx/made/missing-content-types.docx': { textIncludes: 'No [Content_Types].xml here.' },
  'docx/made/truncated.docx': { error: 'corrupt_docx' },
  'docx/made/pdf-named-docx.docx': { mediaType: 'pdf', textIncludes: CONTROL_TEXT },
  // Manifest asks for an error; we keep the blob as "other" with a flag instead (evidence is
  // never dropped for being in a format we cannot read).
  'docx/made/ole-cfb-header-only.docx': { mediaType: 'other', kind: 'other', textEmpty: true, flags: ['legacy_or_encrypted_office'] },
  'archives/made/zip-slip-relative.zip': { kind: 'other', textEmpty: true, flags: ['unsafe_entry_names'] },
  'archives/made/zip-slip-absolute.zip': { kind: 'other', textEmpty: true, flags: ['unsafe_entry_names'] },
  'archives/made/zip-slip-windows.zip': { kind: 'other', textEmpty: true, flags: ['unsafe_entry_names'] },
  'archives/made/tar-slip-relative.tar': { kind: 'other', textEmpty: true, flags: ['archive', 'unsafe_entry_names'] },
  'archives/made/tar-symlink-escape.tar': { kind: 'other', textEmpty: true, flags: ['archive', 'has_links'] },
  'archives/made/tar-hardlink-absolute.tar': { kind: 'other', textEmpty: true, flags: ['archive', 'has_links'] },
  'archives/made/bomb-512MiB-single.zip': { kind: 'other', textEmpty: true, flags: ['zip_bomb_suspected'] },
  'archives/made/bomb-nested-10x.zip': { kind: 'other', textEmpty: true, flags: ['nested_archives'] },
  'archives/made/many-entries-20000.zip': { kind: 'other', textEmpty: true, check: (r) => expect(r.metadata.extra.entryCount).toBe(20000) },
  'archives/made/duplicate-names.zip': { kind: 'other', flags: ['duplicate_entry_names'] },
  'archives/made/truncated.zip': { kind: 'other', flags: ['corrupt_archive'] },
  'archives/made/zipcrypto-password.zip': { kind: 'other', flags: ['encrypted_archive'] },
  'images/made/gps-exif-xmp-iptc.jpg': {
    mediaType: 'image',
    kind: 'media',
    flags: ['has_gps'],
    check: (r) => {
      expect(r.metadata.extra.gps).toEqual({ lat: 35.6892, lon: 51.389 });
      expect(r.metadata.authors).toEqual(['Witness Name (fictional)']);
      expect(r.metadata.extra.location).toEqual({ city: 'Tehran', country: null });
      expect(r.metadata.published?.value).toBe('2022-09-21');
    },
  },
  'images/made/thumbnail-leak.jpg': { mediaType: 'image', flags: ['has_gps'] },
  'images/made/png-xmp-gps-text-chunk.png': { mediaType: 'image', flags: ['has_gps'] },
  'images/made/webp-xmp-gps.webp': { mediaType: 'image', flags: ['has_gps'] },
  'images/made/truncated.jpg': { mediaType: 'image', kind: 'media', flags: ['truncated', 'has_gps'] },
  'images/made/zero-bytes.jpg': { error: 'empty_file' },
  'images/made/png-named-jpg.jpg': { mediaType: 'image', check: (r) => expect(r.metadata.extra.format).toBe('png') },
  'images/made/decompression-bomb-30000x30000.png': { mediaType: 'image', flags: ['too_many_pixels_to_decode'] },
  'images/made/heic-sample.heic': { mediaType: 'image', kind: 'media', check: (r) => expect(r.metadata.extra.format).toBe('heic') },
  'media/made/wav-with-riff-info.wav': { kind: 'media', check: (r) => expect(Object.keys(r.metadata.extra.riffInfo as object).length).toBeGreaterThan(0) },
  'media/made/wav-truncated.wav': { kind: 'media', flags: ['truncated'] },
  'media/made/wav-header-lies-4GiB.wav': { kind: 'media', flags: ['truncated'] },
};

function checkShape(r: ReadResult): void {
  expect(DocumentMetadata.safeParse(r.metadata).success).toBe(true);
  expect(r.text).toBe(normalizeText(r.text));
  for (const p of r.passages) {
    expect(p.start).toBeGreaterThanOrEqual(0);
    expect(p.end).toBeGreaterThan(p.start);
    expect(p.end).toBeLessThanOrEqual(r.text.length);
    if (p.page !== null) expect(p.page).toBeGreaterThanOrEqual(1);
  }
}

function checkExpectation(path: string, outcome: { result: ReadResult } | { error: unknown }): void {
  const want = EXPECTED[path];
  if (!want) return;
  if (want.error) {
    expect('error' in outcome && isDaftarError(outcome.error) ? outcome.error.code : 'a result').toBe(want.error);
    return;
  }
  if ('error' in outcome) throw new Error(`${path}: expected a result, got ${String(outcome.error)}`);
  const r = outcome.result;
  if (want.mediaType) expect(r.mediaType).toBe(want.mediaType);
  if (want.kind) expect(r.kind).toBe(want.kind);
  if (want.textIncludes) expect(r.text).toContain(want.textIncludes);
  if (want.textEmpty) expect(r.text).toBe('');
  for (const f of want.flags ?? []) expect(r.metadata.flags).toContain(f);
  want.check?.(r);
}

describe('hostile corpus through readDocument', () => {
  // Remote references in the corpus point at 127.0.0.1:9. Every TCP connection (http, https,
  // undici's fetch) goes through Socket#connect, so recording calls there proves nothing was
  // fetched while reading.
  const connections: string[] = [];
  const realConnect = Socket.prototype.connect;
  const realFetch = globalThis.fetch;
  beforeAll(() => {
    Socket.prototype.connect = function (this: Socket, ...args: unknown[]) {
      connections.push(JSON.stringify(args[0]));
      this.destroy(new Error('network disabled in hostile test'));
      return this;
    } as typeof Socket.prototype.connect;
    globalThis.fetch = (async (url: unknown) => {
      connections.push(String(url));
      throw new Error('network disabled in hostile test');
    }) as typeof fetch;
  });
  afterAll(() => {
    Socket.prototype.connect = realConnect;
    globalThis.fetch = realFetch;
    expect(connections).toEqual([]);
  });

  it('has an expectation only for files that exist, and copies that match their sha256', () => {
    for (const path of Object.keys(EXPECTED)) expect(copied.some((e) => e.path === path)).toBe(true);
    for (const e of copied) {
      const digest = createHash('sha256').update(readFileSync(resolve(e.dir, e.path))).digest('hex');
      expect({ path: e.path, digest }).toEqual({ path: e.path, digest: e.sha256 });
    }
  });

  // A synchronous reader cannot be interrupted in-process (the pipeline's worker thread does
  // that), so the test's own budget is twice the reader budget.
  const perFileMs = 2 * DEFAULT_READ_LIMITS.timeoutMs + 10_000;
  for (const entry of [...copied, ...localOnly]) {
    it(`${entry.path}: ${entry.what_is_odd.slice(0, 80)}`, { timeout: perFileMs }, async () => {
      const bytes = new Uint8Array(readFileSync(resolve(entry.dir, entry.path)));
      const fileName = entry.path.split('/').pop()!;
      const outcome = await readWithDeadline(bytes, fileName);
      if ('timedOut' in outcome) throw new Error(`${entry.path}: still reading after ${DEFAULT_READ_LIMITS.timeoutMs} ms`);
      if ('error' in outcome) {
        const err = outcome.error;
        if (!isDaftarError(err)) throw new Error(`${entry.path}: crashed with ${String(err)}`);
        expect(ERROR_CODES).toContain(err.code);
        expect(err.message).not.toMatch(/[\r\n]/);
        expect(err.message.startsWith(`${fileName}:`)).toBe(true);
        expect(err.message).not.toMatch(/\bat .*:\d+:\d+/);
      } else {
        checkShape(outcome.result);
      }
      checkExpectation(entry.path, outcome);
    });
  }
});
