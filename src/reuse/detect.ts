// Incremental reuse detection for one new document: fingerprint it, ask the index for
// candidates, align each candidate, classify boilerplate, orient by publication date.
// Nothing else in the workspace is read or rescanned.
import type { ReuseLink } from '../model/schema.js';
import { foldForSearch } from '../text/normalize.js';
import { alignTokens, DEFAULT_ALIGN_OPTIONS, type AlignedPassage, type AlignOptions } from './align.js';
import { compareIsoDates, publishedAt, type ReuseDirection, type ReuseDocument } from './direction.js';
import { DEFAULT_FINGERPRINT_OPTIONS, sampleFingerprints, type FingerprintOptions, type Fingerprints } from './fingerprint.js';
import { DEFAULT_CANDIDATE_OPTIONS, findCandidates, type CandidateOptions, type ReuseIndex } from './reuse-index.js';
import { tokenizeForReuse, type ReuseTokens } from './tokenize.js';

/** A ReuseLink before the store gives it an id. */
export type DetectedReuse = Omit<ReuseLink, 'id'>;

export interface BoilerplateOptions {
  /**
   * Same-site text is the site's template when at least this many of that site's
   * documents hold it (the two aligned ones included).
   */
  minSiteDocuments: number;
  /**
   * A short passage (at most `stockPhraseMaxWords` words) held by at least this many
   * documents is a stock line ("This report could not be independently verified."),
   * not evidence that one outlet copied another.
   */
  stockPhraseDocuments: number;
  stockPhraseMaxWords: number;
}

export interface ReuseOptions {
  fingerprint: FingerprintOptions;
  candidates: CandidateOptions;
  align: AlignOptions;
  boilerplate: BoilerplateOptions;
  /** Add the document to the index after looking it up (default true). */
  add: boolean;
  /**
   * Align at most this many candidates, those sharing most shingles first. A text copied by
   * hundreds of sites still links to enough of them for its cluster to hold together.
   */
  maxCandidates: number;
}

export const DEFAULT_REUSE_OPTIONS: ReuseOptions = {
  fingerprint: DEFAULT_FINGERPRINT_OPTIONS,
  candidates: DEFAULT_CANDIDATE_OPTIONS,
  align: DEFAULT_ALIGN_OPTIONS,
  boilerplate: { minSiteDocuments: 3, stockPhraseDocuments: 10, stockPhraseMaxWords: 25 },
  add: true,
  maxCandidates: 200,
};

export type GetReuseDocument = (id: string) => ReuseDocument | undefined | Promise<ReuseDocument | undefined>;

/** Tokens and sampled fingerprints of a document, computed once. */
export interface PreparedDocument {
  doc: ReuseDocument;
  tokens: ReuseTokens;
  fingerprints: Fingerprints;
}

export function prepareDocument(doc: ReuseDocument, options: FingerprintOptions = DEFAULT_FINGERPRINT_OPTIONS): PreparedDocument {
  const tokens = tokenizeForReuse(doc.text);
  return { doc, tokens, fingerprints: sampleFingerprints(tokens, options, doc.text) };
}

/**
 * Find the passages a new document shares with documents already in the index, then
 * (unless options.add is false) add it. Each link's source side is the earlier publication.
 * await detectReuseForDocument(doc, index, (id) => docs.get(id)) -> [{ sourceDocumentId, … }]
 */
export async function detectReuseForDocument(
  doc: ReuseDocument,
  index: ReuseIndex,
  getDoc: GetReuseDocument,
  options: Partial<ReuseOptions> = {},
): Promise<DetectedReuse[]> {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const prepared = prepareDocument(doc, opts.fingerprint);
  const candidates = await findCandidates(index, prepared.fingerprints, opts.candidates);
  const links: DetectedReuse[] = [];
  const siteCache = new Map<string, string | null>();
  const ranked = [...candidates]
    .filter(([id]) => id !== doc.id)
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, opts.maxCandidates);
  for (const [candidateId] of ranked) {
    const other = await getDoc(candidateId);
    if (!other) continue;
    siteCache.set(other.id, siteKey(other.site));
    const otherTokens = tokenizeForReuse(other.text);
    const passages = alignTokens(prepared.tokens, doc.text, otherTokens, other.text, opts.align);
    const onTie = guessAIsSource(passages, doc, prepared.tokens, other, otherTokens);
    for (const p of passages) {
      const boilerplate = await isBoilerplateSpan(doc, p.aStart, p.aEnd, other, index, getDoc, opts, siteCache, prepared);
      links.push(orient(p, doc, other, boilerplate, onTie));
    }
  }
  if (opts.add) await index.add(doc.id, prepared.fingerprints);
  return links;
}

/** Align two documents directly, without an index (tests, re-checks, small sets). */
export function detectReuseBetween(a: ReuseDocument, b: ReuseDocument, options: Partial<ReuseOptions> = {}): DetectedReuse[] {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const ta = tokenizeForReuse(a.text);
  const tb = tokenizeForReuse(b.text);
  const passages = alignTokens(ta, a.text, tb, b.text, opts.align);
  const onTie = guessAIsSource(passages, a, ta, b, tb);
  return passages.map((p) => orient(p, a, b, false, onTie));
}

/**
 * Which of two documents looks like the origin when dates cannot tell, judged over all
 * their shared passages at once so that they all point the same way. A copy often names
 * its origin ("According to River Times, ..."); copies drop words more often than they
 * add them, so the side holding more words the other lacks is the better guess; a passage
 * belongs to the article it was written for, whose other paragraphs repeat its names and
 * topic words, while a pasted paragraph is foreign to its host (contextShares); an
 * article's lede sits at its start, so a passage opening one document and not the other
 * was likely taken from the first. Last, the document that was there first (b).
 */
function guessAIsSource(
  passages: readonly AlignedPassage[],
  a: ReuseDocument,
  aTokens: ReuseTokens,
  b: ReuseDocument,
  bTokens: ReuseTokens,
): boolean {
  let aCredited = false;
  let bCredited = false;
  let aDropped = 0;
  let bDropped = 0;
  let aLede = false;
  let bLede = false;
  for (const p of passages) {
    aCredited ||= credits(b, p.bStart, p.bEnd, a.site);
    bCredited ||= credits(a, p.aStart, p.aEnd, b.site);
    aDropped += p.aDroppedWords;
    bDropped += p.bDroppedWords;
    aLede ||= p.aFirst === 0;
    bLede ||= p.bFirst === 0;
  }
  if (aCredited !== bCredited) return aCredited;
  if (aDropped !== bDropped) return aDropped > bDropped;
  const context = passages.length > 0 ? contextShares(passages, aTokens, bTokens) : null;
  if (context && context[0] !== context[1]) return context[0] > context[1];
  if (aLede !== bLede) return aLede;
  return false;
}

/** Fewest distinct words each side needs outside the shared passages for contextShares to judge. */
const CONTEXT_MIN_WORDS = 20;

/**
 * How much each side's rest-of-document echoes the shared passages: of the distinct words
 * outside the passages in A and not outside them in B, the share that also occurs in A's
 * passages; the same for B. Words both rests hold (function words, the shared topic)
 * cancel out, and a share rather than a count keeps a long host article from winning by
 * length alone. Null when either side has fewer than 20 such words: a document that is
 * all passage plus a template line or two says nothing about where the passage belongs.
 * contextShares([paragraph about Varzaneh], origin article, unrelated host) -> [0.2, 0.02]
 */
export function contextShares(passages: readonly AlignedPassage[], a: ReuseTokens, b: ReuseTokens): [number, number] | null {
  const [aInside, aOutside] = insideOutside(a, passages.map((p) => [p.aFirst, p.aLast] as const));
  const [bInside, bOutside] = insideOutside(b, passages.map((p) => [p.bFirst, p.bLast] as const));
  const share = (inside: Set<number>, outside: Set<number>, otherOutside: Set<number>): number | null => {
    let own = 0;
    let echoes = 0;
    for (const k of outside) {
      if (otherOutside.has(k)) continue;
      own++;
      if (inside.has(k)) echoes++;
    }
    return own < CONTEXT_MIN_WORDS ? null : echoes / own;
  };
  const aShare = share(aInside, aOutside, bOutside);
  const bShare = share(bInside, bOutside, aOutside);
  return aShare === null || bShare === null ? null : [aShare, bShare];
}

function insideOutside(tokens: ReuseTokens, ranges: ReadonlyArray<readonly [number, number]>): [Set<number>, Set<number>] {
  const inside = new Uint8Array(tokens.count);
  for (const [first, last] of ranges) inside.fill(1, first, last);
  const keysInside = new Set<number>();
  const keysOutside = new Set<number>();
  for (let i = 0; i < tokens.count; i++) (inside[i] === 1 ? keysInside : keysOutside).add(tokens.keys[i]!);
  return [keysInside, keysOutside];
}

function orient(p: AlignedPassage, a: ReuseDocument, b: ReuseDocument, boilerplate: boolean, aIsSourceOnTie: boolean): DetectedReuse {
  const order = compareIsoDates(publishedAt(a, p.aStart), publishedAt(b, p.bStart));
  let direction: ReuseDirection;
  let aIsSource: boolean;
  if (order === -1 || order === 1) {
    direction = 'source_earlier';
    aIsSource = order === -1;
  } else {
    direction = order === 0 ? 'same_date' : 'unknown';
    aIsSource = aIsSourceOnTie;
  }
  const src = aIsSource ? { id: a.id, start: p.aStart, end: p.aEnd } : { id: b.id, start: p.bStart, end: p.bEnd };
  const tgt = aIsSource ? { id: b.id, start: p.bStart, end: p.bEnd } : { id: a.id, start: p.aStart, end: p.aEnd };
  return {
    sourceDocumentId: src.id,
    sourceStart: src.start,
    sourceEnd: src.end,
    targetDocumentId: tgt.id,
    targetStart: tgt.start,
    targetEnd: tgt.end,
    similarity: Math.round(p.similarity * 1000) / 1000,
    direction,
    clusterId: null,
    boilerplate,
  };
}

/** Does `doc` name `site` in or just before [start, end)? */
function credits(doc: ReuseDocument, start: number, end: number, site: string | null): boolean {
  const name = site ? foldForSearch(site).trim() : '';
  if (name.length < 3) return false;
  return foldForSearch(doc.text.slice(Math.max(0, start - 300), end)).includes(name);
}

function siteKey(site: string | null): string | null {
  const s = site?.trim().toLowerCase();
  return s ? s : null;
}

/**
 * Is the span [start, end) of `doc`, aligned with `other`, boilerplate? Template text of
 * one site (same site on both sides, recurring in several of its documents) or a short
 * stock line held by many documents. The answer depends on what the index holds now: a
 * stock line is only known as such once enough documents carry it (see recheckBoilerplate).
 */
export async function isBoilerplateSpan(
  doc: ReuseDocument,
  start: number,
  end: number,
  other: ReuseDocument,
  index: ReuseIndex,
  getDoc: GetReuseDocument,
  options: Partial<ReuseOptions> = {},
  siteCache: Map<string, string | null> = new Map(),
  prepared?: PreparedDocument,
): Promise<boolean> {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const bp = opts.boilerplate;
  const site = siteKey(doc.site);
  const sameSite = site !== null && site === siteKey(other.site);
  const tokens = prepared?.tokens ?? tokenizeForReuse(doc.text);
  const fingerprints = prepared?.fingerprints ?? sampleFingerprints(tokens, opts.fingerprint, doc.text);
  let words = 0;
  for (let i = 0; i < tokens.count; i++) if (tokens.starts[i]! >= start && tokens.ends[i]! <= end) words++;
  const short = words <= bp.stockPhraseMaxWords;
  if (!sameSite && !short) return false;

  // The span's indexed shingles, and which stored documents hold them.
  const inside: number[] = [];
  const last = opts.fingerprint.shingleWords - 1;
  for (let k = 0; k < fingerprints.positions.length; k++) {
    const p = fingerprints.positions[k]!;
    if (tokens.starts[p]! >= start && tokens.ends[p + last]! <= end) inside.push(fingerprints.hashes[k]!);
  }
  const hashes = Uint32Array.from(inside);
  // Without any indexed shingle nothing is known about recurrence: a short same-site
  // passage is then taken as template text (a site's lines are short), anything else not.
  if (hashes.length === 0) return sameSite && short;
  const holders = new Map<number, Set<string>>();
  for (const posting of await index.lookup(hashes)) {
    let set = holders.get(posting.hash);
    if (!set) holders.set(posting.hash, (set = new Set([doc.id])));
    set.add(posting.documentId);
  }
  let most = new Set<string>();
  for (const set of holders.values()) if (set.size > most.size) most = set;

  if (short && most.size >= bp.stockPhraseDocuments) return true;
  if (!sameSite) return false;
  // Count holders on the same site (doc itself included). At most 50 are checked.
  let sameSiteDocs = 0;
  let checked = 0;
  for (const id of most) {
    if (sameSiteDocs >= bp.minSiteDocuments || checked >= 50) break;
    checked++;
    let s: string | null | undefined = id === doc.id ? site : id === other.id ? siteKey(other.site) : siteCache.get(id);
    if (s === undefined) {
      s = siteKey((await getDoc(id))?.site ?? null);
      siteCache.set(id, s);
    }
    if (s === site) sameSiteDocs++;
  }
  if (!most.has(other.id)) sameSiteDocs++;
  return sameSiteDocs >= bp.minSiteDocuments;
}

/**
 * Re-check short links that were not boilerplate when found: a stock line becomes known
 * only after it has been seen in `stockPhraseDocuments` documents, so links found before
 * that are flagged now. Touches only links of at most `stockPhraseMaxWords` words.
 * await recheckBoilerplate(links, index, getDoc) -> the same links, some now boilerplate
 */
export async function recheckBoilerplate<L extends DetectedReuse>(
  links: readonly L[],
  index: ReuseIndex,
  getDoc: GetReuseDocument,
  options: Partial<ReuseOptions> = {},
): Promise<L[]> {
  const opts = { ...DEFAULT_REUSE_OPTIONS, ...options };
  const siteCache = new Map<string, string | null>();
  const out: L[] = [];
  for (const l of links) {
    if (l.boilerplate) {
      out.push(l);
      continue;
    }
    const target = await getDoc(l.targetDocumentId);
    const source = await getDoc(l.sourceDocumentId);
    if (!target || !source || tokenizeForReuse(target.text.slice(l.targetStart, l.targetEnd)).count > opts.boilerplate.stockPhraseMaxWords) {
      out.push(l);
      continue;
    }
    const boilerplate = await isBoilerplateSpan(target, l.targetStart, l.targetEnd, source, index, getDoc, opts, siteCache);
    out.push(boilerplate ? { ...l, boilerplate } : l);
  }
  return out;
}
