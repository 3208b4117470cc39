// Duplicate candidates in a register of names (a victims list, a sanctions
// list): blocking on phonetic keys so that only names sharing a key are scored.
// Each person is indexed under pairs of its word skeletons and under its surname
// skeleton with one letter dropped (to catch consonant typos), so the work grows
// with block sizes, not with the square of the register.
import { analyzeName, type NameRecord } from './name-record.js';
import { classifyScore, REVIEW_THRESHOLD, scoreNamePair, type MatchBand, type PairSignals } from './score.js';
import { skeletonOf } from './phonetic-key.js';
import { buildWordWeightsFromWords } from './word-weights.js';

export interface Candidate {
  /** Indexes into the records passed in, a < b. */
  a: number;
  b: number;
  score: number;
  band: MatchBand;
  signals: PairSignals;
}

export interface DuplicateOptions {
  /** Lowest score reported; default the review threshold. */
  minScore?: number;
  /** Blocks larger than this are skipped as too common to say anything (default 400). */
  maxBlockSize?: number;
}

const PARTICLES = new Set(['abd', 'abu', 'bin', 'abn', 'ban', 'bint']);

function deletions(s: string): string[] {
  const out = [s];
  if (s.length >= 4) for (let k = 1; k < s.length; k++) out.push(s.slice(0, k) + s.slice(k + 1));
  return out;
}

/** The blocking keys of one name: "Dariush Kalantari" -> ["drysh|klntr", "~klntr|d", "~kntr|d", …]. */
export function blockingKeys(record: NameRecord): string[] {
  const keys = new Set<string>();
  for (const name of [record.name, ...(record.aliases ?? [])]) {
    const an = analyzeName(name, record.type);
    const words = an.words.filter((w) => !PARTICLES.has(w)).slice(0, 5);
    const skels = words.map(skeletonOf);
    if (skels.length === 1) keys.add('=' + skels[0]);
    for (let i = 0; i < skels.length; i++) {
      for (let j = i + 1; j < skels.length; j++) keys.add(skels[i] < skels[j] ? `${skels[i]}|${skels[j]}` : `${skels[j]}|${skels[i]}`);
    }
    // The surname with one consonant dropped, beside the first letter of the first given name.
    const surnameIndex = an.surname.find((i) => !PARTICLES.has(an.words[i])) ?? (an.words.length > 0 ? an.words.length - 1 : -1);
    const givenIndex = an.given.find((i) => !PARTICLES.has(an.words[i]));
    if (surnameIndex >= 0 && givenIndex !== undefined) {
      const initial = an.words[givenIndex][0];
      for (const d of deletions(skeletonOf(an.words[surnameIndex]))) keys.add(`~${d}|${initial}`);
    }
  }
  return [...keys];
}

/**
 * Pairs of records that may name the same person or organization, best first.
 * findDuplicateCandidates([{ name: "Dariush Kalantari" }, { name: "Kalantary, Daryoush" }])
 *   -> [{ a: 0, b: 1, score: 1, band: "automatic", … }]
 */
export function findDuplicateCandidates(records: NameRecord[], options: DuplicateOptions = {}): Candidate[] {
  const minScore = options.minScore ?? REVIEW_THRESHOLD;
  const maxBlock = options.maxBlockSize ?? 400;
  const n = records.length;
  // Keys are computed once per record and replaced by block numbers; each record
  // keeps the blocks it is in as one slice of a flat typed array.
  const blockOf = new Map<string, number>();
  const blockSize: number[] = [];
  const keyStart = new Int32Array(n + 1);
  let flat = new Int32Array(Math.max(16, n * 8));
  let used = 0;
  for (let i = 0; i < n; i++) {
    keyStart[i] = used;
    for (const k of blockingKeys(records[i]!)) {
      let b = blockOf.get(k);
      if (b === undefined) {
        b = blockSize.length;
        blockOf.set(k, b);
        blockSize.push(0);
      }
      blockSize[b]!++;
      if (used === flat.length) {
        const grown = new Int32Array(flat.length * 2);
        grown.set(flat);
        flat = grown;
      }
      flat[used++] = b;
    }
  }
  keyStart[n] = used;
  blockOf.clear();
  // Members of each block in record order, as slices of one array.
  const memberStart = new Int32Array(blockSize.length + 1);
  for (let b = 0; b < blockSize.length; b++) memberStart[b + 1] = memberStart[b]! + blockSize[b]!;
  const fill = memberStart.slice(0, blockSize.length);
  const members = new Int32Array(used);
  for (let i = 0; i < n; i++) for (let p = keyStart[i]!; p < keyStart[i + 1]!; p++) members[fill[flat[p]!]!++] = i;

  const wordWeight = registerWordWeights(records);
  // stamp[j] === i + 1: the pair (i, j) was already scored for this i.
  const stamp = new Int32Array(n);
  const out: Candidate[] = [];
  for (let i = 0; i < n; i++) {
    const ri = records[i]!;
    for (let p = keyStart[i]!; p < keyStart[i + 1]!; p++) {
      const b = flat[p]!;
      const from = memberStart[b]!;
      const to = memberStart[b + 1]!;
      if (to - from < 2 || to - from > maxBlock) continue;
      // Members are in record order: only the ones after i.
      for (let q = to - 1; q >= from; q--) {
        const j = members[q]!;
        if (j <= i) break;
        if (stamp[j] === i + 1) continue;
        stamp[j] = i + 1;
        const s = scoreNamePair(ri, records[j]!, { wordWeight });
        if (s.score >= minScore) out.push({ a: i, b: j, score: s.score, band: classifyScore(s.score), signals: s.signals });
      }
    }
  }
  return out.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
}

/** Word weights over the register's own phonetic words, each weight computed once. */
function registerWordWeights(records: NameRecord[]): (key: string) => number {
  const weight = buildWordWeightsFromWords(
    (function* () {
      for (const r of records) for (const name of [r.name, ...(r.aliases ?? [])]) yield analyzeName(name, r.type).words;
    })(),
  );
  const memo = new Map<string, number>();
  return (key: string) => {
    let w = memo.get(key);
    if (w === undefined) {
      w = weight(key);
      memo.set(key, w);
    }
    return w;
  };
}
