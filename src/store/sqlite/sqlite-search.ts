// Ranked full-text search over the contentless FTS5 index of the SQLite backend.
//
// Where the time goes at 10^6 documents, and what this file does about it:
// - FTS5's bm25() first counts, once per statement, every document that contains each
//   phrase of the MATCH expression (its IDF), walking the phrase's whole doclist: tens of
//   ms for a word found in a tenth of the documents or more. So each phrase's document
//   frequency is estimated from its newest few hundred matches (cheap: FTS5 walks a
//   doclist backwards from its end), and bm25 weighs only the phrases whose walks fit a
//   budget: the rarest, which carry most of the BM25 weight (a word in more than half the
//   documents gets an IDF of 1e-6). The other phrases still filter, so every hit matches
//   the whole query, and they still add their BM25 term, estimated from the title, to
//   the best hits.
// - Scoring a match with bm25() costs about a microsecond, so only the newest
//   `rankWindow` matches are scored (fewer when a common phrase was left out), plus,
//   when bm25 weighs every phrase, the newest older matches with a query phrase in their
//   title (a title hit weighs five body hits), so a strong old match is still found.
// - When every phrase is over the budget (only very common words), bm25 is not used:
//   the newest matches, those with the query in their title first.
// - FTS5 honours a rowid bound by walking the doclist from its other end, so no query
//   here bounds rowids in SQL: windows are LIMITs on newest-first walks.
// - Text and passages are read only for the hits returned; statements are reused.
import type Database from 'better-sqlite3';
import { bestSnippet, parseQuery, tokenizeFolded, type ParsedQuery } from '../search-query.js';
import type { SearchHit, SearchQuery } from '../store.js';

/** Tuning knobs; the defaults are what the store uses. Tests shrink them. */
export interface SearchTuning {
  rankWindow: number; // newest matches scored with bm25()
  idfBudget: number; // doclist entries bm25() may walk to weigh the query's phrases
  phraseIdfBudget: number; // the same when the query has a quoted phrase (slower target)
  olderTitleHits: number; // older title matches also scored
  probe: number; // matches read from a doclist's end to estimate its length
}

export const DEFAULT_TUNING: SearchTuning = { rankWindow: 5_000, idfBudget: 100_000, phraseIdfBudget: 400_000, olderTitleHits: 1_000, probe: 200 };

const TITLE_WEIGHT = 5.0;
const BODY_WEIGHT = 1.0;
const K1 = 1.2; // as FTS5's bm25()
const TITLE_FIRST_WINDOW = 300; // newest matches looked at when bm25 is unaffordable
const APPROX_WINDOW = 0.4; // share of the window kept when bm25 leaves phrases out
const RERANK = 100;
const VERIFY = 300; // best bm25 hits whose text may be read to check the common phrases
const MAX_READS = 60; // ... when about this many reads are expected to fill the page
 // best bm25 hits re-weighed when phrases were left out of bm25

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
  const budget = phrases.some((p) => p.length > 1) ? tuning.phraseIdfBudget : tuning.idfBudget;
  let ranked = phrases;
  const dropped: { phrase: string[]; df: number }[] = [];
  if (maxSeq > budget) {
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
      if (spent + c <= budget && dropped.length === 0) {
        ranked.push(p);
        spent += c;
      } else dropped.push({ phrase: p, df: Math.min(...p.map(df)) });
    }
    // No whole phrase fits (phrases of common words): weigh their rarest words instead,
    // the phrases themselves still being required.
    if (ranked.length === 0) {
      spent = 0;
      for (const { t, c } of [...new Set(phrases.flat())].map((t) => ({ t, c: df(t) })).sort((a, b) => a.c - b.c)) {
        if (spent + c > budget) break;
        ranked.push([t]);
        spent += c;
      }
    }
  }

  const want = offset + limit;
  let scored: { seq: number; score: number }[] | null;
  if (ranked.length === 0) {
    scored = titleFirst(db, phrases, full, join, where, params, Math.max(want, Math.min(tuning.rankWindow, TITLE_FIRST_WINDOW)));
  } else if (dropped.length && expectedReads(dropped, maxSeq, want) <= MAX_READS && (scored = rankRareThenVerify(db, ranked, dropped, join, where, params, filters.length > 0, tuning, want, maxSeq))) {
    // done: bm25 on the rare phrases, the common ones checked on the best hits' text
  } else {
    const newest = (m: string, n: number) =>
      stmt(db, `SELECT f.rowid FROM document_fts f ${join} WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ?`)
        .pluck()
        .all(m, ...params, n) as number[];
    // The window: the newest matches of the whole query, filters applied. Smaller when
    // a common phrase is in the query: walking its matches back to the window's floor
    // then costs the most.
    const window = dropped.length ? Math.ceil(tuning.rankWindow * APPROX_WINDOW) : tuning.rankWindow;
    const members = newest(full, window);
    if (members.length === 0) return [];
    const floor = members[members.length - 1]!;
    // The window ended before the oldest match: also score the newest older title matches.
    // (Any of the query's phrases in the title, all of them in the document.)
    // Only when bm25 weighs every phrase: the walk is then bounded by the budget too
    // (with a very common word in the query it could walk far for rare title hits).
    const older: number[] = [];
    if (dropped.length === 0 && members.length >= window && tuning.olderTitleHits > 0) {
      const titled = `{title} : (${phrases.map(quote).join(' OR ')}) AND ${full}`;
      for (const seq of newestFirst(db, titled, join, where, params)) {
        if (seq < floor && older.push(seq) >= tuning.olderTitleHits) break;
      }
    }
    // One statement, so bm25() weighs the phrases once: walk the ranked phrases' matches
    // newest first down to the last candidate, scoring only the candidates.
    const exact = dropped.length === 0 && filters.length === 0;
    const inWindow = exact ? 'rowid >= ?' : 'rowid >= ? AND +rowid IN (SELECT value FROM json_each(?))';
    const windowParams = exact ? [floor] : [floor, JSON.stringify(members)];
    const rows = stmt(
      db,
      `SELECT seq, score FROM (
         SELECT rowid AS seq, -bm25(document_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score FROM document_fts
         WHERE document_fts MATCH ? AND ((${inWindow}) OR +rowid IN (SELECT value FROM json_each(?)))
         ORDER BY rowid DESC LIMIT ?
       ) ORDER BY score DESC, seq DESC LIMIT ?`,
    ).all(
      ranked.map(quote).join(' AND '),
      ...windowParams,
      JSON.stringify(older),
      members.length + older.length,
      dropped.length ? Math.max(RERANK, 5 * want) : want,
    ) as { seq: number; score: number }[];
    scored = dropped.length ? withDroppedPhrases(db, rows, dropped, maxSeq) : rows;
  }

  const page = scored!.slice(offset, want);
  const byseq = stmt(db, 'SELECT id, title, site, language, published_on, text FROM document WHERE seq = ?');
  const passagesOf = stmt(db, 'SELECT start, end FROM passage WHERE document_seq = ? ORDER BY idx');
  return page.map(({ seq, score }) => {
    const r = byseq.get(seq) as HitRow;
    const passages = passagesOf.all(seq) as { start: number; end: number }[];
    const { snippet, start } = bestSnippet(r.text, passages.length ? passages : [{ start: 0, end: r.text.length }], parsed as ParsedQuery, 240, r.title);
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
 * No phrase is rare enough for bm25: the newest matches, those with every phrase in
 * their title first (read from the stored titles: an FTS5 title walk could go far).
 * Score: 1 for a title match, 0 otherwise.
 */
function titleFirst(
  db: Database.Database,
  phrases: string[][],
  full: string,
  join: string,
  where: string,
  params: unknown[],
  window: number,
): { seq: number; score: number }[] {
  const rows = stmt(
    db,
    `SELECT f.rowid AS seq, doc.title AS title FROM document_fts f ${join} JOIN document doc ON doc.seq = f.rowid
     WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ?`,
  ).all(full, ...params, window) as { seq: number; title: string | null }[];
  const wanted = phrases.map((p) => ` ${p.join(' ')} `);
  return rows
    .map(({ seq, title }) => {
      const folded = ` ${tokenizeFolded(title ?? '').join(' ')} `;
      return { seq, score: wanted.every((w) => folded.includes(w)) ? 1 : 0 };
    })
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

/**
 * A phrase left out of bm25 for its cost still counts a little: its BM25 term as if it
 * occurred once in a document of average length, or also in the title (weighed five
 * times) when the title has it. Applied to the best bm25 hits only, reading their titles.
 */
function withDroppedPhrases(
  db: Database.Database,
  rows: { seq: number; score: number }[],
  dropped: { phrase: string[]; df: number }[],
  maxSeq: number,
): { seq: number; score: number }[] {
  const titleOf = stmt(db, 'SELECT title FROM document WHERE seq = ?').pluck();
  const terms = dropped.map(({ phrase, df }) => {
    const idf = Math.max(1e-6, Math.log((maxSeq - df + 0.5) / (df + 0.5)));
    const term = (f: number) => (idf * f * (K1 + 1)) / (f + K1);
    return { phrase: phrase.join(' '), body: term(BODY_WEIGHT), both: term(TITLE_WEIGHT + BODY_WEIGHT) };
  });
  return rows
    .map(({ seq, score }) => {
      const title = ` ${tokenizeFolded((titleOf.get(seq) as string | null) ?? '').join(' ')} `;
      for (const t of terms) score += title.includes(` ${t.phrase} `) ? t.both : t.body;
      return { seq, score };
    })
    .sort((a, b) => b.score - a.score || b.seq - a.seq);
}

/**
 * With common phrases in the query, an FTS5 walk of the whole query steps through the
 * common phrases' long doclists (about as slow as bm25's count). Instead: bm25 over the
 * newest matches of the rare phrases alone, then the best of those are read and kept
 * when their title or text has every common phrase too (folded tokens, as indexed),
 * until the page is full. Null when too few pass: the caller then walks the whole query.
 */
function rankRareThenVerify(
  db: Database.Database,
  ranked: string[][],
  dropped: { phrase: string[]; df: number }[],
  join: string,
  where: string,
  params: unknown[],
  filtered: boolean,
  tuning: SearchTuning,
  want: number,
  maxSeq: number,
): { seq: number; score: number }[] | null {
  const rankMatch = ranked.map(quote).join(' AND ');
  // Walks here cover the rare phrases only (within the budget): the full window, and
  // older title matches as on the exact path.
  const window = tuning.rankWindow;
  const members = stmt(db, `SELECT f.rowid FROM document_fts f ${join} WHERE document_fts MATCH ? ${where} ORDER BY f.rowid DESC LIMIT ?`)
    .pluck()
    .all(rankMatch, ...params, window) as number[];
  if (members.length === 0) return [];
  const floor = members[members.length - 1]!;
  const older: number[] = [];
  if (members.length >= window && tuning.olderTitleHits > 0) {
    const titled = `{title} : (${ranked.map(quote).join(' OR ')}) AND ${rankMatch}`;
    for (const seq of newestFirst(db, titled, join, where, params)) {
      if (seq < floor && older.push(seq) >= tuning.olderTitleHits) break;
    }
  }
  const inWindow = filtered ? 'rowid >= ? AND +rowid IN (SELECT value FROM json_each(?))' : 'rowid >= ?';
  const rows = stmt(
    db,
    `SELECT seq, score FROM (
       SELECT rowid AS seq, -bm25(document_fts, ${TITLE_WEIGHT}, ${BODY_WEIGHT}) AS score FROM document_fts
       WHERE document_fts MATCH ? AND ((${inWindow}) OR +rowid IN (SELECT value FROM json_each(?))) ORDER BY rowid DESC LIMIT ?
     ) ORDER BY score DESC, seq DESC LIMIT ?`,
  ).all(
    rankMatch,
    ...(filtered ? [floor, JSON.stringify(members)] : [floor]),
    JSON.stringify(older),
    members.length + older.length,
    VERIFY,
  ) as { seq: number; score: number }[];
  const textOf = stmt(db, 'SELECT title, text FROM document WHERE seq = ?');
  const terms = dropped.map(({ phrase, df }) => {
    const idf = Math.max(1e-6, Math.log((maxSeq - df + 0.5) / (df + 0.5)));
    const term = (f: number) => (idf * f * (K1 + 1)) / (f + K1);
    return { phrase: ` ${phrase.join(' ')} `, body: term(BODY_WEIGHT), both: term(TITLE_WEIGHT + BODY_WEIGHT) };
  });
  const kept: { seq: number; score: number }[] = [];
  // A few more than the page, so the common phrases' title weight can reorder them.
  const enough = want + 10;
  for (const { seq, score } of rows) {
    const r = textOf.get(seq) as { title: string | null; text: string };
    const title = ` ${tokenizeFolded(r.title ?? '').join(' ')} `;
    let body: string | null = null;
    let s = score;
    let all = true;
    for (const t of terms) {
      if (title.includes(t.phrase)) s += t.both;
      else if ((body ??= ` ${tokenizeFolded(r.text).join(' ')} `).includes(t.phrase)) s += t.body;
      else {
        all = false;
        break;
      }
    }
    if (all && kept.push({ seq, score: s }) >= enough) break;
  }
  const exhausted = rows.length < VERIFY && members.length < window;
  if (kept.length < want && !exhausted) return null;
  return kept.sort((a, b) => b.score - a.score || b.seq - a.seq);
}

/** Texts to read to find `want` hits that have every common phrase (independence assumed). */
function expectedReads(dropped: { df: number }[], maxSeq: number, want: number): number {
  const share = dropped.reduce((p, { df }) => p * Math.min(1, df / Math.max(1, maxSeq)), 1);
  return (want + 10) / Math.max(share, 1e-9);
}
