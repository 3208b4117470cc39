// The trained NER model: sparse feature weights (one row of T floats per kept feature
// hash), BILOU transitions, and the gazetteer (file format and array layout: model-file.ts),
// with a cache of per-word feature scores for tagging.
import { bilouScratch, tagCount, viterbiBilou, type BilouScratch } from './decode.js';
import {
  BOS_INFO,
  EOS_INFO,
  isCapsSentence,
  left2Hashes,
  leftHashes,
  pairHashes,
  right2Hashes,
  rightHashes,
  selfHashes,
} from './features.js';
import { GAZ_TYPES, Gazetteer } from './gazetteer.js';
import { adoptTables, decodeTables, filterShift, shareTables, type NerModelHeader, type NerTables, type SharedNerWeights } from './model-file.js';
import { computeWordInfo, F_ALL_CAPS, F_ARABIC_SCRIPT, F_HAS_LOWER, F_INIT_CAP, F_PUNCT, W_CLUSTER, W_FLAGS, W_LOWER, WORD_INFO_SIZE, WordInfoCache } from './word-info.js';

export { encodeModel, type NerModelHeader, type NerModelParts, type SharedNerWeights } from './model-file.js';

/** Read a gzip model file's bytes into a ready model (its arrays in shared memory when `shared`). */
export function decodeModel(gz: Uint8Array, name = 'model', options: { shared?: boolean } = {}): NerModel {
  return new NerModel(decodeTables(gz, name, options.shared ?? false));
}

/** A model over arrays another thread put in shared memory (see NerModel.sharedWeights). */
export function modelFromSharedWeights(shared: SharedNerWeights): NerModel {
  return new NerModel(adoptTables(shared));
}

/** Gazetteer eligibility of a token: 1 may start a name, 2 may only continue one, 0 neither. */
function eligibility(info: Int32Array, lang: 'en' | 'fa'): number {
  return eligibilityOfFlags(info[W_FLAGS]!, lang);
}

function eligibilityOfFlags(f: number, lang: 'en' | 'fa'): number {
  if (f & F_PUNCT) return 0;
  if (lang === 'fa' && f & F_ARABIC_SCRIPT) return 1;
  if (f & (F_INIT_CAP | F_ALL_CAPS)) return 1;
  if (f & F_HAS_LOWER) return 2; // "Isle of Man", "Rio de Janeiro"
  return 0;
}

/** Word-info records and gazetteer bits of a token sequence (shared by training and tagging). */
export function prepareTokens(
  words: readonly string[],
  lang: 'en' | 'fa',
  gazetteer: Gazetteer,
  dictionary: Gazetteer,
  types: number,
  cache: WordInfoCache,
  clusters: Gazetteer | null = null,
): { infos: Int32Array[]; gaz: Int32Array; dict: Int32Array } {
  const n = words.length;
  const infos = new Array<Int32Array>(n);
  const lowers = new Int32Array(n);
  const eligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const info = cache.get(words[i]!);
    if (clusters !== null) info[W_CLUSTER] = clusters.lookup(info[W_LOWER]!);
    infos[i] = info;
    lowers[i] = info[W_LOWER]!;
    eligible[i] = eligibility(info, lang);
  }
  const gaz = new Int32Array(n);
  gazetteer.mark(lowers, eligible, 0, n, gaz);
  const dict = new Int32Array(n);
  dictionary.mark(lowers, eligible, 0, n, dict, types);
  return { infos, gaz, dict };
}

/** Tags and per-token confidences of one document. */
export interface TaggedTokens {
  tags: Int32Array;
  confidence: Float32Array;
}

/** Number of cached score groups per word: self, as left, right, left-2, right-2 neighbour. */
const GROUPS = 5;

/** Word ids of the pseudo-words before and after a sentence (records 0 and 1 of the word store). */
const BOS_ID = 0;
const EOS_ID = 1;

/** A document's tokens ready for tagging; valid until the model's next prepare(). */
export interface PreparedTokens {
  /** Word id of each token in the model's word store. */
  ids: Int32Array;
  /** Offset of each token's word-info in the model's word-info arena (ids x WORD_INFO_SIZE). */
  at: Int32Array;
  gaz: Int32Array;
  dict: Int32Array;
  /** The word store's generation when prepared (the store is cleared between documents when full). */
  generation: number;
}

export class NerModel {
  readonly header: NerModelHeader;
  readonly T: number;
  readonly tables: NerTables;
  readonly gazetteer: Gazetteer;
  readonly dictionary: Gazetteer;
  /** Word clusters (folded-word hash -> cluster + 1), null when the model has none. */
  readonly clusters: Gazetteer | null;
  private readonly slots: Int32Array;
  private readonly mask: number;
  private readonly filter: Int32Array;
  private readonly filterShift: number;
  /** Weights as 16-bit integers: weight(r, t) = Math.fround(quantized[r * T + t] x scale). */
  readonly quantized: Int16Array;
  private readonly scale: number;
  readonly trans: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  private readonly bilou: BilouScratch;
  // The word store: every distinct word seen keeps its word-info (WORD_INFO_SIZE int32) and
  // the summed weights of its one-word feature groups (GROUPS x T float32), in two arrays
  // indexed by word id. Bounded: cleared between documents once it holds `capacity` words.
  // 60k words are 25 MB (English) to 35 MB (Persian) per thread; a news archive's working
  // vocabulary mostly fits (2,095 BBC articles tag as fast as with 100k; 30k was 30% slower).
  private wordIds = new Map<string, number>();
  private info = new Int32Array(0);
  private groups = new Float32Array(0);
  private wordCount = 0;
  private generation = 0;
  private readonly capacity: number;
  private readonly initialWords: number;
  private readonly scratch = new Uint32Array(256);
  private lowers = new Int32Array(0);
  private eligible = new Uint8Array(0);
  private em = new Float32Array(0);
  private back = new Uint8Array(0);
  private tagScratch = new Int32Array(0);

  /** `wordCapacity`: words the word store holds before it is cleared (default 60,000). */
  constructor(tables: NerTables, options: { wordCapacity?: number } = {}) {
    this.capacity = options.wordCapacity ?? 60_000;
    this.initialWords = Math.min(4096, Math.max(16, this.capacity));
    this.tables = tables;
    this.header = tables.header;
    this.T = tagCount(tables.header.types.length);
    this.quantized = tables.weights;
    this.scale = tables.header.weightScale;
    this.trans = tables.trans;
    this.start = tables.start;
    this.end = tables.end;
    this.gazetteer = new Gazetteer(tables.gazKeys, tables.gazValues, true);
    this.dictionary = new Gazetteer(tables.dictKeys, tables.dictValues, true);
    this.clusters = tables.clusterKeys.length > 0 ? new Gazetteer(tables.clusterKeys, tables.clusterValues, true) : null;
    this.slots = tables.featureSlots;
    this.mask = (this.slots.length >> 1) - 1;
    this.filter = tables.featureFilter;
    this.filterShift = filterShift(this.filter.length);
    this.bilou = bilouScratch(this.T, this.trans);
    this.clearWords();
  }

  /** The model's arrays as another thread can adopt them, or null when they are not in shared memory. */
  sharedWeights(): SharedNerWeights | null {
    const t = this.tables;
    return t.buffer instanceof SharedArrayBuffer ? { header: t.header, buffer: t.buffer, layout: t.layout } : null;
  }

  /** A model over the same arrays copied into shared memory (this one when they already are). */
  toShared(): NerModel {
    return this.tables.buffer instanceof SharedArrayBuffer ? this : new NerModel(shareTables(this.tables));
  }

  /** Row of a feature hash, -1 when the model has no weight for it. */
  row(key: number): number {
    const bit = key >>> this.filterShift;
    if ((this.filter[bit >>> 5]! & (1 << (bit & 31))) === 0) return -1;
    const slots = this.slots;
    const mask = this.mask;
    const k = key | 0;
    let s = k & mask;
    for (;;) {
      const r = slots[2 * s + 1]!;
      if (r === -1 || slots[2 * s] === k) return r;
      s = (s + 1) & mask;
    }
  }

  /** Weight of feature row r for tag t (a float32 value). */
  weight(r: number, t: number): number {
    return Math.fround(this.quantized[r * this.T + t]! * this.scale);
  }

  /**
   * Add the weight rows of hashes h[0..count) into out[base .. base+T), in that order
   * (float32 sums: the order fixes the last bits). Weights are read as 16-bit integers,
   * half the memory of float32 rows, and scaled to the same float32 values.
   */
  private addRows(h: Uint32Array, count: number, out: Float32Array, base: number): void {
    const T = this.T;
    const Q = this.quantized;
    const scale = this.scale;
    for (let k = 0; k < count; k++) {
      const r = this.row(h[k]!);
      if (r < 0) continue;
      const wr = r * T;
      for (let t = 0; t < T; t++) out[base + t] += Math.fround(Q[wr + t]! * scale);
    }
  }

  /** Empty the word store, keeping only the sentence-edge pseudo-words. */
  private clearWords(): void {
    this.wordIds = new Map();
    // the arrays are kept (their slots are overwritten) unless a huge document grew them
    const slots = this.info.length / WORD_INFO_SIZE;
    if (slots === 0 || slots > 2 * Math.max(this.capacity, this.initialWords)) {
      this.info = new Int32Array(this.initialWords * WORD_INFO_SIZE);
      this.groups = new Float32Array(this.initialWords * GROUPS * this.T);
    }
    this.wordCount = 0;
    this.generation++;
    this.storeWord(BOS_INFO); // BOS_ID
    this.storeWord(EOS_INFO); // EOS_ID
  }

  /** Add a word-info to the store with its feature-group scores; returns its id. */
  private storeWord(info: Int32Array): number {
    const T = this.T;
    const GT = GROUPS * T;
    const id = this.wordCount++;
    if ((id + 1) * WORD_INFO_SIZE > this.info.length) {
      const words = 2 * (this.info.length / WORD_INFO_SIZE);
      const nextInfo = new Int32Array(words * WORD_INFO_SIZE);
      nextInfo.set(this.info);
      this.info = nextInfo;
      const nextGroups = new Float32Array(words * GT);
      nextGroups.set(this.groups);
      this.groups = nextGroups;
    }
    this.info.set(info, id * WORD_INFO_SIZE);
    const groups = this.groups;
    const g = id * GT;
    groups.fill(0, g, g + GT);
    const h = this.scratch;
    this.addRows(h, selfHashes(info, h, 0), groups, g);
    this.addRows(h, leftHashes(info, h, 0), groups, g + T);
    this.addRows(h, rightHashes(info, h, 0), groups, g + 2 * T);
    this.addRows(h, left2Hashes(info, h, 0), groups, g + 3 * T);
    this.addRows(h, right2Hashes(info, h, 0), groups, g + 4 * T);
    return id;
  }

  /** Word ids, word-info offsets and gazetteer bits for a document's tokens. */
  prepare(words: readonly string[]): PreparedTokens {
    if (this.wordCount > this.capacity) this.clearWords();
    const n = words.length;
    const ids = new Int32Array(n);
    const at = new Int32Array(n);
    if (this.lowers.length < n) {
      this.lowers = new Int32Array(n);
      this.eligible = new Uint8Array(n);
    }
    const lowers = this.lowers;
    const eligible = this.eligible;
    const lang = this.header.lang;
    const map = this.wordIds;
    const clusters = this.clusters;
    let info = this.info;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      let id = map.get(w);
      if (id === undefined) {
        const wi = computeWordInfo(w);
        if (clusters !== null) wi[W_CLUSTER] = clusters.lookup(wi[W_LOWER]!);
        id = this.storeWord(wi);
        info = this.info; // the store may have grown
        if (w.length <= 64) map.set(w, id);
      }
      const o = id * WORD_INFO_SIZE;
      ids[i] = id;
      at[i] = o;
      lowers[i] = info[o + W_LOWER]!;
      eligible[i] = eligibilityOfFlags(info[o + W_FLAGS]!, lang);
    }
    const gaz = new Int32Array(n);
    const dict = new Int32Array(n);
    this.gazetteer.markWith(this.dictionary, lowers, eligible, 0, n, gaz, GAZ_TYPES, dict, this.header.types.length);
    if (n > 1 << 16) {
      // a huge document's scratch is not kept
      this.lowers = new Int32Array(0);
      this.eligible = new Uint8Array(0);
    }
    return { ids, at, gaz, dict, generation: this.generation };
  }

  /**
   * Tag tokens [from, to) (one sentence) of a prepared document; writes BILOU tags and
   * confidences at indices from..to-1 of `out`.
   */
  tagSentence(doc: PreparedTokens, from: number, to: number, out: TaggedTokens): void {
    const n = to - from;
    if (n <= 0) return;
    if (doc.generation !== this.generation) throw new Error('NerModel.tagSentence: the tokens were prepared before the word store was cleared; prepare them again');
    const T = this.T;
    if (this.em.length < n * T) {
      this.em = new Float32Array(n * T * 2);
      this.back = new Uint8Array(n * T * 2);
      this.tagScratch = new Int32Array(n * 2);
    }
    const em = this.em;
    const { ids, at, gaz, dict } = doc;
    const info = this.info;
    const G = this.groups;
    const GT = GROUPS * T;
    const caps = isCapsSentence(info, at, from, to);
    const h = this.scratch;
    for (let i = 0; i < n; i++) {
      const k = from + i;
      const base = i * T;
      const a0 = ids[k]! * GT;
      const a1 = (i >= 1 ? ids[k - 1]! : BOS_ID) * GT + T;
      const a2 = (i + 1 < n ? ids[k + 1]! : EOS_ID) * GT + 2 * T;
      const a3 = (i >= 2 ? ids[k - 2]! : BOS_ID) * GT + 3 * T;
      const a4 = (i + 2 < n ? ids[k + 2]! : EOS_ID) * GT + 4 * T;
      for (let t = 0; t < T; t++) em[base + t] = G[a0 + t]! + G[a1 + t]! + G[a2 + t]! + G[a3 + t]! + G[a4 + t]!;
      this.addRows(h, pairHashes(info, at, gaz, dict, from, to, i, caps, h, 0), em, base);
    }
    const tags = this.tagScratch;
    viterbiBilou(em, n, T, this.trans, this.start, this.end, tags, this.back, this.bilou);
    // Confidence: the share of the chosen entity TYPE (its B, I, L and U tags together) in
    // a softmax over local scores (emission plus transition from the chosen previous tag).
    // Cheap; ranks doubtful tokens lower. Boundary-part doubt (I vs L) does not count.
    const scale = this.header.confidenceScale;
    for (let i = 0; i < n; i++) {
      const tag = tags[i]!;
      out.tags[from + i] = tag;
      if (tag === 0) {
        out.confidence[from + i] = 1;
        continue;
      }
      const p = i > 0 ? tags[i - 1]! : -1;
      const type = (tag - 1) >> 2;
      let max = -Infinity;
      const base = i * T;
      for (let t = 0; t < T; t++) {
        const s = em[base + t]! + (p >= 0 ? this.trans[p * T + t]! : this.start[t]!);
        if (s > max) max = s;
      }
      let z = 0;
      let mine = 0;
      for (let t = 0; t < T; t++) {
        const s = em[base + t]! + (p >= 0 ? this.trans[p * T + t]! : this.start[t]!);
        const e = Math.exp((s - max) * scale);
        z += e;
        if (t !== 0 && ((t - 1) >> 2) === type) mine += e;
      }
      out.confidence[from + i] = mine / z;
    }
  }
}
