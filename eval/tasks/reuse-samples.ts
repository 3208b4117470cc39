// Task `reuse-samples`: text reuse on the fictional sample corpus (samples/gold.json `reuse`).
// The files go through the real ingest into a temporary workspace, then reuseWorkspace adds
// them to the store-backed index one by one. Scored per document pair (unordered):
// recall over gold cross-outlet pairs (not boilerplate, not sameOutlet) joined by a
// non-boilerplate link; precision over non-boilerplate links between gold documents, right
// when both documents hold the group's passage (gold lists origin -> copy; two copies of one
// origin share it too). Boilerplate pairs, and an outlet's pastes into its own articles
// (groups whose every pair is sameOutlet), must be flagged boilerplate, never counted.
// --file takes another gold.json laid out the same way.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { ReuseLink } from '../../src/model/schema.js';
import { defaultIngestOptions, ingestPaths } from '../../src/pipeline/ingest.js';
import { reuseWorkspace } from '../../src/pipeline/reuse-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';

export interface GoldReuse {
  group: string;
  a: string;
  b: string;
  aText: string;
  bText: string;
  kind: 'verbatim' | 'edited' | 'boilerplate';
  sameOutlet?: boolean;
}

export interface SamplesGold {
  documents: { file: string }[];
  reuse: GoldReuse[];
  claims: {
    id: string;
    conflict: boolean;
    statements: { file: string; text: string; value: number | null; qualifier: string }[];
    independentGroups: string[][];
  }[];
}

export interface SamplesWorkspace {
  ws: Workspace;
  gold: SamplesGold;
  /** gold file path -> document id */
  idOf: Map<string, string>;
  fileOf: Map<string, string>;
  links: ReuseLink[];
}

const cache = new Map<string, Promise<SamplesWorkspace>>();

/** Ingests the gold's documents into a temporary workspace and runs reuse detection (once per gold file). */
export function samplesWorkspace(path: string): Promise<SamplesWorkspace> {
  const file = path.endsWith('.json') ? path : join(path, 'gold.json');
  let p = cache.get(file);
  if (!p) {
    p = (async () => {
      const gold = JSON.parse(readFileSync(file, 'utf8')) as SamplesGold;
      const dir = mkdtempSync(join(tmpdir(), 'daftar-eval-reuse-'));
      process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
      const ws = openWorkspace(join(dir, 'ws'), { create: true });
      const located = new Map<string, string>();
      for (const d of gold.documents) {
        const at = [resolve(repoRoot, d.file), resolve(dirname(file), d.file), resolve(dirname(file), '..', d.file)].find((x) => existsSync(x));
        if (at) located.set(at, d.file);
      }
      const report = await ingestPaths(ws, [...located.keys()], { ...defaultIngestOptions(), workers: 0 });
      const idOf = new Map<string, string>();
      for (const r of [...report.added, ...report.present]) {
        const g = located.get(resolve(r.path));
        if (g) idOf.set(g, r.id);
      }
      const fileOf = new Map([...idOf].map(([f, id]) => [id, f]));
      // Documents enter the index in gold order, as an ingest of the folder would add them.
      await reuseWorkspace(ws, { documentIds: gold.documents.map((d) => idOf.get(d.file)).filter((x): x is string => Boolean(x)) });
      const links = await ws.store.listReuseLinks();
      return { ws, gold, idOf, fileOf, links };
    })();
    cache.set(file, p);
  }
  return p;
}

function pairKey(x: string, y: string): string {
  return x < y ? `${x}\n${y}` : `${y}\n${x}`;
}

export const task: EvalTask = {
  name: 'reuse-samples',
  metric: 'document-pair F1 (cross-document reuse)',
  defaultPaths: [join(repoRoot, 'samples')],
  async run(path) {
    const { gold, idOf, links } = await samplesWorkspace(path);
    const goldIds = new Set(gold.documents.map((d) => idOf.get(d.file)).filter(Boolean));
    // Gold lists one pair per copy, origin to copy; two copies of one origin (same group)
    // also share the passage, so a link between them is right too.
    const groupDocs = new Map<string, Set<string>>();
    const groupCross = new Map<string, boolean>();
    const required = new Set<string>();
    const mustBeBoilerplate = new Set<string>();
    for (const r of gold.reuse) {
      const a = idOf.get(r.a);
      const b = idOf.get(r.b);
      if (!a || !b) continue;
      if (r.kind === 'boilerplate') continue;
      let set = groupDocs.get(r.group);
      if (!set) groupDocs.set(r.group, (set = new Set()));
      set.add(a).add(b);
      if (!r.sameOutlet) groupCross.set(r.group, true), required.add(pairKey(a, b));
    }
    const allowed = new Set<string>();
    for (const [g, docs] of groupDocs) {
      if (!groupCross.get(g)) continue; // an outlet pasting into its own articles only
      const list = [...docs];
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) allowed.add(pairKey(list[i]!, list[j]!));
    }
    for (const r of gold.reuse) {
      const a = idOf.get(r.a);
      const b = idOf.get(r.b);
      if (a && b && (r.kind === 'boilerplate' || (r.sameOutlet && !groupCross.get(r.group)))) mustBeBoilerplate.add(pairKey(a, b));
    }
    for (const k of allowed) mustBeBoilerplate.delete(k);
    const found = new Set<string>();
    const foundBoilerplate = new Set<string>();
    for (const l of links) {
      if (!goldIds.has(l.sourceDocumentId) || !goldIds.has(l.targetDocumentId)) continue;
      const k = pairKey(l.sourceDocumentId, l.targetDocumentId);
      if (l.boilerplate) foundBoilerplate.add(k);
      else found.add(k);
    }
    const tpPrecision = [...found].filter((k) => allowed.has(k)).length;
    const tpRecall = [...required].filter((k) => found.has(k)).length;
    const precision = found.size ? tpPrecision / found.size : 0;
    const recall = required.size ? tpRecall / required.size : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    const bpFlagged = [...mustBeBoilerplate].filter((k) => foundBoilerplate.has(k) && !found.has(k)).length;
    const bpCounted = [...mustBeBoilerplate].filter((k) => found.has(k)).length;
    const m = { precision, recall, f1 };
    const boilerplatePairs = mustBeBoilerplate;
    const fp = found.size - tpPrecision;
    const ds = 'samples/gold.json';
    return [
      { dataset: ds, metric: 'document-pair F1 (cross-document reuse)', score: m.f1, n: required.size },
      { dataset: ds, metric: 'document-pair precision', score: m.precision, n: found.size },
      { dataset: ds, metric: 'false-positive pairs', score: fp, n: found.size },
      { dataset: ds, metric: 'document-pair recall', score: m.recall, n: required.size },
      { dataset: ds, metric: 'boilerplate and same-outlet pastes flagged boilerplate', score: boilerplatePairs.size ? bpFlagged / boilerplatePairs.size : 1, n: boilerplatePairs.size },
      { dataset: ds, metric: 'boilerplate pairs counted as reuse (want 0)', score: bpCounted, n: boilerplatePairs.size },
    ] satisfies EvalRow[];
  },
};
