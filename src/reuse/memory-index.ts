// An in-memory ReuseIndex in typed arrays: an open-addressing table from shingle hash to
// the head of a linked list of postings. A JS Map tops out near 16.7 M entries and costs
// ~80 bytes per entry; this costs ~24 bytes per posting, ~11 M postings at 100k articles.
import type { Fingerprints } from './fingerprint.js';
import {
  CandidateCounter,
  firstPositions,
  uniqueSorted,
  type CandidateHit,
  type CandidateOptions,
  type ReuseIndex,
  type ReusePosting,
} from './reuse-index.js';

export class MemoryReuseIndex implements ReuseIndex {
  private readonly ids: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private removed = new Uint8Array(1024);
  private removedCount = 0;

  // hash table: slot -> key, head posting (-1 = empty slot), document frequency
  private slotKey: Uint32Array;
  private slotHead: Int32Array;
  private slotCount: Uint32Array;
  private used = 0;

  // postings, newest first in each list
  private postDoc: Uint32Array;
  private postPos: Uint32Array;
  private postNext: Int32Array;
  private postings = 0;

  constructor(expectedPostings = 1 << 16) {
    let cap = 1 << 10;
    while (cap * 0.7 < expectedPostings) cap *= 2;
    this.slotKey = new Uint32Array(cap);
    this.slotHead = new Int32Array(cap).fill(-1);
    this.slotCount = new Uint32Array(cap);
    const p = Math.max(1024, expectedPostings);
    this.postDoc = new Uint32Array(p);
    this.postPos = new Uint32Array(p);
    this.postNext = new Int32Array(p);
  }

  /** Documents added and not removed. */
  get size(): number {
    return this.ids.length - this.removedCount;
  }

  get postingCount(): number {
    return this.postings;
  }

  has(documentId: string): boolean {
    const n = this.numberOf.get(documentId);
    return n !== undefined && this.removed[n] === 0;
  }

  add(documentId: string, fingerprints: Fingerprints): void {
    if (this.numberOf.has(documentId)) return;
    const doc = this.ids.length;
    this.ids.push(documentId);
    this.numberOf.set(documentId, doc);
    if (doc >= this.removed.length) {
      const r = new Uint8Array(this.removed.length * 2);
      r.set(this.removed);
      this.removed = r;
    }
    const { hashes, positions } = fingerprints;
    this.reservePostings(hashes.length);
    if ((this.used + hashes.length) > this.slotKey.length * 0.75) this.rehash(this.used + hashes.length);
    for (let i = 0; i < hashes.length; i++) {
      const h = hashes[i]!;
      const slot = this.findSlot(h);
      if (this.slotHead[slot] === -1) {
        this.slotKey[slot] = h;
        this.used++;
      }
      const p = this.postings++;
      this.postDoc[p] = doc;
      this.postPos[p] = positions[i]!;
      this.postNext[p] = this.slotHead[slot]!;
      this.slotHead[slot] = p;
      // Count a document once per hash even when the shingle repeats in it.
      const prev = this.postNext[p]!;
      if (prev === -1 || this.postDoc[prev] !== doc) this.slotCount[slot]!++;
    }
  }

  /** Postings stay in place and are skipped; their space is not reclaimed. */
  remove(documentId: string): void {
    const n = this.numberOf.get(documentId);
    if (n === undefined || this.removed[n] === 1) return;
    this.removed[n] = 1;
    this.removedCount++;
  }

  /** Stored documents holding this hash (removed ones included until rebuilt). */
  documentFrequency(hash: number): number {
    const slot = this.findSlot(hash);
    return this.slotHead[slot] === -1 ? 0 : this.slotCount[slot]!;
  }

  *lookup(hashes: Uint32Array): Iterable<ReusePosting> {
    for (const h of uniqueSorted(hashes)) {
      const slot = this.findSlot(h);
      for (let p = this.slotHead[slot]!; p !== -1; p = this.postNext[p]!) {
        const doc = this.postDoc[p]!;
        if (this.removed[doc] === 0) yield { hash: h, documentId: this.ids[doc]!, position: this.postPos[p]! };
      }
    }
  }

  candidates(fingerprints: Fingerprints, options: CandidateOptions): Map<string, number> {
    const out = new Map<string, number>();
    for (const [id, h] of this.candidateHits(fingerprints, options)) out.set(id, h.shared);
    return out;
  }

  candidateHits(fingerprints: Fingerprints, options: CandidateOptions): Map<string, CandidateHit> {
    const counter = new CandidateCounter<number>(options);
    for (const [h, newPosition] of firstPositions(fingerprints)) {
      const slot = this.findSlot(h);
      if (this.slotHead[slot] === -1 || this.slotCount[slot]! > options.maxDocumentFrequency) continue;
      let last = -1;
      for (let p = this.slotHead[slot]!; p !== -1; p = this.postNext[p]!) {
        const doc = this.postDoc[p]!;
        if (doc === last || this.removed[doc] === 1) continue;
        last = doc;
        counter.add(doc, newPosition, this.postPos[p]!);
      }
    }
    const out = new Map<string, CandidateHit>();
    for (const [doc, shared, newPositions] of counter.withPositions()) out.set(this.ids[doc]!, { shared, newPositions, order: doc });
    return out;
  }

  private findSlot(h: number): number {
    const mask = this.slotKey.length - 1;
    let s = h & mask;
    while (this.slotHead[s] !== -1 && this.slotKey[s] !== h) s = (s + 1) & mask;
    return s;
  }

  private reservePostings(extra: number): void {
    const need = this.postings + extra;
    if (need <= this.postDoc.length) return;
    let cap = this.postDoc.length;
    while (cap < need) cap = Math.ceil(cap * 1.5);
    this.postDoc = growU32(this.postDoc, cap);
    this.postPos = growU32(this.postPos, cap);
    const next = new Int32Array(cap);
    next.set(this.postNext);
    this.postNext = next;
  }

  private rehash(need: number): void {
    let cap = this.slotKey.length;
    while (need > cap * 0.75) cap *= 2;
    const oldKey = this.slotKey;
    const oldHead = this.slotHead;
    const oldCount = this.slotCount;
    this.slotKey = new Uint32Array(cap);
    this.slotHead = new Int32Array(cap).fill(-1);
    this.slotCount = new Uint32Array(cap);
    for (let s = 0; s < oldKey.length; s++) {
      if (oldHead[s] === -1) continue;
      const t = this.findSlot(oldKey[s]!);
      this.slotKey[t] = oldKey[s]!;
      this.slotHead[t] = oldHead[s]!;
      this.slotCount[t] = oldCount[s]!;
    }
  }
}

function growU32(a: Uint32Array, cap: number): Uint32Array {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
