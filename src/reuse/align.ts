// Alignment of two documents that share shingles: exact seeds (short word n-grams found in
// both) are chained along diagonals, chains that lie close together in both documents are
// merged (a dropped sentence, an inserted line or sentences shuffled inside a paragraph
// leave one passage, not several), and each passage gets character spans and a similarity.
import { allShingles, newlineBetween } from './fingerprint.js';
import type { ReuseTokens } from './tokenize.js';

export interface AlignOptions {
  /** Words per exact seed; shorter seeds survive heavier editing but match more by chance. */
  seedWords: number;
  /** Largest gap, in words, inside one chain of seeds (a changed or dropped word or two). */
  chainGapWords: number;
  /** Largest gap, in words on both sides, between chains merged into one passage. */
  mergeGapWords: number;
  /** Smallest passage: words covered by seeds in each document. */
  minWords: number;
  /**
   * Smallest passage without any number. Short shared phrases without figures are mostly
   * formulae ("According to the news agency, quoting the public relations office"); a
   * short copied sentence that carries a figure is what claims need, so it is kept.
   */
  minWordsWithoutNumber: number;
  /**
   * A figure-free passage of fewer matched words than this that opens a paragraph and
   * stops at a comma inside its sentence, on either side, is a lead-in formula ("According
   * to the news agency in Mashhad, quoting the governor's office,"), not a copy.
   */
  leadInMaxWords: number;
  /** Smallest passage in characters, in each document. */
  minChars: number;
  /** Passages less similar than this (0..1) are dropped: a phrase matched in a long stretch. */
  minSimilarity: number;
}

export const DEFAULT_ALIGN_OPTIONS: AlignOptions = {
  seedWords: 5,
  chainGapWords: 12,
  mergeGapWords: 40,
  minWords: 8,
  minWordsWithoutNumber: 12,
  leadInMaxWords: 20,
  minChars: 40,
  minSimilarity: 0.5,
};

/** One aligned passage: text A [aStart, aEnd) ≈ text B [bStart, bEnd) (UTF-16 offsets). */
export interface AlignedPassage {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Token ranges [aFirst, aLast) and [bFirst, bLast). */
  aFirst: number;
  aLast: number;
  bFirst: number;
  bLast: number;
  /** Words of A inside seeds shared with B. */
  matchedWords: number;
  /** Multiset Dice of the two passages' words, 0..1; 1 for a verbatim copy. */
  similarity: number;
  /**
   * Words of A (of B) inside the passage that no seed covers, not counting lines with no
   * covered word at all (inserted boilerplate lines, a dropped paragraph): words and
   * sentences the other side dropped or replaced. A copy loses words more than it gains.
   */
  aDroppedWords: number;
  bDroppedWords: number;
}

interface Chain {
  aFirst: number;
  aLast: number; // exclusive, token index
  bFirst: number;
  bLast: number;
  lastI: number; // last seed
  lastJ: number;
  matched: number;
}

/**
 * Align two tokenized texts; passages are sorted by position in A.
 * alignTexts("… the same paragraph …", "… the same paragraph …") -> one passage, similarity 1.
 */
export function alignTokens(
  a: ReuseTokens,
  textA: string,
  b: ReuseTokens,
  textB: string,
  options: AlignOptions = DEFAULT_ALIGN_OPTIONS,
): AlignedPassage[] {
  const n = options.seedWords;
  const aSeeds = allShingles(a, n);
  const bSeeds = allShingles(b, n);
  if (aSeeds.length === 0 || bSeeds.length === 0) return [];

  // B's seed positions by hash, as linked lists in ascending position.
  const headOf = new Map<number, number>();
  const next = new Int32Array(bSeeds.length).fill(-1);
  for (let j = bSeeds.length - 1; j >= 0; j--) {
    const h = bSeeds[j]!;
    const head = headOf.get(h);
    if (head !== undefined) next[j] = head;
    headOf.set(h, j);
  }

  const coveredA = new Uint8Array(a.count);
  const coveredB = new Uint8Array(b.count);
  const done: Chain[] = [];
  let active: Chain[] = [];
  const gap = options.chainGapWords;
  for (let i = 0; i < aSeeds.length; i++) {
    let j = headOf.get(aSeeds[i]!);
    if (j === undefined) continue;
    if (active.length > 0) {
      const keep: Chain[] = [];
      for (const c of active) (i - c.aLast > gap ? done : keep).push(c);
      active = keep;
    }
    // A seed repeated many times in B (a refrain, a list) is followed at most 16 times.
    for (let seen = 0; j !== -1 && seen < 16; j = next[j]!, seen++) {
      let best: Chain | null = null;
      let bestSkew = Infinity;
      for (const c of active) {
        if (i <= c.lastI || j <= c.lastJ || j - c.bLast > gap) continue;
        const skew = Math.abs(j - i - (c.lastJ - c.lastI));
        if (skew < bestSkew) {
          bestSkew = skew;
          best = c;
        }
      }
      coveredA.fill(1, i, i + n);
      coveredB.fill(1, j, j + n);
      if (best && bestSkew <= gap) {
        best.matched += Math.min(n, i - best.lastI);
        best.lastI = i;
        best.lastJ = j;
        best.aLast = Math.max(best.aLast, i + n);
        best.bLast = Math.max(best.bLast, j + n);
        best.bFirst = Math.min(best.bFirst, j);
      } else {
        active.push({ aFirst: i, aLast: i + n, bFirst: j, bLast: j + n, lastI: i, lastJ: j, matched: n });
      }
    }
  }
  done.push(...active);

  // A lone seed is as likely chance ("according to the news agency") as copying; it may
  // not glue a stock line to a passage or stretch a passage over unrelated text.
  const merged = mergeChains(
    done.filter((c) => c.matched > n),
    options.mergeGapWords,
  );
  const out: AlignedPassage[] = [];
  for (const c of merged) {
    if (c.matched < options.minWords) continue;
    const aStart = extendStart(textA, a.starts[c.aFirst]!);
    const aEnd = extendEnd(textA, a.ends[c.aLast - 1]!);
    const bStart = extendStart(textB, b.starts[c.bFirst]!);
    const bEnd = extendEnd(textB, b.ends[c.bLast - 1]!);
    if (aEnd - aStart < options.minChars || bEnd - bStart < options.minChars) continue;
    const figureFree = !/\p{Nd}/u.test(textA.slice(aStart, aEnd));
    if (c.matched < options.minWordsWithoutNumber && figureFree) continue;
    if (figureFree && c.matched < options.leadInMaxWords && (isLeadIn(textA, aStart, aEnd) || isLeadIn(textB, bStart, bEnd))) continue;
    const similarity = diceSimilarity(a.keys, c.aFirst, c.aLast, b.keys, c.bFirst, c.bLast);
    if (similarity < options.minSimilarity) continue;
    out.push({
      aStart,
      aEnd,
      bStart,
      bEnd,
      aFirst: c.aFirst,
      aLast: c.aLast,
      bFirst: c.bFirst,
      bLast: c.bLast,
      matchedWords: c.matched,
      similarity,
      aDroppedWords: countUncovered(coveredA, a, textA, c.aFirst, c.aLast),
      bDroppedWords: countUncovered(coveredB, b, textB, c.bFirst, c.bLast),
    });
  }
  out.sort((x, y) => x.aStart - y.aStart || x.bStart - y.bStart);
  return out;
}

/** Merge chains whose boxes are within `gap` words of each other in both documents. */
function mergeChains(chains: Chain[], gap: number): Chain[] {
  let boxes = chains.slice().sort((x, y) => x.aFirst - y.aFirst);
  for (let changed = true; changed; ) {
    changed = false;
    const out: Chain[] = [];
    for (const c of boxes) {
      let into: Chain | null = null;
      for (const o of out) {
        const gapA = Math.max(c.aFirst, o.aFirst) - Math.min(c.aLast, o.aLast);
        const gapB = Math.max(c.bFirst, o.bFirst) - Math.min(c.bLast, o.bLast);
        if (gapA <= gap && gapB <= gap) {
          into = o;
          break;
        }
      }
      if (!into) {
        out.push({ ...c });
        continue;
      }
      changed = true;
      // Overlapping seeds in A would be counted twice; count the overlap once.
      const overlapA = Math.max(0, Math.min(c.aLast, into.aLast) - Math.max(c.aFirst, into.aFirst));
      into.matched += Math.max(0, c.matched - overlapA);
      into.aFirst = Math.min(into.aFirst, c.aFirst);
      into.aLast = Math.max(into.aLast, c.aLast);
      into.bFirst = Math.min(into.bFirst, c.bFirst);
      into.bLast = Math.max(into.bLast, c.bLast);
    }
    boxes = out;
  }
  return boxes;
}

/** Uncovered tokens in [from, to), over lines that have at least one covered token. */
function countUncovered(covered: Uint8Array, tokens: ReuseTokens, text: string, from: number, to: number): number {
  let total = 0;
  let lineUncovered = 0;
  let lineCovered = false;
  for (let k = from; k < to; k++) {
    if (k > from && newlineBetween(text, tokens.ends[k - 1]!, tokens.starts[k]!)) {
      if (lineCovered) total += lineUncovered;
      lineUncovered = 0;
      lineCovered = false;
    }
    if (covered[k] === 1) lineCovered = true;
    else lineUncovered++;
  }
  if (lineCovered) total += lineUncovered;
  return total;
}

/** 2·|A ∩ B| / (|A| + |B|) over word keys, counting repeats. */
export function diceSimilarity(aKeys: Uint32Array, a0: number, a1: number, bKeys: Uint32Array, b0: number, b1: number): number {
  const total = a1 - a0 + (b1 - b0);
  if (total === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = a0; i < a1; i++) counts.set(aKeys[i]!, (counts.get(aKeys[i]!) ?? 0) + 1);
  let common = 0;
  for (let j = b0; j < b1; j++) {
    const c = counts.get(bKeys[j]!);
    if (c) {
      common++;
      counts.set(bKeys[j]!, c - 1);
    }
  }
  return (2 * common) / total;
}

/** Does [start, end) open a line and stop at a comma with more of its sentence after it? */
function isLeadIn(text: string, start: number, end: number): boolean {
  if (start > 0 && text[start - 1] !== '\n') return false;
  if (!/[,،]\s*$/.test(text.slice(Math.max(0, end - 2), end))) return false;
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\u00a0')) e++;
  return e < text.length && text[e] !== '\n';
}

// Spans include the punctuation stuck to their first and last words ("“Yes.”"), never
// the whitespace around them.
const WORDLIKE = /[\p{L}\p{M}\p{N}\s]/u;

function extendStart(text: string, start: number): number {
  let s = start;
  while (s > 0 && start - s < 2 && !WORDLIKE.test(text[s - 1]!)) s--;
  return s;
}

function extendEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && e - end < 3 && !WORDLIKE.test(text[e]!)) e++;
  return e;
}
