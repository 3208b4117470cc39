// The index of sampled shingles that finds candidate documents for a new one. The
// interface is small so that a store (SQLite table `reuse_shingle(hash, document_id,
// position)` with an index on hash) can implement it; methods may return promises.
import type { Fingerprints } from './fingerprint.js';

/** One stored shingle occurrence. */
export interface ReusePosting {
  hash: number;
  documentId: string;
  position: number; // token index of the shingle in its document
}

export interface CandidateOptions {
  /** Fewest shared sampled shingles for a document to be a candidate. */
  minShared: number;
  /**
   * Two shared shingles also make a candidate when they lie within `nearWords` words of
   * each other in both documents: a short copied paragraph with a changed word keeps
   * few shingles, but they sit together, while chance matches are scattered.
   */
  nearWords: number;
  /**
   * Shingles held by more documents than this are skipped when counting (stock phrases,
   * site templates): they would make thousands of documents candidates of each other.
   */
  maxDocumentFrequency: number;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = { minShared: 3, nearWords: 40, maxDocumentFrequency: 500 };

type MaybePromise<T> = T | Promise<T>;

export interface ReuseIndex {
  /** Store a document's sampled fingerprints; adding an id again replaces nothing and is a no-op. */
  add(documentId: string, fingerprints: Fingerprints): MaybePromise<void>;
  /** Every stored occurrence of these hashes. */
  lookup(hashes: Uint32Array): MaybePromise<Iterable<ReusePosting>>;
  /** Documents sharing at least `minShared` distinct hashes, with the count; optional fast path. */
  candidates?(fingerprints: Fingerprints, options: CandidateOptions): MaybePromise<Map<string, number>>;
  /**
   * Like candidates, with where each candidate matched in the new document and its insertion
   * order (earliest indexed first); optional fast path that lets detection skip candidates
   * whose shared passage is already linked to enough documents.
   */
  candidateHits?(fingerprints: Fingerprints, options: CandidateOptions): MaybePromise<Map<string, CandidateHit>>;
  remove?(documentId: string): MaybePromise<void>;
  has(documentId: string): MaybePromise<boolean>;
}

/** A candidate document: shared distinct hashes, their token positions in the new document, index order. */
export interface CandidateHit {
  shared: number;
  /** Token positions (in the new document) of the shared hashes; null when the index cannot tell. */
  newPositions: number[] | null;
  /** Lower = added to the index earlier (ties of `shared` go to the earliest). */
  order: number;
}

/**
 * Counts distinct shared hashes per stored document and remembers where the first few
 * matched, to apply CandidateOptions. Keys are whatever the index uses for documents.
 */
export class CandidateCounter<K> {
  private readonly hits = new Map<K, { count: number; at: number[]; positions: number[] }>();
  constructor(private readonly options: CandidateOptions) {}

  /** One distinct shared hash: at token `newPosition` here and `oldPosition` there. */
  add(doc: K, newPosition: number, oldPosition: number): void {
    let h = this.hits.get(doc);
    if (!h) this.hits.set(doc, (h = { count: 0, at: [], positions: [] }));
    h.count++;
    h.positions.push(newPosition);
    if (h.at.length < 8) h.at.push(newPosition, oldPosition);
  }

  /** The candidates with the new document's positions of their shared hashes. */
  *withPositions(): Iterable<[K, number, number[]]> {
    const near = this.options.nearWords;
    for (const [doc, h] of this.hits) {
      if (h.count >= this.options.minShared || (h.count >= 2 && hasNearPair(h.at, near))) yield [doc, h.count, h.positions];
    }
  }

  *candidates(): Iterable<[K, number]> {
    const near = this.options.nearWords;
    for (const [doc, h] of this.hits) {
      if (h.count >= this.options.minShared) yield [doc, h.count];
      else if (h.count >= 2 && hasNearPair(h.at, near)) yield [doc, h.count];
    }
  }
}

function hasNearPair(at: number[], near: number): boolean {
  for (let i = 0; i < at.length; i += 2) {
    for (let j = i + 2; j < at.length; j += 2) {
      if (Math.abs(at[i]! - at[j]!) <= near && Math.abs(at[i + 1]! - at[j + 1]!) <= near) return true;
    }
  }
  return false;
}

/** First token position of each hash in a document's fingerprints. */
export function firstPositions(fingerprints: Fingerprints): Map<number, number> {
  const first = new Map<number, number>();
  for (let k = 0; k < fingerprints.hashes.length; k++) {
    if (!first.has(fingerprints.hashes[k]!)) first.set(fingerprints.hashes[k]!, fingerprints.positions[k]!);
  }
  return first;
}

/**
 * Candidates of a document from any index: stored documents sharing at least `minShared`
 * distinct hashes (or two near each other), with the count, skipping hashes held by more
 * than `maxDocumentFrequency` documents.
 */
export async function findCandidates(
  index: ReuseIndex,
  fingerprints: Fingerprints,
  options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS,
): Promise<Map<string, number>> {
  if (index.candidates) return index.candidates(fingerprints, options);
  const hits = await findCandidateHits(index, fingerprints, options);
  return new Map([...hits].map(([id, h]) => [id, h.shared]));
}

/**
 * findCandidates with, per candidate, where it matched in the new document and its index
 * order (see CandidateHit). Indexes with only candidates() give hits without positions.
 */
export async function findCandidateHits(
  index: ReuseIndex,
  fingerprints: Fingerprints,
  options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS,
): Promise<Map<string, CandidateHit>> {
  if (index.candidateHits) return index.candidateHits(fingerprints, options);
  if (index.candidates) {
    const counts = await index.candidates(fingerprints, options);
    let order = 0;
    return new Map([...counts].map(([id, shared]) => [id, { shared, newPositions: null, order: order++ }]));
  }
  const first = firstPositions(fingerprints);
  const byHash = new Map<number, Map<string, number>>();
  for (const p of await index.lookup(uniqueSorted(fingerprints.hashes))) {
    let docs = byHash.get(p.hash);
    if (!docs) byHash.set(p.hash, (docs = new Map()));
    if (!docs.has(p.documentId)) docs.set(p.documentId, p.position);
  }
  const counter = new CandidateCounter<string>(options);
  const order = new Map<string, number>();
  for (const [hash, docs] of byHash) {
    if (docs.size > options.maxDocumentFrequency) continue;
    for (const [doc, position] of docs) {
      if (!order.has(doc)) order.set(doc, order.size);
      counter.add(doc, first.get(hash)!, position);
    }
  }
  const out = new Map<string, CandidateHit>();
  for (const [doc, shared, newPositions] of counter.withPositions()) out.set(doc, { shared, newPositions, order: order.get(doc)! });
  return out;
}

/** Sorted distinct values. */
export function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r]!;
  return sorted.subarray(0, w);
}
