// Finding the Latin spelling of a Persian/Arabic-script word among known Latin
// words: both sides go to the phonetic key space, candidates come from shared
// skeleton bigrams, and a vowel-tolerant edit distance ranks them (the script
// omits short vowels, so a missing vowel costs little).
import { foldScript, romanizeWord } from './arabic-script-key.js';
import { foldLatinText } from './latin-fold.js';
import { phoneticWord, skeletonOf } from './phonetic-key.js';
import { weightedDistance } from './similarity.js';
import { XSCRIPT_COSTS } from './xscript-costs.js';

/** Key of one Latin word without title or article handling: "Müller" -> "mular". */
export function latinWordKey(word: string): string {
  return phoneticWord(foldLatinText(word).replace(/ /g, ''));
}

/** Key of one script word: "داریوش" -> "daryush". */
export function scriptWordKey(word: string): string {
  return phoneticWord(romanizeWord(foldScript(word).replace(/[^\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]/gu, '')));
}

function bigrams(s: string): string[] {
  const p = `^${s}$`;
  const out: string[] = [];
  for (let k = 0; k + 1 < p.length; k++) out.push(p.slice(k, k + 2));
  return out;
}

/**
 * Builds a ranker over `latinWords`; the ranker returns the `k` Latin words
 * closest to a script word, best first, by the learned costs of xscript-costs.ts
 * (pass `null` for the hand-set vowel-tolerant distance). rank("داریوش", 1) -> ["Dariush"].
 */
export function rankTransliterations(latinWords: string[], costs: ReadonlyMap<string, number> | null = XSCRIPT_COSTS, candidateLimit = 400): (scriptWord: string, k: number) => string[] {
  const keys = latinWords.map(latinWordKey);
  const skeletons = keys.map(skeletonOf);
  const index = new Map<string, number[]>();
  skeletons.forEach((s, i) => {
    for (const g of new Set(bigrams(s))) {
      const list = index.get(g);
      if (list) list.push(i);
      else index.set(g, [i]);
    }
  });
  return (scriptWord: string, k: number) => {
    const key = scriptWordKey(scriptWord);
    if (key.length === 0) return [];
    const skel = skeletonOf(key);
    const counts = new Map<number, number>();
    for (const g of new Set(bigrams(skel))) for (const i of index.get(g) ?? []) counts.set(i, (counts.get(i) ?? 0) + 1);
    const candidates = [...counts.entries()].sort((x, y) => y[1] - x[1]).slice(0, candidateLimit).map(([i]) => i);
    const scored = candidates.map((i) => ({
      i,
      d: costs ? learnedDistance(key, keys[i], costs) : weightedDistance(key, keys[i], 0.2) + 0.01 * Math.abs(keys[i].length - key.length),
    }));
    scored.sort((x, y) => x.d - y.d);
    return scored.slice(0, k).map((s) => latinWords[s.i]);
  };
}

/** Edit costs learned from aligned word pairs: "a|b" substitution, "a|" deletion, "|b" insertion. */
export type EditCosts = Map<string, number>;
type Costs = ReadonlyMap<string, number>;

function costOf(costs: Costs, a: string, b: string, fallback: number): number {
  return costs.get(a + '|' + b) ?? fallback;
}

/** Edit distance with learned costs (unknown operations cost `unknown`). */
export function learnedDistance(a: string, b: string, costs: Costs, unknown = 12): number {
  const n = a.length;
  const m = b.length;
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + costOf(costs, '', b[j - 1], unknown);
  for (let i = 1; i <= n; i++) {
    cur[0] = prev[0] + costOf(costs, a[i - 1], '', unknown);
    for (let j = 1; j <= m; j++) {
      cur[j] = Math.min(
        prev[j] + costOf(costs, a[i - 1], '', unknown),
        cur[j - 1] + costOf(costs, '', b[j - 1], unknown),
        prev[j - 1] + costOf(costs, a[i - 1], b[j - 1], unknown),
      );
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

function alignOps(a: string, b: string, costs: Costs, unknown: number): string[] {
  const n = a.length;
  const m = b.length;
  const d: Float64Array[] = [];
  for (let i = 0; i <= n; i++) d.push(new Float64Array(m + 1));
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + costOf(costs, '', b[j - 1], unknown);
  for (let i = 1; i <= n; i++) {
    d[i][0] = d[i - 1][0] + costOf(costs, a[i - 1], '', unknown);
    for (let j = 1; j <= m; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + costOf(costs, a[i - 1], '', unknown),
        d[i][j - 1] + costOf(costs, '', b[j - 1], unknown),
        d[i - 1][j - 1] + costOf(costs, a[i - 1], b[j - 1], unknown),
      );
    }
  }
  const ops: string[] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i][j] === d[i - 1][j - 1] + costOf(costs, a[i - 1], b[j - 1], unknown)) {
      ops.push(a[i - 1] + '|' + b[j - 1]);
      i--;
      j--;
    } else if (i > 0 && d[i][j] === d[i - 1][j] + costOf(costs, a[i - 1], '', unknown)) {
      ops.push(a[i - 1] + '|');
      i--;
    } else {
      ops.push('|' + b[j - 1]);
      j--;
    }
  }
  return ops;
}

/**
 * Learns edit costs (-log relative frequency of each operation in Viterbi
 * alignments) from pairs of (script key, Latin key), starting from the hand-set
 * vowel-tolerant costs. A few iterations over ~40,000 pairs take seconds.
 */
export function learnEditCosts(pairs: [string, string][], iterations = 3): EditCosts {
  let costs: EditCosts = new Map();
  const alphabet = new Set<string>();
  for (const [a, b] of pairs) for (const c of a + b) alphabet.add(c);
  for (const x of alphabet) {
    const vx = /[aiu]/.test(x);
    costs.set(x + '|', vx ? 0.2 : 1);
    costs.set('|' + x, vx ? 0.2 : 1);
    for (const y of alphabet) costs.set(x + '|' + y, x === y ? 0 : vx && /[aiu]/.test(y) ? 0.2 : 1);
  }
  for (let it = 0; it < iterations; it++) {
    const counts = new Map<string, number>();
    let total = 0;
    for (const [a, b] of pairs) {
      for (const op of alignOps(a, b, costs, 12)) {
        counts.set(op, (counts.get(op) ?? 0) + 1);
        total++;
      }
    }
    const next: EditCosts = new Map();
    for (const [op, c] of counts) if (c >= 2) next.set(op, Math.round(-Math.log(c / total) * 100) / 100);
    costs = next;
  }
  return costs;
}
