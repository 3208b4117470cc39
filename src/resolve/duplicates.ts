// Duplicate candidates in a register of names (a victims list, a sanctions
// list): blocking on phonetic keys so that only names sharing a key are scored.
// Each person is indexed under pairs of its word skeletons and under its surname
// skeleton with one letter dropped (to catch consonant typos), so the work grows
// with block sizes, not with the square of the register.
import { analyzeName, type NameRecord } from './name-record.js';
import { classifyScore, REVIEW_THRESHOLD, scoreNamePair, type MatchBand, type PairSignals } from './score.js';
import { skeletonOf } from './phonetic-key.js';
import { buildWordWeights } from './word-weights.js';

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
  const blocks = new Map<string, number[]>();
  records.forEach((r, i) => {
    for (const k of blockingKeys(r)) {
      const list = blocks.get(k);
      if (list) list.push(i);
      else blocks.set(k, [i]);
    }
  });
  const wordWeight = buildWordWeights(records.flatMap((r) => [r.name, ...(r.aliases ?? [])]));
  const seen = new Set<number>();
  const out: Candidate[] = [];
  const n = records.length;
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > maxBlock) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = Math.min(members[x], members[y]);
        const b = Math.max(members[x], members[y]);
        if (a === b) continue;
        const pairId = a * n + b;
        if (seen.has(pairId)) continue;
        seen.add(pairId);
        const s = scoreNamePair(records[a], records[b], { wordWeight });
        if (s.score >= minScore) out.push({ a, b, score: s.score, band: classifyScore(s.score), signals: s.signals });
      }
    }
  }
  return out.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
}
