// The evaluation harness shared by every task. A task scores one data-set folder or
// file laid out like its counterpart in ../shared/data, so held-out copies score the same way.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface EvalRow {
  dataset: string;
  metric: string;
  score: number;
  n: number;
  reference?: string; // published numbers to print beside ours
}

export interface EvalTask {
  name: string;
  /** The headline metric name, e.g. "token F1". */
  metric: string;
  /** Default data location, relative to the data root (../shared/data). */
  defaultPaths: string[];
  /**
   * Score the data at `path`. The first row is the headline (`score`, `n` in --json);
   * further rows are details printed in the table.
   */
  run(path: string): Promise<EvalRow[]>;
}

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..');

/** ../shared/data next to the repository, or DAFTAR_DATA. */
export function dataRoot(): string {
  return process.env.DAFTAR_DATA ?? resolve(repoRoot, '..', 'shared', 'data');
}

export function dataPath(...parts: string[]): string {
  return join(dataRoot(), ...parts);
}

/** Precision, recall and F1 from counts; 0 where undefined. */
export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number; f1: number } {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Rows whose score is a count of things, not a share: their metric says so. */
const COUNT_METRIC = /\(of n|\bcount\b|want 0|false-positive pairs|not in reader text|chars counted|^independent groups|^sentences \/ tokens$/;

/** A count prints as a whole number; every other score with three decimals, so a share of 1 reads "1.000", not "1". */
export function fmt(score: number, metric: string): string {
  return Number.isInteger(score) && COUNT_METRIC.test(metric) ? String(score) : score.toFixed(3);
}
