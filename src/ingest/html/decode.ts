// Bytes -> string for HTML, the way a browser without HTTP headers would do it:
// byte-order mark, then a declared charset in the first few KB (<meta charset>,
// <meta http-equiv content-type>, <?xml encoding>), then UTF-8, then windows-1252.

export interface DecodedHtml {
  html: string;
  /** WHATWG encoding name actually used, e.g. "utf-8", "windows-1256". */
  encoding: string;
  /** Where the encoding came from: "bom", "meta", "xml", "utf-8-valid", "fallback". */
  source: string;
  /**
   * With `latin1View`: true when `html` holds the page's UTF-8 bytes one per character
   * (not yet decoded). HTML syntax is ASCII, so a parser reads the same structure from it;
   * text and attribute values are then decoded one by one (parse.ts utf8FromLatin1).
   */
  utf8Bytes?: boolean;
}

import { Buffer, isAscii, isUtf8 } from 'node:buffer';

const PRESCAN_BYTES = 8192;

/**
 * Decode HTML bytes; never throws. `decodeHtml(bytesOf('<meta charset=windows-1256>…'))` -> Persian text.
 * `latin1View: true` skips decoding valid UTF-8 with non-ASCII bytes: see DecodedHtml.utf8Bytes.
 */
export function decodeHtml(bytes: Uint8Array, opts: { latin1View?: boolean } = {}): DecodedHtml {
  const view = opts.latin1View === true;
  const bom = sniffBom(bytes);
  if (bom) return { html: decodeWith(bom.encoding, bytes.subarray(bom.length)), encoding: bom.encoding, source: 'bom' };

  const declared = findDeclaredCharset(bytes);
  if (declared) {
    let enc = declared.encoding;
    // A page cannot declare UTF-16 in an ASCII-compatible meta tag (HTML spec: use UTF-8).
    if (enc === 'utf-16le' || enc === 'utf-16be') enc = 'utf-8';
    if (enc === 'utf-8') {
      const strict = tryUtf8(bytes, view);
      if (strict !== null) return { html: strict.text, encoding: 'utf-8', source: declared.source, ...(strict.raw ? { utf8Bytes: true } : {}) };
      // Declared UTF-8 with a few broken bytes: keep UTF-8 (replacement chars) unless
      // the page is clearly in a legacy single-byte encoding.
      const loose = new TextDecoder('utf-8').decode(bytes);
      if (countReplacement(loose) * 50 < countNonAscii(loose) + 1) return { html: loose, encoding: 'utf-8', source: declared.source };
      return { html: decodeWith('windows-1252', bytes), encoding: 'windows-1252', source: 'fallback' };
    }
    // Pages labelled Latin-1 whose bytes are valid multi-byte UTF-8 were saved as UTF-8.
    if (enc === 'windows-1252' && hasMultiByteUtf8(bytes)) {
      const strict = tryUtf8(bytes, view);
      if (strict !== null) return { html: strict.text, encoding: 'utf-8', source: 'utf-8-valid', ...(strict.raw ? { utf8Bytes: true } : {}) };
    }
    return { html: decodeWith(enc, bytes), encoding: enc, source: declared.source };
  }

  const strict = tryUtf8(bytes, view);
  if (strict !== null) return { html: strict.text, encoding: 'utf-8', source: 'utf-8-valid', ...(strict.raw ? { utf8Bytes: true } : {}) };
  return { html: decodeWith('windows-1252', bytes), encoding: 'windows-1252', source: 'fallback' };
}

function sniffBom(b: Uint8Array): { encoding: string; length: number } | null {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** The WHATWG name for a label, or null when TextDecoder does not know it. "latin1" -> "windows-1252". */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return null;
  }
}

const META_RE = /<meta\b[^>]*>/gi;
const CHARSET_ATTR_RE = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
const XML_DECL_RE = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i;

function findDeclaredCharset(bytes: Uint8Array): { encoding: string; source: string } | null {
  const head = latin1(bytes.subarray(0, PRESCAN_BYTES));
  const xml = XML_DECL_RE.exec(head);
  for (let m = META_RE.exec(head); m; m = META_RE.exec(head)) {
    const tag = m[0];
    const cs = CHARSET_ATTR_RE.exec(tag); // covers charset="x" and content="text/html; charset=x"
    if (!cs) continue;
    const enc = canonicalEncoding(cs[1]!);
    if (enc && enc !== 'replacement') {
      META_RE.lastIndex = 0;
      return { encoding: enc, source: 'meta' };
    }
  }
  META_RE.lastIndex = 0;
  if (xml) {
    const enc = canonicalEncoding(xml[1]!);
    if (enc && enc !== 'replacement') return { encoding: enc, source: 'xml' };
  }
  return null;
}

function latin1(b: Uint8Array): string {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');
}

/**
 * UTF-8 text, or null when the bytes are not valid UTF-8 (SIMD check, then one conversion).
 * With `view`, non-ASCII UTF-8 comes back undecoded, one byte per character (`raw: true`).
 */
function tryUtf8(bytes: Uint8Array, view: boolean): { text: string; raw: boolean } | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buf)) return { text: buf.toString('latin1'), raw: false }; // one-byte string: same text, cheaper to scan
  if (!isUtf8(buf)) return null;
  return view ? { text: buf.toString('latin1'), raw: true } : { text: buf.toString('utf8'), raw: false };
}

function decodeWith(encoding: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder(encoding).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function hasMultiByteUtf8(b: Uint8Array): boolean {
  const n = Math.min(b.length, 1 << 20);
  for (let i = 0; i + 1 < n; i++) {
    const c = b[i]!;
    if (c >= 0xc2 && c <= 0xf4 && (b[i + 1]! & 0xc0) === 0x80) return true;
  }
  return false;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) n++;
  return n;
}

function countNonAscii(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) n++;
  return n;
}
