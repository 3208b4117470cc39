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
   * Shingles held by more documents than this are skipped when counting (stock phrases,
   * site templates): they would make thousands of documents candidates of each other.
   */
  maxDocumentFrequency: number;
}

export const DEFAULT_CANDIDATE_OPTIONS: CandidateOptions = { minShared: 3, maxDocumentFrequency: 500 };

type MaybePromise<T> = T | Promise<T>;

export interface ReuseIndex {
  /** Store a document's sampled fingerprints; adding an id again replaces nothing and is a no-op. */
  add(documentId: string, fingerprints: Fingerprints): MaybePromise<void>;
  /** Every stored occurrence of these hashes. */
  lookup(hashes: Uint32Array): MaybePromise<Iterable<ReusePosting>>;
  /** Documents sharing at least `minShared` distinct hashes, with the count; optional fast path. */
  candidates?(fingerprints: Fingerprints, options: CandidateOptions): MaybePromise<Map<string, number>>;
  remove?(documentId: string): MaybePromise<void>;
  has(documentId: string): MaybePromise<boolean>;
}

/**
 * Candidates of a document from any index: distinct shared hashes per stored document,
 * at least `minShared`, skipping hashes held by more than `maxDocumentFrequency` documents.
 */
export async function findCandidates(
  index: ReuseIndex,
  fingerprints: Fingerprints,
  options: CandidateOptions = DEFAULT_CANDIDATE_OPTIONS,
): Promise<Map<string, number>> {
  if (index.candidates) return index.candidates(fingerprints, options);
  const unique = uniqueSorted(fingerprints.hashes);
  const byHash = new Map<number, Set<string>>();
  for (const p of await index.lookup(unique)) {
    let docs = byHash.get(p.hash);
    if (!docs) byHash.set(p.hash, (docs = new Set()));
    docs.add(p.documentId);
  }
  const counts = new Map<string, number>();
  for (const docs of byHash.values()) {
    if (docs.size > options.maxDocumentFrequency) continue;
    for (const d of docs) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  for (const [d, c] of counts) if (c < options.minShared) counts.delete(d);
  return counts;
}

/** Sorted distinct values. */
export function uniqueSorted(values: Uint32Array): Uint32Array {
  const sorted = values.slice().sort();
  let w = 0;
  for (let r = 0; r < sorted.length; r++) if (r === 0 || sorted[r] !== sorted[r - 1]) sorted[w++] = sorted[r]!;
  return sorted.subarray(0, w);
}
