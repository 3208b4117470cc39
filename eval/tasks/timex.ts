// Time expressions: TempEval-3 (English TimeML), HengamGold (Persian spans) and our own Persian /
// Solar Hijri value cases. Scoring follows TempEval-3 Task A; see the SOURCE.md of each data set.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { extractDates, type DateSpan } from '../../src/extract/dates/index.js';
import { dataRoot, prf, repoRoot, type EvalTask } from '../harness.js';

export interface GoldTimex {
  start: number;
  end: number;
  type: string; // DATE | TIME | DURATION | SET (English); DAT | TIM (Persian)
  value: string | null;
}

export interface TimexDoc {
  name: string;
  text: string;
  dct: string | null;
  gold: GoldTimex[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Strip the TimeML tags inside <TEXT>, keeping character offsets of each TIMEX3. */
export function parseTimeML(xml: string, name: string): TimexDoc {
  const dctMatch = /<DCT>\s*<TIMEX3[^>]*\bvalue="([^"]+)"/.exec(xml);
  const dct = dctMatch ? dctMatch[1].slice(0, 10) : null;
  const bodyStart = xml.indexOf('<TEXT>');
  const bodyEnd = xml.indexOf('</TEXT>');
  if (bodyStart < 0 || bodyEnd < 0) throw new Error(`${name}: no <TEXT> element; is this a TimeML file?`);
  const body = xml.slice(bodyStart + 6, bodyEnd);
  let text = '';
  const gold: GoldTimex[] = [];
  const open: { start: number; type: string; value: string | null }[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>|&(amp|lt|gt|quot|apos);|[^<&]+|&/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[2]) {
      if (m[2] !== 'TIMEX3') continue;
      if (m[1]) {
        const o = open.pop();
        if (o) gold.push({ start: o.start, end: text.length, type: o.type, value: o.value });
      } else {
        const type = /\btype="([^"]+)"/.exec(m[3])?.[1] ?? 'DATE';
        const value = /\bvalue="([^"]*)"/.exec(m[3])?.[1] ?? null;
        open.push({ start: text.length, type, value });
      }
    } else if (m[4]) {
      text += ENTITIES[m[4]];
    } else {
      text += m[0];
    }
  }
  return { name, text, dct, gold };
}

function listTml(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  const out: string[] = [];
  for (const e of readdirSync(path, { withFileTypes: true })) {
    const p = join(path, e.name);
    if (e.isDirectory()) out.push(...listTml(p));
    else if (e.name.endsWith('.tml')) out.push(p);
  }
  return out.sort();
}

function timemlType(s: DateSpan): string {
  return s.granularity === 'time' ? 'TIME' : s.granularity === 'duration' ? 'DURATION' : s.granularity === 'set' ? 'SET' : 'DATE';
}

export interface SpanScores {
  strict: { precision: number; recall: number; f1: number };
  relaxed: { precision: number; recall: number; f1: number };
  valueAccuracy: number;
  valueF1: number;
  typeAccuracy: number;
  matched: number;
  system: number;
  gold: number;
}

interface Pair {
  sys: { start: number; end: number; value: string | null; type: string };
  gold: GoldTimex;
}

/** TempEval-3 style: strict = same span, relaxed = overlap; attributes judged on relaxed matches. */
export function scoreSpans(
  docs: { sys: { start: number; end: number; value: string | null; type: string }[]; gold: GoldTimex[] }[],
  sameValue: (a: string | null, b: string | null) => boolean,
  sameType: (a: string, b: string) => boolean,
): SpanScores & { pairs: Pair[] } {
  let nSys = 0, nGold = 0, strictSys = 0, relaxedSys = 0, relaxedGold = 0, valueOk = 0, typeOk = 0, matched = 0;
  const pairs: Pair[] = [];
  for (const { sys, gold } of docs) {
    nSys += sys.length;
    nGold += gold.length;
    const usedGold = new Set<number>();
    for (const s of sys) {
      if (gold.some((g) => g.start === s.start && g.end === s.end)) strictSys++;
      const gi = gold.findIndex((g, i) => !usedGold.has(i) && g.start < s.end && s.start < g.end);
      const anyOverlap = gi >= 0 || gold.some((g) => g.start < s.end && s.start < g.end);
      if (anyOverlap) relaxedSys++;
      if (gi >= 0) {
        usedGold.add(gi);
        matched++;
        pairs.push({ sys: s, gold: gold[gi] });
        if (sameValue(s.value, gold[gi].value)) valueOk++;
        if (sameType(s.type, gold[gi].type)) typeOk++;
      }
    }
    for (const g of gold) if (sys.some((s) => g.start < s.end && s.start < g.end)) relaxedGold++;
  }
  const strictGold = strictSys; // exact matches are one-to-one
  const strict = prf(strictSys, nSys - strictSys, nGold - strictGold);
  const rp = nSys ? relaxedSys / nSys : 0;
  const rr = nGold ? relaxedGold / nGold : 0;
  const relaxed = { precision: rp, recall: rr, f1: rp + rr ? (2 * rp * rr) / (rp + rr) : 0 };
  const vp = nSys ? valueOk / nSys : 0;
  const vr = nGold ? valueOk / nGold : 0;
  return {
    strict,
    relaxed,
    valueAccuracy: matched ? valueOk / matched : 0,
    valueF1: vp + vr ? (2 * vp * vr) / (vp + vr) : 0,
    typeAccuracy: matched ? typeOk / matched : 0,
    matched,
    system: nSys,
    gold: nGold,
    pairs,
  };
}

export function loadTimeMLDocs(path: string): TimexDoc[] {
  return listTml(path).map((f) => parseTimeML(readFileSync(f, 'utf8'), f));
}

export function systemTimexEn(doc: TimexDoc): { start: number; end: number; value: string | null; type: string }[] {
  return extractDates(doc.text, 'en', { date: doc.dct }).map((s) => ({ start: s.start, end: s.end, value: s.timeml ?? s.value, type: timemlType(s) }));
}

// TempEval-3 Task A on TE3-platinum (UzZaman et al. 2013, Table 3). A different (test) set from
// the training data scored here, so compare loosely.
// Numbers as commonly cited from that table; recheck against the paper before quoting them elsewhere.
const TE3_REF = {
  relaxed: 'HeidelTime-t 0.903, SUTime 0.903 (TE3-platinum test, not this set)',
  strict: 'HeidelTime-t 0.813, SUTime 0.796 (TE3-platinum test)',
  value: 'HeidelTime-t value F1 0.776, SUTime 0.674 (TE3-platinum test)',
};

const timexEn: EvalTask = {
  name: 'timex-en',
  metric: 'relaxed F1',
  defaultPaths: ['timex-en/TBAQ-cleaned'],
  async run(path) {
    const docs = loadTimeMLDocs(path);
    if (docs.length === 0) throw new Error(`${path}: no .tml files found`);
    const r = scoreSpans(
      docs.map((d) => ({ sys: systemTimexEn(d), gold: d.gold })),
      (a, b) => a !== null && a === b,
      (a, b) => a === b,
    );
    const words = docs.reduce((n, d) => n + d.text.split(/\s+/).length, 0);
    const ds = `TBAQ-cleaned (${docs.length} docs, ${words} words)`;
    return [
      { dataset: ds, metric: 'relaxed F1', score: r.relaxed.f1, n: r.gold, reference: TE3_REF.relaxed },
      { dataset: ds, metric: 'relaxed precision', score: r.relaxed.precision, n: r.system },
      { dataset: ds, metric: 'relaxed recall', score: r.relaxed.recall, n: r.gold },
      { dataset: ds, metric: 'strict F1', score: r.strict.f1, n: r.gold, reference: TE3_REF.strict },
      { dataset: ds, metric: 'value accuracy (on relaxed matches)', score: r.valueAccuracy, n: r.matched },
      { dataset: ds, metric: 'value F1', score: r.valueF1, n: r.gold, reference: TE3_REF.value },
      { dataset: ds, metric: 'type accuracy (on relaxed matches)', score: r.typeAccuracy, n: r.matched },
    ];
  },
};

/** HengamGold TSV (token<TAB>IOB tag, blank line between sentences) -> sentences joined by spaces. */
export function parseHengam(tsv: string): TimexDoc[] {
  const docs: TimexDoc[] = [];
  let text = '';
  let gold: GoldTimex[] = [];
  let cur: GoldTimex | null = null;
  const flush = (): void => {
    if (cur) gold.push(cur);
    cur = null;
    if (text) docs.push({ name: `sentence ${docs.length + 1}`, text, dct: null, gold });
    text = '';
    gold = [];
  };
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim()) {
      flush();
      continue;
    }
    const [token, tag = 'O'] = line.split('\t');
    if (text) text += ' ';
    const start = text.length;
    text += token;
    if (tag.startsWith('B-') || (tag.startsWith('I-') && (!cur || cur.type !== tag.slice(2)))) {
      if (cur) gold.push(cur);
      cur = { start, end: text.length, type: tag.slice(2), value: null };
    } else if (tag.startsWith('I-') && cur) {
      cur.end = text.length;
    } else {
      if (cur) gold.push(cur);
      cur = null;
    }
  }
  flush();
  return docs;
}

function hengamType(s: DateSpan): string {
  if (s.granularity === 'time') return 'TIM';
  if (s.granularity === 'duration' && s.value && /^PT/.test(s.value)) return 'TIM';
  return 'DAT';
}

export function systemTimexFa(doc: TimexDoc, anchor: string | null): { start: number; end: number; value: string | null; type: string }[] {
  return extractDates(doc.text, 'fa', { date: anchor }).map((s) => ({ start: s.start, end: s.end, value: s.value, type: hengamType(s) }));
}

const timexFa: EvalTask = {
  name: 'timex-fa',
  metric: 'partial F1',
  defaultPaths: ['timex-fa/hengam_gold_dev.tsv'],
  async run(path) {
    const docs = parseHengam(readFileSync(path, 'utf8'));
    // Hengam sentences carry no publication date; a fixed anchor only affects values, not spans.
    const r = scoreSpans(
      docs.map((d) => ({ sys: systemTimexFa(d, '2022-06-01'), gold: d.gold })),
      () => true,
      (a, b) => a === b,
    );
    const ds = `HengamGold dev (${docs.length} sentences)`;
    const ref = 'Hengam (AACL 2022) reports its scores on the whole HengamGold set; see the paper';
    return [
      { dataset: ds, metric: 'partial F1', score: r.relaxed.f1, n: r.gold, reference: ref },
      { dataset: ds, metric: 'partial precision', score: r.relaxed.precision, n: r.system },
      { dataset: ds, metric: 'partial recall', score: r.relaxed.recall, n: r.gold },
      { dataset: ds, metric: 'strict F1 (span)', score: r.strict.f1, n: r.gold, reference: ref },
      { dataset: ds, metric: 'type accuracy DAT/TIM (on partial matches)', score: r.typeAccuracy, n: r.matched },
    ];
  },
};

export interface OwnCase {
  text: string;
  anchor: string | null;
  surface: string;
  value: string;
}

/** eval/data/fa-dates.tsv: text, anchor, expected surface, expected value (tab-separated, # comments). */
export function parseOwnCases(tsv: string): OwnCase[] {
  const out: OwnCase[] = [];
  for (const line of tsv.split(/\r?\n/)) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [text, anchor, surface, value] = line.split('\t');
    if (value === undefined) throw new Error(`fa-dates.tsv: expected 4 tab-separated columns in "${line.slice(0, 60)}"`);
    out.push({ text, anchor: anchor === '-' || anchor === '' ? null : anchor, surface, value });
  }
  return out;
}

const datesFaOwn: EvalTask = {
  name: 'dates-fa-own',
  metric: 'value accuracy',
  // Our own cases live in the repository, not in the data root; the harness joins this to the root.
  defaultPaths: [relative(dataRoot(), join(repoRoot, 'eval', 'data', 'fa-dates.tsv'))],
  async run(path) {
    const cases = parseOwnCases(readFileSync(path, 'utf8'));
    let found = 0;
    let exact = 0;
    let valueOk = 0;
    for (const c of cases) {
      const spans = extractDates(c.text, 'fa', { date: c.anchor });
      const at = c.text.indexOf(c.surface);
      const hit = spans.find((s) => s.start < at + c.surface.length && at < s.end);
      if (!hit) continue;
      found++;
      if (hit.text === c.surface) exact++;
      if ((hit.value ?? '') === c.value) valueOk++;
    }
    const ds = `eval/data/fa-dates.tsv (${cases.length} cases, ours)`;
    return [
      { dataset: ds, metric: 'value accuracy (all cases)', score: valueOk / cases.length, n: cases.length },
      { dataset: ds, metric: 'found (overlap)', score: found / cases.length, n: cases.length },
      { dataset: ds, metric: 'exact surface', score: exact / cases.length, n: cases.length },
    ];
  },
};

export const tasks: EvalTask[] = [timexEn, timexFa, datesFaOwn];
