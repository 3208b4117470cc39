// Distances between phonetic word keys. Vowels are the least reliable part of a
// romanized name ("Kalantari" / "Kalentari", and Persian script omits short
// vowels), so vowel edits cost less than consonant edits.

const VOWEL = /[aiu]/;

/** Plain Levenshtein distance with an early exit once `max` is exceeded (returns max + 1). */
export function levenshtein(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

// Consonants that romanizations of one Arabic or Persian letter swap between:
// ق/غ as q, gh, g or k ("Qaddafi" / "Gadhafi"); ض/ذ as d, dh or z ("Rida" / "Reza");
// و as v, w or f; پ written b where the script lacks it.
const NEAR_CONSONANTS = new Set(['kq', 'gq', 'gk', 'dz', 'fv', 'bp']);

const CODE_A = 97;
const CODE_I = 105;
const CODE_U = 117;
const isVowelCode = (c: number) => c === CODE_A || c === CODE_I || c === CODE_U;

// Substitution costs between letter codes: 0 same, `vowelCost` between vowels or
// y/i and v/u (one letter, ی or و, read as consonant or vowel: "Ayesha" / "Aisha"),
// 0.5 near consonants, 1 otherwise. A table per vowel cost, built on first use.
const SUB_KIND = (() => {
  // 0 same, 1 vowel-like (costs vowelCost), 2 near (0.5), 3 other (1).
  const t = new Uint8Array(128 * 128).fill(3);
  for (let x = 0; x < 128; x++) {
    for (let y = 0; y < 128; y++) {
      if (x === y) t[x * 128 + y] = 0;
      else if (isVowelCode(x) && isVowelCode(y)) t[x * 128 + y] = 1;
      else {
        const cx = String.fromCharCode(x);
        const cy = String.fromCharCode(y);
        const pair = cx < cy ? cx + cy : cy + cx;
        if (pair === 'iy' || pair === 'uv') t[x * 128 + y] = 1;
        else if (NEAR_CONSONANTS.has(pair)) t[x * 128 + y] = 2;
      }
    }
  }
  return t;
})();

function substitution(x: number, y: number, vowelCost: number): number {
  if (x === y) return 0;
  if (x >= 128 || y >= 128) return isVowelCode(x) && isVowelCode(y) ? vowelCost : 1;
  const k = SUB_KIND[x * 128 + y]!;
  return k === 1 ? vowelCost : k === 2 ? 0.5 : k === 0 ? 0 : 1;
}

function charCost(c: string, vowelCost: number): number {
  return VOWEL.test(c) ? vowelCost : 1;
}

// One distance table reused across calls (grown when a longer word comes).
let table = new Float64Array(32 * 32);

/**
 * Damerau-style edit distance where inserting, deleting or swapping a vowel costs
 * `vowelCost` and a consonant edit costs 1; an adjacent transposition costs 1.
 * "husain" vs "husin" -> 0.5 (vowelCost 0.5).
 */
export function weightedDistance(a: string, b: string, vowelCost = 0.5): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if ((n + 1) * w > table.length) table = new Float64Array((n + 1) * w * 2);
  const d = table;
  d[0] = 0;
  for (let i = 1; i <= n; i++) d[i * w] = d[(i - 1) * w]! + (isVowelCode(a.charCodeAt(i - 1)) ? vowelCost : 1);
  for (let j = 1; j <= m; j++) d[j] = d[j - 1]! + (isVowelCode(b.charCodeAt(j - 1)) ? vowelCost : 1);
  for (let i = 1; i <= n; i++) {
    const ca = a.charCodeAt(i - 1);
    const del = isVowelCode(ca) ? vowelCost : 1;
    const row = i * w;
    const up = row - w;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      const sub = substitution(ca, cb, vowelCost);
      let v = d[up + j]! + del;
      const ins = d[row + j - 1]! + (isVowelCode(cb) ? vowelCost : 1);
      if (ins < v) v = ins;
      const diag = d[up + j - 1]! + sub;
      if (diag < v) v = diag;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = d[up - w + j - 2]! + 1;
        if (tr < v) v = tr;
      }
      d[row + j] = v;
    }
  }
  return d[n * w + m]!;
}

/** The weight of a key: consonants count 1, vowels `vowelCost`. */
export function keyWeight(key: string, vowelCost = 0.5): number {
  let w = 0;
  for (const c of key) w += charCost(c, vowelCost);
  return w;
}

/**
 * Similarity (0..1) of two word keys. An initial ("m") agrees with any word that
 * starts with it; a word that begins another long one ("siraj" / "sirajudin") is close.
 */
// Memo per vowel cost, then per word, then per other word (no key strings built per call).
const memo = new Map<number, Map<string, Map<string, number>>>();
let memoSize = 0;

export function wordSimilarity(a: string, b: string, vowelCost = 0.5): number {
  if (a === b) return 1;
  const [x, y] = a < b ? [a, b] : [b, a];
  let byCost = memo.get(vowelCost);
  if (!byCost) memo.set(vowelCost, (byCost = new Map()));
  let byX = byCost.get(x);
  if (!byX) byCost.set(x, (byX = new Map()));
  const hit = byX.get(y);
  if (hit !== undefined) return hit;
  const sim = computeWordSimilarity(a, b, vowelCost);
  if (++memoSize > 500_000) {
    memo.clear();
    memoSize = 0;
  } else byX.set(y, sim);
  return sim;
}

function computeWordSimilarity(a: string, b: string, vowelCost: number): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length === 1 || b.length === 1) return a[0] === b[0] ? 0.7 : 0;
  const w = Math.max(keyWeight(a, vowelCost), keyWeight(b, vowelCost));
  let sim = Math.max(0, 1 - weightedDistance(a, b, vowelCost) / w);
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 4 && long.startsWith(short)) sim = Math.max(sim, 0.8);
  return sim;
}
