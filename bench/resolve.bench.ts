// Entity resolution against a real workspace (SQLite in a temp dir):
// (1) resolving 100,000 person mentions in 10,000 documents (names with realistic
//     romanization variants and typos, from the names bench's register generator);
// (2) adding 100 more documents to that workspace, resolved incrementally (time per doc);
// (3) importing a 120,000-name register into it, with duplicate candidates inside the
//     list and against the workspace.
// --quick: a tenth of everything.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, Mention } from '../src/model/schema.js';
import { mentionId } from '../src/pipeline/prepare.js';
import { importRegister } from '../src/pipeline/register-import.js';
import { resolveWorkspace } from '../src/pipeline/resolve-run.js';
import { openWorkspace, type Workspace } from '../src/pipeline/workspace.js';
import { makeRegister } from './names.bench.js';
import { rng } from './corpus.js';
import type { BenchOptions } from './run.js';

export const name = 'resolve';

const MENTIONS_PER_DOC = 10;


/** Stores `count` documents of 10 person mentions each, drawn from a register of name variants. */
async function addDocuments(ws: Workspace, names: string[], count: number, seed: number): Promise<string[]> {
  const rand = rng(seed);
  const ids: string[] = [];
  for (let d = 0; d < count; d++) {
    const picked: string[] = [];
    // Skewed: a few people are in many documents, most in few.
    for (let k = 0; k < MENTIONS_PER_DOC; k++) picked.push(names[Math.floor(names.length * rand() ** 2)]!.replace(/^Mr\. /, ''));
    const parts: string[] = [];
    const spans: [number, number, string][] = [];
    let at = 0;
    for (const n of picked) {
      const sentence = `${n} was mentioned in report ${seed}-${d}. `;
      spans.push([at, at + n.length, n]);
      parts.push(sentence);
      at += sentence.length;
    }
    const text = parts.join('');
    const id = createHash('sha256').update(`${seed}:${d}:${text}`).digest('hex');
    const doc: Document = {
      id,
      documentKind: 'article',
      mediaType: 'text',
      sizeBytes: Buffer.byteLength(text),
      fileName: `doc-${d}.txt`,
      text,
      metadata: { title: null, authors: [], site: null, url: null, language: 'en', published: null, flags: [], extra: {} },
      sections: [],
      sensitivity: 'public',
      ingestedAt: '2026-01-01T00:00:00.000Z',
    };
    await ws.store.putDocument(doc, [], { at: doc.ingestedAt, actor: 'bench', operation: 'ingest', subject: id, details: {} });
    const mentions: Mention[] = spans.map(([s, e, t]) => ({
      id: mentionId(id, s, e, 'PERSON'),
      documentId: id,
      start: s,
      end: e,
      type: 'PERSON',
      text: t,
      value: null,
      attributes: {},
      extractor: 'bench',
      confidence: 0.9,
      status: 'suggested',
      entityId: null,
    }));
    await ws.store.putMentions(id, mentions);
    ids.push(id);
  }
  return ids;
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const scale = quick ? 0.1 : 1;
  const documents = Math.round(10_000 * scale);
  const added = Math.max(10, Math.round(100 * scale));
  const registerSize = Math.round(120_000 * scale);
  const dir = mkdtempSync(join(tmpdir(), 'daftar-bench-resolve-'));
  const ws = openWorkspace(join(dir, 'ws'), { create: true });
  try {
    const population = makeRegister(Math.round(30_000 * scale), 11).records.map((r) => r.name);
    let t = performance.now();
    await addDocuments(ws, population, documents, 1);
    console.log(`setup: ${documents} documents with ${documents * MENTIONS_PER_DOC} person mentions stored in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    t = performance.now();
    const full = await resolveWorkspace(ws);
    const fullSeconds = (performance.now() - t) / 1000;
    console.log(
      `resolve ${full.mentions} mentions (${full.documents} documents): ${fullSeconds.toFixed(1)} s, ${Math.round(full.mentions / fullSeconds)} mentions/s; ${full.entitiesCreated} entities, ${full.linkedToExisting} mentions joined existing, ${full.reviewCandidates} review candidates`,
    );

    const newIds = await addDocuments(ws, population, added, 2);
    t = performance.now();
    const inc = await resolveWorkspace(ws, { documentIds: newIds });
    const incSeconds = (performance.now() - t) / 1000;
    console.log(`add ${added} documents to a ${documents}-document workspace: ${incSeconds.toFixed(2)} s, ${((incSeconds * 1000) / added).toFixed(1)} ms per document (${inc.mentions} mentions)`);

    const register = makeRegister(registerSize, 7).records;
    const csv = ['Name,Source\n', ...register.map((r, i) => `"${r.name.replace(/"/g, '""')}",register row ${i + 1}\n`)].join('');
    t = performance.now();
    // The machine is shared: this process's CPU seconds are the steadier figure.
    const cpu0 = process.cpuUsage();
    const report = await importRegister(ws, { bytes: new TextEncoder().encode(csv), fileName: 'register.csv' }, { name: 'Name', source: 'Source' });
    const importSeconds = (performance.now() - t) / 1000;
    const cpu = process.cpuUsage(cpu0);
    console.log(
      `import-list ${report.rows} names (into the ${documents}-document workspace): ${importSeconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; ${report.duplicatesInList} duplicate candidates inside the list, ${report.duplicatesInCorpus} against the workspace`,
    );
  } finally {
    await ws.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
