// The NER model file and the arrays a model tags with.
// File layout (after gunzip): "DNER" u32 headerBytes, JSON header, then aligned arrays:
// featureKeys u32[F], weights i16[F*T] (times header.weightScale), trans f32[T*T],
// start f32[T], end f32[T], gazKeys u32[G], gazValues u8[G], dictKeys u32[D] (aligned),
// dictValues u8[D], and (Persian) clusterKeys u32[C], clusterValues u8[C] after aligning.
// The dictionary holds hashed entity names seen in training (type bits).
//
// Decoded, every array of a model (weights, the feature hash table, the gazetteer tables)
// lies in ONE buffer. When that buffer is a SharedArrayBuffer, other threads can tag with
// the same memory: sharedTables describes it, adoptTables rebuilds the views (no copy).
import { gunzipSync, gzipSync } from 'node:zlib';
import { DaftarError } from '../../model/errors.js';
import { tagCount } from './decode.js';
import { FEATURE_VERSIONS } from './features.js';
import { Gazetteer } from './gazetteer.js';

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

/** A model as training produces it: plain entry lists. */
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

/** Names and element types of the arrays of NerTables, in buffer order. */
const TABLE_ARRAYS = {
  featureSlots: Int32Array,
  featureFilter: Int32Array,
  weights: Int16Array,
  trans: Float32Array,
  start: Float32Array,
  end: Float32Array,
  gazKeys: Uint32Array,
  dictKeys: Uint32Array,
  clusterKeys: Uint32Array,
  gazValues: Uint8Array,
  dictValues: Uint8Array,
  clusterValues: Uint8Array,
} as const;
type TableName = keyof typeof TABLE_ARRAYS;

/** Where each array of a model lies in its buffer: byte offset and element count. */
export type TableLayout = Record<TableName, { byteOffset: number; length: number }>;

/** A decoded model's arrays, all views of one buffer. */
export interface NerTables {
  header: NerModelHeader;
  /** Feature hash table, two int32 a slot: the key, then its weight row (-1 = empty slot). */
  featureSlots: Int32Array;
  /**
   * One bit per (key >>> filterShift(length)): set for every feature key of the model.
   * Most hashes of word pairs are no feature; this small array says so without touching
   * the larger hash table.
   */
  featureFilter: Int32Array;
  /** F x T weights as stored in the file: the weight is Math.fround(weights[i] x header.weightScale). */
  weights: Int16Array;
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
  /** Hash tables of the gazetteer, dictionary and clusters (Gazetteer's own layout; clusters may be empty). */
  gazKeys: Uint32Array;
  gazValues: Uint8Array;
  dictKeys: Uint32Array;
  dictValues: Uint8Array;
  clusterKeys: Uint32Array;
  clusterValues: Uint8Array;
  buffer: ArrayBuffer | SharedArrayBuffer;
  layout: TableLayout;
}

/**
 * A model's arrays in shared memory, as one thread hands them to another (workerData or
 * postMessage copy the header and layout and share the buffer).
 */
export interface SharedNerWeights {
  header: NerModelHeader;
  buffer: SharedArrayBuffer;
  layout: TableLayout;
}

const MAGIC = 0x524e4544; // "DNER" little-endian

function align4(n: number): number {
  return (n + 3) & ~3;
}

function align8(n: number): number {
  return (n + 7) & ~7;
}

/** Slots of the feature hash table for F features (at most half full). */
function featureSlotCount(F: number): number {
  let size = 16;
  while (size < F * 2) size <<= 1;
  return size;
}

/** Put feature keys into an empty feature hash table; row r is key r's. */
function fillFeatureSlots(featureKeys: Uint32Array, slots: Int32Array): void {
  slots.fill(-1);
  const mask = (slots.length >> 1) - 1;
  for (let r = 0; r < featureKeys.length; r++) {
    const key = featureKeys[r]! | 0;
    let s = key & mask;
    while (slots[2 * s + 1] !== -1) s = (s + 1) & mask;
    slots[2 * s] = key;
    slots[2 * s + 1] = r;
  }
}

/** Int32 words of the feature filter for F features: about 16 bits a feature, a power of two. */
function featureFilterWords(F: number): number {
  let bits = 1 << 10;
  while (bits < F * 16) bits <<= 1;
  return bits >> 5;
}

/** Right shift taking a key to its bit in a filter of `words` int32 words. */
export function filterShift(words: number): number {
  return 32 - Math.log2(words * 32);
}

function fillFeatureFilter(featureKeys: Uint32Array, filter: Int32Array): void {
  const shift = filterShift(filter.length);
  for (let r = 0; r < featureKeys.length; r++) {
    const bit = featureKeys[r]! >>> shift;
    filter[bit >>> 5]! |= 1 << (bit & 31);
  }
}

/** Views of every array of a layout over `buffer`. */
function viewTables(header: NerModelHeader, buffer: ArrayBuffer | SharedArrayBuffer, layout: TableLayout): NerTables {
  const views: Partial<Record<TableName, unknown>> = {};
  for (const name of Object.keys(TABLE_ARRAYS) as TableName[]) {
    const { byteOffset, length } = layout[name];
    views[name] = new TABLE_ARRAYS[name](buffer as ArrayBuffer, byteOffset, length) // views work on either buffer kind;
  }
  return { header, buffer, layout, ...(views as Omit<NerTables, 'header' | 'buffer' | 'layout'>) };
}

/** One buffer (shared or not) sized for arrays of the given lengths, and their views. */
function allocateTables(header: NerModelHeader, lengths: Record<TableName, number>, shared: boolean): NerTables {
  const layout = {} as TableLayout;
  let bytes = 0;
  for (const name of Object.keys(TABLE_ARRAYS) as TableName[]) {
    layout[name] = { byteOffset: bytes, length: lengths[name] };
    bytes = align8(bytes + lengths[name] * TABLE_ARRAYS[name].BYTES_PER_ELEMENT);
  }
  const buffer = shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
  return viewTables(header, buffer, layout);
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

/**
 * Read a gzip model file's bytes into the arrays a model tags with, in one ArrayBuffer,
 * or in one SharedArrayBuffer when `shared`.
 */
export function decodeTables(gz: Uint8Array, name: string, shared: boolean): NerTables {
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
  const D = header.dictionary ?? 0;
  const C = header.clusters ?? 0;
  // the file's arrays, aligned: gunzip output may not be 4-byte aligned
  const ab = new ArrayBuffer(raw.length);
  new Uint8Array(ab).set(raw);
  let o = 8 + align4(hlen);
  const featureKeys = new Uint32Array(ab, o, F);
  o += 4 * F;
  const q = new Int16Array(ab, o, F * T);
  o += align4(2 * F * T);
  const trans = new Float32Array(ab, o, T * T);
  o += 4 * T * T;
  const start = new Float32Array(ab, o, T);
  o += 4 * T;
  const end = new Float32Array(ab, o, T);
  o += 4 * T;
  const gazKeys = new Uint32Array(ab, o, G);
  o += 4 * G;
  const gazValues = new Uint8Array(ab, o, G);
  o += align4(G);
  const dictKeys = new Uint32Array(ab, o, D);
  o += 4 * D;
  const dictValues = new Uint8Array(ab, o, D);
  o += align4(D); // clusters follow only when there are any
  const clusterKeys = C > 0 ? new Uint32Array(ab, o, C) : new Uint32Array(0);
  o += 4 * C;
  const clusterValues = C > 0 ? new Uint8Array(ab, o, C) : new Uint8Array(0);
  const gazSlots = Gazetteer.tableSize(G);
  const dictSlots = Gazetteer.tableSize(D);
  const clusterSlots = C > 0 ? Gazetteer.tableSize(C) : 0;
  const t = allocateTables(
    header,
    {
      featureSlots: 2 * featureSlotCount(F),
      featureFilter: featureFilterWords(F),
      weights: F * T,
      trans: T * T,
      start: T,
      end: T,
      gazKeys: gazSlots,
      dictKeys: dictSlots,
      clusterKeys: clusterSlots,
      gazValues: gazSlots,
      dictValues: dictSlots,
      clusterValues: clusterSlots,
    },
    shared,
  );
  fillFeatureSlots(featureKeys, t.featureSlots);
  fillFeatureFilter(featureKeys, t.featureFilter);
  t.weights.set(q);
  t.trans.set(trans);
  t.start.set(start);
  t.end.set(end);
  Gazetteer.fillTable(gazKeys, gazValues, t.gazKeys, t.gazValues);
  Gazetteer.fillTable(dictKeys, dictValues, t.dictKeys, t.dictValues);
  if (C > 0) Gazetteer.fillTable(clusterKeys, clusterValues, t.clusterKeys, t.clusterValues);
  return t;
}

/** The same arrays in a SharedArrayBuffer (the tables themselves when already shared). */
export function shareTables(tables: NerTables): NerTables {
  if (tables.buffer instanceof SharedArrayBuffer) return tables;
  const buffer = new SharedArrayBuffer(tables.buffer.byteLength);
  new Uint8Array(buffer).set(new Uint8Array(tables.buffer));
  return viewTables(tables.header, buffer, tables.layout);
}

/** Views over arrays another thread decoded into shared memory (nothing is copied). */
export function adoptTables(shared: SharedNerWeights): NerTables {
  const { header, buffer, layout } = shared;
  if (!(buffer instanceof SharedArrayBuffer)) throw new DaftarError('invalid_input', 'shared NER weights: the buffer is not a SharedArrayBuffer');
  const want = FEATURE_VERSIONS[header.lang];
  if (header.featureVersion !== want) throw new DaftarError('invalid_input', `shared NER weights built for features v${header.featureVersion}, code has v${want}`);
  for (const name of Object.keys(TABLE_ARRAYS) as TableName[]) {
    const part = layout[name];
    if (!part || part.byteOffset % 8 !== 0 || part.byteOffset + part.length * TABLE_ARRAYS[name].BYTES_PER_ELEMENT > buffer.byteLength) {
      throw new DaftarError('invalid_input', `shared NER weights: array ${name} lies outside the buffer`);
    }
  }
  return viewTables(header, buffer, layout);
}
