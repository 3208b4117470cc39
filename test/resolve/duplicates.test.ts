import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockingKeys, findDuplicateCandidates } from '../../src/resolve/duplicates.js';
import type { NameRecord } from '../../src/resolve/name-record.js';
import { REVIEW_THRESHOLD, scoreNamePair } from '../../src/resolve/score.js';
import { weightedDistance, wordSimilarity } from '../../src/resolve/similarity.js';
import { buildWordWeights } from '../../src/resolve/word-weights.js';

// The textbook recurrence, written plainly, to hold the table-reusing version to.
function referenceDistance(a: string, b: string, v: number): number {
  const vowel = (c: string) => 'aiu'.includes(c);
  const near = new Set(['kq', 'gq', 'gk', 'dz', 'fv', 'bp']);
  const sub = (x: string, y: string) => {
    if (x === y) return 0;
    if (vowel(x) && vowel(y)) return v;
    const p = x < y ? x + y : y + x;
    if (p === 'iy' || p === 'uv') return v;
    return near.has(p) ? 0.5 : 1;
  };
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push(new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) d[i]![0] = d[i - 1]![0]! + (vowel(a[i - 1]!) ? v : 1);
  for (let j = 1; j <= b.length; j++) d[0]![j] = d[0]![j - 1]! + (vowel(b[j - 1]!) ? v : 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let x = Math.min(d[i - 1]![j]! + (vowel(a[i - 1]!) ? v : 1), d[i]![j - 1]! + (vowel(b[j - 1]!) ? v : 1), d[i - 1]![j - 1]! + sub(a[i - 1]!, b[j - 1]!));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) x = Math.min(x, d[i - 2]![j - 2]! + 1);
      d[i]![j] = x;
    }
  }
  return d[a.length]![b.length]!;
}

describe('weightedDistance', () => {
  it('agrees with the plain recurrence on random keys, long and short, in any call order', () => {
    const key = fc.stringMatching(/^[abdfgikqpsuvyz]{0,40}$/);
    fc.assert(
      fc.property(key, key, fc.constantFrom(0.2, 0.5), (a, b, v) => {
        expect(weightedDistance(a, b, v)).toBeCloseTo(referenceDistance(a, b, v), 9);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps memoized similarities apart per vowel cost', () => {
    const cheap = wordSimilarity('husain', 'husin', 0.2);
    const dear = wordSimilarity('husain', 'husin', 0.5);
    expect(cheap).toBeGreaterThan(dear);
    expect(wordSimilarity('husin', 'husain', 0.2)).toBe(cheap);
  });
});

describe('findDuplicateCandidates', () => {
  const names = [
    'Dariush Kalantari', 'KALANTARY, Daryoush', 'Mr. Dariush Kalantari', 'Shirin Kalantari', 'Kamran Kalantari',
    'Hossein Karimi', 'Hosien Karimi', 'KARIMI, Hossein', 'Hossein Kazimi', 'Reza Ali', 'Ali, Reza', 'Narges Mohammadi',
  ];
  const records: NameRecord[] = names.map((name) => ({ name, type: 'PERSON' }));

  it('scores exactly the pairs that share a blocking key, each once, a < b', () => {
    const found = findDuplicateCandidates(records);
    const weights = buildWordWeights(names, 'PERSON');
    const expected: string[] = [];
    for (let a = 0; a < records.length; a++) {
      const ka = new Set(blockingKeys(records[a]!));
      for (let b = a + 1; b < records.length; b++) {
        if (!blockingKeys(records[b]!).some((k) => ka.has(k))) continue;
        const s = scoreNamePair(records[a]!, records[b]!, { wordWeight: weights });
        if (s.score >= REVIEW_THRESHOLD) expected.push(`${a}-${b}:${s.score.toFixed(6)}`);
      }
    }
    const got = found.map((c) => `${c.a}-${c.b}:${c.score.toFixed(6)}`);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual(expected.sort());
    expect(found.every((c) => c.a < c.b)).toBe(true);
    // Shared surname alone never pairs Dariush with Shirin or Kamran.
    expect(found.some((c) => c.a === 0 && (c.b === 3 || c.b === 4))).toBe(false);
  });

  it('skips blocks over maxBlockSize', () => {
    const same: NameRecord[] = ['Dariush Kalantari', 'Dariush Kalantari', 'Dariush Kalantari'].map((name) => ({ name, type: 'PERSON' }));
    expect(findDuplicateCandidates(same)).toHaveLength(3);
    expect(findDuplicateCandidates(same, { maxBlockSize: 2 })).toHaveLength(0);
  });
});
