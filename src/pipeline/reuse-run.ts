// Text reuse over a workspace (issue 6): each new document is fingerprinted, its sampled
// shingles looked up in the store-backed index (SqliteReuseIndex), candidates aligned, and
// the links stored; then the passage clusters of the documents the new links touch are
// recomputed. Nothing else in the workspace is read or rescanned.
import { createHash } from 'node:crypto';
import type { ReuseLink } from '../model/schema.js';
import {
  clusterReuse,
  detectReuseForDocument,
  recheckLinks,
  recheckBoilerplate,
  toReuseDocument,
  type DetectedReuse,
  type ReuseCluster,
  type ReuseDocument,
  type ReuseOptions,
} from '../reuse/index.js';
import { SqliteReuseIndex } from '../store/sqlite/sqlite-reuse-index.js';
import type { Workspace } from './workspace.js';

export interface ReuseRunReport {
  /** Links stored for the documents added to the index now. */
  links: number;
  /** Documents added to the index now (already indexed ones are skipped). */
  indexed: number;
}

/** Most documents whose clusters are recomputed after one run (the linked group of the new links). */
const MAX_COMPONENT_DOCUMENTS = 5_000;

/** A stable id: the same link found again gets the same id (INSERT OR REPLACE keeps one row). */
export function reuseLinkId(l: DetectedReuse): string {
  const key = [l.sourceDocumentId, l.sourceStart, l.sourceEnd, l.targetDocumentId, l.targetStart, l.targetEnd].join('|');
  return 'reuse:' + createHash('sha256').update(key).digest('hex').slice(0, 32);
}

/** Reads documents through the store, keeping a bounded cache of their reuse fields. */
function documentReader(ws: Workspace): (id: string) => Promise<ReuseDocument | undefined> {
  const cache = new Map<string, ReuseDocument | undefined>();
  return async (id: string) => {
    if (cache.has(id)) return cache.get(id);
    const doc = await ws.store.getDocument(id);
    if (cache.size >= 2_000) cache.clear();
    const r = doc ? toReuseDocument(doc) : undefined;
    cache.set(id, r);
    return r;
  };
}

/**
 * Detect reuse for these documents (already stored), in order, and store the links.
 * Incremental: each document's fingerprints are looked up in the index, then added.
 * await reuseWorkspace(ws, { documentIds: [id] }) -> { links: 2, indexed: 1 }
 */
export async function reuseWorkspace(
  ws: Workspace,
  options: { documentIds: string[]; reuse?: Partial<ReuseOptions>; onProgress?: (done: number, total: number) => void },
): Promise<ReuseRunReport> {
  const index = new SqliteReuseIndex(ws.store.db);
  const getDoc = documentReader(ws);
  const touched = new Set<string>();
  let links = 0;
  let indexed = 0;
  let done = 0;
  for (const id of options.documentIds) {
    done++;
    if (index.has(id)) continue;
    const doc = await getDoc(id);
    if (!doc) continue;
    const found = await detectReuseForDocument(doc, index, getDoc, options.reuse);
    indexed++;
    if (found.length > 0) {
      await ws.store.putReuseLinks(found.map((l) => ({ ...l, id: reuseLinkId(l) })));
      links += found.length;
      for (const l of found) touched.add(l.sourceDocumentId), touched.add(l.targetDocumentId);
    }
    options.onProgress?.(done, options.documentIds.length);
  }
  if (touched.size > 0) await reclusterAround(ws, index, getDoc, [...touched]);
  return { links, indexed };
}

/**
 * Recompute clusters (and stock-line boilerplate flags) over the documents linked, directly
 * or through others, to these ones; only links that changed are written.
 */
async function reclusterAround(
  ws: Workspace,
  index: SqliteReuseIndex,
  getDoc: (id: string) => Promise<ReuseDocument | undefined>,
  seeds: string[],
): Promise<void> {
  const seen = new Set(seeds);
  const byId = new Map<string, ReuseLink>();
  let frontier = seeds;
  while (frontier.length > 0 && seen.size < MAX_COMPONENT_DOCUMENTS) {
    const next: string[] = [];
    for (const l of await ws.store.listReuseLinks({ documentIds: frontier })) {
      byId.set(l.id, l);
      if (l.boilerplate) continue; // boilerplate does not join clusters
      for (const d of [l.sourceDocumentId, l.targetDocumentId]) {
        if (!seen.has(d)) seen.add(d), next.push(d);
      }
    }
    frontier = next;
  }
  const before = [...byId.values()];
  const rechecked = await recheckSameSite(await recheckBoilerplate(before, index, getDoc), index, getDoc);
  const published = new Map<string, string | null>();
  for (const id of seen) published.set(id, (await getDoc(id))?.published ?? null);
  const { links } = clusterReuse(rechecked, (id) => published.get(id) ?? null);
  const changed = links.filter((l, k) => l.clusterId !== before[k]!.clusterId || l.boilerplate !== before[k]!.boilerplate);
  if (changed.length > 0) await ws.store.putReuseLinks(changed);
}

function siteKey(site: string | null | undefined): string | null {
  const s = site?.trim().toLowerCase();
  return s ? s : null;
}

/**
 * Same-site links found before the site's template text was seen in enough of its
 * documents (the first two articles carrying "About the Herald") are flagged now that the
 * index holds more of them. recheckBoilerplate covers short stock lines; this, long ones.
 */
function recheckSameSite<L extends DetectedReuse>(
  links: L[],
  index: SqliteReuseIndex,
  getDoc: (id: string) => Promise<ReuseDocument | undefined>,
): Promise<L[]> {
  return recheckLinks(links, index, getDoc, {}, (_l, source, target) => {
    const site = siteKey(source.site);
    return site !== null && site === siteKey(target.site);
  });
}

/** Stored documents not yet in the reuse index, in ingest order. */
export function documentsNotIndexed(ws: Workspace): string[] {
  return ws.store.db
    .prepare('SELECT d.id FROM document d WHERE NOT EXISTS (SELECT 1 FROM reuse_document r WHERE r.id = d.id) ORDER BY d.seq')
    .pluck()
    .all() as string[];
}

/** Clusters of every stored non-boilerplate link (for listing). */
export async function reuseClusters(ws: Workspace): Promise<{ clusters: ReuseCluster[]; links: ReuseLink[] }> {
  const links = await ws.store.listReuseLinks();
  const st = ws.store.db.prepare('SELECT published_on FROM document WHERE id = ?').pluck();
  return clusterReuse(links, (id) => (st.get(id) as string | null | undefined) ?? null);
}
