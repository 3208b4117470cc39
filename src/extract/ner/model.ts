// The trained NER model: sparse feature weights (one row of T floats per kept feature
// hash), BILOU transitions, and the gazetteer, in one gzip file under models/.
// File layout (after gunzip): "DNER" u32 headerBytes, JSON header, then aligned arrays:
// featureKeys u32[F], weights i16[F*T] (times header.weightScale), trans f32[T*T],
// start f32[T], end f32[T], gazKeys u32[G], gazValues u8[G], dictKeys u32[D] (aligned),
// dictValues u8[D]. The dictionary holds hashed entity names seen in training (type bits).
import { gunzipSync, gzipSync } from 'node:zlib';
import { DaftarError } from '../../model/errors.js';
import { allowedTable, tagCount, viterbi, type MoveTable } from './decode.js';
import {
  BOS_INFO,
  EOS_INFO,
  FEATURE_VERSIONS,
  isCapsSentence,
  left2Hashes,
  leftHashes,
  pairHashes,
  right2Hashes,
  rightHashes,
  selfHashes,
} from './features.js';
import { Gazetteer } from './gazetteer.js';
import { computeWordInfo, F_ALL_CAPS, F_ARABIC_SCRIPT, F_HAS_LOWER, F_INIT_CAP, F_PUNCT, W_CLUSTER, W_FLAGS, W_LOWER, WordInfoCache } from './word-info.js';

export interface NerModelHeader {
  format: 1;
  featureVersion: number;
  lang: 'en' | 'fa';
  /** Entity types of the training data, in tag order, e.g. ["PER","ORG","LOC","MISC"]. */
  types: string[];
  features: number;
  gazetteer: number;
  dictionary: number;
  /** Entries of the word-cluster table (absent = none). */
  clusters?: number;
  weightScale: number;
  /** Softmax temperature turning local scores into a 0..1 token confidence. */
  confidenceScale: number;
  /**
   * Entity confidence = floor + span x (lowest token confidence), fitted by least squares
   * on the dev split so that it tracks the share of correct entities.
   */
  confidenceFloor: number;
  confidenceSpan: number;
  trainedOn: string;
}

export interface NerModelParts {
  header: NerModelHeader;
  featureKeys: Uint32Array;
  weights: Float32Array; // F x T
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
  gazKeys: Uint32Array;
  gazValues: Uint8Array;
  dictKeys: Uint32Array;
  dictValues: Uint8Array;
  /** Word clusters: folded-word hash -> cluster + 1 (Persian; empty for English). */
  clusterKeys?: Uint32Array;
  clusterValues?: Uint8Array;
}

const MAGIC = 0x524e4544; // "DNER" little-endian

function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Serialize a model (weights quantized to 16 bits) and gzip it. */
export function encodeModel(parts: NerModelParts): Buffer {
  const T = tagCount(parts.header.types.length);
  const F = parts.featureKeys.length;
  let maxAbs = 0;
  for (let i = 0; i < parts.weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(parts.weights[i]!));
  const weightScale = maxAbs > 0 ? maxAbs / 32767 : 1;
  const C = parts.clusterKeys?.length ?? 0;
  const header: NerModelHeader = { ...parts.header, features: F, gazetteer: parts.gazKeys.length, dictionary: parts.dictKeys.length, weightScale };
  if (C > 0) header.clusters = C;
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const G = parts.gazKeys.length;
  const D = parts.dictKeys.length;
  const size = 8 + align4(headerBytes.length) + 4 * F + align4(2 * F * T) + 4 * (T * T + 2 * T) + 4 * G + align4(G) + 4 * D + (C > 0 ? align4(D) + 5 * C : D);
  const buf = Buffer.alloc(size);
  buf.writeUInt32LE(MAGIC, 0);
  buf.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(buf, 8);
  let o = 8 + align4(headerBytes.length);
  new Uint32Array(buf.buffer, buf.byteOffset + o, F).set(parts.featureKeys);
  o += 4 * F;
  const q = new Int16Array(buf.buffer, buf.byteOffset + o, F * T);
  for (let i = 0; i < F * T; i++) q[i] = Math.round(parts.weights[i]! / weightScale);
  o += align4(2 * F * T);
  new Float32Array(buf.buffer, buf.byteOffset + o, T * T).set(parts.trans);
  o += 4 * T * T;
  new Float32Array(buf.buffer, buf.byteOffset + o, T).set(parts.start);
  o += 4 * T;
  new Float32Array(buf.buffer, buf.byteOffset + o, T).set(parts.end);
  o += 4 * T;
  new Uint32Array(buf.buffer, buf.byteOffset + o, G).set(parts.gazKeys);
  o += 4 * G;
  new Uint8Array(buf.buffer, buf.byteOffset + o, G).set(parts.gazValues);
  o += align4(G);
  new Uint32Array(buf.buffer, buf.byteOffset + o, D).set(parts.dictKeys);
  o += 4 * D;
  new Uint8Array(buf.buffer, buf.byteOffset + o, D).set(parts.dictValues);
  if (C > 0) {
    o += align4(D);
    new Uint32Array(buf.buffer, buf.byteOffset + o, C).set(parts.clusterKeys!);
    o += 4 * C;
    new Uint8Array(buf.buffer, buf.byteOffset + o, C).set(parts.clusterValues!);
  }
  return gzipSync(buf, { level: 9 });
}

/** Read a gzip model file's bytes into a ready model. */
export function decodeModel(gz: Uint8Array, name = 'model'): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (err) {
    throw new DaftarError('invalid_input', `${name}: NER model file is damaged (not gzip); run npm run train`, { cause: err });
  }
  if (raw.length < 8 || raw.readUInt32LE(0) !== MAGIC) throw new DaftarError('invalid_input', `${name}: not a Daftar NER model; run npm run train`);
  const hlen = raw.readUInt32LE(4);
  const header = JSON.parse(raw.subarray(8, 8 + hlen).toString('utf8')) as NerModelHeader;
  const want = FEATURE_VERSIONS[header.lang];
  if (header.featureVersion !== want) {
    throw new DaftarError('invalid_input', `${name}: NER model built for features v${header.featureVersion}, code has v${want}; run npm run train`);
  }
  const T = tagCount(header.types.length);
  const F = header.features;
  const G = header.gazetteer;
  // copy into a fresh aligned buffer: gunzip output may not be 4-byte aligned
  const ab = new ArrayBuffer(raw.length);
  new Uint8Array(ab).set(raw);
  let o = 8 + align4(hlen);
  const featureKeys = new Uint32Array(ab, o, F);
  o += 4 * F;
  const q = new Int16Array(ab, o, F * T);
  o += align4(2 * F * T);
  const weights = new Float32Array(F * T);
  for (let i = 0; i < F * T; i++) weights[i] = q[i]! * header.weightScale;
  const trans = new Float32Array(ab.slice(o, o + 4 * T * T));
  o += 4 * T * T;
  const start = new Float32Array(ab.slice(o, o + 4 * T));
  o += 4 * T;
  const end = new Float32Array(ab.slice(o, o + 4 * T));
  o += 4 * T;
  const gazKeys = new Uint32Array(ab.slice(o, o + 4 * G));
  o += 4 * G;
  const gazValues = new Uint8Array(ab.slice(o, o + G));
  o += align4(G);
  const D = header.dictionary ?? 0;
  const dictKeys = new Uint32Array(ab.slice(o, o + 4 * D));
  o += 4 * D;
  const dictValues = new Uint8Array(ab.slice(o, o + D));
  const C = header.clusters ?? 0;
  let clusterKeys: Uint32Array | undefined;
  let clusterValues: Uint8Array | undefined;
  if (C > 0) {
    o += align4(D);
    clusterKeys = new Uint32Array(ab.slice(o, o + 4 * C));
    o += 4 * C;
    clusterValues = new Uint8Array(ab.slice(o, o + C));
  }
  return new NerModel({ header, featureKeys: featureKeys.slice(), weights, trans, start, end, gazKeys, gazValues, dictKeys, dictValues, clusterKeys, clusterValues });
}

/** Gazetteer eligibility of a token: 1 may start a name, 2 may only continue one, 0 neither. */
function eligibility(info: Int32Array, lang: 'en' | 'fa'): number {
  const f = info[W_FLAGS]!;
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

/** A word's features and the summed weights of each of its one-word feature groups. */
interface WordEntry {
  info: Int32Array;
  groups: Float32Array; // GROUPS x T
}

/** A document's tokens ready for tagging. */
export interface PreparedTokens {
  infos: Int32Array[];
  entries: WordEntry[];
  gaz: Int32Array;
  dict: Int32Array;
}

export class NerModel {
  readonly header: NerModelHeader;
  readonly T: number;
  readonly gazetteer: Gazetteer;
  readonly dictionary: Gazetteer;
  /** Word clusters (folded-word hash -> cluster + 1), null when the model has none. */
  readonly clusters: Gazetteer | null;
  private readonly slotRows: Int32Array;
  private readonly slotKeys: Uint32Array;
  private readonly mask: number;
  readonly weights: Float32Array;
  readonly trans: Float32Array;
  readonly start: Float32Array;
  readonly end: Float32Array;
  private readonly moves: MoveTable;
  // Bounded: cleared when full. 100k words x 5 groups x T floats is 34 MB (English) to
  // 50 MB (Persian); a news archive's working vocabulary mostly fits.
  private words = new Map<string, WordEntry>();
  private readonly capacity = 100_000;
  private readonly bos: WordEntry;
  private readonly eos: WordEntry;
  private readonly scratch = new Uint32Array(256);
  private em = new Float32Array(0);
  private back = new Uint8Array(0);
  private tagScratch = new Int32Array(0);
  private readonly cur: Float64Array;
  private readonly prev: Float64Array;

  constructor(parts: NerModelParts) {
    this.header = parts.header;
    this.T = tagCount(parts.header.types.length);
    this.weights = parts.weights;
    this.trans = parts.trans;
    this.start = parts.start;
    this.end = parts.end;
    this.gazetteer = new Gazetteer(parts.gazKeys, parts.gazValues);
    this.dictionary = new Gazetteer(parts.dictKeys, parts.dictValues);
    this.clusters = parts.clusterKeys && parts.clusterKeys.length > 0 ? new Gazetteer(parts.clusterKeys, parts.clusterValues!) : null;
    const F = parts.featureKeys.length;
    let size = 16;
    while (size < F * 2) size <<= 1;
    this.mask = size - 1;
    this.slotRows = new Int32Array(size).fill(-1);
    this.slotKeys = new Uint32Array(size);
    for (let r = 0; r < F; r++) {
      const key = parts.featureKeys[r]!;
      let s = key & this.mask;
      while (this.slotRows[s] !== -1) s = (s + 1) & this.mask;
      this.slotRows[s] = r;
      this.slotKeys[s] = key;
    }
    this.moves = allowedTable(this.T);
    this.cur = new Float64Array(this.T);
    this.prev = new Float64Array(this.T);
    this.bos = this.entryOf(BOS_INFO);
    this.eos = this.entryOf(EOS_INFO);
  }

  /** Row of a feature hash, -1 when the model has no weight for it. */
  row(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const r = this.slotRows[s]!;
      if (r === -1 || this.slotKeys[s] === key) return r;
      s = (s + 1) & this.mask;
    }
  }

  /** Add the weight rows of hashes h[0..count) into out[base .. base+T). */
  private addRows(h: Uint32Array, count: number, out: Float32Array, base: number): void {
    const T = this.T;
    const W = this.weights;
    for (let k = 0; k < count; k++) {
      const r = this.row(h[k]!);
      if (r < 0) continue;
      const wr = r * T;
      for (let t = 0; t < T; t++) out[base + t] += W[wr + t]!;
    }
  }

  private entryOf(info: Int32Array): WordEntry {
    const T = this.T;
    const groups = new Float32Array(GROUPS * T);
    const h = this.scratch;
    this.addRows(h, selfHashes(info, h, 0), groups, 0);
    this.addRows(h, leftHashes(info, h, 0), groups, T);
    this.addRows(h, rightHashes(info, h, 0), groups, 2 * T);
    this.addRows(h, left2Hashes(info, h, 0), groups, 3 * T);
    this.addRows(h, right2Hashes(info, h, 0), groups, 4 * T);
    return { info, groups };
  }

  /** Word entries and gazetteer bits for a document's tokens. */
  prepare(words: readonly string[]): PreparedTokens {
    const n = words.length;
    const infos = new Array<Int32Array>(n);
    const entries = new Array<WordEntry>(n);
    const lowers = new Int32Array(n);
    const eligible = new Uint8Array(n);
    const lang = this.header.lang;
    for (let i = 0; i < n; i++) {
      const w = words[i]!;
      let e = this.words.get(w);
      if (e === undefined) {
        const info = computeWordInfo(w);
        if (this.clusters !== null) info[W_CLUSTER] = this.clusters.lookup(info[W_LOWER]!);
        e = this.entryOf(info);
        if (w.length <= 64) {
          if (this.words.size >= this.capacity) this.words = new Map();
          this.words.set(w, e);
        }
      }
      entries[i] = e;
      infos[i] = e.info;
      lowers[i] = e.info[W_LOWER]!;
      eligible[i] = eligibility(e.info, lang);
    }
    const gaz = new Int32Array(n);
    this.gazetteer.mark(lowers, eligible, 0, n, gaz);
    const dict = new Int32Array(n);
    this.dictionary.mark(lowers, eligible, 0, n, dict, this.header.types.length);
    return { infos, entries, gaz, dict };
  }

  /**
   * Tag tokens [from, to) (one sentence) of a prepared document; writes BILOU tags and
   * confidences at indices from..to-1 of `out`.
   */
  tagSentence(doc: PreparedTokens, from: number, to: number, out: TaggedTokens): void {
    const n = to - from;
    if (n <= 0) return;
    const T = this.T;
    if (this.em.length < n * T) {
      this.em = new Float32Array(n * T * 2);
      this.back = new Uint8Array(n * T * 2);
      this.tagScratch = new Int32Array(n * 2);
    }
    const em = this.em;
    const { infos, entries, gaz, dict } = doc;
    const caps = isCapsSentence(infos, from, to);
    const h = this.scratch;
    const T2 = 2 * T;
    const T3 = 3 * T;
    const T4 = 4 * T;
    for (let i = 0; i < n; i++) {
      const k = from + i;
      const base = i * T;
      const g0 = entries[k]!.groups;
      const gl = (i >= 1 ? entries[k - 1]! : this.bos).groups;
      const gr = (i + 1 < n ? entries[k + 1]! : this.eos).groups;
      const gl2 = (i >= 2 ? entries[k - 2]! : this.bos).groups;
      const gr2 = (i + 2 < n ? entries[k + 2]! : this.eos).groups;
      for (let t = 0; t < T; t++) em[base + t] = g0[t]! + gl[T + t]! + gr[T2 + t]! + gl2[T3 + t]! + gr2[T4 + t]!;
      this.addRows(h, pairHashes(infos, gaz, dict, from, to, i, caps, h, 0), em, base);
    }
    const tags = this.tagScratch;
    viterbi(em, n, T, this.trans, this.start, this.end, this.moves, tags, this.back, this.cur, this.prev);
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
