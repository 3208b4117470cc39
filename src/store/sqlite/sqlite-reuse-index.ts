// The text-reuse index kept in the workspace database (migration 4): the sampled shingles
// of every document in reuse_shingle(hash, document_num, position), keyed on hash, so
// adding a document looks up only its own fingerprints (a few hundred index seeks) and
// never reads the rest of the workspace. Implements src/reuse's ReuseIndex.
import type Database from 'better-sqlite3';
import type { Fingerprints } from '../../reuse/fingerprint.js';
import {
  CandidateCounter,
  firstPositions,
  uniqueSorted,
  type CandidateHit,
  type CandidateOptions,
  type ReuseIndex,
  type ReusePosting,
} from '../../reuse/reuse-index.js';

/**
 * Postings lookup() reads per hash at most (the earliest indexed ones). A hash held by
 * more documents is a stock phrase or a passage already known in many documents; the
 * boilerplate checks need at most 50 holders, so this many tell it is common. Candidate
 * search reads maxDocumentFrequency + 1 per hash at most; a hash that fills it counts only
 * its earliest holders (HOT_HASH_HOLDERS).
 * Either way the cost of adding a document is bounded by its own fingerprints, not by
 * how many documents share its text.
 */
const MAX_POSTINGS_PER_HASH = 256;

/**
 * A hash held by more than maxDocumentFrequency documents still offers its earliest
 * indexed holders as candidates: a passage pasted by hundreds of outlets keeps joining
 * its cluster (through its first members) instead of dropping out of reuse detection.
 */
const HOT_HASH_HOLDERS = 2;

export class SqliteReuseIndex implements ReuseIndex {
  private readonly stmt;
  /** Hashes found in more than maxDocumentFrequency documents: their earliest holders (num, position). */
  private readonly hot = new Map<number, { num: number; position: number }[]>();
  /** Hashes looked up since construction. */
  lookedUp = 0;
  /** Called with each hash looked up (tests check that adding a document reads only its own). */
  onLookup: ((hash: number) => void) | null = null;

  constructor(private readonly db: Database.Database) {
    // Postings go in at random hash positions: a larger page cache than the 2 MiB default
    // keeps the upper levels of the index in memory (pages are allocated only when used).
    if ((db.pragma('cache_size', { simple: true }) as number) > -262_144) db.pragma('cache_size = -262144');
    this.stmt = {
      num: db.prepare('SELECT num FROM reuse_document WHERE id = ?').pluck(),
      insertDoc: db.prepare('INSERT INTO reuse_document (id) VALUES (?)'),
      // One statement per document: the postings go in as a JSON array of [hash, position].
      insertShingles: db.prepare(
        `INSERT OR IGNORE INTO reuse_shingle (hash, document_num, position)
         SELECT json_extract(value, '$[0]'), ?, json_extract(value, '$[1]') FROM json_each(?)`,
      ),
      postings: db.prepare(
        'SELECT s.document_num AS num, s.position AS position FROM reuse_shingle s WHERE s.hash = ? LIMIT ' + MAX_POSTINGS_PER_HASH,
      ),
      postingsUpTo: db.prepare('SELECT s.document_num AS num, s.position AS position FROM reuse_shingle s WHERE s.hash = ? LIMIT ?'),
      idOf: db.prepare('SELECT id FROM reuse_document WHERE num = ?').pluck(),
      deleteShingles: db.prepare('DELETE FROM reuse_shingle WHERE document_num = ?'),
      deleteDoc: db.prepare('DELETE FROM reuse_document WHERE num = ?'),
      count: db.prepare('SELECT count(*) FROM reuse_document').pluck(),
    };
  }

  /** Documents in the index. */
  size(): number {
    return this.stmt.count.get() as number;
  }

  has(documentId: string): boolean {
    return this.stmt.num.get(documentId) !== undefined;
  }

  add(documentId: string, fingerprints: Fingerprints): void {
    this.db.transaction(() => {
      if (this.stmt.num.get(documentId) !== undefined) return;
      const num = Number(this.stmt.insertDoc.run(documentId).lastInsertRowid);
      if (fingerprints.hashes.length > 0) {
        const pairs: [number, number][] = [];
        for (let k = 0; k < fingerprints.hashes.length; k++) pairs.push([fingerprints.hashes[k]!, fingerprints.positions[k]!]);
        this.stmt.insertShingles.run(num, JSON.stringify(pairs));
      }
    })();
  }

  remove(documentId: string): void {
    this.db.transaction(() => {
      const num = this.stmt.num.get(documentId) as number | undefined;
      if (num === undefined) return;
      this.hot.clear();
      this.stmt.deleteShingles.run(num);
      this.stmt.deleteDoc.run(num);
    })();
  }

  lookup(hashes: Uint32Array): ReusePosting[] {
    const out: ReusePosting[] = [];
    const ids = new Map<number, string>();
    for (const hash of uniqueSorted(hashes)) {
      this.lookedUp++;
      this.onLookup?.(hash);
      for (const r of this.stmt.postings.all(hash) as { num: number; position: number }[]) {
        out.push({ hash, documentId: this.idOfNum(r.num, ids), position: r.position });
      }
    }
    return out;
  }

  /** Fast path of findCandidates: counts on document numbers, resolves ids of candidates only. */
  candidates(fingerprints: Fingerprints, options: CandidateOptions): Map<string, number> {
    const out = new Map<string, number>();
    for (const [id, h] of this.candidateHits(fingerprints, options)) out.set(id, h.shared);
    return out;
  }

  /** Candidates with where they matched; document numbers give the index order. */
  candidateHits(fingerprints: Fingerprints, options: CandidateOptions): Map<string, CandidateHit> {
    const first = firstPositions(fingerprints);
    const counter = new CandidateCounter<number>(options);
    for (const hash of uniqueSorted(fingerprints.hashes)) {
      this.lookedUp++;
      this.onLookup?.(hash);
      // A hash in more than maxDocumentFrequency rows counts only its earliest holders:
      // reading all of them would make the cost of one document grow with the workspace.
      let rows = this.hot.get(hash);
      if (!rows) {
        rows = this.stmt.postingsUpTo.all(hash, options.maxDocumentFrequency + 1) as { num: number; position: number }[];
        if (rows.length > options.maxDocumentFrequency) {
          const earliest: { num: number; position: number }[] = [];
          for (const r of rows) {
            if (earliest.length >= HOT_HASH_HOLDERS) break;
            if (!earliest.some((e) => e.num === r.num)) earliest.push(r);
          }
          if (this.hot.size >= 100_000) this.hot.clear();
          this.hot.set(hash, (rows = earliest));
        }
      }
      const docs = new Map<number, number>();
      for (const r of rows) if (!docs.has(r.num)) docs.set(r.num, r.position);
      if (docs.size > options.maxDocumentFrequency) continue;
      for (const [num, position] of docs) counter.add(num, first.get(hash)!, position);
    }
    const ids = new Map<number, string>();
    const out = new Map<string, CandidateHit>();
    for (const [num, shared, newPositions] of counter.withPositions()) out.set(this.idOfNum(num, ids), { shared, newPositions, order: num });
    return out;
  }

  private idOfNum(num: number, cache: Map<number, string>): string {
    let id = cache.get(num);
    if (id === undefined) cache.set(num, (id = this.stmt.idOf.get(num) as string));
    return id;
  }
}
