// Name matching. `names`: same/different decisions on OFAC SDN alias pairs
// (names/SOURCE.md: positives include true aliases, so recall 1 is out of reach;
// the string-similarity floor is F1 0.583 at P 0.953). `names-xscript`: find the
// Latin spelling of each Arabic-script word among all Latin words of the file.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { DaftarError } from '../../src/model/errors.js';
import { arabicScriptKey } from '../../src/resolve/arabic-script-key.js';
import type { NameType } from '../../src/resolve/name-record.js';
import { AUTOMATIC_THRESHOLD, MATCH_THRESHOLD, scoreNamePair } from '../../src/resolve/score.js';
import { rankTransliterations } from '../../src/resolve/transliteration.js';
import { buildWordWeights } from '../../src/resolve/word-weights.js';
import { prf, type EvalRow, type EvalTask } from '../harness.js';

function readTsv(path: string): string[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new DaftarError('not_readable', `${path}: cannot read the TSV file`, { cause: err });
  }
  return text
    .split('\n')
    .filter((l) => l.trim().length > 0)
    .map((l) => l.split('\t'));
}

interface Pair {
  same: boolean;
  a: string;
  b: string;
  type: NameType;
  iranIndividual: boolean;
}

async function runPairs(path: string): Promise<EvalRow[]> {
  const rows = readTsv(path);
  const header = rows.shift() ?? [];
  const col = (name: string) => header.indexOf(name);
  const [cl, ca, cb, ct, ci] = [col('label'), col('name_a'), col('name_b'), col('sdn_type'), col('iran_linked')];
  if (cl < 0 || ca < 0 || cb < 0) throw new DaftarError('invalid_input', `${path}: expected columns label, name_a, name_b`);
  const pairs: Pair[] = rows.map((r) => ({
    same: r[cl] === '1',
    a: r[ca],
    b: r[cb],
    type: r[ct] === 'individual' ? 'PERSON' : 'ORG',
    iranIndividual: r[ct] === 'individual' && r[ci] === '1',
  }));
  // Word weights from the file's own names, as a register would compute them from
  // its records (no labels are used).
  const names: Record<NameType, Set<string>> = { PERSON: new Set(), ORG: new Set(), PLACE: new Set() };
  for (const p of pairs) {
    names[p.type].add(p.a);
    names[p.type].add(p.b);
  }
  const weights = { PERSON: buildWordWeights(names.PERSON, 'PERSON'), ORG: buildWordWeights(names.ORG, 'ORG') };
  const scores = pairs.map((p) => {
    const wordWeight = p.type === 'ORG' ? weights.ORG : weights.PERSON;
    return scoreNamePair({ name: p.a, type: p.type }, { name: p.b, type: p.type }, { wordWeight }).score;
  });
  const predicted = scores.map((s) => s >= MATCH_THRESHOLD);
  const dataset = basename(path);
  const rowsOut: EvalRow[] = [];
  const subsets: [string, (p: Pair) => boolean, string | undefined][] = [
    ['all', () => true, 'difflib floor: P 0.953 R 0.420 F1 0.583'],
    ['individual & iran_linked', (p) => p.iranIndividual, 'difflib floor: P 0.963 R 0.549 F1 0.699'],
    ['individual', (p) => p.type === 'PERSON', undefined],
    ['entity', (p) => p.type === 'ORG', undefined],
  ];
  for (const [label, keep, reference] of subsets) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    let n = 0;
    pairs.forEach((p, k) => {
      if (!keep(p)) return;
      n++;
      if (predicted[k] && p.same) tp++;
      else if (predicted[k]) fp++;
      else if (p.same) fn++;
    });
    const s = prf(tp, fp, fn);
    rowsOut.push({ dataset: `${dataset} ${label}`, metric: 'pair F1', score: s.f1, n, reference });
    rowsOut.push({ dataset: `${dataset} ${label}`, metric: 'precision', score: s.precision, n });
    rowsOut.push({ dataset: `${dataset} ${label}`, metric: 'recall', score: s.recall, n });
  }
  // The automatic band alone (merged without review).
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pairs.forEach((p, k) => {
    const auto = scores[k] >= AUTOMATIC_THRESHOLD;
    if (auto && p.same) tp++;
    else if (auto) fp++;
    else if (p.same) fn++;
  });
  const auto = prf(tp, fp, fn);
  rowsOut.push({ dataset: `${dataset} all, automatic band only`, metric: 'precision', score: auto.precision, n: pairs.length });
  rowsOut.push({ dataset: `${dataset} all, automatic band only`, metric: 'recall', score: auto.recall, n: pairs.length });
  return rowsOut;
}

async function runXscript(path: string): Promise<EvalRow[]> {
  const rows = readTsv(path).filter((r) => r.length >= 2);
  const latin = [...new Set(rows.map((r) => r[0]))];
  const truth = new Map<string, Set<string>>();
  for (const r of rows) {
    const arabic = r[1].replace(/ /g, '');
    const set = truth.get(arabic) ?? new Set<string>();
    set.add(r[0]);
    truth.set(arabic, set);
  }
  // The committed edit costs (src/resolve/xscript-costs.ts), learned with
  // learnEditCosts on the training split only, never on the file scored.
  const rank = rankTransliterations(latin);
  let correct = 0;
  let keyHits = 0;
  for (const r of rows) {
    const arabic = r[1].replace(/ /g, '');
    const top = rank(arabic, 1)[0];
    // An Arabic spelling shared by several Latin words accepts any of them.
    if (top !== undefined && (truth.get(arabic)?.has(top) ?? false)) correct++;
    if (arabicScriptKey(arabic).length > 0) keyHits++;
  }
  const dataset = basename(path);
  return [
    { dataset, metric: 'top-1 accuracy', score: correct / Math.max(1, rows.length), n: rows.length },
    { dataset, metric: 'words with a key', score: keyHits / Math.max(1, rows.length), n: rows.length },
  ];
}

export const tasks: EvalTask[] = [
  { name: 'names', metric: 'pair F1', defaultPaths: ['names/ofac_sdn_pairs_dev.tsv'], run: runPairs },
  { name: 'names-xscript', metric: 'top-1 accuracy', defaultPaths: ['names/wikidata_en_ar_names_dev16.tsv'], run: runXscript },
];
