// Is this the same person (or organization)? A score in 0..1 from several signals,
// and bands: automatic merge, human review, no match. A shared surname alone is
// never enough: "Dariush Kalantari" and "Shirin Kalantari" differ in given name.
import { analyzeName, type NameAnalysis, type NameRecord } from './name-record.js';
import { isAcronymOf, parentheticalAcronym, withoutParentheticalAcronym } from './organization.js';
import { keyWeight, wordSimilarity } from './similarity.js';

export interface ScoreContext {
  /** Weight of a word key, e.g. inverse frequency in the register (common given names count less). Default 1. */
  wordWeight?: (key: string) => number;
}

export interface PairSignals {
  /** Weighted share of words matched, averaged over both sides (0..1). */
  nameSimilarity: number;
  /** Best agreement of given names (0..1), null when a side has none. */
  givenAgreement: number | null;
  /** Best agreement of surnames (0..1), null when a side has none. */
  surnameAgreement: number | null;
  /** +1 same title, -1 conflicting (Mr / Mrs), 0 unknown. */
  titles: -1 | 0 | 1;
  /** False when both types are known and differ. */
  sameType: boolean;
  /** Jaccard overlap of co-occurring entities, null when either side lists none. */
  cooccurrence: number | null;
  sameDocument: boolean;
  sameOutlet: boolean;
  /** One name is the acronym of the other, or its declared long form. */
  acronym: boolean;
  /** The pair of names (including aliases) that scored best. */
  bestPair: [string, string];
}

export interface PairScore {
  score: number;
  signals: PairSignals;
}

export type MatchBand = 'automatic' | 'review' | 'no-match';

/**
 * The same/different decision point, set for precision ≥ 0.95 on the OFAC dev pairs
 * (eval task "names": precision 0.952, recall 0.705 at 0.45). Below it, no match.
 */
export const MATCH_THRESHOLD = 0.45;
/** At or above: merged without asking (persons need given name and surname agreeing at ≥ 0.85). */
export const AUTOMATIC_THRESHOLD = 0.85;
/** At or above (and below automatic): shown to a person for review. */
export const REVIEW_THRESHOLD = MATCH_THRESHOLD;

/** The band of a score: classifyScore(0.9) -> "automatic". */
export function classifyScore(score: number): MatchBand {
  if (score >= AUTOMATIC_THRESHOLD) return 'automatic';
  if (score >= REVIEW_THRESHOLD) return 'review';
  return 'no-match';
}

interface Alignment {
  coverageA: number;
  coverageB: number;
  /** For each word of A, the index of the B word it matched and the similarity. */
  matchOfA: { b: number; sim: number }[];
}

const MIN_WORD_SIMILARITY = 0.55;

type Unit = { ai0: number; ai1: number; bj0: number; bj1: number; sim: number };

/** Word similarities of every word of `a` against every word of `b`, row by row (symmetric, so one table serves both directions). */
function similarityTable(a: string[], b: string[], vowelCost: number, altA?: (string | undefined)[], altB?: (string | undefined)[]): Float64Array {
  const t = new Float64Array(a.length * b.length);
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let sim = wordSimilarity(a[i]!, b[j]!, vowelCost);
      // A word also matches by its second key ("naft" read as "oil" still meets "neft").
      const pa = altA?.[i];
      const qb = altB?.[j];
      if (sim < 1 && (pa !== undefined || qb !== undefined)) {
        sim = Math.max(sim, wordSimilarity(pa ?? a[i]!, qb ?? b[j]!, vowelCost));
        if (pa !== undefined && qb !== undefined) sim = Math.max(sim, wordSimilarity(pa, b[j]!, vowelCost), wordSimilarity(a[i]!, qb, vowelCost));
      }
      t[i * b.length + j] = sim;
    }
  }
  return t;
}

function unitOrder(x: Unit, y: Unit): number {
  const sizeX = (x.ai1 >= 0 ? 2 : 1) + (x.bj1 >= 0 ? 2 : 1);
  const sizeY = (y.ai1 >= 0 ? 2 : 1) + (y.bj1 >= 0 ? 2 : 1);
  return y.sim - x.sim || sizeX - sizeY;
}

/**
 * Greedy alignment of the words of `a` to those of `b`. `table` holds the word
 * similarities (see similarityTable), of a against b, or of b against a when `transposed`.
 */
function align(a: string[], b: string[], vowelCost: number, weight: (k: string) => number, table: Float64Array, transposed: boolean): Alignment {
  const units: Unit[] = [];
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const sim = transposed ? table[j * a.length + i]! : table[i * b.length + j]!;
      if (sim >= MIN_WORD_SIMILARITY) units.push({ ai0: i, ai1: -1, bj0: j, bj1: -1, sim });
    }
  }
  // Glued against split compounds: "mohammadreza" vs "mohammad reza".
  for (let i = 0; i + 1 < a.length; i++) {
    const joinedLength = a[i]!.length + a[i + 1]!.length;
    let joined: string | null = null;
    for (let j = 0; j < b.length; j++) {
      if (b[j]!.length < joinedLength - 3) continue;
      joined ??= a[i]! + a[i + 1]!;
      const sim = wordSimilarity(joined, b[j]!, vowelCost);
      if (sim >= 0.8) units.push({ ai0: i, ai1: i + 1, bj0: j, bj1: -1, sim });
    }
  }
  for (let j = 0; j + 1 < b.length; j++) {
    const joinedLength = b[j]!.length + b[j + 1]!.length;
    let joined: string | null = null;
    for (let i = 0; i < a.length; i++) {
      if (a[i]!.length < joinedLength - 3) continue;
      joined ??= b[j]! + b[j + 1]!;
      const sim = wordSimilarity(a[i]!, joined, vowelCost);
      if (sim >= 0.8) units.push({ ai0: i, ai1: -1, bj0: j, bj1: j + 1, sim });
    }
  }
  // A glued article on one side only: "elkaddafi" vs "qaddafi".
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      const p = a[i]!;
      const q = b[j]!;
      let sim = 0;
      if (p.length >= 5 && p.startsWith('al') && !q.startsWith('al')) sim = wordSimilarity(p.slice(2), q, vowelCost);
      else if (q.length >= 5 && q.startsWith('al') && !p.startsWith('al')) sim = wordSimilarity(p, q.slice(2), vowelCost);
      if (sim >= 0.75) units.push({ ai0: i, ai1: -1, bj0: j, bj1: -1, sim: sim * 0.95 });
    }
  }
  units.sort(unitOrder);
  const usedA = new Uint8Array(a.length);
  const usedB = new Uint8Array(b.length);
  const matchOfA: { b: number; sim: number }[] = [];
  for (let i = 0; i < a.length; i++) matchOfA.push({ b: -1, sim: 0 });
  const simB = new Float64Array(b.length);
  for (const u of units) {
    if (usedA[u.ai0] || (u.ai1 >= 0 && usedA[u.ai1]) || usedB[u.bj0] || (u.bj1 >= 0 && usedB[u.bj1])) continue;
    usedA[u.ai0] = 1;
    matchOfA[u.ai0] = { b: u.bj0, sim: u.sim };
    if (u.ai1 >= 0) {
      usedA[u.ai1] = 1;
      matchOfA[u.ai1] = { b: u.bj0, sim: u.sim };
    }
    usedB[u.bj0] = 1;
    simB[u.bj0] = u.sim;
    if (u.bj1 >= 0) {
      usedB[u.bj1] = 1;
      simB[u.bj1] = u.sim;
    }
  }
  let totalA = 0;
  let coveredA = 0;
  for (let i = 0; i < a.length; i++) {
    const w = weight(a[i]!);
    totalA += w;
    coveredA += matchOfA[i]!.sim * w;
  }
  let totalB = 0;
  let coveredB = 0;
  for (let j = 0; j < b.length; j++) {
    const w = weight(b[j]!);
    totalB += w;
    coveredB += simB[j]! * w;
  }
  const coverageA = totalA === 0 ? 0 : coveredA / totalA;
  const coverageB = totalB === 0 ? 0 : coveredB / totalB;
  return { coverageA, coverageB, matchOfA };
}

// Name particles say little on their own: "Abd", "Abu", "bin", "ibn", "ben", "umm".
const PARTICLES = new Set(['abd', 'abu', 'bin', 'abn', 'ban', 'bint', 'am', 'ap', 'uld', 'ald', 'van', 'fun', 'da', 'di', 'du', 'la']);

// How well the first meaningful word of a role (given names: the first name;
// surname: its first word) of one side is matched by the same role of the other,
// or at a discount by any of its words (a surname written among the given names
// of a longer alias, "Lubanga, Thomas" / "Dyilo, Thomas Lubanga"). The father's
// name, second among Arabic given names, is shared by brothers and so does not count.
function roleAgreement(x: NameAnalysis, xr: number[], yr: number[], al: Alignment): number | null {
  const own = xr.filter((i) => !PARTICLES.has(x.words[i]));
  if (own.length === 0 || yr.length === 0) return null;
  const m = al.matchOfA[own[0]];
  if (m.b < 0) return 0;
  return yr.includes(m.b) ? m.sim : 0.7 * m.sim;
}

// Two or more given names agreeing one by one, in order ("Badran Turki Hishan" /
// "Badran Turki Hayshan"): an Arab name chain (own, father's, grandfather's name)
// under another family name or nisba is more often the same person than not.
const PATRONYMIC = /(vich|vna|vana|auna|ich|ivna|avna)$/;
function givenChain(x: NameAnalysis, y: NameAnalysis, al: Alignment, alBA: Alignment): string[] | null {
  const ox = x.given.filter((i) => !PARTICLES.has(x.words[i]));
  const oy = y.given.filter((i) => !PARTICLES.has(y.words[i]));
  // The shorter chain's words, each met in order among the other's given names, the first by the first.
  const [s, l, a] = ox.length <= oy.length ? [ox, oy, al] : [oy, ox, alBA];
  const short = s === ox ? x : y;
  const long = s === ox ? y : x;
  if (s.length < 2) return null;
  if (s.length === 2 && (PATRONYMIC.test(short.words[s[1]]) || PATRONYMIC.test(long.words[l[1]]))) return null;
  let last = -1;
  for (let k = 0; k < s.length; k++) {
    const m = a.matchOfA[s[k]];
    const at = l.indexOf(m.b);
    if (at <= last || m.sim < 0.8 || (k === 0 && at !== 0)) return null;
    last = at;
  }
  return s.map((i) => short.words[i]);
}

const GENDER_TITLES: Record<string, 'm' | 'f'> = { mr: 'm', mrs: 'f', ms: 'f', khanum: 'f', sir: 'm', agha: 'm' };

function titleSignal(ta: string[], tb: string[]): -1 | 0 | 1 {
  const ga = new Set(ta.map((t) => GENDER_TITLES[t]).filter((g) => g !== undefined));
  const gb = new Set(tb.map((t) => GENDER_TITLES[t]).filter((g) => g !== undefined));
  if (ga.size === 1 && gb.size === 1 && [...ga][0] !== [...gb][0]) return -1;
  if (ta.some((t) => tb.includes(t))) return 1;
  return 0;
}

function jaccard(a: string[] | undefined, b: string[] | undefined): number | null {
  if (!a || !b || a.length === 0 || b.length === 0) return null;
  const sa = new Set(a.map((x) => x.toLowerCase()));
  const sb = new Set(b.map((x) => x.toLowerCase()));
  let inter = 0;
  for (const x of sa) if (sb.has(x)) inter++;
  return inter / (sa.size + sb.size - inter);
}

function overlaps(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a || !b) return false;
  return a.some((x) => b.includes(x));
}

interface NameScore {
  score: number;
  nameSimilarity: number;
  givenAgreement: number | null;
  surnameAgreement: number | null;
  acronym: boolean;
}

const lengthWeights = new Map<string, number>();

// Short words ("ali", "m") say less: 0.5 plus 0.1 per consonant, at most 1.
function lengthWeight(k: string): number {
  let w = lengthWeights.get(k);
  if (w === undefined) {
    w = Math.min(1, 0.5 + 0.1 * keyWeight(k, 0));
    if (lengthWeights.size > 200_000) lengthWeights.clear();
    lengthWeights.set(k, w);
  }
  return w;
}

/** Score of two single names, name signals only. */
function scoreNames(na: string, nb: string, type: NameRecord['type'], ctx: ScoreContext | undefined, longA?: string, longB?: string): NameScore {
  const x = analyzeName(na, type);
  const y = analyzeName(nb, type);
  // Acronym and long form: "NSCL" = "National Standards and Calibration Laboratory".
  if (type !== 'PERSON') {
    const acr =
      (x.acronym !== null && (isAcronymOf(na, withoutParentheticalAcronym(nb)) || parentheticalAcronym(nb) === x.acronym || (longA !== undefined && scoreNames(longA, nb, type, ctx).score >= AUTOMATIC_THRESHOLD))) ||
      (y.acronym !== null && (isAcronymOf(nb, withoutParentheticalAcronym(na)) || parentheticalAcronym(na) === y.acronym || (longB !== undefined && scoreNames(na, longB, type, ctx).score >= AUTOMATIC_THRESHOLD)));
    if (acr) return { score: 0.9, nameSimilarity: 0, givenAgreement: null, surnameAgreement: null, acronym: true };
    if (x.acronym !== null && y.acronym !== null && x.acronym === y.acronym) {
      return { score: 0.85, nameSimilarity: 1, givenAgreement: null, surnameAgreement: null, acronym: true };
    }
  }
  if (x.words.length === 0 || y.words.length === 0) {
    return { score: 0, nameSimilarity: 0, givenAgreement: null, surnameAgreement: null, acronym: false };
  }
  const crossScript = x.script !== y.script || x.script === 'arabic';
  const vowelCost = crossScript ? 0.2 : 0.5;
  // Generic words ("Group", "Industries", "Mohammad") weigh little when a register supplies
  // frequencies; organization names repeat such words more, so their weight falls faster.
  const weight = (k: string) => {
    const w = ctx?.wordWeight ? ctx.wordWeight(k) : 1;
    return w * w * lengthWeight(k);
  };
  const table = similarityTable(x.words, y.words, vowelCost, x.alt, y.alt);
  const al = align(x.words, y.words, vowelCost, weight, table, false);
  const minCov = Math.min(al.coverageA, al.coverageB);
  const maxCov = Math.max(al.coverageA, al.coverageB);
  const nameSimilarity = (al.coverageA + al.coverageB) / 2;
  // An organization's short name is often its long name cut down ("Nouri
  // Petrochemical Complex" / "Nouri Petrochemical"): the shorter side's coverage counts more.
  let score = type === 'ORG' ? 0.3 * minCov + 0.7 * maxCov : 0.65 * minCov + 0.35 * maxCov;
  if (type === 'ORG') {
    // One word against a longer name ("Arsavan" / "Arsavan Herald"): often a place or a
    // short name the recognizer took for the organization; a person decides.
    if (Math.min(x.words.length, y.words.length) === 1 && Math.max(x.words.length, y.words.length) >= 2) score = Math.min(score, 0.8);
    return { score, nameSimilarity, givenAgreement: null, surnameAgreement: null, acronym: false };
  }
  const alBA = align(y.words, x.words, vowelCost, weight, table, true);
  const bothWays = (p: number | null, q: number | null) => (p === null || q === null ? (p ?? q) : Math.max(p, q));
  const givenAgreement = bothWays(roleAgreement(x, x.given, y.given, al), roleAgreement(y, y.given, x.given, alBA));
  const surnameAgreement = bothWays(roleAgreement(x, x.surname, y.surname, al), roleAgreement(y, y.surname, x.surname, alBA));
  // Persons: both given names and surnames must agree where both are known;
  // swapped roles ("Reza Ali" / "Ali, Reza") count as agreement only through the words.
  let chain: string[] | null;
  if (givenAgreement !== null && surnameAgreement !== null) {
    if (givenAgreement >= 0.85 && surnameAgreement >= 0.85) score = Math.max(score, 0.5 + 0.45 * maxCov);
    else if (surnameAgreement < 0.4 && givenAgreement >= 0.85 && (chain = givenChain(x, y, al, alBA)) !== null) {
      // Review at most; and at least when no word of the chain is a common name ("Mohammad Reza" is one).
      score = Math.min(score, 0.6);
      if (chain.every((k) => (ctx?.wordWeight ? ctx.wordWeight(k) : 1) >= 0.5)) score = Math.max(score, MATCH_THRESHOLD + 0.05);
    }
    else if (givenAgreement < 0.4 || surnameAgreement < 0.4) score = Math.min(score, 0.25);
    else if (givenAgreement < 0.6 || surnameAgreement < 0.6) score = Math.min(score, MATCH_THRESHOLD);
    // One consonant apart ("Karimi" / "Kazimi") may be a typo or another family: a person
    // decides, and the further apart, the lower in the review list.
    else if (givenAgreement < 0.75 || surnameAgreement < 0.75) score = Math.min(score, 0.6);
    else if (givenAgreement < 0.85 || surnameAgreement < 0.85) score = Math.min(score, 0.8);
  }
  return { score, nameSimilarity, givenAgreement, surnameAgreement, acronym: false };
}

/**
 * Scores two name records (0..1) with the signals behind the score.
 * scoreNamePair({ name: "Dariush Kalantari" }, { name: "Kalantary, Daryoush" }).score -> 1
 */
export function scoreNamePair(a: NameRecord, b: NameRecord, context?: ScoreContext): PairScore {
  const type = a.type ?? b.type;
  const namesA = [a.name, ...(a.aliases ?? [])];
  const namesB = [b.name, ...(b.aliases ?? [])];
  let best: NameScore | null = null;
  let bestPair: [string, string] = [a.name, b.name];
  for (const na of namesA) {
    for (const nb of namesB) {
      const s = scoreNames(na, nb, type, context, na === a.name ? a.longForm : undefined, nb === b.name ? b.longForm : undefined);
      if (best === null || s.score > best.score) {
        best = s;
        bestPair = [na, nb];
      }
    }
  }
  const ns = best as NameScore;
  const x = analyzeName(bestPair[0], type);
  const y = analyzeName(bestPair[1], type);
  const titles = titleSignal([...x.titles, ...(a.titles ?? [])], [...y.titles, ...(b.titles ?? [])]);
  const sameType = a.type === undefined || b.type === undefined || a.type === b.type;
  const cooccurrence = jaccard(a.cooccurring, b.cooccurring);
  const sameDocument = overlaps(a.documentIds, b.documentIds);
  const sameOutlet = overlaps(a.outlets, b.outlets);
  let score = ns.score;
  if (titles === -1) score -= 0.3;
  if (titles === 1 && score >= REVIEW_THRESHOLD) score += 0.03;
  // Context only tips a name that already looks alike.
  if (ns.score >= REVIEW_THRESHOLD) {
    if (cooccurrence !== null) score += 0.1 * cooccurrence - (cooccurrence === 0 ? 0.03 : 0);
    if (sameDocument) score += 0.05;
    if (sameOutlet) score += 0.02;
  }
  if (!sameType) score *= 0.2;
  score = Math.max(0, Math.min(1, score));
  return {
    score,
    signals: {
      nameSimilarity: ns.nameSimilarity,
      givenAgreement: ns.givenAgreement,
      surnameAgreement: ns.surnameAgreement,
      titles,
      sameType,
      cooccurrence,
      sameDocument,
      sameOutlet,
      acronym: ns.acronym,
      bestPair,
    },
  };
}
