// What a file IS, from its bytes. The file name only breaks a tie between plain text and
// Markdown; a ".html" full of binary junk is "other", a PDF named ".docx" is "pdf".
import type { MediaType } from '../model/schema.js';
import { controlCharRatio, decodeSample, detectBomOrUtf16, detectTextEncoding } from './text/decode.js';
import { looksLikeZip, readCentralDirectory, scanLocalHeaderNames } from './zip/central-directory.js';
import { looksLikeTar } from './zip/describe-tar.js';

/** Finer format than MediaType, for metadata.extra.format and for readers that care. */
export type SniffedFormat =
  | 'pdf' | 'docx' | 'zip' | 'tar' | 'gzip' | '7z' | 'rar' | 'ole' | 'rtf' | 'html' | 'text' | 'markdown'
  | 'jpeg' | 'png' | 'gif' | 'webp' | 'heic' | 'avif' | 'tiff' | 'bmp'
  | 'mp4' | 'mov' | 'webm' | 'mkv' | 'avi'
  | 'wav' | 'mp3' | 'flac' | 'ogg' | 'm4a'
  | 'empty' | 'unknown';

const FORMAT_MEDIA_TYPE: Record<SniffedFormat, MediaType> = {
  pdf: 'pdf', docx: 'docx', zip: 'other', tar: 'other', gzip: 'other', '7z': 'other', rar: 'other', ole: 'other',
  // MediaType has no "rtf": RTF documents are read for their text.
  rtf: 'text', html: 'html', text: 'text', markdown: 'markdown',
  jpeg: 'image', png: 'image', gif: 'image', webp: 'image', heic: 'image', avif: 'image', tiff: 'image', bmp: 'image',
  mp4: 'video', mov: 'video', webm: 'video', mkv: 'video', avi: 'video',
  // MediaType has no "audio" yet: recordings are time-based media like video clips, and a
  // testimony recording must not fall into "other". extra.format keeps the truth.
  wav: 'video', mp3: 'video', flac: 'video', ogg: 'video', m4a: 'video',
  empty: 'other', unknown: 'other',
};

/**
 * The media type of a file from its content: "%PDF" (even after junk in the first KB),
 * zip with word/document.xml, image and video signatures, HTML markup at the start, valid
 * UTF-8/UTF-16 text; anything else is "other".
 * sniffMediaType(utf8('# Title\n\ntext'), 'notes.txt') -> 'markdown'
 */
export function sniffMediaType(bytes: Uint8Array, fileName: string | null): MediaType {
  return mediaTypeOf(sniffFormat(bytes, fileName));
}

/** The MediaType a sniffed format is stored under. mediaTypeOf('wav') -> 'video'. */
export function mediaTypeOf(format: SniffedFormat): MediaType {
  return FORMAT_MEDIA_TYPE[format];
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Offset of "%PDF-" within the first 1024 bytes (where readers tolerate junk), or -1. */
export function findPdfHeader(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= limit; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return i;
  }
  return -1;
}

function isDocxZip(bytes: Uint8Array): boolean {
  const directory = readCentralDirectory(bytes, 5000);
  const names = directory ? directory.entries.map((e) => e.name) : scanLocalHeaderNames(bytes, 200);
  return names.some((n) => n === 'word/document.xml' || n === 'word/document2.xml');
}

const ISO_BMFF_IMAGE_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'hevm', 'hevs', 'mif1', 'msf1']);

function sniffIsoBmff(bytes: Uint8Array): SniffedFormat | null {
  const box = ascii(bytes, 4, 8);
  if (box !== 'ftyp') {
    // Old QuickTime files start with other top-level atoms.
    return ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(box) ? 'mov' : null;
  }
  const size = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const brands = [ascii(bytes, 8, 12)];
  for (let p = 16; p + 4 <= Math.min(size, 64, bytes.length); p += 4) brands.push(ascii(bytes, p, p + 4));
  const major = brands[0]!;
  if (major === 'avif' || major === 'avis') return 'avif';
  if (ISO_BMFF_IMAGE_BRANDS.has(major)) return 'heic';
  if (major === 'qt  ') return 'mov';
  if (major === 'M4A ' || major === 'M4B ') return 'm4a';
  if (brands.some((b) => b === 'heic' || b === 'heix' || b === 'mif1') && !brands.some((b) => b.startsWith('iso') || b.startsWith('mp4'))) return 'heic';
  return 'mp4';
}

function sniffBinaryFormat(bytes: Uint8Array): SniffedFormat | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF')) {
    const sub = head.slice(8, 12);
    if (sub === 'WEBP') return 'webp';
    if (sub === 'AVI ') return 'avi';
    if (sub === 'WAVE') return 'wav';
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: the DocType element says webm or matroska.
    return ascii(bytes, 0, 64).includes('webm') ? 'webm' : 'mkv';
  }
  if (bytes.length >= 12) {
    const iso = sniffIsoBmff(bytes);
    if (iso) return iso;
  }
  if (head.startsWith('ID3')) return 'mp3'; // bare MPEG frame sync is too weak to claim
  if (head.startsWith('fLaC')) return 'flac';
  if (head.startsWith('OggS')) return 'ogg';
  if (startsWith(bytes, [0x42, 0x4d]) && bytes.length > 26) {
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // "BM" alone is too weak: check the declared file size and the DIB header size.
    const declared = dv.getUint32(2, true);
    const dib = dv.getUint32(14, true);
    if (declared === bytes.length && [12, 40, 52, 56, 108, 124].includes(dib)) return 'bmp';
  }
  return null;
}

// Tags the WHATWG MIME sniffing algorithm treats as HTML at the start of a file.
const HTML_START = /^<(?:!doctype\s+html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|meta|link|article|section|main|header|nav)(?=[\s>/])/i;

function looksLikeHtml(sample: string): boolean {
  let s = sample.replace(/^\ufeff/, '');
  // Skip whitespace, an XML declaration (XHTML) and leading comments, then look for a tag.
  for (let guard = 0; guard < 20; guard++) {
    s = s.replace(/^[\s\u0000]+/, '');
    if (s.startsWith('<?xml')) {
      const end = s.indexOf('?>');
      if (end < 0) return false;
      s = s.slice(end + 2);
      continue;
    }
    if (s.startsWith('<!--')) {
      const end = s.indexOf('-->');
      if (end < 0) return false;
      s = s.slice(end + 3);
      continue;
    }
    break;
  }
  return HTML_START.test(s);
}

const MARKDOWN_NAME = /\.(md|markdown|mdown|mkd)$/i;

/** Markdown structure: front matter, or headings plus links/lists/fences. */
export function looksLikeMarkdown(sample: string): boolean {
  if (/^---\r?\n(?:[A-Za-z_][\w-]*:.*\r?\n){1,40}---\r?\n/.test(sample)) return true;
  const lines = sample.split(/\r?\n/, 400);
  let headings = 0;
  let features = 0;
  for (const line of lines) {
    if (/^#{1,6} \S/.test(line)) headings++;
    else if (/^(```|~~~)/.test(line)) features++;
    else if (/^\s{0,3}[-*+] \S/.test(line) || /^\s{0,3}\d+\. \S/.test(line)) features += 0.5;
    if (/\[[^\]\n]+\]\([^)\s]+\)/.test(line)) features++;
    if (/\*\*[^*\n]+\*\*/.test(line)) features += 0.5;
  }
  return headings >= 2 || (headings >= 1 && features >= 1) || (lines[0] !== undefined && /^# \S/.test(lines[0]) && lines.length > 1);
}

/** The finer format behind sniffMediaType. */
export function sniffFormat(bytes: Uint8Array, fileName: string | null): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (findPdfHeader(bytes) >= 0) return 'pdf';
  if (looksLikeZip(bytes)) return isDocxZip(bytes) ? 'docx' : 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip';
  if (startsWith(bytes, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c])) return '7z';
  if (startsWith(bytes, [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07])) return 'rar';
  if (looksLikeTar(bytes)) return 'tar';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'rtf'; // "{\rtf"
  const binary = sniffBinaryFormat(bytes);
  if (binary) return binary;

  // Markup is ASCII, so a latin1 view of the first KB finds HTML in any ASCII-compatible
  // charset (windows-1256 pages too); UTF-16 needs decoding first.
  const utf16 = detectBomOrUtf16(bytes);
  const htmlSample = utf16 ? decodeSample(bytes, utf16, 1024) : new TextDecoder('latin1').decode(bytes.subarray(bytes[0] === 0xef ? 3 : 0, 1024));
  if (looksLikeHtml(htmlSample) && controlCharRatio(htmlSample) < 0.25) return 'html';

  const enc = detectTextEncoding(bytes);
  if (!enc) return 'unknown';
  const sample = decodeSample(bytes, enc);
  if (controlCharRatio(sample) > 0.01) return 'unknown';
  if ((fileName !== null && MARKDOWN_NAME.test(fileName)) || looksLikeMarkdown(sample)) return 'markdown';
  return 'text';
}
