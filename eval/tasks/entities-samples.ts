// Entity resolution on the fictional sample corpus: B-cubed precision, recall and F1
// of the resolved entities over the gold mentions of samples/gold.json. The samples
// are ingested for real (readers, extractors) into a temporary workspace and resolved
// with resolveWorkspace; each gold mention occurrence is found in the stored text
// (longest surfaces first, so "Kalantari" inside "Dariush Kalantari" is not counted
// twice) and takes the entity of the predicted mention overlapping it. A gold mention
// no predicted mention covers is its own singleton (it costs recall, as it should).
// Also counted: merges of two different people who share a surname (must be 0).
// --file takes another gold.json laid out the same way (`file` paths resolved against
// the repository root, the gold file's folder or its parent).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import type { Mention } from '../../src/model/schema.js';
import { defaultIngestOptions, ingestPaths } from '../../src/pipeline/ingest.js';
import { resolveWorkspace } from '../../src/pipeline/resolve-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { analyzeName } from '../../src/resolve/name-record.js';
import { normalizeText } from '../../src/text/normalize.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';

interface GoldEntity {
  id: string;
  type: string;
  name: string;
  mentions: { file: string; text: string; count: number }[];
}
interface Gold {
  documents: { file: string }[];
  entities: GoldEntity[];
}

export interface GoldOccurrence {
  goldEntity: string;
  file: string;
  start: number;
  end: number;
  /** The gold surface. */
  text: string;
  predicted: string; // entity id, or a singleton id when nothing overlaps
  /** The predicted mentions overlapping the gold span (type, span), for the causes breakdown. */
  overlapping: { type: string; start: number; end: number; linked: boolean }[];
}

/** B-cubed precision and recall of a clustering against gold, over the same items. */
export function bcubed(items: { gold: string; predicted: string }[]): { precision: number; recall: number; f1: number } {
  const byGold = new Map<string, number>();
  const byPred = new Map<string, number>();
  const both = new Map<string, number>();
  for (const it of items) {
    byGold.set(it.gold, (byGold.get(it.gold) ?? 0) + 1);
    byPred.set(it.predicted, (byPred.get(it.predicted) ?? 0) + 1);
    const k = it.gold + '\u0000' + it.predicted;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const it of items) {
    const shared = both.get(it.gold + '\u0000' + it.predicted)!;
    p += shared / byPred.get(it.predicted)!;
    r += shared / byGold.get(it.gold)!;
  }
  const precision = items.length ? p / items.length : 0;
  const recall = items.length ? r / items.length : 0;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{L}\p{N}\u200c]/u.test(ch);
}

/** Occurrences of `surface` as whole words, not overlapping `taken`. */
function occurrences(text: string, surface: string, taken: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of new Set([surface, normalizeText(surface)])) {
    for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + 1)) {
      const end = at + s.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      if (taken.some(([a, b]) => at < b && end > a) || out.some(([a, b]) => at < b && end > a)) continue;
      out.push([at, end]);
    }
    if (out.length) break;
  }
  return out;
}

function goldFile(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'gold.json');
}

export interface Scored {
  occurrences: GoldOccurrence[];
  /** Pairs of gold people with one surname that share a predicted entity. */
  predictedSurnameMerges: string[][];
}

export async function resolveSamples(path: string): Promise<{ gold: Gold; endToEnd: Scored; goldSpans: Scored }> {
  const file = goldFile(path);
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
  const locate = (f: string) => [resolve(repoRoot, f), resolve(dirname(file), f), resolve(dirname(file), '..', f)].find((x) => existsSync(x));
  const paths = new Map<string, string>();
  for (const d of gold.documents) {
    const p = locate(d.file);
    if (p) paths.set(resolve(p), d.file);
  }
  const dir = mkdtempSync(join(tmpdir(), 'daftar-eval-entities-'));
  const ws = openWorkspace(join(dir, 'ws'), { create: true });
  try {
    const report = await ingestPaths(ws, [...paths.keys()], { ...defaultIngestOptions(), workers: 0 });
    const idOf = new Map<string, string>();
    for (const a of [...report.added, ...report.present]) {
      const g = paths.get(resolve(a.path)) ?? relative(repoRoot, a.path);
      idOf.set(g, a.id);
    }
    // In the order of gold.json (readers may finish in any order; resolution depends on order).
    const ordered = [...new Set([...gold.documents.map((d) => idOf.get(d.file)).filter((x): x is string => x !== undefined), ...idOf.values()])];
    await resolveWorkspace(ws, { documentIds: ordered });
    const endToEnd = await score(ws, gold, idOf);
    // Resolution alone: the gold spans (with gold types) replace what extraction found.
    for (const [f, docId] of idOf) {
      const spans = endToEnd.occurrences.filter((o) => o.file === f && o.start >= 0);
      const typeOf = new Map(gold.entities.map((e) => [e.id, e.type]));
      const doc = await ws.store.getDocument(docId);
      const mentions: Mention[] = spans.map((o) => ({
        id: `${docId.slice(0, 16)}:${o.start}-${o.end}:${typeOf.get(o.goldEntity)}`,
        documentId: docId,
        start: o.start,
        end: o.end,
        type: typeOf.get(o.goldEntity) as Mention['type'],
        text: doc!.text.slice(o.start, o.end),
        value: null,
        attributes: {},
        extractor: 'gold',
        confidence: 1,
        status: 'suggested',
        entityId: null,
      }));
      await ws.store.putMentions(docId, [...new Map(mentions.map((m) => [m.id, m])).values()]);
    }
    await resolveWorkspace(ws, { rebuild: true, documentIds: ordered });
    const goldSpans = await score(ws, gold, idOf);
    return { gold, endToEnd, goldSpans };
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function score(ws: Workspace, gold: Gold, idOf: Map<string, string>): Promise<Scored> {
  const out: GoldOccurrence[] = [];
  // Per file: gold surfaces, longest first, claim their occurrences.
  const perFile = new Map<string, { entity: string; text: string; count: number }[]>();
  for (const e of gold.entities) {
    for (const m of e.mentions) {
      const list = perFile.get(m.file) ?? [];
      list.push({ entity: e.id, text: m.text, count: m.count });
      perFile.set(m.file, list);
    }
  }
  for (const [f, list] of perFile) {
    const docId = idOf.get(f);
    const doc = docId ? await ws.store.getDocument(docId) : null;
    const mentions: Mention[] = docId ? (await ws.store.getMentions(docId)).filter((m) => m.type === 'PERSON' || m.type === 'ORG' || m.type === 'PLACE') : [];
    const taken: [number, number][] = [];
    for (const g of list.sort((a, b) => b.text.length - a.text.length)) {
      const spans = doc ? occurrences(doc.text, g.text, taken).slice(0, g.count) : [];
      for (const span of spans) taken.push(span);
      for (let k = 0; k < g.count; k++) {
        const span = spans[k];
        const over = span ? mentions.filter((m) => m.start < span[1] && m.end > span[0]) : [];
        const hit = over.find((m) => m.entityId !== null);
        out.push({
          goldEntity: g.entity,
          file: f,
          start: span?.[0] ?? -1,
          end: span?.[1] ?? -1,
          text: g.text,
          predicted: hit?.entityId ?? `missed:${g.entity}:${f}:${g.text}:${k}`,
          overlapping: over.map((m) => ({ type: m.type, start: m.start, end: m.end, linked: m.entityId !== null })),
        });
      }
    }
  }
  // Different gold people with one surname whose mentions share a predicted entity.
  const surnameOf = (e: GoldEntity) => {
    const a = analyzeName(e.name, 'PERSON');
    return a.surname.length ? a.surname.map((i) => a.words[i]).join(' ') : null;
  };
  const goldById = new Map(gold.entities.map((e) => [e.id, e]));
  const byPredicted = new Map<string, Set<string>>();
  for (const o of out) {
    const s = byPredicted.get(o.predicted) ?? new Set<string>();
    s.add(o.goldEntity);
    byPredicted.set(o.predicted, s);
  }
  const merges: string[][] = [];
  for (const ids of byPredicted.values()) {
    const persons = [...ids].map((id) => goldById.get(id)!).filter((e) => e.type === 'PERSON');
    for (let i = 0; i < persons.length; i++) {
      for (let j = i + 1; j < persons.length; j++) {
        const si = surnameOf(persons[i]!);
        if (si !== null && si === surnameOf(persons[j]!)) merges.push([persons[i]!.id, persons[j]!.id]);
      }
    }
  }
  return { occurrences: out, predictedSurnameMerges: merges };
}

/** Why a gold mention is not in its entity's main predicted entity (the one holding most of its mentions). */
export type LossCause =
  | 'headline, not in the text'
  | 'not found by the recognizer'
  | 'found, wrong type'
  | 'found, wrong span'
  | 'separate entity: surname or given name only'
  | 'separate entity: other script than the main entity'
  | 'separate entity: acronym or short form'
  | 'separate entity: other spelling or form';

const isArabicScript = (s: string) => /[\u0600-\u06ff]/u.test(s);

/**
 * Each gold mention outside its entity's main predicted entity, with its cause; and the
 * B-cubed recall if the mentions of one cause all joined their main entity (the most
 * fixing that cause could gain, each cause alone).
 */
export function lossCauses(gold: Gold, r: Scored): { causes: Map<LossCause, GoldOccurrence[]>; recallIfFixed: Map<LossCause, number> } {
  const typeOf = new Map(gold.entities.map((e) => [e.id, e.type]));
  const byGold = new Map<string, GoldOccurrence[]>();
  for (const o of r.occurrences) byGold.set(o.goldEntity, [...(byGold.get(o.goldEntity) ?? []), o]);
  const main = new Map<string, string>();
  for (const [g, occ] of byGold) {
    const counts = new Map<string, number>();
    for (const o of occ) if (!o.predicted.startsWith('missed:')) counts.set(o.predicted, (counts.get(o.predicted) ?? 0) + 1);
    const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    if (best) main.set(g, best[0]);
  }
  const causes = new Map<LossCause, GoldOccurrence[]>();
  for (const [g, occ] of byGold) {
    const m = main.get(g);
    const mainOcc = occ.filter((o) => o.predicted === m);
    const mainArabic = mainOcc.filter((o) => isArabicScript(o.text)).length * 2 > mainOcc.length;
    const type = typeOf.get(g)!;
    for (const o of occ) {
      if (m !== undefined && o.predicted === m) continue;
      let cause: LossCause;
      const linked = o.overlapping.filter((x) => x.linked);
      if (o.start < 0) cause = 'headline, not in the text';
      else if (linked.length === 0) cause = 'not found by the recognizer';
      else if (!linked.some((x) => x.type === type)) cause = 'found, wrong type';
      else if (!linked.some((x) => x.start === o.start && x.end === o.end)) cause = 'found, wrong span';
      else if (type === 'PERSON' && analyzeName(o.text, 'PERSON').words.length === 1) cause = 'separate entity: surname or given name only';
      else if (isArabicScript(o.text) !== mainArabic) cause = 'separate entity: other script than the main entity';
      else if (type === 'ORG' && (/^[\p{Lu}\d&.-]{2,8}$/u.test(o.text) || analyzeName(o.text, 'ORG').words.length <= 1)) cause = 'separate entity: acronym or short form';
      else cause = 'separate entity: other spelling or form';
      causes.set(cause, [...(causes.get(cause) ?? []), o]);
    }
  }
  const recallIfFixed = new Map<LossCause, number>();
  for (const [cause, list] of causes) {
    const fixed = new Set(list);
    const items = r.occurrences.map((o) => ({ gold: o.goldEntity, predicted: fixed.has(o) && main.has(o.goldEntity) ? main.get(o.goldEntity)! : o.predicted }));
    recallIfFixed.set(cause, bcubed(items).recall);
  }
  return { causes, recallIfFixed };
}

export const task: EvalTask = {
  name: 'entities-bcubed',
  metric: 'B-cubed F1',
  defaultPaths: [join(repoRoot, 'samples')],
  async run(path): Promise<EvalRow[]> {
    const { gold, endToEnd, goldSpans } = await resolveSamples(path);
    // --causes: where the lost recall goes, per cause (and each mention with --causes-list).
    const listCauses = process.argv.includes('--causes-list');
    const causesFlag = listCauses || process.argv.includes('--causes');
    const rows: EvalRow[] = [];
    const add = (label: string, r: Scored, headline: boolean) => {
      const occ = r.occurrences;
      const all = bcubed(occ.map((o) => ({ gold: o.goldEntity, predicted: o.predicted })));
      const d = 'samples/gold.json';
      rows.push({ dataset: d, metric: headline ? 'B-cubed F1' : `B-cubed F1 (${label})`, score: all.f1, n: occ.length });
      rows.push({ dataset: d, metric: `B-cubed precision (${label})`, score: all.precision, n: occ.length });
      rows.push({ dataset: d, metric: `B-cubed recall (${label})`, score: all.recall, n: occ.length });
      rows.push({ dataset: d, metric: `gold mentions no predicted mention covers (${label})`, score: occ.filter((o) => o.predicted.startsWith('missed:')).length, n: occ.length });
      // Of those, the ones not in the stored text at all (headlines, which the readers keep
      // as the title; page lists they drop): no mention can cover them, and they still count.
      rows.push({ dataset: d, metric: `  of which not in the document text (${label})`, score: occ.filter((o) => o.start < 0).length, n: occ.length });
      rows.push({ dataset: d, metric: `merges of different people sharing a surname, must be 0 (${label})`, score: r.predictedSurnameMerges.length, n: occ.length });
      if (!causesFlag) return;
      const { causes, recallIfFixed } = lossCauses(gold, r);
      for (const [cause, list] of [...causes.entries()].sort((a, b) => b[1].length - a[1].length)) {
        rows.push({ dataset: d, metric: `  lost: ${cause} (${label})`, score: list.length, n: occ.length });
        rows.push({ dataset: d, metric: `    B-cubed recall if these joined their entity (${label})`, score: recallIfFixed.get(cause)!, n: occ.length });
        if (listCauses) {
          const seen = new Map<string, number>();
          for (const o of list) {
            const k = `${o.goldEntity} «${o.text}» ${o.file}`;
            seen.set(k, (seen.get(k) ?? 0) + 1);
          }
          for (const [k, n] of seen) rows.push({ dataset: d, metric: `      ${k}`, score: n, n: occ.length });
        }
      }
    };
    add('extracted mentions', endToEnd, true);
    add('gold spans: resolution alone', goldSpans, false);
    return rows;
  },
};
