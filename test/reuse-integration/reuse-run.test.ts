// Store-backed, incremental reuse over a real SQLite workspace: links found when a copy
// arrives, only the new document's fingerprints looked up, site template text flagged.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document } from '../../src/model/schema.js';
import { documentsNotIndexed, reuseWorkspace } from '../../src/pipeline/reuse-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { detectReuseForDocument, prepareDocument, toReuseDocument } from '../../src/reuse/index.js';
import { SqliteReuseIndex } from '../../src/store/sqlite/sqlite-reuse-index.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';
import { BAR_STATEMENT, BAR_STATEMENT_EDITED, BRIDGE, DETENTION, HARVEST, LIBRARY, MARKET, SCHOOL } from '../reuse/texts.js';

const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

function workspace(): Workspace {
  const w = openWorkspace(join(tempDir(), 'ws'), { create: true });
  open.push(w);
  return w;
}

async function add(w: Workspace, text: string, meta: Partial<Document['metadata']> = {}): Promise<Document> {
  const { doc, passages } = makeDocument(text, meta);
  await w.store.putDocument(doc, passages, LOG);
  return doc;
}

const day = (value: string) => ({ value, evidence: 'test', confidence: 1 });

describe('reuseWorkspace', () => {
  it('links a copy to its origin when the copy is added, earlier publication as source', async () => {
    const w = workspace();
    const a = await add(w, `${DETENTION}\n\n${BAR_STATEMENT}\n\n${LIBRARY}`, { site: 'River Times', published: day('2025-04-15') });
    expect(await reuseWorkspace(w, { documentIds: [a.id] })).toEqual({ links: 0, indexed: 1 });
    const b = await add(w, `${HARVEST}\n\n${BAR_STATEMENT_EDITED}\n\n${BRIDGE}`, { site: 'Valley Post', published: day('2025-04-16') });
    const r = await reuseWorkspace(w, { documentIds: [b.id] });
    expect(r.links).toBe(1);
    const [link] = await w.store.listReuseLinks({ documentIds: [b.id] });
    expect(link!.sourceDocumentId).toBe(a.id);
    expect(link!.targetDocumentId).toBe(b.id);
    expect(link!.direction).toBe('source_earlier');
    expect(link!.boilerplate).toBe(false);
    expect(a.text.slice(link!.sourceStart, link!.sourceEnd)).toContain('regional bar association');
    expect(b.text.slice(link!.targetStart, link!.targetEnd)).toContain('twelve days');
    expect(link!.clusterId).not.toBeNull();
    // Indexed documents are skipped: running again finds nothing new.
    expect(await reuseWorkspace(w, { documentIds: [a.id, b.id] })).toEqual({ links: 0, indexed: 0 });
    expect(documentsNotIndexed(w)).toEqual([]);
  });

  it('adding a document looks up only its own fingerprints', async () => {
    const w = workspace();
    const a = await add(w, `${DETENTION}\n\n${BAR_STATEMENT}`, { site: 'A' });
    const b = await add(w, `${LIBRARY}\n\n${HARVEST}\n\n${BRIDGE}`, { site: 'B' });
    await reuseWorkspace(w, { documentIds: [a.id, b.id] });
    const c = await add(w, `${MARKET}\n\n${BAR_STATEMENT}`, { site: 'C' });
    // Count lookups through an index over the same database while C is added.
    const index = new SqliteReuseIndex(w.store.db);
    const own = new Set(prepareDocument(toReuseDocument(c)).fingerprints.hashes);
    const looked = new Set<number>();
    index.onLookup = (h) => looked.add(h);
    const found = await detectReuseForDocument(toReuseDocument(c), index, async (id) => {
      const d = await w.store.getDocument(id);
      expect(id).toBe(a.id); // only the candidate is read, never B
      return d ? toReuseDocument(d) : undefined;
    });
    expect(found.length).toBeGreaterThan(0);
    // Every hash looked up is one of C's own sampled shingles, and all of them were.
    expect([...looked].every((h) => own.has(h))).toBe(true);
    expect(looked.size).toBe(own.size);
    expect(index.has(c.id)).toBe(true);
    expect(index.size()).toBe(3);
  });

  it('the index survives reopening the workspace', async () => {
    const dir = join(tempDir(), 'ws');
    const w1 = openWorkspace(dir, { create: true });
    const { doc: a, passages } = makeDocument(`${DETENTION}\n\n${BAR_STATEMENT}`, { site: 'A' });
    await w1.store.putDocument(a, passages, LOG);
    await reuseWorkspace(w1, { documentIds: [a.id] });
    await w1.close();
    const w2 = openWorkspace(dir);
    open.push(w2);
    const b = await add(w2, `${SCHOOL}\n\n${BAR_STATEMENT}`, { site: 'B' });
    expect((await reuseWorkspace(w2, { documentIds: [b.id] })).links).toBe(1);
  });

  it("flags a site's own template paragraph as boilerplate, also on its first pair", async () => {
    const w = workspace();
    const about =
      'About the Courier: The Northern Courier is an independent daily founded in 1998 in the river city. It is funded by its readers and does not accept money from political parties, and it publishes corrections every Friday on page two.';
    const bodies = [LIBRARY, HARVEST, BRIDGE, MARKET];
    const ids: string[] = [];
    for (const body of bodies) ids.push((await add(w, `${body}\n\n${about}`, { site: 'The Northern Courier' })).id);
    // One by one, as an ingest adds them: the first pair is seen before the text recurs.
    for (const id of ids) await reuseWorkspace(w, { documentIds: [id] });
    const links = await w.store.listReuseLinks();
    expect(links.length).toBeGreaterThanOrEqual(3);
    expect(links.every((l) => l.boilerplate)).toBe(true);
    expect(links.every((l) => l.clusterId === null)).toBe(true);
    // Another outlet copying the same paragraph is reuse, not the Courier's template.
    const other = await add(w, `${SCHOOL}\n\n${about}`, { site: 'Valley Post' });
    await reuseWorkspace(w, { documentIds: [other.id] });
    const cross = await w.store.listReuseLinks({ documentIds: [other.id] });
    expect(cross.some((l) => !l.boilerplate)).toBe(true);
  });
});
