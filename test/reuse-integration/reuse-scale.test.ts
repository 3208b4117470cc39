// One passage reused by many documents is one cluster of O(N) links, not N(N-1)/2: once
// more than linksAllUpTo (16) documents hold it, each new copy links to the passage's
// earliest holder and at most one more.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/schema.js';
import { reuseClusters, reuseWorkspace } from '../../src/pipeline/reuse-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import {
  clusterReuse,
  DEFAULT_CANDIDATE_OPTIONS,
  detectReuseForDocument,
  MemoryReuseIndex,
  type DetectedReuse,
  type ReuseDocument,
} from '../../src/reuse/index.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';
import { DETENTION } from '../reuse/texts.js';

const N = 120;
const ORIGIN = 17; // ingested in the middle, yet published first

const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

/** A paragraph of words no other document has (seeded letters, no shared 6-grams). */
function ownParagraph(i: number): string {
  let seed = 7919 * (i + 1);
  const word = () => {
    let w = '';
    for (let k = 0; k < 6; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      w += String.fromCharCode(97 + (seed % 26));
    }
    return w;
  };
  return Array.from({ length: 40 }, word).join(' ') + '.';
}

function published(i: number): string {
  if (i === ORIGIN) return '2025-01-01';
  return `2025-${String(2 + (i % 9)).padStart(2, '0')}-${String(1 + ((i * 37) % 27)).padStart(2, '0')}`;
}


/** A new workspace holding texts() in order (no reuse run yet), and their ids. */
async function workspaceOfTexts(): Promise<{ w: Workspace; ids: string[] }> {
  const w = openWorkspace(join(tempDir(), 'ws'), { create: true });
  open.push(w);
  const ids: string[] = [];
  for (const t of texts()) {
    const { doc, passages } = makeDocument(t.text, { site: t.site, published: { value: t.published, evidence: 'test', confidence: 1 } } as Partial<Document['metadata']>);
    await w.store.putDocument(doc, passages, LOG);
    ids.push(doc.id);
  }
  return { w, ids };
}

function texts(): { text: string; site: string; published: string }[] {
  return Array.from({ length: N }, (_, i) => ({ text: `${ownParagraph(i)}\n\n${DETENTION}\n\n${ownParagraph(i + 1000)}`, site: `Outlet ${i}`, published: published(i) }));
}

describe('reuse of one passage in many documents', () => {
  it('links each new copy to few earlier ones: about N links, one cluster, earliest as origin (memory index)', async () => {
    const docs: ReuseDocument[] = texts().map((t, i) => ({ id: `d${String(i).padStart(2, '0')}`, text: t.text, site: t.site, published: t.published }));
    const byId = new Map(docs.map((d) => [d.id, d]));
    const index = new MemoryReuseIndex();
    const links: DetectedReuse[] = [];
    for (const [i, d] of docs.entries()) {
      const found = await detectReuseForDocument(d, index, (id) => byId.get(id));
      // Bounded by the document: past the first 16 holders, two links for its one shared passage.
      expect(found.length).toBeLessThanOrEqual(i <= 16 ? i : 2);
      links.push(...found);
    }
    expect(links.every((l) => !l.boilerplate)).toBe(true);
    expect(links.length).toBeGreaterThanOrEqual(N - 1);
    expect(links.length).toBeLessThanOrEqual(3 * N); // old behaviour: N(N-1)/2 = 7140
    const { clusters } = clusterReuse(links, (id) => byId.get(id)!.published);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.members).toHaveLength(N);
    expect(clusters[0]!.earliest.documentId).toBe(docs[ORIGIN]!.id);
    expect(byId.get(docs[ORIGIN]!.id)!.text.slice(clusters[0]!.earliest.start, clusters[0]!.earliest.end)).toContain('detained');
  });

  it('stores about N links in the workspace, all in one cluster whose earliest member is the origin', async () => {
    const { w, ids } = await workspaceOfTexts();
    // In three runs, as ingest batches call it.
    let total = 0;
    for (let k = 0; k < N; k += 40) total += (await reuseWorkspace(w, { documentIds: ids.slice(k, k + 40) })).links;
    const stored = await w.store.listReuseLinks();
    expect(stored.length).toBe(total);
    expect(stored.length).toBeGreaterThanOrEqual(N - 1);
    expect(stored.length).toBeLessThanOrEqual(3 * N);
    const { clusters } = await reuseClusters(w);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.members.map((m) => m.documentId).sort()).toEqual([...ids].sort());
    expect(clusters[0]!.earliest.documentId).toBe(ids[ORIGIN]);
    expect(new Set(stored.map((l) => l.clusterId))).toEqual(new Set([clusters[0]!.id]));
  });

  it('keeps joining the cluster once the passage is in more documents than candidate search reads per shingle', async () => {
    // Shingles held by more than maxDocumentFrequency documents offer only their earliest
    // holders; with 20 here, documents 21..120 must still join the one cluster.
    const { w, ids } = await workspaceOfTexts();
    const reuse = { candidates: { ...DEFAULT_CANDIDATE_OPTIONS, maxDocumentFrequency: 20 } };
    for (let k = 0; k < N; k += 40) await reuseWorkspace(w, { documentIds: ids.slice(k, k + 40), reuse });
    const stored = await w.store.listReuseLinks();
    expect(stored.length).toBeLessThanOrEqual(3 * N);
    const { clusters } = await reuseClusters(w);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.members).toHaveLength(N);
    expect(clusters[0]!.earliest.documentId).toBe(ids[ORIGIN]);
  });
});
