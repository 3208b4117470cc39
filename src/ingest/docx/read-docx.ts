// DOCX -> text with mammoth, behind our own zip checks.
//
// mammoth (through JSZip) would trust the archive's declared sizes and inflate whatever it
// is asked for. So we read the central directory first, refuse bombs on declared sizes, then
// inflate only the XML parts ourselves with a hard cap on actual output, refuse DTDs (Word
// never writes them; they carry billion-laughs and external-entity tricks), and give
// mammoth a fresh, uncompressed zip of just those parts. Images are never read, external
// relationship targets (remote templates, linked pictures) are recorded, never fetched.
import { Parser } from 'htmlparser2';
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { DaftarError } from '../../model/errors.js';
import { normalizeText } from '../../text/normalize.js';
import { looksLikeTestimony } from '../text/kind.js';
import { textResult } from '../text/read-result.js';
import type { ReadInput, ReadResult } from '../types.js';
import { extractEntry, isUnsafeEntryName, readCentralDirectory, ZipEntryError, type ZipEntry } from '../zip/central-directory.js';

/** Declared uncompressed total above which a DOCX is refused. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** Compression ratio that marks a big entry as a bomb (real XML compresses 5-20:1). */
export const MAX_DOCX_RATIO = 100;
const RATIO_CHECK_MIN_BYTES = 1024 * 1024;
const MAX_PART_BYTES = 32 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
const MAX_RECORDED_TARGETS = 20;

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/** Refuse on what the central directory declares, before inflating anything. */
function checkBomb(name: string, entries: ZipEntry[], declaredEntries: number): void {
  if (declaredEntries > MAX_ENTRIES) {
    throw new DaftarError('too_large', `${name}: Word file holds ${declaredEntries} parts (limit ${MAX_ENTRIES}); not read`);
  }
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > RATIO_CHECK_MIN_BYTES && ratio > MAX_DOCX_RATIO) {
      throw new DaftarError('too_large', `${name}: part ${e.name} expands ${Math.round(ratio)}:1 to ${mb(e.uncompressedSize)}, a zip bomb; not read`);
    }
  }
  if (total > MAX_DOCX_UNCOMPRESSED_BYTES) {
    throw new DaftarError('too_large', `${name}: Word file expands to ${mb(total)} (limit ${mb(MAX_DOCX_UNCOMPRESSED_BYTES)}); not read`);
  }
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\ufffd';
    }
    return XML_ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Text of the first element with this local name (any namespace prefix). */
function xmlElementText(xml: string, localName: string): string | null {
  const m = new RegExp(`<(?:[\\w.-]+:)?${localName}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>`).exec(xml);
  if (!m) return null;
  const s = normalizeText(decodeXmlText(m[1]!.replace(/<[^>]*>/g, ''))).replace(/\n+/g, ' ');
  return s || null;
}

interface HtmlBlocks {
  paragraphs: string[];
  firstHeading: string | null;
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'td', 'th', 'caption', 'blockquote']);

/** mammoth's HTML -> paragraph texts; footnote back-links ("↑") dropped. */
function htmlToParagraphs(html: string): HtmlBlocks {
  const paragraphs: string[] = [];
  let firstHeading: string | null = null;
  let buf = '';
  let skipDepth = 0;
  let headingOpen = false;
  const flush = () => {
    const t = buf.replace(/[ \t]+/g, ' ').trim();
    if (t) {
      paragraphs.push(t);
      if (headingOpen && firstHeading === null) firstHeading = t;
    }
    buf = '';
  };
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (skipDepth > 0 || (tag === 'a' && (attrs.href ?? '').startsWith('#footnote-ref-')) || (tag === 'a' && (attrs.href ?? '').startsWith('#endnote-ref-'))) {
          skipDepth++;
          return;
        }
        if (BLOCK_TAGS.has(tag)) {
          flush();
          headingOpen = /^h[1-6]$/.test(tag);
        } else if (tag === 'br') buf += '\n';
      },
      ontext(text) {
        if (skipDepth === 0) buf += text;
      },
      onclosetag(tag) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (BLOCK_TAGS.has(tag)) {
          flush();
          headingOpen = false;
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return { paragraphs, firstHeading };
}

function isNeededPart(name: string): boolean {
  return name === '[Content_Types].xml' || /\.(xml|rels)$/i.test(name);
}

/**
 * Text of a Word (.docx) file: body, tables, text boxes, footnotes and endnotes; title,
 * creator and created date from docProps/core.xml. Throws corrupt_docx or too_large.
 */
export async function readDocx(input: ReadInput): Promise<ReadResult> {
  const name = input.fileName ?? 'DOCX';
  const directory = readCentralDirectory(input.bytes, MAX_ENTRIES + 1);
  if (!directory) throw new DaftarError('corrupt_docx', `${name}: damaged Word file (zip archive is truncated or corrupt); cannot read its text`);
  checkBomb(name, directory.entries, directory.declaredEntries);

  const flags = new Set<string>();
  const parts: Record<string, Uint8Array> = {};
  let inflated = 0;
  for (const entry of directory.entries) {
    if (isUnsafeEntryName(entry.name)) {
      // Zip-slip bait; we never write entries to disk, and mammoth must not see it either.
      flags.add('unsafe_entry_names');
      continue;
    }
    if (!isNeededPart(entry.name) || entry.name.endsWith('/')) continue;
    if (parts[entry.name]) {
      flags.add('duplicate_entry_names');
      continue;
    }
    if (entry.flags & 1) throw new DaftarError('corrupt_docx', `${name}: Word file is password-protected; cannot read its text`);
    let data: Uint8Array;
    try {
      data = extractEntry(input.bytes, entry, Math.min(MAX_PART_BYTES, MAX_DOCX_UNCOMPRESSED_BYTES - inflated));
    } catch (err) {
      if (err instanceof ZipEntryError) throw new DaftarError('corrupt_docx', `${name}: damaged Word file (${err.message}); cannot read its text`, { cause: err });
      throw err;
    }
    inflated += data.length;
    parts[entry.name] = data;
  }
  if (!parts['word/document.xml']) throw new DaftarError('corrupt_docx', `${name}: not a Word document (no word/document.xml); cannot read its text`);

  const decoder = new TextDecoder('utf-8');
  const externalTargets: string[] = [];
  for (const [partName, data] of Object.entries(parts)) {
    // A DTD in the first 4 KB is where entity declarations live; Word never writes one.
    const head = decoder.decode(data.subarray(0, 4096));
    if (/<!DOCTYPE|<!ENTITY/i.test(head)) {
      throw new DaftarError('corrupt_docx', `${name}: part ${partName} declares XML entities (a DTD), which Word never writes; refused as unsafe`);
    }
    if (partName.endsWith('.rels')) {
      const xml = decoder.decode(data);
      for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
        const rel = m[0];
        if (!/TargetMode\s*=\s*["']External["']/i.test(rel)) continue;
        const target = /Target\s*=\s*["']([^"']*)["']/.exec(rel)?.[1];
        if (/attachedTemplate/i.test(rel)) flags.add('has_remote_template');
        if (target && /^[a-z][a-z0-9+.-]*:/i.test(target) && !/^mailto:/i.test(target)) flags.add('has_external_links');
        if (target && externalTargets.length < MAX_RECORDED_TARGETS) externalTargets.push(decodeXmlText(target).slice(0, 500));
      }
    }
  }
  if (parts['word/comments.xml']) flags.add('has_comments');

  // Stored entries: mammoth unpacks nothing we have not already bounded.
  const clean = zipSync(parts, { level: 0 });
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(clean.buffer, clean.byteOffset, clean.byteLength) },
      {
        externalFileAccess: false,
        includeEmbeddedStyleMap: false,
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      },
    );
    html = result.value;
  } catch (err) {
    throw new DaftarError('corrupt_docx', `${name}: damaged Word file (its XML does not parse); cannot read its text`, { cause: err });
  }

  const { paragraphs, firstHeading } = htmlToParagraphs(html);
  const text = normalizeText(paragraphs.join('\n\n'));
  const core = parts['docProps/core.xml'] ? decoder.decode(parts['docProps/core.xml']) : '';
  const title = xmlElementText(core, 'title') ?? firstHeading;
  const creator = xmlElementText(core, 'creator');
  const created = xmlElementText(core, 'created');
  const createdDate = created && /^\d{4}-\d{2}-\d{2}/.test(created) && !created.startsWith('1601') ? created.slice(0, 10) : null;
  const extra: Record<string, unknown> = {};
  if (externalTargets.length) extra.externalTargets = externalTargets;
  const lastModifiedBy = xmlElementText(core, 'lastModifiedBy');
  if (lastModifiedBy) extra.lastModifiedBy = lastModifiedBy;
  if (!text) flags.add('no_text');
  return textResult('docx', looksLikeTestimony(title, text) ? 'testimony' : 'report', text, {
    title,
    authors: creator ? [creator] : [],
    // dcterms:created is when the file was first saved, a weak hint of the document's date.
    published: createdDate ? { value: createdDate, evidence: 'docx core.xml dcterms:created', confidence: 0.3 } : null,
    flags: [...flags].sort(),
    extra,
  });
}
