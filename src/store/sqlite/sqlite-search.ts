// Ranked full-text search over the contentless FTS5 index of the SQLite backend.
import type Database from 'better-sqlite3';
import { bestSnippet, parseQuery, toFts5Match } from '../search-query.js';
import type { SearchHit, SearchQuery } from '../store.js';

interface HitRow {
  seq: number;
  id: string;
  title: string | null;
  site: string | null;
  language: string;
  published_on: string | null;
  text: string;
  rank: number;
}

// Ranking every match of a very common phrase with bm25() costs hundreds of ms at
// 10^6 documents while finding them unranked takes a few; so rank at most this many
// earliest matches. Rarer queries (the usual case) are ranked over all their matches.
const RANK_WINDOW = 20_000;

export function searchDocuments(db: Database.Database, query: SearchQuery): SearchHit[] {
  const parsed = parseQuery(query.text);
  if (parsed.terms.length === 0) return [];
  const match = toFts5Match(parsed);
  const filters: string[] = [];
  const params: unknown[] = [];
  if (query.language) (filters.push('d.language = ?'), params.push(query.language));
  if (query.site) (filters.push('d.site = ?'), params.push(query.site));
  if (query.from) (filters.push('d.published_on >= ?'), params.push(query.from));
  if (query.to) (filters.push('substr(d.published_on, 1, 10) <= ?'), params.push(query.to));
  const where = filters.length ? 'AND ' + filters.join(' AND ') : '';
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  // Ranked over a window of matches (see RANK_WINDOW): find the newest RANK_WINDOW
  // matches unranked, which FTS5 does in rowid order cheaply, then rank only those.
  const floor = db
    .prepare(`SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_WINDOW}`)
    .pluck()
    .get(match) as number | undefined;
  const join = filters.length ? 'JOIN document d ON d.seq = document_fts.rowid' : '';
  const ranked = db
    .prepare(
      `SELECT document_fts.rowid AS seq, bm25(document_fts, 5.0, 1.0) AS rank FROM document_fts ${join}
       WHERE document_fts MATCH ? AND document_fts.rowid > ? ${where} ORDER BY rank LIMIT ? OFFSET ?`,
    )
    .all(match, floor ?? 0, ...params, limit, offset) as { seq: number; rank: number }[];
  const bySeq = db.prepare('SELECT * FROM document WHERE seq = ?');
  const passagesOf = db.prepare('SELECT p.start, p.end FROM passage p WHERE p.document_seq = ? ORDER BY p.idx');
  const rows = ranked.map((r) => ({ ...(bySeq.get(r.seq) as HitRow), rank: r.rank }));
  return rows.map((r) => {
    const passages = passagesOf.all(r.seq) as { start: number; end: number }[];
    const { snippet, start } = bestSnippet(r.text, passages.length ? passages : [{ start: 0, end: r.text.length }], parsed);
    return {
      documentId: r.id,
      title: r.title,
      site: r.site,
      language: r.language as SearchHit['language'],
      publishedOn: r.published_on,
      score: -r.rank,
      snippet,
      snippetStart: start,
    };
  });
}
