// Feature templates of the NER tagger. Each feature is a 32-bit hash mix(template, value)
// of integers already computed per word (word-info.ts), so extracting ~40 features of
// a token costs ~40 integer mixes. Changing anything here changes the model: bump
// FEATURE_VERSION and retrain (npm run train).
import {
  F_ALL_CAPS,
  F_HAS_LOWER,
  F_INIT_CAP,
  FLAG_COUNT,
  mix,
  W_FLAGS,
  W_LOWER,
  W_PRE1,
  W_RAW,
  W_SHAPE,
  W_SUF1,
  W_CLUSTER,
  W_CUE,
  W_PSUF,
  W_STEM,
  W_VPFX,
  W_ZW1,
  W_ZWL,
  WORD_INFO_SIZE,
} from './word-info.js';
import { GAZ_TYPES } from './gazetteer.js';

/**
 * Feature version per language: a model file names the version it was trained with. The
 * Persian-only features (stems, ZWNJ parts, cue words, clusters) never fire on words
 * without Arabic-script letters, so the English features and model are unchanged by them.
 */
export const FEATURE_VERSIONS: Readonly<Record<'en' | 'fa', number>> = { en: 5, fa: 6 };

const BOS = 0x2f1a3b4c;
const EOS = 0x5d6e7f80;

// template ids
const T_BIAS = 1;
const T_L0 = 2;
const T_W0 = 3;
const T_LM1 = 4;
const T_LP1 = 5;
const T_LM2 = 6;
const T_LP2 = 7;
const T_S0 = 8;
const T_SM1 = 9;
const T_SP1 = 10;
const T_SM1S0 = 11;
const T_S0SP1 = 12;
const T_PRE = 13; // +0..3
const T_SUF = 17; // +0..3
const T_LM1L0 = 21;
const T_L0LP1 = 22;
const T_FLAG = 23;
const T_FIRST_S0 = 24;
const T_LAST = 25;
const T_CAPS_L0 = 26;
const T_GAZ0 = 27;
const T_GAZM1 = 28;
const T_GAZP1 = 29;
const T_WM1 = 30;
const T_WP1 = 31;
const T_SUF3M1 = 32;
const T_SUF3P1 = 33;
const T_SM2 = 34;
const T_SP2 = 35;
const T_FLAG_FIRST = 36;
const T_LM1_S0 = 37;
const T_S0_LP1 = 38;
const T_LM2LM1 = 39;
const T_DICT0 = 40;
const T_PRE3M1 = 43;
const T_PRE3P1 = 44;
const T_LM3 = 45;
const T_LP3 = 46;
const T_SUF2M1 = 47;
const T_SUF2P1 = 48;
const T_DICTM1 = 41;
const T_DICTP1 = 42;
// Persian (W_STEM etc. non-zero only for Arabic-script words)
const T_STEM0 = 60;
const T_PSUF0 = 61;
const T_VPFX0 = 62;
const T_ZW10 = 63;
const T_ZWL0 = 64;
const T_CUE0 = 65;
const T_CLUS0 = 66;
const T_STEMM1 = 67;
const T_CUEM1 = 68;
const T_CLUSM1 = 69;
const T_STEMP1 = 70;
const T_CUEP1 = 71;
const T_CLUSP1 = 72;
const T_STEMM2 = 73;
const T_CUEM2 = 74;
const T_STEMP2 = 75;
const T_CUEP2 = 76;
const T_STEMM1S0 = 77;
const T_STEMS0P1 = 78;
const T_PSUFM1 = 79;
const T_PSUFP1 = 80;
const T_CLUSM2 = 81;
const T_CLUSP2 = 82;

/** A growable buffer of feature hashes; token i's features are hashes[offsets[i] .. offsets[i+1]). */
export class FeatureBuffer {
  hashes = new Uint32Array(4096);
  offsets = new Int32Array(257);
  count = 0;
  /** Scratch: a sentence's word-infos as one arena (see pairHashes). */
  arena = new Int32Array(0);
  at = new Int32Array(0);

  ensure(tokens: number, features: number): void {
    if (this.offsets.length < tokens + 1) this.offsets = new Int32Array(Math.max(tokens + 1, this.offsets.length * 2));
    if (this.hashes.length < features) {
      const next = new Uint32Array(Math.max(features, this.hashes.length * 2));
      next.set(this.hashes.subarray(0, this.count));
      this.hashes = next;
    }
  }
}

const MAX_PER_TOKEN = 70 + 2 * FLAG_COUNT + 32 * 3 + 32 * 3;

/** Pseudo word-infos standing for "before the sentence" and "after the sentence". */
export const BOS_INFO = new Int32Array(WORD_INFO_SIZE).fill(BOS, 0, W_STEM);
export const EOS_INFO = new Int32Array(WORD_INFO_SIZE).fill(EOS, 0, W_STEM);

/**
 * Word-infos of many words live in one Int32Array (an arena), WORD_INFO_SIZE values per
 * word, with BOS_INFO at offset BOS_AT and EOS_INFO at EOS_AT; `at[k]` is the offset of
 * token k's record. One array instead of an Int32Array object per word.
 */
export const BOS_AT = 0;
export const EOS_AT = WORD_INFO_SIZE;

/** Write BOS_INFO and EOS_INFO at the start of a word-info arena. */
export function writeSentenceEdges(arena: Int32Array): void {
  arena.set(BOS_INFO, BOS_AT);
  arena.set(EOS_INFO, EOS_AT);
}

// Features are split by what they depend on, so the tagger can cache the score of every
// group that depends on one word only (the word itself, or the word as a neighbour).

/** Features of the word itself (position-independent). Returns the new count. */
export function selfHashes(w: Int32Array, h: Uint32Array, c: number): number {
  h[c++] = mix(T_BIAS, 0);
  h[c++] = mix(T_L0, w[W_LOWER]!);
  h[c++] = mix(T_W0, w[W_RAW]!);
  h[c++] = mix(T_S0, w[W_SHAPE]!);
  for (let q = 0; q < 4; q++) {
    h[c++] = mix(T_PRE + q, w[W_PRE1 + q]!);
    h[c++] = mix(T_SUF + q, w[W_SUF1 + q]!);
  }
  const flags = w[W_FLAGS]!;
  for (let b = 0; b < FLAG_COUNT; b++) if (flags & (1 << b)) h[c++] = mix(T_FLAG, b);
  if (w[W_STEM] !== 0) {
    h[c++] = mix(T_STEM0, w[W_STEM]!);
    h[c++] = mix(T_PSUF0, w[W_PSUF]!);
    if (w[W_VPFX] !== 0) h[c++] = mix(T_VPFX0, w[W_VPFX]!);
    if (w[W_ZW1] !== 0) {
      h[c++] = mix(T_ZW10, w[W_ZW1]!);
      h[c++] = mix(T_ZWL0, w[W_ZWL]!);
    }
    if (w[W_CUE] !== 0) h[c++] = mix(T_CUE0, w[W_CUE]!);
  }
  if (w[W_CLUSTER] !== 0) h[c++] = mix(T_CLUS0, w[W_CLUSTER]!);
  return c;
}

/** Features a word gives the token right after it. */
export function leftHashes(w: Int32Array, h: Uint32Array, c: number): number {
  h[c++] = mix(T_LM1, w[W_LOWER]!);
  h[c++] = mix(T_SM1, w[W_SHAPE]!);
  h[c++] = mix(T_WM1, w[W_RAW]!);
  h[c++] = mix(T_SUF3M1, w[W_SUF1 + 2]!);
  h[c++] = mix(T_SUF2M1, w[W_SUF1 + 1]!);
  h[c++] = mix(T_PRE3M1, w[W_PRE1 + 2]!);
  if (w[W_STEM] !== 0) {
    h[c++] = mix(T_STEMM1, w[W_STEM]!);
    h[c++] = mix(T_PSUFM1, w[W_PSUF]!);
    if (w[W_CUE] !== 0) h[c++] = mix(T_CUEM1, w[W_CUE]!);
  }
  if (w[W_CLUSTER] !== 0) h[c++] = mix(T_CLUSM1, w[W_CLUSTER]!);
  return c;
}

/** Features a word gives the token right before it. */
export function rightHashes(w: Int32Array, h: Uint32Array, c: number): number {
  h[c++] = mix(T_LP1, w[W_LOWER]!);
  h[c++] = mix(T_SP1, w[W_SHAPE]!);
  h[c++] = mix(T_WP1, w[W_RAW]!);
  h[c++] = mix(T_SUF3P1, w[W_SUF1 + 2]!);
  h[c++] = mix(T_SUF2P1, w[W_SUF1 + 1]!);
  h[c++] = mix(T_PRE3P1, w[W_PRE1 + 2]!);
  if (w[W_STEM] !== 0) {
    h[c++] = mix(T_STEMP1, w[W_STEM]!);
    h[c++] = mix(T_PSUFP1, w[W_PSUF]!);
    if (w[W_CUE] !== 0) h[c++] = mix(T_CUEP1, w[W_CUE]!);
  }
  if (w[W_CLUSTER] !== 0) h[c++] = mix(T_CLUSP1, w[W_CLUSTER]!);
  return c;
}

/** Features a word gives the token two after it. */
export function left2Hashes(w: Int32Array, h: Uint32Array, c: number): number {
  h[c++] = mix(T_LM2, w[W_LOWER]!);
  h[c++] = mix(T_SM2, w[W_SHAPE]!);
  if (w[W_STEM] !== 0) {
    h[c++] = mix(T_STEMM2, w[W_STEM]!);
    if (w[W_CUE] !== 0) h[c++] = mix(T_CUEM2, w[W_CUE]!);
  }
  if (w[W_CLUSTER] !== 0) h[c++] = mix(T_CLUSM2, w[W_CLUSTER]!);
  return c;
}

/** Features a word gives the token two before it. */
export function right2Hashes(w: Int32Array, h: Uint32Array, c: number): number {
  h[c++] = mix(T_LP2, w[W_LOWER]!);
  h[c++] = mix(T_SP2, w[W_SHAPE]!);
  if (w[W_STEM] !== 0) {
    h[c++] = mix(T_STEMP2, w[W_STEM]!);
    if (w[W_CUE] !== 0) h[c++] = mix(T_CUEP2, w[W_CUE]!);
  }
  if (w[W_CLUSTER] !== 0) h[c++] = mix(T_CLUSP2, w[W_CLUSTER]!);
  return c;
}

/** Whether tokens [from, to) form an all-capitals headline ("SOCCER - JAPAN GET LUCKY WIN"). */
export function isCapsSentence(info: Int32Array, at: Int32Array, from: number, to: number): boolean {
  // A headline in capitals makes case useless; the tagger then leans on the word itself.
  let caps = 0;
  let letters = 0;
  for (let k = from; k < to; k++) {
    const f = info[at[k]! + W_FLAGS]!;
    if (f & (F_ALL_CAPS | F_HAS_LOWER)) letters++;
    if (f & F_ALL_CAPS && !(f & F_HAS_LOWER)) caps++;
  }
  return letters >= 2 && caps === letters;
}

/**
 * Features of token k = from + i that depend on two words, the position or the gazetteer.
 * Word-infos are read from the arena `info` at offsets `at[k]`. Returns the new count.
 */
export function pairHashes(
  info: Int32Array,
  at: Int32Array,
  gaz: Int32Array,
  dict: Int32Array,
  from: number,
  to: number,
  i: number,
  capsSentence: boolean,
  h: Uint32Array,
  c: number,
): number {
  const n = to - from;
  const k = from + i;
  const w = at[k]!;
  const wm1 = i >= 1 ? at[k - 1]! : BOS_AT;
  const wp1 = i + 1 < n ? at[k + 1]! : EOS_AT;
  const wm2 = i >= 2 ? at[k - 2]! : BOS_AT;
  const l0 = info[w + W_LOWER]!;
  const lm1 = info[wm1 + W_LOWER]!;
  const lp1 = info[wp1 + W_LOWER]!;
  const s0 = info[w + W_SHAPE]!;
  const sm1 = info[wm1 + W_SHAPE]!;
  const sp1 = info[wp1 + W_SHAPE]!;
  h[c++] = mix(T_SM1S0, mix(sm1, s0));
  h[c++] = mix(T_S0SP1, mix(s0, sp1));
  h[c++] = mix(T_LM1L0, mix(lm1, l0));
  h[c++] = mix(T_L0LP1, mix(l0, lp1));
  h[c++] = mix(T_LM2LM1, mix(info[wm2 + W_LOWER]!, lm1));
  h[c++] = mix(T_LM1_S0, mix(lm1, s0));
  h[c++] = mix(T_S0_LP1, mix(s0, lp1));
  h[c++] = mix(T_LM3, i >= 3 ? info[at[k - 3]! + W_LOWER]! : BOS);
  h[c++] = mix(T_LP3, i + 3 < n ? info[at[k + 3]! + W_LOWER]! : EOS);
  const st0 = info[w + W_STEM]!;
  if (st0 !== 0) {
    const stm1 = info[wm1 + W_STEM]!;
    const stp1 = info[wp1 + W_STEM]!;
    if (stm1 !== 0) h[c++] = mix(T_STEMM1S0, mix(stm1, st0));
    if (stp1 !== 0) h[c++] = mix(T_STEMS0P1, mix(st0, stp1));
  }
  const flags = info[w + W_FLAGS]!;
  if (i === 0) {
    for (let b = 0; b < FLAG_COUNT; b++) if (flags & (1 << b)) h[c++] = mix(T_FLAG_FIRST, b);
    h[c++] = mix(T_FIRST_S0, s0);
  }
  if (i === n - 1) h[c++] = mix(T_LAST, s0);
  if (capsSentence) h[c++] = mix(T_CAPS_L0, l0);
  else if (i > 0 && flags & F_INIT_CAP) h[c++] = mix(T_CAPS_L0, 0x7fff); // capitalized mid-sentence
  const g0 = gaz[k]!;
  const gm1 = i >= 1 ? gaz[k - 1]! : 0;
  const gp1 = i + 1 < n ? gaz[k + 1]! : 0;
  if (g0 | gm1 | gp1) {
    for (let b = 0; b < GAZ_TYPES * 4; b++) {
      const bit = 1 << b;
      if (g0 & bit) h[c++] = mix(T_GAZ0, b);
      if (gm1 & bit) h[c++] = mix(T_GAZM1, b);
      if (gp1 & bit) h[c++] = mix(T_GAZP1, b);
    }
  }
  // entity names seen in the training data (type x position bits)
  const d0 = dict[k]!;
  const dm1 = i >= 1 ? dict[k - 1]! : 0;
  const dp1 = i + 1 < n ? dict[k + 1]! : 0;
  if (d0 | dm1 | dp1) {
    for (let b = 0; b < 32; b++) {
      const bit = 1 << b;
      if (d0 & bit) h[c++] = mix(T_DICT0, b);
      if (dm1 & bit) h[c++] = mix(T_DICTM1, b);
      if (dp1 & bit) h[c++] = mix(T_DICTP1, b);
    }
  }
  return c;
}

/**
 * All features of tokens [from, to) of a document into `buf` (token k = from + i at slot i).
 * `infos[k]` is the word-info of token k; `gaz[k]` its gazetteer bits. Training uses this;
 * the tagger computes the same sum from cached per-word groups (model.ts).
 */
export function sentenceFeatures(infos: readonly Int32Array[], gaz: Int32Array, dict: Int32Array, from: number, to: number, buf: FeatureBuffer): void {
  const n = to - from;
  buf.ensure(n, n * MAX_PER_TOKEN);
  const h = buf.hashes;
  const off = buf.offsets;
  // the sentence's word-infos as an arena for pairHashes (records 2.. are tokens from..to-1)
  if (buf.arena.length < (n + 2) * WORD_INFO_SIZE) buf.arena = new Int32Array((n + 2) * WORD_INFO_SIZE * 2);
  if (buf.at.length < to) buf.at = new Int32Array(to * 2);
  const arena = buf.arena;
  const at = buf.at;
  writeSentenceEdges(arena);
  for (let k = from; k < to; k++) {
    at[k] = (k - from + 2) * WORD_INFO_SIZE;
    arena.set(infos[k]!, at[k]!);
  }
  const capsSentence = isCapsSentence(arena, at, from, to);
  let c = 0;
  for (let i = 0; i < n; i++) {
    off[i] = c;
    const k = from + i;
    c = selfHashes(infos[k]!, h, c);
    c = leftHashes(i >= 1 ? infos[k - 1]! : BOS_INFO, h, c);
    c = rightHashes(i + 1 < n ? infos[k + 1]! : EOS_INFO, h, c);
    c = left2Hashes(i >= 2 ? infos[k - 2]! : BOS_INFO, h, c);
    c = right2Hashes(i + 2 < n ? infos[k + 2]! : EOS_INFO, h, c);
    c = pairHashes(arena, at, gaz, dict, from, to, i, capsSentence, h, c);
  }
  off[n] = c;
  buf.count = c;
}
