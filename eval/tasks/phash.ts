// Near-duplicate image decisions on labelled pairs (data/phash/pairs.jsonl): each image
// is fingerprinted once, each pair is one compareFingerprints() decision.
// `--file <folder>` scores any folder laid out like data/phash (pairs.jsonl + images).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeError } from '../../src/model/errors.js';
import { NEAR_DUPLICATE_THRESHOLDS, compareFingerprints, fingerprintImage, hammingDistance, type ImageFingerprint } from '../../src/media/phash.js';
import { prf, type EvalRow, type EvalTask } from '../harness.js';

interface Pair {
  a: string;
  b: string;
  label: 'same' | 'different';
  difficulty: string;
  transform: string;
}

export async function scorePairs(folder: string): Promise<{ rows: EvalRow[]; errors: string[] }> {
  const pairs = readFileSync(join(folder, 'pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Pair);
  const files = [...new Set(pairs.flatMap((p) => [p.a, p.b]))].sort();
  const prints = new Map<string, ImageFingerprint>();
  const errors: string[] = [];
  for (const f of files) {
    try {
      prints.set(f, await fingerprintImage(readFileSync(join(folder, f))));
    } catch (err) {
      errors.push(`${f}: ${describeError(err).message}`);
    }
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  // Baseline: one plain 64-bit pHash of the full image, same distance threshold.
  const base = { tp: 0, fp: 0, fn: 0 };
  const perTransform = new Map<string, { hit: number; n: number }>();
  const perDifficulty = new Map<string, { correct: number; n: number }>();
  for (const p of pairs) {
    const fa = prints.get(p.a);
    const fb = prints.get(p.b);
    // An image we could not decode is a missed decision, never a silent "different".
    const same = fa && fb ? compareFingerprints(fa, fb).nearDuplicate : p.label !== 'same';
    const want = p.label === 'same';
    const plain = fa && fb ? hammingDistance(fa.phash, fb.phash) <= NEAR_DUPLICATE_THRESHOLDS.maxDistance : !want;
    if (want && plain) base.tp++;
    else if (!want && plain) base.fp++;
    else if (want && !plain) base.fn++;
    if (want && same) tp++;
    else if (!want && same) fp++;
    else if (want && !same) fn++;
    const key = `${p.label}/${p.difficulty}`;
    const d = perDifficulty.get(key) ?? { correct: 0, n: 0 };
    d.n++;
    if (same === want) d.correct++;
    perDifficulty.set(key, d);
    if (want) {
      const t = perTransform.get(p.transform) ?? { hit: 0, n: 0 };
      t.n++;
      if (same) t.hit++;
      perTransform.set(p.transform, t);
    }
  }
  const { precision, recall, f1 } = prf(tp, fp, fn);
  const positives = tp + fn;
  const rows: EvalRow[] = [
    { dataset: 'phash pairs', metric: 'F1', score: f1, n: pairs.length },
    { dataset: 'phash pairs', metric: 'precision', score: precision, n: tp + fp, reference: 'target >= 0.98' },
    { dataset: 'phash pairs', metric: 'recall', score: recall, n: positives, reference: 'target >= 0.90' },
  ];
  const b = prf(base.tp, base.fp, base.fn);
  rows.push({ dataset: 'baseline: plain 64-bit pHash', metric: 'precision', score: b.precision, n: base.tp + base.fp });
  rows.push({ dataset: 'baseline: plain 64-bit pHash', metric: 'recall', score: b.recall, n: positives });
  for (const [k, v] of [...perDifficulty].sort()) rows.push({ dataset: `pairs ${k}`, metric: 'accuracy', score: v.correct / v.n, n: v.n });
  for (const [k, v] of [...perTransform].sort()) rows.push({ dataset: `same: ${k}`, metric: 'recall', score: v.hit / v.n, n: v.n });
  if (errors.length > 0) rows.push({ dataset: 'undecodable images', metric: 'count', score: errors.length, n: files.length });
  return { rows, errors };
}

export const task: EvalTask = {
  name: 'phash',
  metric: 'F1',
  defaultPaths: ['phash'],
  async run(path: string): Promise<EvalRow[]> {
    const { rows, errors } = await scorePairs(path);
    for (const e of errors) console.error(`phash: ${e}`);
    return rows;
  },
};
