// Incremental reuse detection for one new document: fingerprint it, ask the index for
// candidates, align each candidate, classify boilerplate, orient by publication date.
// Nothing else in the workspace is read or rescanned.
import type { ReuseLink } from '../model/schema.js';
import { foldForSearch } from '../text/normalize.js';
import { alignTokens, DEFAULT_ALIGN_OPTIONS, type AlignedPassage, type AlignOptions } from './align.js';
import { compareIsoDates, publishedAt, type ReuseDirection, type ReuseDocument } from './direction.js';
import { DEFAULT_FINGERPRINT_OPTIONS, sampleFingerprints, type FingerprintOptions, type Fingerprints } from './fingerprint.js';
import { DEFAULT_CANDIDATE_OPTIONS, findCandidateHits, type CandidateOptions, type ReuseIndex, type ReusePosting } from './reuse-index.js';
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
  /**
   * A passage of the new document is linked to at most this many earlier documents: the
   * best-matching one (ties: the earliest indexed, i.e. the cluster's first member) and a
   * few more. One passage in N documents then gives about N·linksPerPassage links forming
   * one cluster, not N(N-1)/2. A candidate whose every shared shingle lies in passages
   * already linked this often (or tried `maxTriesPerShingle` times) is not aligned.
   */
  linksPerPassage: number;
  maxTriesPerShingle: number;
  /**
   * Shingles held by at most this many candidates are linked to all of them (a source and
   * the dozen-odd answers quoting it each get a direct link); the limits above apply to
   * passages held by more, so links per document stay bounded.
   */
  linkAllUpTo: number;
}

export const DEFAULT_REUSE_OPTIONS: ReuseOptions = {
  fingerprint: DEFAULT_FINGERPRINT_OPTIONS,
  candidates: DEFAULT_CANDIDATE_OPTIONS,
  align: DEFAULT_ALIGN_OPTIONS,
  boilerplate: { minSiteDocuments: 3, stockPhraseDocuments: 10, stockPhraseMaxWords: 25 },
  add: true,
  maxCandidates: 200,
  linksPerPassage: 2,
  maxTriesPerShingle: 6,
  linkAllUpTo: 16,
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
  const candidates = await findCandidateHits(index, prepared.fingerprints, opts.candidates);
  const links: DetectedReuse[] = [];
  const siteCache = new Map<string, string | null>();
  const others = [...candidates].filter(([id]) => id !== doc.id);
  // First the earliest indexed holder of each passage (the cluster's first member, often
  // the origin), then the best-matching others: most shared shingles first.
  const byOrder = [...others].sort((x, y) => x[1].order - y[1].order);
  const byShared = [...others].sort((x, y) => y[1].shared - x[1].shared || x[1].order - y[1].order || (x[0] < y[0] ? -1 : 1));
  // Per token position of the new document: links whose passage covers it, alignments tried.
  const linked = new Uint16Array(prepared.tokens.count + 1);
  const tried = new Uint16Array(prepared.tokens.count + 1);
  const holders = new Uint32Array(prepared.tokens.count + 1);
  for (const [, hit] of others) for (const p of hit.newPositions ?? []) holders[p]!++;
  const cachedIndex = withCachedLookup(index);
  const done = new Set<string>();
  let aligned = 0;
  const passes: [typeof others, number][] = [
    [byOrder, 1],
    [byShared, opts.linksPerPassage],
  ];
  for (const [ranked, perPassage] of passes) {
    for (const [candidateId, hit] of ranked) {
      if (aligned >= opts.maxCandidates) break;
      if (done.has(candidateId)) continue;
      const positions = hit.newPositions;
      const open = (p: number): boolean => holders[p]! <= opts.linkAllUpTo || (linked[p]! < perPassage && tried[p]! < opts.maxTriesPerShingle);
      if (positions && !positions.some(open)) continue;
      done.add(candidateId);
      const other = await getDoc(candidateId);
      if (!other) continue;
      aligned++;
      siteCache.set(other.id, siteKey(other.site));
      const otherTokens = tokenizeForReuse(other.text);
      const passages = alignTokens(prepared.tokens, doc.text, otherTokens, other.text, opts.align);
      const onTie = guessAIsSource(passages, doc, prepared.tokens, other, otherTokens);
      if (positions) {
        for (const p of positions) {
          tried[p] = Math.min(tried[p]! + 1, 0xffff);
          if (passages.some((q) => p >= q.aFirst && p < q.aLast)) linked[p] = Math.min(linked[p]! + 1, 0xffff);
        }
      }
      for (const p of passages) {
        const boilerplate = await isBoilerplateSpan(doc, p.aStart, p.aEnd, other, cachedIndex, getDoc, opts, siteCache, prepared);
        links.push(orient(p, doc, other, boilerplate, onTie));
      }
    }
  }
  if (opts.add) await index.add(doc.id, prepared.fingerprints);
  return links;
}

/** The index with lookups remembered per hash (one document's passages ask for the same shingles). */
function withCachedLookup(index: ReuseIndex): ReuseIndex {
  const cache = new Map<number, ReusePosting[]>();
  return {
    add: (id, fp) => index.add(id, fp),
    has: (id) => index.has(id),
    lookup: async (hashes) => {
      const missing = hashes.filter((h) => !cache.has(h));
      if (missing.length > 0) {
        for (const h of missing) cache.set(h, []);
        for (const p of await index.lookup(missing)) cache.get(p.hash)?.push(p);
      }
      const out: ReusePosting[] = [];
      for (const h of new Set(hashes)) out.push(...cache.get(h)!);
      return out;
    },
  };
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
  const short = (l: L, target: ReuseDocument) => tokenizeForReuse(target.text.slice(l.targetStart, l.targetEnd)).count <= opts.boilerplate.stockPhraseMaxWords;
  return recheckLinks(links, index, getDoc, opts, (l, _source, target) => short(l, target));
}

/**
 * Flag as boilerplate the links not yet flagged that `applies` selects and whose target
 * span the index now shows to be template or stock text. The shared loop of the rechecks.
 */
export async function recheckLinks<L extends DetectedReuse>(
  links: readonly L[],
  index: ReuseIndex,
  getDoc: GetReuseDocument,
  options: Partial<ReuseOptions>,
  applies: (link: L, source: ReuseDocument, target: ReuseDocument) => boolean,
): Promise<L[]> {
  const siteCache = new Map<string, string | null>();
  const out: L[] = [];
  for (const l of links) {
    if (l.boilerplate) {
      out.push(l);
      continue;
    }
    const target = await getDoc(l.targetDocumentId);
    const source = await getDoc(l.sourceDocumentId);
    if (!target || !source || !applies(l, source, target)) {
      out.push(l);
      continue;
    }
    const boilerplate = await isBoilerplateSpan(target, l.targetStart, l.targetEnd, source, index, getDoc, options, siteCache);
    out.push(boilerplate ? { ...l, boilerplate } : l);
  }
  return out;
}
