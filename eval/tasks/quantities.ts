// Quantities: our own English and Persian cases (eval/data/quantities.tsv); no public gold set
// with counted nouns and qualifiers was found, so these are fictional sentences we wrote.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractQuantities } from '../../src/extract/quantities/index.js';
import { dataRoot, prf, repoRoot, type EvalTask } from '../harness.js';

interface QuantityCase {
  lang: 'en' | 'fa';
  text: string;
  surface: string | null;
  value: number | null;
  valueMax: number | null;
  qualifier: string | null;
  unit: string | null;
}

const nullable = (s: string): string | null => (s === '-' ? null : s);

export function parseQuantityCases(tsv: string): QuantityCase[] {
  const out: QuantityCase[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length !== 7) throw new Error(`quantities.tsv: expected 7 tab-separated columns in "${line.slice(0, 60)}"`);
    const [lang, text, surface, value, valueMax, qualifier, unit] = f;
    out.push({
      lang: lang === 'fa' ? 'fa' : 'en',
      text,
      surface: nullable(surface),
      value: nullable(value) === null ? null : Number(value),
      valueMax: nullable(valueMax) === null ? null : Number(valueMax),
      qualifier: nullable(qualifier),
      unit: nullable(unit),
    });
  }
  return out;
}

export const task: EvalTask = {
  name: 'quantities-own',
  metric: 'all fields correct',
  defaultPaths: [relative(dataRoot(), join(repoRoot, 'eval', 'data', 'quantities.tsv'))],
  async run(path) {
    const cases = parseQuantityCases(readFileSync(path, 'utf8'));
    let tp = 0, fp = 0, fn = 0, exactSpan = 0, valueOk = 0, qualOk = 0, unitOk = 0, allOk = 0;
    const withGold = cases.filter((c) => c.surface !== null).length;
    for (const c of cases) {
      const found = extractQuantities(c.text, c.lang);
      if (c.surface === null) {
        fp += found.length;
        continue;
      }
      const at = c.text.indexOf(c.surface);
      const hit = found.find((q) => q.start < at + c.surface!.length && at < q.end);
      fp += found.filter((q) => q !== hit).length;
      if (!hit) {
        fn++;
        continue;
      }
      tp++;
      const v = hit.value === c.value && hit.valueMax === c.valueMax;
      const q = hit.qualifier === c.qualifier;
      const u = hit.unit === c.unit;
      if (hit.text === c.surface) exactSpan++;
      if (v) valueOk++;
      if (q) qualOk++;
      if (u) unitOk++;
      if (v && q && u && hit.text === c.surface) allOk++;
    }
    const r = prf(tp, fp, fn);
    const ds = `eval/data/quantities.tsv (${cases.length} sentences, ours)`;
    return [
      { dataset: ds, metric: 'all fields correct (span, value, range, qualifier, unit)', score: allOk / withGold, n: withGold },
      { dataset: ds, metric: 'detection F1 (overlap)', score: r.f1, n: withGold },
      { dataset: ds, metric: 'detection precision', score: r.precision, n: tp + fp },
      { dataset: ds, metric: 'value and range accuracy (found)', score: tp ? valueOk / tp : 0, n: tp },
      { dataset: ds, metric: 'qualifier accuracy (found)', score: tp ? qualOk / tp : 0, n: tp },
      { dataset: ds, metric: 'counted-noun accuracy (found)', score: tp ? unitOk / tp : 0, n: tp },
      { dataset: ds, metric: 'exact span (found)', score: tp ? exactSpan / tp : 0, n: tp },
    ];
  },
};
