// Gazetteer: a set of hashed token sequences (country and city names), each with a
// type bit mask. Stored as hashes only, so the model file stays small (~4 bytes a name)
// and lookups are integer probes. A hit is a feature, never a decision: the tagger
// learns how far to trust "Reading" or "Of" being a town somewhere.
import { FNV_OFFSET, mix } from './word-info.js';

export const GAZ_COUNTRY = 0;
export const GAZ_CITY_BIG = 1; // population >= 100,000
export const GAZ_CITY = 2;
export const GAZ_PLACE_FA = 3; // hand-written Persian place list
export const GAZ_PERSON_WORD = 4; // a word of person names (Wikidata labels, CC0)
export const GAZ_TYPES = 5;
export const GAZ_MAX_TOKENS = 5;

/** Hash of a sequence of folded-word hashes. */
export function sequenceHash(lowerHashes: ArrayLike<number>, from: number, to: number): number {
  let g = FNV_OFFSET;
  for (let i = from; i < to; i++) g = mix(g, lowerHashes[i]!);
  return g;
}

export class Gazetteer {
  readonly keys: Uint32Array;
  readonly values: Uint8Array;
  private readonly mask: number;

  /**
   * A gazetteer of the given entries; or, with `table`, one that adopts `keys` and
   * `values` as its hash table as they are (built by Gazetteer.fillTable, e.g. in a
   * SharedArrayBuffer another thread built).
   */
  constructor(keys: Uint32Array, values: Uint8Array, table = false) {
    if (table) {
      if (keys.length !== values.length || (keys.length & (keys.length - 1)) !== 0 || keys.length < 16) throw new Error('Gazetteer: a table has a power-of-two size of at least 16');
      this.keys = keys;
      this.values = values;
    } else {
      const size = Gazetteer.tableSize(keys.length);
      this.keys = new Uint32Array(size);
      this.values = new Uint8Array(size); // 0 = empty slot
      Gazetteer.fillTable(keys, values, this.keys, this.values);
    }
    this.mask = this.keys.length - 1;
  }

  /** Slots of the hash table for `entries` entries. */
  static tableSize(entries: number): number {
    let size = 16;
    while (size < entries * 2) size <<= 1;
    return size;
  }

  /** Put entries into an empty hash table of tableSize(keys.length) slots. */
  static fillTable(keys: Uint32Array, values: Uint8Array, tableKeys: Uint32Array, tableValues: Uint8Array): void {
    const mask = tableKeys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let s = key & mask;
      while (tableValues[s] !== 0 && tableKeys[s] !== key) s = (s + 1) & mask;
      tableKeys[s] = key;
      tableValues[s]! |= values[i]!;
    }
  }

  /** Type bit mask of a sequence hash, 0 when absent. */
  lookup(key: number): number {
    let s = key & this.mask;
    for (;;) {
      const v = this.values[s]!;
      if (v === 0) return 0;
      if (this.keys[s] === key >>> 0) return v;
      s = (s + 1) & this.mask;
    }
  }

  /** The entries as parallel arrays (for saving). */
  entries(): { keys: Uint32Array; values: Uint8Array } {
    let n = 0;
    for (let s = 0; s < this.values.length; s++) if (this.values[s] !== 0) n++;
    const keys = new Uint32Array(n);
    const values = new Uint8Array(n);
    let k = 0;
    for (let s = 0; s < this.values.length; s++) {
      if (this.values[s] !== 0) {
        keys[k] = this.keys[s]!;
        values[k++] = this.values[s]!;
      }
    }
    return { keys, values };
  }

  /**
   * Mark gazetteer hits over tokens [from, to): out[i] gets bit (type * 4 + position),
   * position 0 begin, 1 inside, 2 last, 3 unit (one-token name).
   * `eligible[i]` false stops a match at token i (e.g. lower-case English words).
   */
  mark(lowerHashes: Int32Array, eligible: Uint8Array, from: number, to: number, out: Int32Array, types = GAZ_TYPES): void {
    for (let i = from; i < to; i++) {
      if (eligible[i] !== 1) continue; // 2 = may continue a name ("Isle of Man") but not start one
      let g = FNV_OFFSET;
      const last = Math.min(to, i + GAZ_MAX_TOKENS);
      for (let j = i; j < last; j++) {
        if (j > i && eligible[j] === 0) break;
        g = mix(g, lowerHashes[j]!);
        const v = this.lookup(g);
        if (v !== 0) markHit(v, i, j, types, out);
      }
    }
  }

  /** this.mark(..., out, types) and other.mark(..., otherOut, otherTypes) in one pass (same bits). */
  markWith(other: Gazetteer, lowerHashes: Int32Array, eligible: Uint8Array, from: number, to: number, out: Int32Array, types: number, otherOut: Int32Array, otherTypes: number): void {
    for (let i = from; i < to; i++) {
      if (eligible[i] !== 1) continue;
      let g = FNV_OFFSET;
      const last = Math.min(to, i + GAZ_MAX_TOKENS);
      for (let j = i; j < last; j++) {
        if (j > i && eligible[j] === 0) break;
        g = mix(g, lowerHashes[j]!);
        const v = this.lookup(g);
        if (v !== 0) markHit(v, i, j, types, out);
        const w = other.lookup(g);
        if (w !== 0) markHit(w, i, j, otherTypes, otherOut);
      }
    }
  }
}

/** Bits of a hit over tokens i..j (type bit mask v): begin, inside, last, or unit. */
function markHit(v: number, i: number, j: number, types: number, out: Int32Array): void {
  for (let t = 0; t < types; t++) {
    if ((v & (1 << t)) === 0) continue;
    if (j === i) out[i] |= 1 << (t * 4 + 3);
    else {
      out[i] |= 1 << (t * 4);
      for (let k = i + 1; k < j; k++) out[k] |= 1 << (t * 4 + 1);
      out[j] |= 1 << (t * 4 + 2);
    }
  }
}
