// Claims after an ingest batch (issue 6): the cost of claimsWorkspace over a workspace of
// generated articles (10,000; --quick: 2,000), each stating one to three figures about
// detentions, deaths, injuries, displaced families or marches at one of 40 places, from
// 60 outlets, a tenth of them carrying a copied paragraph (stored reuse links). Then 64
// new articles arrive (figures of every kind; of one kind; none): the incremental run
// (documentIds = the batch) against a full recompute of the same workspace, with CPU time
// beside wall time.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, Mention, ReuseLink } from '../src/model/schema.js';
import { claimsWorkspace } from '../src/pipeline/claims-run.js';
import { openWorkspace, type Workspace } from '../src/pipeline/workspace.js';
import type { BenchOptions } from './run.js';
import { rng } from './corpus.js';

export const name = 'claims';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');


const FIGURES = [
  (n: string, place: string) => `Officials said ${n} people were detained after the protests in ${place}.`,
  (n: string, place: string) => `Hospital staff said ${n} people were killed during the unrest in ${place}.`,
  (n: string, place: string) => `Doctors treated ${n} injured people in ${place} on Monday.`,
  (n: string, place: string) => `About ${n} families were displaced from the valley near ${place}.`,
  (n: string, place: string) => `Organisers said ${n} people marched through ${place} on Sunday.`,
];
const UNITS = ['people', 'people', 'people', 'families', 'people'];
const FILLER =
  'The council met again on Thursday to discuss the budget for the coming year, and several members asked for more time to read the proposals before any vote was taken on them.';

interface Generated {
  doc: Document;
  mentions: Mention[];
}

function article(k: number, random: () => number, copied: string | null, kinds = FIGURES.length, figuresMax = 3): Generated {
  const place = `Tarvan${Math.floor(random() * 40)}`;
  const paragraphs = [`${FILLER} Report ${k}.`];
  const figures: { sentence: string; surface: string; value: number; unit: string }[] = [];
  const count = figuresMax === 0 ? 0 : 1 + Math.floor(random() * figuresMax);
  for (let f = 0; f < count; f++) {
    const kind = FIGURES.length - 1 - Math.floor(random() * kinds);
    const value = 10 * (1 + Math.floor(random() * 900));
    const surface = value.toLocaleString('en-US');
    figures.push({ sentence: FIGURES[kind]!(surface, place), surface, value, unit: UNITS[kind]! });
  }
  for (const f of figures) paragraphs.push(f.sentence);
  if (copied) paragraphs.push(copied);
  const text = paragraphs.join('\n\n');
  const id = sha(`claims-bench-${k}`);
  const day = 1 + (k % 28);
  const doc: Document = {
    id,
    documentKind: 'article',
    mediaType: 'text',
    sizeBytes: Buffer.byteLength(text),
    fileName: `a${k}.txt`,
    text,
    metadata: {
      title: null, authors: [], site: `Outlet ${k % 60}`, url: null, language: 'en',
      published: { value: `2025-0${1 + (k % 9)}-${String(day).padStart(2, '0')}`, evidence: 'bench', confidence: 1 }, flags: [], extra: {},
    },
    sections: [],
    sensitivity: 'public',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
  const mentions: Mention[] = [];
  for (const f of [...figures, ...(copied ? [{ sentence: copied, surface: copied.match(/[\d,]+/)![0], value: 0, unit: 'people' }] : [])]) {
    const at = text.indexOf(f.sentence) + f.sentence.indexOf(f.surface);
    const value = f.value || Number(f.surface.replace(/,/g, ''));
    mentions.push({
      id: `q-${id.slice(0, 12)}-${at}`, documentId: id, start: at, end: at + f.surface.length, type: 'QUANTITY', text: f.surface, value: String(value),
      attributes: { valueMax: null, qualifier: 'exact', unit: f.unit }, extractor: 'bench@1', confidence: 1, status: 'suggested', entityId: null,
    });
  }
  return { doc, mentions };
}

async function put(ws: Workspace, items: Generated[]): Promise<void> {
  const log = { at: '2026-01-01T00:00:00.000Z', actor: 'bench', operation: 'ingest' as const, subject: 'x', details: {} };
  for (let i = 0; i < items.length; i += 500) {
    await ws.store.putDocuments(
      items.slice(i, i + 500).map(({ doc, mentions }) => ({ doc, passages: [], log: { ...log, subject: doc.id }, mentions })),
    );
  }
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { value, wall, cpu: (c.user + c.system) / 1e6 };
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const n = quick ? 2_000 : 10_000;
  const batch = 64;
  const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-claims-'));
  const ws = openWorkspace(join(dir, 'ws'), { create: true });
  try {
    const random = rng(7);
    const make = (from: number, count: number): Generated[] => {
      const out: Generated[] = [];
      for (let k = from; k < from + count; k++) {
        // Every tenth article copies the detention sentence of the article ten before it.
        const copied = k % 10 === 9 && k >= 10 ? `Officials said ${(4000 + (k % 7)).toLocaleString('en-US')} people were detained after the protests in Tarvan${k % 40}.` : null;
        out.push(article(k, random, copied));
      }
      return out;
    };
    const linksFor = (items: Generated[]): ReuseLink[] => {
      const links: ReuseLink[] = [];
      for (const { doc } of items) {
        const k = Number(doc.fileName.slice(1, -4));
        if (k % 10 !== 9 || k < 10) continue;
        const copiedAt = doc.text.lastIndexOf('\n\n') + 2;
        const source = sha(`claims-bench-${k - 10}`);
        links.push({
          id: sha(`link-${k}`), sourceDocumentId: source, sourceStart: 0, sourceEnd: 20, targetDocumentId: doc.id, targetStart: copiedAt, targetEnd: doc.text.length,
          similarity: 1, direction: 'source_earlier', clusterId: null, boilerplate: false,
        });
      }
      return links;
    };
    const base = make(0, n);
    await put(ws, base);
    await ws.store.putReuseLinks(linksFor(base));
    const first = await timed(() => claimsWorkspace(ws));
    console.log(
      `${n.toLocaleString('en-US')} articles: full run ${first.wall.toFixed(2)} s (CPU ${first.cpu.toFixed(2)} s), ` +
        `${first.value.claims.toLocaleString('en-US')} claims in ${first.value.groups.length} groups`,
    );

    const fresh = make(n, batch);
    await put(ws, fresh);
    await ws.store.putReuseLinks(linksFor(fresh));
    const inc = await timed(() => claimsWorkspace(ws, { documentIds: fresh.map((g) => g.doc.id) }));
    const full = await timed(() => claimsWorkspace(ws));
    const same = JSON.stringify(inc.value.groups) === JSON.stringify(full.value.groups);
    console.log(
      `+${batch} articles with figures of every kind: incremental ${inc.wall.toFixed(2)} s (CPU ${inc.cpu.toFixed(2)} s, ${inc.value.recomputedGroups} of ${inc.value.groups.length} groups recomputed); ` +
        `full recompute ${full.wall.toFixed(2)} s (CPU ${full.cpu.toFixed(2)} s); same groups: ${same ? 'yes' : 'NO'}`,
    );
    // A batch whose figures are all of one kind (marches), and one without figures.
    let next = n + batch;
    for (const [label, kinds, figuresMax] of [
      ['of one kind', 1, 2],
      ['without figures', 1, 0],
    ] as const) {
      const more: Generated[] = [];
      for (let k = next; k < next + batch; k++) more.push(article(k, random, null, kinds, figuresMax));
      next += batch;
      await put(ws, more);
      const one = await timed(() => claimsWorkspace(ws, { documentIds: more.map((g) => g.doc.id) }));
      const check = await timed(() => claimsWorkspace(ws));
      const equal = JSON.stringify(one.value.groups) === JSON.stringify(check.value.groups);
      console.log(
        `+${batch} articles ${label}: incremental ${one.wall.toFixed(2)} s (CPU ${one.cpu.toFixed(2)} s, ${one.value.recomputedGroups} of ${one.value.groups.length} groups recomputed); ` +
          `full recompute ${check.wall.toFixed(2)} s (CPU ${check.cpu.toFixed(2)} s); same groups: ${equal ? 'yes' : 'NO'}`,
      );
    }
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
