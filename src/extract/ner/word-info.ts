// Per-word feature hashes, computed once per distinct word form and cached: news text
// repeats words heavily (Zipf), so the tagger's hot loop mostly does one Map lookup
// per token and combines integers; no string concatenation per feature.
//
// Folding for features only (offsets never change): lower case; ي->ی ك->ک ى->ی ة->ه
// ۀ->ه; harakat, tatweel and ZWNJ dropped (می‌خواهم and میخواهم share features);
// every digit (ASCII, Persian, Arabic-Indic) -> "0".

import { persianCue, persianParts } from './persian.js';

export const FNV_OFFSET = 0x811c9dc5;

export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 16777619);
}

/** Hash of a string (FNV-1a over UTF-16 units), as an unsigned 32-bit number. */
export function fnvString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h >>> 0;
}

/** Combine two 32-bit values into a well-mixed unsigned 32-bit hash (murmur3 finalizer). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ b;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Word-info field layout (Int32Array per word).
export const W_LOWER = 0;
export const W_RAW = 1;
export const W_SHAPE = 2;
export const W_PRE1 = 3; // .. W_PRE1 + 3
export const W_SUF1 = 7; // .. W_SUF1 + 3
export const W_FLAGS = 11;
// Persian fields (0 for words without Arabic-script letters, so English features are unchanged)
export const W_STEM = 12; // stem after clitics/affixes are cut (persian.ts)
export const W_PSUF = 13; // the cut suffix ("" counts)
export const W_VPFX = 14; // verb prefix می / نمی
export const W_ZW1 = 15; // first ZWNJ-separated part
export const W_ZWL = 16; // last ZWNJ-separated part
export const W_CUE = 17; // cue-word class bits (titles, organization and place heads)
export const W_CLUSTER = 18; // distributional cluster + 1 (set by the model, 0 = none)
export const WORD_INFO_SIZE = 19;

// Flag bits.
export const F_INIT_CAP = 1;
export const F_ALL_CAPS = 2;
export const F_HAS_DIGIT = 4;
export const F_ALL_DIGIT = 8;
export const F_HAS_HYPHEN = 16;
export const F_HAS_PERIOD = 32;
export const F_PUNCT = 64;
export const F_LATIN = 128;
export const F_ARABIC_SCRIPT = 256;
export const F_HAS_LOWER = 512;
export const F_LEN1 = 1024;
export const F_LONG = 2048; // more than 12 units
export const F_MIXED_CAPS = 4096; // "McDonald", "iPhone"
export const F_ZWNJ = 8192;
export const FLAG_COUNT = 14;

/** Fold one UTF-16 unit for feature hashing; -1 drops it. */
function foldUnit(c: number): number {
  if (c < 0x80) {
    if (c >= 0x41 && c <= 0x5a) return c + 32;
    if (c >= 0x30 && c <= 0x39) return 0x30;
    return c;
  }
  if (c >= 0x0600 && c <= 0x06ff) {
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return 0x30;
    if (c === 0x064a || c === 0x0649 || c === 0x0626) return 0x06cc; // ي ى ئ -> ی
    if (c === 0x0643) return 0x06a9; // ك -> ک
    if (c === 0x0629 || c === 0x06c0) return 0x0647; // ة ۀ -> ه
    if (c === 0x0623 || c === 0x0625 || c === 0x0671) return 0x0627; // أ إ ٱ -> ا
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670 || c === 0x0640) return -1; // harakat, tatweel
    return c;
  }
  if (c === 0x200c || c === 0x200d || c === 0x200e || c === 0x200f) return -1;
  return c;
}

/** The folded lower-case form of a word, as used for gazetteers and titles. "ك‌تاب" -> "کتاب". */
export function foldWord(s: string): string {
  let out = '';
  const lower = s.toLowerCase();
  for (let i = 0; i < lower.length; i++) {
    const f = foldUnit(lower.charCodeAt(i));
    if (f >= 0) out += String.fromCharCode(f);
  }
  return out;
}

function shapeClass(c: number): number {
  if (c >= 0x41 && c <= 0x5a) return 0x58; // X
  if (c >= 0x61 && c <= 0x7a) return 0x78; // x
  if (c >= 0x30 && c <= 0x39) return 0x64; // d
  if (c >= 0x0600 && c <= 0x06ff) {
    if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) return 0x64;
    return 0x61; // a: Arabic-script letter
  }
  if (c >= 0xc0 && c <= 0x24f) {
    const s = String.fromCharCode(c);
    return s.toLowerCase() === s ? 0x78 : 0x58;
  }
  if (c === 0x200c) return 0x7a; // z: ZWNJ
  if (c >= 0x0370 && c < 0x2000) return 0x6c; // l: other letters
  return c;
}

function isPunctUnit(c: number): boolean {
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a));
  return c === 0x060c || c === 0x061b || c === 0x061f || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2027);
}

function nonZero(h: number): number {
  return h === 0 ? 1 : h;
}

/** Fill the Persian fields of a word with Arabic-script letters. */
function persianInfo(lower: string, info: Int32Array): void {
  let folded = '';
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x200c) {
      folded += '\u200c';
      continue;
    }
    const f = foldUnit(c);
    if (f >= 0) folded += String.fromCharCode(f);
  }
  const p = persianParts(folded);
  info[W_STEM] = nonZero(fnvString(p.stem));
  info[W_PSUF] = nonZero(fnvString('s' + p.suffix));
  if (p.prefix) info[W_VPFX] = nonZero(fnvString(p.prefix));
  if (p.firstPart) {
    info[W_ZW1] = nonZero(fnvString(p.firstPart));
    info[W_ZWL] = nonZero(fnvString(p.lastPart));
  }
  info[W_CUE] = persianCue(folded.replace(/\u200c/g, ''));
}

/** Compute the word-info record of one token. */
export function computeWordInfo(word: string): Int32Array {
  const info = new Int32Array(WORD_INFO_SIZE);
  const n = word.length;
  const lower = word.toLowerCase();
  let hl = FNV_OFFSET;
  let hr = FNV_OFFSET;
  let hs = FNV_OFFSET;
  let lastShape = -1;
  let folded = 0;
  let flags = 0;
  let upper = 0;
  let lowerCount = 0;
  let digits = 0;
  let punct = 0;
  let latin = 0;
  let arabic = 0;
  let shapeLen = 0;
  const last4 = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const c = word.charCodeAt(i);
    const lc = lower.charCodeAt(i);
    const f = foldUnit(lc);
    if (f >= 0) {
      hl = fnvStep(hl, f);
      folded++;
      if (folded <= 4) info[W_PRE1 + folded - 1] = hl;
      last4[folded & 3] = f; // ring of the last four folded units
    }
    hr = fnvStep(hr, c >= 0x30 && c <= 0x39 ? 0x30 : c);
    const sc = shapeClass(c);
    if (sc !== lastShape && shapeLen < 16) {
      hs = fnvStep(hs, sc);
      lastShape = sc;
      shapeLen++;
    }
    if (sc === 0x58) upper++;
    else if (sc === 0x78) lowerCount++;
    else if (sc === 0x64) digits++;
    else if (sc === 0x61) arabic++;
    if (c < 0x250 && (sc === 0x58 || sc === 0x78)) latin++;
    if (isPunctUnit(c)) punct++;
    if (c === 0x2d) flags |= F_HAS_HYPHEN;
    else if (c === 0x2e) flags |= F_HAS_PERIOD;
    else if (c === 0x200c) flags |= F_ZWNJ;
  }
  for (let k = folded; k < 4; k++) info[W_PRE1 + k] = k === 0 ? FNV_OFFSET : info[W_PRE1 + k - 1]!;
  // suffix hashes over the folded units, read right to left
  let hx = FNV_OFFSET ^ 0x5bd1e995;
  for (let k = 0; k < 4; k++) {
    if (k < folded) hx = fnvStep(hx, last4[(folded - k) & 3]!);
    info[W_SUF1 + k] = hx;
  }
  // the shape also carries a length bucket: "Xx" of 2 letters vs 9 letters
  hs = fnvStep(hs, n <= 1 ? 1 : n <= 3 ? 2 : n <= 6 ? 3 : 4);
  const first = n > 0 ? shapeClass(word.charCodeAt(0)) : 0;
  if (first === 0x58) flags |= F_INIT_CAP;
  if (upper > 0 && lowerCount === 0 && upper + digits + punct >= n - 0) flags |= F_ALL_CAPS;
  if (upper > 0 && lowerCount > 0 && (first !== 0x58 || upper > 1)) flags |= F_MIXED_CAPS;
  if (digits > 0) flags |= F_HAS_DIGIT;
  if (digits === n && n > 0) flags |= F_ALL_DIGIT;
  if (punct === n && n > 0) flags |= F_PUNCT;
  if (latin > 0) flags |= F_LATIN;
  if (arabic > 0) flags |= F_ARABIC_SCRIPT;
  if (lowerCount > 0) flags |= F_HAS_LOWER;
  if (n === 1) flags |= F_LEN1;
  if (n > 12) flags |= F_LONG;
  info[W_LOWER] = hl;
  info[W_RAW] = hr;
  info[W_SHAPE] = hs;
  info[W_FLAGS] = flags;
  if (arabic > 0) persianInfo(lower, info);
  return info;
}

/** A bounded cache of word-info records; cleared when full so memory stays bounded. */
export class WordInfoCache {
  private map = new Map<string, Int32Array>();
  constructor(private readonly capacity = 200_000) {}

  get(word: string): Int32Array {
    let info = this.map.get(word);
    if (info === undefined) {
      info = computeWordInfo(word);
      // very long "words" (base64, URLs) are not worth keeping
      if (word.length <= 40) {
        if (this.map.size >= this.capacity) this.map.clear();
        this.map.set(word, info);
      }
    }
    return info;
  }
}
