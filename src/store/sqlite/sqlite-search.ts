// Ranked full-text search over the contentless FTS5 index of the SQLite backend.
//
// Where the time goes at 10^6 documents, and what this file does about it:
// - FTS5's bm25() first counts, once per statement, every document that contains each
//   phrase of the MATCH expression (its IDF), walking the phrase's whole doclist. For a
//   word found in most documents that walk alone costs tens of ms. So each phrase's
//   document frequency is first estimated from the newest few hundred matches (cheap:
//   FTS5 walks a doclist backwards from its end), and bm25 is asked to rank only on the
//   phrases whose walks fit a budget (the rarest ones, which carry nearly all of the
//   BM25 weight anyway: a word in more than half the documents gets an IDF of 1e-6).
//   The other phrases still filter: results always match the whole query.
// - Scoring every match with bm25() costs about a microsecond each, so only the newest
//   RANK_WINDOW matches are scored, plus the newest older documents that match the
//   query in their title (a title hit weighs five body hits), so a strong old match
//   is still found.
// - When every phrase is over the budget (only very common words), bm25 cannot be
//   afforded at all: matches with the query in their title come first, newest first.
// - Text and passages are read only for the hits returned, and statements are reused.
import type Database from 'better-sqlite3';
import { bestSnippet, parseQuery, type ParsedQuery } from '../search-query.js';
import type { SearchHit, SearchQuery } from '../store.js';

/** Tuning knobs; the defaults are what the store uses. Tests shrink them. */
export interface SearchTuning {
  rankWindow: number; // newest matches scored with bm25()
  idfBudget: number; // doclist entries bm25() may walk to weigh the query's phrases
  olderTitleHits: number; // older title matches also scored
  probe: number; // matches read from a doclist's end to estimate its length
}

export const DEFAULT_TUNING: SearchTuning = { rankWindow: 5_000, idfBudget: 150_000, olderTitleHits: 1_000, probe: 200 };

const TITLE_WEIGHT = 5.0;
const BODY_WEIGHT = 1.0;
const K1 = 1.2; // as FTS5's bm25()

interface HitRow {
  id: string;
  title: string | null;
  site: string | null;
  language: string;
  published_on: string | null;
  text: string;
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function stmt(db: Database.Database, sql: string): Database.Statement {
  let m = statementCache.get(db);
  if (!m) statementCache.set(db, (m = new Map()));
  let s = m.get(sql);
  if (!s) m.set(sql, (s = db.prepare(sql)));
  return s;
}

const quote = (tokens: string[]) => `"${tokens.join(' ').replace(/"/g, '""')}"`;

export function searchDocuments(db: Database.Database, query: SearchQuery, tuning: SearchTuning = DEFAULT_TUNING): SearchHit[] {
  const parsed = parseQuery(query.text);
  if (parsed.terms.length === 0) return [];
  const limit = query.limit ?? 20;
  const offset = query.offset ?? 0;
  if (limit <= 0) return [];

  // Filters on the document row, applied while the window is collected.
  const filters: string[] = [];
  const params: unknown[] = [];
  if (query.language) (filters.push('d.language = ?'), params.push(query.language));
  if (query.site) (filters.push('d.site = ?'), params.push(query.site));
  if (query.from) (filters.push('d.published_on >= ?'), params.push(query.from));
  if (query.to) (filters.push('substr(d.published_on, 1, 10) <= ?'), params.push(query.to));
  const join = filters.length ? 'JOIN document d ON d.seq = f.rowid' : '';
  const where = filters.length ? 'AND ' + filters.join(' AND ') : '';

  // Distinct phrases (a word is a one-token phrase); duplicates add nothing to a match.
  const phrases = [...new Map(parsed.terms.map((t) => [quote(t), t])).values()];
  const full = phrases.map(quote).join(' AND ');

  // Which phrases bm25 may weigh: cheapest first while their doclist walks fit the budget.
  const maxSeq = (stmt(db, 'SELECT max(seq) FROM document').pluck().get() as number | null) ?? 0;
  let ranked = phrases;
  const dropped: { phrase: string[]; df: number }[] = [];
  if (maxSeq > tuning.idfBudget) {
    const dfOf = new Map<string, number>();
    const df = (token: string) => {
      let v = dfOf.get(token);
      if (v === undefined) dfOf.set(token, (v = estimateDocFrequency(db, quote([token]), maxSeq, tuning.probe)));
      return v;
    };
    // A phrase's walk is driven by its rarest token and checks positions: count it twice.
    const cost = (p: string[]) => (p.length === 1 ? df(p[0]!) : 2 * Math.min(...p.map(df)));
    const byCost = phrases.map((p) => ({ p, c: cost(p) })).sort((a, b) => a.c - b.c);
    ranked = [];
    let spent = 0;
    for (const { p, c } of byCost) {
      if (spent + c <= tuning.idfBudget && dropped.length === 0) {
        ranked.push(p);
        spent += c;
      } else dropped.push({ phrase: p, df: Math.min(...p.map(df)) });
    }
  }

  const want = offset + limit;
  let scored: { seq: number; score: number }[];
  if (ranked.length === 0) {
    scored = titleFirst(db, full, join, where, params, Math.max(want, Math.min(tuning.rankWindow, 1_000)));
  } else {
    const newest = (m: string, n: number) =>
      stmt(db, `SELECT f.rowid FROM document_fts f ${join} WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ?`)
        .pluck()
        .all(m, ...params, n) as number[];
    // The window: the newest matches of the whole query, filters applied.
    const members = newest(full, tuning.rankWindow);
    if (members.length === 0) return [];
    const floor = members[members.length - 1]!;
    // The window ended before the oldest match: also score the newest older title matches.
    // (Any of the query's phrases in the title, all of them in the document.)
    const older: number[] = [];
    if (members.length >= tuning.rankWindow && tuning.olderTitleHits > 0) {
      const titled = `{title} : (${phrases.map(quote).join(' OR ')}) AND ${full}`;
      for (const seq of newestFirst(db, titled, join, where, params)) {
        if (seq < floor && older.push(seq) >= tuning.olderTitleHits) break;
      }
    }
    // One statement, so bm25() weighs the phrases once: walk the ranked phrases' matches
    // newest first down to the last candidate, scoring only the candidates.
    const exact = ranked.length === phrases.length && filters.length === 0;
    const inWindow = exact ? 'rowid >= ?' : 'rowid >= ? AND +rowid IN (SELECT value FROM json_each(?))';
    const windowParams = exact ? [floor] : [floor, JSON.stringify(members)];
    // A phrase left out of bm25 still counts a little: its BM25 term as if it occurred
    // once in a document of average length, five times over when it is in the title.
    const lo = older.length ? older[older.length - 1]! : floor;
    const bonus = dropped.map(({ phrase, df }) => {
      const idf = Math.max(1e-6, Math.log((maxSeq - df + 0.5) / (df + 0.5)));
      const term = (f: number) => (idf * f * (K1 + 1)) / (f + K1);
      const inTitle: number[] = [];
      for (const seq of newestFirst(db, `{title} : ${quote(phrase)}`, '', '', [])) {
        if (seq < lo) break;
        inTitle.push(seq);
      }
      return { sql: ' + (CASE WHEN seq IN (SELECT value FROM json_each(?)) THEN ? ELSE ? END)', args: [JSON.stringify(inTitle), term(TITLE_WEIGHT + BODY_WEIGHT), term(BODY_WEIGHT)] };
    });
    scored = stmt(
      db,
      `SELECT seq, score${bonus.map((b) => b.sql).join('')} AS score FROM (
         SELECT rowid AS seq, -bm25(document_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score FROM document_fts
         WHERE document_fts MATCH ? AND ((${inWindow}) OR +rowid IN (SELECT value FROM json_each(?)))
         ORDER BY rowid DESC LIMIT ?
       ) ORDER BY 2 DESC, seq DESC LIMIT ?`,
    ).all(
      ...bonus.flatMap((b) => b.args),
      ranked.map(quote).join(' AND '),
      ...windowParams,
      JSON.stringify(older),
      members.length + older.length,
      want,
    ) as { seq: number; score: number }[];
  }

  const page = scored.slice(offset, want);
  const byseq = stmt(db, 'SELECT id, title, site, language, published_on, text FROM document WHERE seq = ?');
  const passagesOf = stmt(db, 'SELECT start, end FROM passage WHERE document_seq = ? ORDER BY idx');
  return page.map(({ seq, score }) => {
    const r = byseq.get(seq) as HitRow;
    const passages = passagesOf.all(seq) as { start: number; end: number }[];
    const { snippet, start } = bestSnippet(r.text, passages.length ? passages : [{ start: 0, end: r.text.length }], parsed as ParsedQuery);
    return {
      documentId: r.id,
      title: r.title,
      site: r.site,
      language: r.language as SearchHit['language'],
      publishedOn: r.published_on,
      score,
      snippet,
      snippetStart: start,
    };
  });
}

/**
 * Documents containing a phrase, estimated from how far back its newest `probe`
 * matches reach (exact below `probe`). Rows are numbered in insertion order, so
 * this is the phrase's recent density times the number of documents.
 */
function estimateDocFrequency(db: Database.Database, phrase: string, maxSeq: number, probe: number): number {
  const nth = stmt(db, 'SELECT rowid FROM document_fts WHERE document_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?')
    .pluck()
    .get(phrase, probe - 1) as number | undefined;
  if (nth === undefined) return probe;
  return Math.round((probe * maxSeq) / Math.max(1, maxSeq - nth + 1));
}

/**
 * No phrase is rare enough for bm25: the newest matches, those with the whole query
 * in their title first. Score: 1 for a title match, 0 otherwise.
 */
function titleFirst(
  db: Database.Database,
  full: string,
  join: string,
  where: string,
  params: unknown[],
  window: number,
): { seq: number; score: number }[] {
  const newest = (m: string) =>
    stmt(db, `SELECT f.rowid FROM document_fts f ${join} WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ?`)
      .pluck()
      .all(m, ...params, window) as number[];
  const all = newest(full);
  if (all.length === 0) return [];
  const floor = all[all.length - 1]!;
  const inTitle = new Set<number>();
  for (const seq of newestFirst(db, `{title} : (${full})`, join, where, params)) {
    if (seq < floor) break;
    inTitle.add(seq);
  }
  return all
    .map((seq) => ({ seq, score: inTitle.has(seq) ? 1 : 0 }))
    .sort((a, b) => b.score - a.score || b.seq - a.seq);
}

/**
 * Matching rows newest first, read lazily: stop when done. (A rowid bound in the SQL
 * would be no cheaper: FTS5 then walks the doclists from their other end.)
 */
function newestFirst(db: Database.Database, match: string, join: string, where: string, params: unknown[]): IterableIterator<number> {
  return stmt(db, `SELECT f.rowid FROM document_fts f ${join} WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC`)
    .pluck()
    .iterate(match, ...params) as IterableIterator<number>;
}
