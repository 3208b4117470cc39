// Task `reuse`: text reuse between documents (src/reuse), scored on
//  - synthetic-news-en / -fa (documents.jsonl.gz, links.jsonl, labels.jsonl): pair-level
//    precision/recall of (derived document, source), PAN-style character plagdet on both
//    sides of each pair, 4-way document labels, direction accuracy; shared and outlet
//    boilerplate must not create pairs;
//  - clough-stevenson-short-answers (texts/, file_information.csv): does an answer reuse its
//    task's Wikipedia source (cut, light, heavy) or not (non).
// Documents are added one by one in file order (shuffled), as an incremental ingest would.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  clusterReuse,
  detectReuseForDocument,
  MemoryReuseIndex,
  recheckBoilerplate,
  type DetectedReuse,
  type ReuseDocument,
} from '../../src/reuse/index.js';
import { prf, type EvalRow, type EvalTask } from '../harness.js';

interface SyntheticDoc {
  id: string;
  lang: string;
  outlet: string;
  published: string | null;
  title: string;
  text: string;
}
interface GoldSpan {
  kind: 'reuse' | 'boilerplate';
  source?: string;
  src_start?: number;
  src_end?: number;
  doc_start: number;
  doc_end: number;
}
interface GoldLink {
  doc: string;
  source: string | null;
  relation: 'wholly-derived' | 'partially-derived' | 'boilerplate-only';
  spans: GoldSpan[];
}
interface GoldLabel {
  doc: string;
  label: 'origin' | 'wholly-derived' | 'partially-derived' | 'non-derived';
}

/** Run detection over documents in the given order; every link found, clustered. */
async function detectAll(docs: ReuseDocument[]): Promise<ReturnType<typeof clusterReuse<DetectedReuse>>> {
  const index = new MemoryReuseIndex();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const links: DetectedReuse[] = [];
  const getDoc = (id: string): ReuseDocument | undefined => byId.get(id);
  for (const doc of docs) links.push(...(await detectReuseForDocument(doc, index, getDoc)));
  return clusterReuse(await recheckBoilerplate(links, index, getDoc), (id) => byId.get(id)?.published ?? null);
}

function readJsonLines<T>(path: string): T[] {
  const raw = path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8');
  return raw
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** Character offsets as a sorted list of disjoint [start, end) intervals. */
class CharSet {
  private ranges: [number, number][] = [];
  add(start: number, end: number): void {
    if (end > start) this.ranges.push([start, end]);
  }
  normalized(): [number, number][] {
    const r = this.ranges.sort((x, y) => x[0] - y[0]);
    const out: [number, number][] = [];
    for (const [s, e] of r) {
      const last = out[out.length - 1];
      if (last && s <= last[1]) last[1] = Math.max(last[1], e);
      else out.push([s, e]);
    }
    this.ranges = out;
    return out;
  }
  size(): number {
    return this.normalized().reduce((n, [s, e]) => n + e - s, 0);
  }
  intersect(other: CharSet): number {
    const a = this.normalized();
    const b = other.normalized();
    let n = 0;
    for (let i = 0, j = 0; i < a.length && j < b.length; ) {
      n += Math.max(0, Math.min(a[i]![1], b[j]![1]) - Math.max(a[i]![0], b[j]![0]));
      if (a[i]![1] < b[j]![1]) i++;
      else j++;
    }
    return n;
  }
}

async function scoreSynthetic(path: string): Promise<EvalRow[]> {
  const name = basename(path);
  const docs = readJsonLines<SyntheticDoc>(join(path, 'documents.jsonl.gz'));
  const gold = readJsonLines<GoldLink>(join(path, 'links.jsonl'));
  const labels = readJsonLines<GoldLabel>(join(path, 'labels.jsonl'));
  const reuseDocs: ReuseDocument[] = docs.map((d) => ({ id: d.id, text: d.text, site: d.outlet, published: d.published }));
  const textLength = new Map(docs.map((d) => [d.id, d.text.length]));
  const { clusters, links } = await detectAll(reuseDocs);

  // Predicted (document, source): every cluster member is attributed to the cluster's
  // earliest member, so siblings copying one origin are not paired with each other.
  const predicted = new Set<string>();
  for (const c of clusters) for (const m of c.members) if (m.documentId !== c.earliest.documentId) predicted.add(`${m.documentId} ${c.earliest.documentId}`);
  const goldPairs = new Set<string>();
  for (const g of gold) if (g.source && g.relation !== 'boilerplate-only') goldPairs.add(`${g.doc} ${g.source}`);
  let tp = 0;
  for (const p of predicted) if (goldPairs.has(p)) tp++;
  const pair = prf(tp, predicted.size - tp, goldPairs.size - tp);
  // The same pairs with orientation ignored: detection apart from who copied whom (on
  // equal dates a verbatim copy carries no sign of which side is the origin).
  const unordered = (set: Iterable<string>): Set<string> => new Set([...set].map((p) => p.split(' ').sort().join(' ')));
  const predictedU = unordered(predicted);
  const goldU = unordered(goldPairs);
  let tpU = 0;
  for (const p of predictedU) if (goldU.has(p)) tpU++;
  const pairU = prf(tpU, predictedU.size - tpU, goldU.size - tpU);

  // Direction: of gold pairs found in either orientation, how many point the right way.
  let found = 0;
  let rightWay = 0;
  for (const g of goldPairs) {
    const [d, s] = g.split(' ');
    if (predicted.has(g)) (found++, rightWay++);
    else if (predicted.has(`${s} ${d}`)) found++;
  }

  // Characters, PAN style, on both sides of each (document, source) pair.
  const goldChars = new Map<string, { doc: CharSet; src: CharSet; spans: [number, number][] }>();
  const boilerplateChars = new Map<string, CharSet>();
  for (const g of gold) {
    for (const s of g.spans) {
      if (s.kind === 'boilerplate') {
        let set = boilerplateChars.get(g.doc);
        if (!set) boilerplateChars.set(g.doc, (set = new CharSet()));
        set.add(s.doc_start, s.doc_end);
        continue;
      }
      const key = `${g.doc} ${s.source}`;
      let e = goldChars.get(key);
      if (!e) goldChars.set(key, (e = { doc: new CharSet(), src: new CharSet(), spans: [] }));
      e.doc.add(s.doc_start, s.doc_end);
      e.src.add(s.src_start!, s.src_end!);
      e.spans.push([s.doc_start, s.doc_end]);
    }
  }
  const predChars = new Map<string, { doc: CharSet; src: CharSet; spans: [number, number][] }>();
  const coverage = new Map<string, CharSet>();
  let boilerplateCounted = 0;
  for (const l of links) {
    if (l.boilerplate) continue;
    const bpTarget = boilerplateChars.get(l.targetDocumentId);
    if (bpTarget) {
      const t = new CharSet();
      t.add(l.targetStart, l.targetEnd);
      boilerplateCounted += t.intersect(bpTarget);
    }
    const key = `${l.targetDocumentId} ${l.sourceDocumentId}`;
    if (!predicted.has(key)) continue;
    let e = predChars.get(key);
    if (!e) predChars.set(key, (e = { doc: new CharSet(), src: new CharSet(), spans: [] }));
    e.doc.add(l.targetStart, l.targetEnd);
    e.src.add(l.sourceStart, l.sourceEnd);
    e.spans.push([l.targetStart, l.targetEnd]);
    let cov = coverage.get(l.targetDocumentId);
    if (!cov) coverage.set(l.targetDocumentId, (cov = new CharSet()));
    cov.add(l.targetStart, l.targetEnd);
  }
  let charTp = 0;
  let charGold = 0;
  let charPred = 0;
  let detectedSpans = 0;
  let detections = 0;
  for (const [key, g] of goldChars) {
    charGold += g.doc.size() + g.src.size();
    const p = predChars.get(key);
    if (!p) continue;
    charTp += g.doc.intersect(p.doc) + g.src.intersect(p.src);
    for (const [s, e] of g.spans) {
      const n = p.spans.filter(([ps, pe]) => ps < e && pe > s).length;
      if (n > 0) (detectedSpans++, (detections += n));
    }
  }
  for (const p of predChars.values()) charPred += p.doc.size() + p.src.size();
  const chars = prf(charTp, charPred - charTp, charGold - charTp);
  const granularity = detectedSpans === 0 ? 1 : detections / detectedSpans;
  const plagdet = chars.f1 / Math.log2(1 + granularity);

  // Document labels: derived when attributed to a source (wholly when its spans cover
  // 70 % of its text), origin when others are attributed to it, else non-derived.
  const sourceOf = new Map<string, string>();
  const isSource = new Set<string>();
  for (const p of predicted) {
    const [d, s] = p.split(' ') as [string, string];
    sourceOf.set(d, s);
    isSource.add(s);
  }
  const labelNames = ['origin', 'wholly-derived', 'partially-derived', 'non-derived'] as const;
  const confusion = new Map<string, number>();
  let labelRight = 0;
  for (const g of labels) {
    let label: (typeof labelNames)[number] = 'non-derived';
    if (sourceOf.has(g.doc)) label = (coverage.get(g.doc)?.size() ?? 0) >= 0.7 * textLength.get(g.doc)! ? 'wholly-derived' : 'partially-derived';
    else if (isSource.has(g.doc)) label = 'origin';
    if (label === g.label) labelRight++;
    confusion.set(`${g.label}>${label}`, (confusion.get(`${g.label}>${label}`) ?? 0) + 1);
  }
  let macro = 0;
  for (const name of labelNames) {
    const t = confusion.get(`${name}>${name}`) ?? 0;
    let fp = 0;
    let fn = 0;
    for (const other of labelNames) {
      if (other === name) continue;
      fp += confusion.get(`${other}>${name}`) ?? 0;
      fn += confusion.get(`${name}>${other}`) ?? 0;
    }
    macro += prf(t, fp, fn).f1 / labelNames.length;
  }

  return [
    { dataset: name, metric: 'pair F1 (document, source)', score: pair.f1, n: goldPairs.size },
    { dataset: name, metric: 'pair precision', score: pair.precision, n: predicted.size },
    { dataset: name, metric: 'pair recall', score: pair.recall, n: goldPairs.size },
    { dataset: name, metric: 'pair F1, orientation ignored', score: pairU.f1, n: goldU.size },
    { dataset: name, metric: 'char plagdet (both sides)', score: plagdet, n: charGold },
    { dataset: name, metric: 'char precision', score: chars.precision, n: charPred },
    { dataset: name, metric: 'char recall', score: chars.recall, n: charGold },
    { dataset: name, metric: 'granularity', score: granularity, n: detectedSpans },
    { dataset: name, metric: 'boilerplate chars counted as reuse', score: boilerplateCounted, n: [...boilerplateChars.values()].reduce((n, s) => n + s.size(), 0) },
    { dataset: name, metric: 'document label accuracy (4-way)', score: labelRight / labels.length, n: labels.length },
    { dataset: name, metric: 'document label macro F1 (4-way)', score: macro, n: labels.length },
    { dataset: name, metric: 'direction accuracy', score: found === 0 ? 0 : rightWay / found, n: found },
  ];
}

/** Answers of the Clough & Stevenson corpus are 7-bit text with a few cp1252 files. */
function readText(path: string): string {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

async function scoreClough(path: string): Promise<EvalRow[]> {
  const name = basename(path);
  const rows = readFileSync(join(path, 'file_information.csv'), 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((l) => l.split(',') as [string, string, string]);
  const texts = new Set(readdirSync(join(path, 'texts')));
  const docs: ReuseDocument[] = [];
  const category = new Map<string, string>();
  const taskOf = new Map<string, string>();
  for (const [file, task, cat] of rows) {
    category.set(file, cat.trim());
    taskOf.set(file, task.trim());
  }
  for (const file of [...texts].sort()) {
    if (!category.has(file)) {
      // The source texts are not always listed in the CSV.
      const m = /^orig_task(\w)\.txt$/.exec(file);
      if (!m) continue;
      category.set(file, 'orig');
      taskOf.set(file, m[1]!);
    }
    docs.push({ id: file, text: readText(join(path, 'texts', file)), site: null, published: null });
  }
  const { links } = await detectAll(docs);
  const linked = new Set<string>();
  for (const l of links) {
    if (l.boilerplate) continue;
    linked.add(`${l.sourceDocumentId} ${l.targetDocumentId}`);
    linked.add(`${l.targetDocumentId} ${l.sourceDocumentId}`);
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const perCategory = new Map<string, [number, number]>();
  for (const d of docs) {
    const cat = category.get(d.id)!;
    if (cat === 'orig') continue;
    const found = linked.has(`${d.id} orig_task${taskOf.get(d.id)}.txt`);
    const positive = cat !== 'non';
    if (found && positive) tp++;
    else if (found) fp++;
    else if (positive) fn++;
    const c = perCategory.get(cat) ?? [0, 0];
    perCategory.set(cat, [c[0] + (found ? 1 : 0), c[1] + 1]);
  }
  const s = prf(tp, fp, fn);
  const out: EvalRow[] = [
    { dataset: name, metric: 'document F1 (reuses its source)', score: s.f1, n: tp + fn },
    { dataset: name, metric: 'document precision', score: s.precision, n: tp + fp },
    { dataset: name, metric: 'document recall', score: s.recall, n: tp + fn },
  ];
  for (const cat of ['cut', 'light', 'heavy', 'non']) {
    const [hit, n] = perCategory.get(cat) ?? [0, 0];
    out.push({ dataset: name, metric: `linked to source: ${cat}`, score: n === 0 ? 0 : hit / n, n });
  }
  return out;
}

export const task: EvalTask = {
  name: 'reuse',
  metric: 'pair F1',
  defaultPaths: ['reuse/synthetic-news-en', 'reuse/synthetic-news-fa', 'reuse/clough-stevenson-short-answers'],
  async run(path: string): Promise<EvalRow[]> {
    if (existsSync(join(path, 'documents.jsonl.gz')) && existsSync(join(path, 'links.jsonl'))) return scoreSynthetic(path);
    if (existsSync(join(path, 'file_information.csv'))) return scoreClough(path);
    throw new Error(`${path}: not a reuse data set (expected documents.jsonl.gz + links.jsonl, or file_information.csv + texts/)`);
  },
};
