// Text decoding for plain-text files: the bytes decide (BOM, UTF-16 byte pattern, UTF-8
// validity), never the file name. Two legacy code pages are recognised because older Persian
// and Western archives are full of them: windows-1256 when it decodes to mostly Arabic-script
// letters, windows-1252 when the text is mostly ASCII with a few accented letters. Anything
// else that is not UTF-8/UTF-16 is stored as "other", not decoded into plausible garbage.

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
  /** True for a legacy code page chosen by statistics rather than by a BOM or validity. */
  guessed?: boolean;
}

const SAMPLE_BYTES = 64 * 1024;

/** BOM or UTF-16 byte pattern; null when neither says anything (then try UTF-8). */
export function detectBomOrUtf16(bytes: Uint8Array): DetectedEncoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  // ASCII-heavy UTF-16 without a BOM: every other byte is NUL. "<\0h\0" -> utf-16le.
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 8) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero >= 0.3 * pairs && evenZero <= 0.05 * pairs) return { encoding: 'utf-16le', bomLength: 0 };
  if (evenZero >= 0.3 * pairs && oddZero <= 0.05 * pairs) return { encoding: 'utf-16be', bomLength: 0 };
  return null;
}

/** Length of a prefix of at most `max` bytes that does not cut a UTF-8 sequence in half. */
function utf8SafePrefix(bytes: Uint8Array, max: number): number {
  if (bytes.length <= max) return bytes.length;
  let end = max;
  // Step back over continuation bytes (10xxxxxx) to the lead byte, then drop it too.
  let back = 0;
  while (back < 3 && end > 0 && (bytes[end - 1]! & 0xc0) === 0x80) end--, back++;
  if (end > 0 && bytes[end - 1]! >= 0xc0) end--;
  return end;
}

/** The encoding a text file is in, or null when the bytes are not UTF-8/UTF-16 text. */
export function detectTextEncoding(bytes: Uint8Array): DetectedEncoding | null {
  const marked = detectBomOrUtf16(bytes);
  if (marked) return marked;
  const end = utf8SafePrefix(bytes, SAMPLE_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return guessLegacyCodePage(bytes.subarray(0, end));
  }
}

const ARABIC_LETTER = /[\u0621-\u064a\u067e\u0686\u0698\u06a9\u06af\u06cc]/g;
const LATIN_LETTER = /[A-Za-z\u00c0-\u00ff]/g;

/**
 * windows-1256 or windows-1252 for text that is not UTF-8, or null for binary.
 * Binary data is full of C0 control bytes; legacy text has almost none.
 */
function guessLegacyCodePage(sample: Uint8Array): DetectedEncoding | null {
  let controls = 0;
  let high = 0;
  for (const b of sample) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
    else if (b >= 0x80) high++;
  }
  if (sample.length === 0 || controls > 0.005 * sample.length) return null;
  const arabic = new TextDecoder('windows-1256').decode(sample);
  const arabicLetters = arabic.match(ARABIC_LETTER)?.length ?? 0;
  const latinLetters = arabic.match(/[A-Za-z]/g)?.length ?? 0;
  // Persian in 1256 is mostly high bytes that land on Arabic letters.
  if (arabicLetters >= 20 && arabicLetters >= 0.5 * high && arabicLetters > latinLetters * 0.3) return { encoding: 'windows-1256', bomLength: 0, guessed: true };
  const western = new TextDecoder('windows-1252').decode(sample);
  const letters = western.match(LATIN_LETTER)?.length ?? 0;
  if (high <= 0.1 * sample.length && letters >= 0.5 * (sample.length - (western.match(/\s/g)?.length ?? 0)) && !/[\u0080-\u009f]/.test(western)) {
    return { encoding: 'windows-1252', bomLength: 0, guessed: true };
  }
  return null;
}

/** Decoded sample of the start of the file (for sniffing), BOM removed. */
export function decodeSample(bytes: Uint8Array, enc: DetectedEncoding, maxBytes = SAMPLE_BYTES): string {
  const body = bytes.subarray(enc.bomLength);
  const end = enc.encoding === 'utf-8' ? utf8SafePrefix(body, maxBytes) : enc.encoding.startsWith('utf-16') ? Math.min(body.length, maxBytes) & ~1 : Math.min(body.length, maxBytes);
  return new TextDecoder(enc.encoding).decode(body.subarray(0, end));
}

/** Share of characters that only binary files contain (C0 controls other than tab/newlines/form feed, DEL). */
export function controlCharRatio(s: string): number {
  if (s.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) || c === 0x7f) bad++;
  }
  return bad / s.length;
}

/** Whole-file decode; invalid sequences become U+FFFD and are counted. */
export function decodeText(bytes: Uint8Array, enc: DetectedEncoding): { text: string; replacements: number } {
  const text = new TextDecoder(enc.encoding).decode(bytes.subarray(enc.bomLength));
  let replacements = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replacements++;
  return { text, replacements };
}
