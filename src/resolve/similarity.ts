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

function substitutionCost(x: string, y: string, vowelCost: number, xIsVowel: boolean): number {
  if (x === y) return 0;
  if (xIsVowel && VOWEL.test(y)) return vowelCost;
  const pair = x < y ? x + y : y + x;
  // y and i, v and u are one letter (ی, و) read as consonant or vowel: "Ayesha" / "Aisha".
  if (pair === 'iy' || pair === 'uv') return vowelCost;
  return NEAR_CONSONANTS.has(pair) ? 0.5 : 1;
}

function charCost(c: string, vowelCost: number): number {
  return VOWEL.test(c) ? vowelCost : 1;
}

/**
 * Damerau-style edit distance where inserting, deleting or swapping a vowel costs
 * `vowelCost` and a consonant edit costs 1; an adjacent transposition costs 1.
 * "husain" vs "husin" -> 0.5 (vowelCost 0.5).
 */
export function weightedDistance(a: string, b: string, vowelCost = 0.5): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  const d: number[][] = [];
  for (let i = 0; i <= n; i++) d.push(new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) d[i][0] = d[i - 1][0] + charCost(a[i - 1], vowelCost);
  for (let j = 1; j <= m; j++) d[0][j] = d[0][j - 1] + charCost(b[j - 1], vowelCost);
  for (let i = 1; i <= n; i++) {
    const ca = a[i - 1];
    const va = VOWEL.test(ca);
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1];
      const sub = substitutionCost(ca, cb, vowelCost, va);
      let v = Math.min(
        d[i - 1][j] + (va ? vowelCost : 1),
        d[i][j - 1] + charCost(cb, vowelCost),
        d[i - 1][j - 1] + sub,
      );
      if (i > 1 && j > 1 && ca === b[j - 2] && a[i - 2] === cb) v = Math.min(v, d[i - 2][j - 2] + 1);
      d[i][j] = v;
    }
  }
  return d[n][m];
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
const memo = new Map<string, number>();

export function wordSimilarity(a: string, b: string, vowelCost = 0.5): number {
  if (a === b) return 1;
  const memoKey = a < b ? `${a}|${b}|${vowelCost}` : `${b}|${a}|${vowelCost}`;
  const hit = memo.get(memoKey);
  if (hit !== undefined) return hit;
  const sim = computeWordSimilarity(a, b, vowelCost);
  if (memo.size > 500_000) memo.clear();
  memo.set(memoKey, sim);
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
