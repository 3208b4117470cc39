// Named-entity recognition, entity-level exact-match P/R/F1 (conlleval style: span and
// type must both match), overall and per type, on gold tokens.
//  ner-en: CoNLL-2003 dev by default; --file scores any file in the CoNLL format (e.g. the
//          held-out test file).
//  ner-fa: the dev split of Arman fold-1 train (every 10th sentence, index % 10 === 9; the
//          other 90% trains the model) by default; --file scores the WHOLE given file in the
//          Arman format (e.g. test_fold1.txt).
// The headline is micro-F1 over every type of the data set (CoNLL: PER ORG LOC MISC; Arman:
// pers org loc fac pro event), comparable with published numbers. Daftar-type rows map
// Arman fac -> PLACE and pro, event -> MISC (see src/extract/ner/extract.ts).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countSpans, iobSpans, parseLabelledText, type LabelledSentence, type SpanCounts, type TypedSpan } from '../../src/extract/ner/conll-format.js';
import { loadNerModel } from '../../src/extract/ner/load.js';
import { tagSentenceWords } from '../../src/extract/ner/tagger.js';
import { DAFTAR_TYPE } from '../../src/extract/ner/extract.js';
import { dataPath, prf, type EvalRow, type EvalTask } from '../harness.js';

const EN_DEFAULT = 'ner-en/dev.txt';
const FA_DEFAULT = 'ner-fa/arman_train_fold1.txt';

/** The Arman dev split used by npm run train: every 10th sentence. */
export function armanDevSplit(sentences: LabelledSentence[]): LabelledSentence[] {
  return sentences.filter((_, i) => i % 10 === 9);
}

function score(lang: 'en' | 'fa', sentences: LabelledSentence[], dataset: string, references: Record<string, string>): EvalRow[] {
  const model = loadNerModel(lang);
  const counts = new Map<string, SpanCounts>();
  const mapped = new Map<string, SpanCounts>();
  const toDaftar = (spans: TypedSpan[]): TypedSpan[] => spans.map((s) => ({ ...s, type: DAFTAR_TYPE[lang][s.type] ?? 'MISC' }));
  let tokens = 0;
  for (const s of sentences) {
    tokens += s.words.length;
    const gold = iobSpans(s.labels);
    const pred = tagSentenceWords(model, s.words);
    countSpans(gold, pred, counts);
    countSpans(toDaftar(gold), toDaftar(pred), mapped);
  }
  const rows: EvalRow[] = [];
  const all = counts.get('') ?? { tp: 0, fp: 0, fn: 0 };
  const m = prf(all.tp, all.fp, all.fn);
  const n = all.tp + all.fn;
  rows.push({ dataset, metric: 'entity F1 (all types)', score: m.f1, n, reference: references.f1 });
  rows.push({ dataset, metric: 'entity precision', score: m.precision, n });
  rows.push({ dataset, metric: 'entity recall', score: m.recall, n });
  for (const type of model.header.types) {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    rows.push({ dataset, metric: `F1 ${type}`, score: prf(c.tp, c.fp, c.fn).f1, n: c.tp + c.fn, reference: references[type] });
  }
  for (const type of ['PERSON', 'ORG', 'PLACE', 'MISC']) {
    const c = mapped.get(type);
    if (!c) continue;
    rows.push({ dataset, metric: `F1 Daftar ${type}`, score: prf(c.tp, c.fp, c.fn).f1, n: c.tp + c.fn });
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const type of ['PERSON', 'ORG', 'PLACE']) {
    const c = mapped.get(type);
    if (c) {
      tp += c.tp;
      fp += c.fp;
      fn += c.fn;
    }
  }
  rows.push({ dataset, metric: 'entity F1 (PERSON ORG PLACE)', score: prf(tp, fp, fn).f1, n: tp + fn });
  rows.push({ dataset, metric: 'sentences / tokens', score: sentences.length, n: tokens });
  return rows;
}

export const tasks: EvalTask[] = [
  {
    name: 'ner-en',
    metric: 'entity F1',
    defaultPaths: [EN_DEFAULT],
    async run(path: string): Promise<EvalRow[]> {
      const sentences = parseLabelledText(readFileSync(path, 'utf8'));
      const isDev = resolve(path) === resolve(dataPath(EN_DEFAULT));
      return score('en', sentences, isDev ? 'CoNLL-2003 dev' : path, {
        f1: 'CoNLL-2003 test F1, published: Stanford CRF (Finkel et al. 2005) 0.869; Ratinov & Roth 2009 0.908 (dev 0.935); BiLSTM-CRF (Lample et al. 2016) 0.909; BERT-large 0.928 (dev 0.966)',
      });
    },
  },
  {
    name: 'ner-fa',
    metric: 'entity F1',
    defaultPaths: [FA_DEFAULT],
    async run(path: string): Promise<EvalRow[]> {
      const all = parseLabelledText(readFileSync(path, 'utf8'));
      // the default file is the training file: score only its held-out tenth
      const isTrainFile = resolve(path) === resolve(dataPath(FA_DEFAULT));
      const sentences = isTrainFile ? armanDevSplit(all) : all;
      return score('fa', sentences, isTrainFile ? 'Arman fold-1 dev (every 10th sentence)' : path, {
        f1: 'Arman CoNLL F1, 6 types, published (3-fold test, not our dev split): SVM-HMM (Poostchi et al. 2016) 0.726; BiLSTM-CRF + embeddings (Poostchi et al. 2018) 0.775; mBERT (Taher et al. 2020) 0.840',
      });
    },
  },
];
