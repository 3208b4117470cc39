// Fingerprints: 32-bit hashes of word n-grams ("shingles"), and the sampled subset that
// goes into the index. Sampling keeps a shingle when its hash falls in a fixed residue
// class, so two copies of a passage keep the same shingles (unlike random sampling) and a
// 1/4 sample still finds 0.99 of planted single-paragraph copies (notes "Text reuse").
import { DaftarError } from '../model/errors.js';
import type { ReuseTokens } from './tokenize.js';

/** Sampled shingles of one document: shingle hashes[i] starts at token positions[i]. */
export interface Fingerprints {
  hashes: Uint32Array;
  positions: Uint32Array;
}

export interface FingerprintOptions {
  /** Words per shingle. */
  shingleWords: number;
  /** Keep one shingle in `sampleEvery` (by hash value); 1 keeps all. */
  sampleEvery: number;
  /** Lines of at most this many words keep twice as many shingles. */
  denseLineWords: number;
}

export const DEFAULT_FINGERPRINT_OPTIONS: FingerprintOptions = { shingleWords: 6, sampleEvery: 4, denseLineWords: 60 };

const PRIME = 0x01000193;

/** murmur3's 32-bit finalizer: spreads every input bit over the low bits used for sampling. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash of tokens [at, at + words). */
export function shingleHash(keys: Uint32Array, at: number, words: number): number {
  let h = 0x811c9dc5 ^ words;
  for (let k = 0; k < words; k++) h = Math.imul(h ^ keys[at + k]!, PRIME);
  return mix32(h);
}

/** Every shingle hash of a token sequence (length count - words + 1, or 0). */
export function allShingles(tokens: ReuseTokens, words: number): Uint32Array {
  const n = tokens.count - words + 1;
  if (n <= 0) return new Uint32Array(0);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = shingleHash(tokens.keys, i, words);
  return out;
}

/**
 * The shingles a ReuseIndex stores and looks up: those whose hash falls in the sampled
 * residue class. When `text` is given, also the first and last shingle of every line, and
 * twice as many in short lines (at most `denseLineWords` words). A site's template lines
 * and stock lines ("Follow us on Telegram ...") are whole lines of ten-odd words that a
 * 1/4 sample often misses; their line-start and line-end shingles tell how many documents
 * hold them. A short pasted paragraph with a changed word keeps only a few shingles; the
 * denser sample leaves it enough to be found. Both rules depend only on the text, so two
 * copies of a line keep the same shingles.
 */
export function sampleFingerprints(
  tokens: ReuseTokens,
  options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS,
  text?: string,
): Fingerprints {
  const words = options.shingleWords;
  const every = options.sampleEvery;
  if (!Number.isInteger(words) || words < 1 || !Number.isInteger(every) || every < 1) {
    throw new DaftarError('invalid_input', `reuse fingerprints: shingleWords and sampleEvery must be whole numbers ≥ 1 (got ${words}, ${every})`);
  }
  const denseEvery = Math.max(1, Math.floor(every / 2));
  const n = tokens.count - words + 1;
  if (n <= 0) return { hashes: new Uint32Array(0), positions: new Uint32Array(0) };
  // lineStart[i] = 1 when token i begins a line; lineWords[i] = words in token i's line.
  let lineStart: Uint8Array | null = null;
  let lineWords: Uint32Array | null = null;
  if (text !== undefined) {
    lineStart = new Uint8Array(tokens.count + 1);
    lineWords = new Uint32Array(tokens.count);
    lineStart[tokens.count] = 1;
    let from = 0;
    for (let i = 0; i <= tokens.count; i++) {
      if (i === tokens.count || i === 0 || newlineBetween(text, tokens.ends[i - 1]!, tokens.starts[i]!)) {
        lineStart[i] = 1;
        lineWords.fill(i - from, from, i);
        from = i;
      }
    }
  }
  const hashes = new Uint32Array(n);
  const positions = new Uint32Array(n);
  let kept = 0;
  let last = -1;
  for (let i = 0; i < n; i++) {
    const h = shingleHash(tokens.keys, i, words);
    let keep = h % every === 0;
    if (!keep && lineStart && lineWords) {
      keep = lineStart[i] === 1 || lineStart[i + words] === 1 || (lineWords[i]! <= options.denseLineWords && h % denseEvery === 0);
    }
    // A run of one repeated word ("no no no ...") gives one hash many times; keep it once per run.
    if (keep && h !== last) {
      hashes[kept] = h;
      positions[kept] = i;
      kept++;
      last = h;
    }
  }
  return { hashes: hashes.slice(0, kept), positions: positions.slice(0, kept) };
}

/** True when text[from, to) holds a line break. */
export function newlineBetween(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === 10) return true;
  return false;
}
