// Claims over a workspace (issue 6): extract claims from documents' mentions, group them,
// find conflicts and independent source groups (through stored reuse links and outlets),
// and store claims (with groupId) and groups. After an ingest batch only the groups whose
// key (counted thing + predicate) the new documents touch are recomputed.
import type { Claim, Document } from '../model/schema.js';
import {
  claimKey,
  extractClaims,
  groupClaims,
  groupConflict,
  independentGroups,
  valuePositions,
  type SourceGroup,
} from '../claims/index.js';
import type { Workspace } from './workspace.js';

export interface ClaimStatement {
  claimId: string;
  documentId: string;
  start: number;
  end: number;
  sentence: string;
  text: string | null;
  value: number | null;
  valueMax: number | null;
  qualifier: Claim['qualifier'];
  date: string | null;
  place: string | null;
}

/** A claim group as stored (table claim_group) and shown by `daftar claims` / `daftar claim`. */
export interface ClaimGroupView {
  id: string;
  counted: string | null;
  predicate: string | null;
  date: string | null;
  place: string | null;
  conflict: boolean;
  /** Sets of agreeing figures (two or more = conflict), each with its claim ids. */
  positions: { values: string; claimIds: string[] }[];
  /** Number of documents stating it. */
  documents: number;
  independentGroups: SourceGroup[];
  statements: ClaimStatement[];
  [key: string]: unknown;
}

function describe(c: Claim): string {
  const q = { exact: '', approximately: 'about ', at_least: 'at least ', at_most: 'at most ' }[c.qualifier];
  return `${q}${c.value}${c.valueMax !== null ? '–' + c.valueMax : ''}`;
}

export interface ClaimsRunOptions {
  /**
   * Documents added, changed or removed since the last run. Only the claim groups these
   * documents' claims (new or old) belong to by key (counted thing + predicate) are
   * recomputed; the others are kept as stored. Omitted: every claim is recomputed.
   */
  documentIds?: readonly string[];
}

interface ClaimDocInfo {
  published: string | null;
  site: string | null;
  text?: string;
}

/**
 * Recompute and store claims and claim groups: all of them, or (options.documentIds) those
 * whose key the given documents touch. A group's members, conflict and independent source
 * groups depend only on claims of its key, their documents and the reuse links between
 * those documents, and reuse links only ever join a new document to others, so groups of
 * untouched keys stay as they were; the result equals a full recompute.
 * await claimsWorkspace(ws) -> { claims: 41, groups: [{ id, conflict, independentGroups, … }] }
 * await claimsWorkspace(ws, { documentIds: newIds }) -> the same, recomputing fewer groups
 */
export async function claimsWorkspace(
  ws: Workspace,
  options: ClaimsRunOptions = {},
): Promise<{ claims: number; groups: ClaimGroupView[]; recomputedGroups: number }> {
  const docs = new Map<string, ClaimDocInfo>();
  const mentionText = new Map<string, string>();
  const extracted: Claim[] = [];
  const readDocument = async (d: Document, extract: boolean): Promise<void> => {
    const published = d.metadata.published?.value ?? null;
    const info: ClaimDocInfo = { published, site: d.metadata.site };
    docs.set(d.id, info);
    if (!extract) {
      info.text = d.text;
      return;
    }
    const mentions = await ws.store.getMentions(d.id);
    const claims = extractClaims({ id: d.id, text: d.text, published, site: d.metadata.site }, mentions);
    if (claims.length > 0) info.text = d.text;
    for (const m of mentions) if (m.type === 'QUANTITY') mentionText.set(m.id, m.text);
    extracted.push(...claims);
  };

  let toGroup: Claim[];
  let kept: Claim[] = [];
  let keptViews: ClaimGroupView[] = [];
  if (options.documentIds === undefined) {
    for (let after: string | undefined; ; ) {
      const page = await ws.store.listDocuments({ after, limit: 200 });
      if (page.length === 0) break;
      for (const d of page) await readDocument(d, true);
      after = page[page.length - 1]!.id;
    }
    toGroup = extracted;
  } else {
    const changed = new Set(options.documentIds);
    for (const id of changed) {
      const d = await ws.store.getDocument(id);
      if (d) await readDocument(d, true);
    }
    const keys = new Set<string>();
    for (const c of extracted) keys.add(claimKey(c));
    for (const id of changed) for (const c of await ws.store.listClaims({ documentId: id })) keys.add(claimKey(c));
    if (keys.size === 0) {
      // No claim came or went: nothing to regroup or write.
      const groups = (await ws.store.listClaimGroups()) as ClaimGroupView[];
      return { claims: groups.reduce((n, g) => n + g.statements.length, 0), groups, recomputedGroups: 0 };
    }
    const stored = await ws.store.listClaims();
    const regroup: Claim[] = [];
    for (const c of stored) {
      if (changed.has(c.documentId)) continue;
      if (keys.has(claimKey(c))) regroup.push({ ...c, groupId: null });
      else kept.push(c);
    }
    const storedViews = (await ws.store.listClaimGroups()) as ClaimGroupView[];
    keptViews = storedViews.filter((g) => !keys.has(claimKey({ counted: g.counted, predicate: g.predicate })));
    // The statements' quantity texts of regrouped claims, as their old groups showed them.
    for (const g of storedViews) for (const st of g.statements) if (st.text !== null) mentionText.set(`claim ${st.claimId}`, st.text);
    for (const id of new Set(regroup.map((c) => c.documentId))) {
      const d = await ws.store.getDocument(id);
      if (d) await readDocument(d, false);
    }
    toGroup = [...regroup, ...extracted];
  }

  const { claims, groups } = groupClaims(toGroup, (id) => docs.get(id)?.published);
  const views = await groupViews(ws, groups, docs, mentionText);
  const allClaims = [...kept, ...claims].sort(byId);
  const allViews = [...keptViews, ...views].sort(byId);
  await ws.store.replaceClaims(allClaims, allViews);
  return { claims: allClaims.length, groups: allViews, recomputedGroups: views.length };
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Views of freshly grouped claims: conflict, positions, independent source groups, statements. */
async function groupViews(
  ws: Workspace,
  groups: { id: string; claims: Claim[] }[],
  docs: ReadonlyMap<string, ClaimDocInfo>,
  mentionText: ReadonlyMap<string, string>,
): Promise<ClaimGroupView[]> {
  const claimDocs = [...new Set(groups.flatMap((g) => g.claims.map((c) => c.documentId)))];
  // A copied paragraph with an edit may align short of the claim's sentence; the link
  // stands for its whole paragraph on each side.
  const paragraphOf = (id: string, start: number, end: number): [number, number] => {
    const text = docs.get(id)?.text;
    if (text === undefined) return [start, end];
    const s = text.lastIndexOf('\n', Math.max(0, start - 1));
    const e = text.indexOf('\n', end);
    return [s < 0 ? 0 : s + 1, e < 0 ? text.length : e];
  };
  const links = (claimDocs.length ? await ws.store.listReuseLinks({ documentIds: claimDocs }) : []).map((l) => {
    const [sourceStart, sourceEnd] = paragraphOf(l.sourceDocumentId, l.sourceStart, l.sourceEnd);
    const [targetStart, targetEnd] = paragraphOf(l.targetDocumentId, l.targetStart, l.targetEnd);
    return { ...l, sourceStart, sourceEnd, targetStart, targetEnd };
  });
  return groups.map((g) => {
    const first = g.claims[0]!;
    const dates = [...new Set(g.claims.map((c) => c.date?.slice(0, 4)).filter(Boolean))].sort();
    const places = [...new Set(g.claims.flatMap((c) => (c.place ? c.place.split('; ') : [])))];
    return {
      id: g.id,
      counted: first.counted,
      predicate: first.predicate,
      date: dates.length ? dates.join('/') : null,
      place: places.length ? places.slice(0, 4).join('; ') : null,
      conflict: groupConflict(g.claims),
      positions: valuePositions(g.claims).map((p) => ({ values: [...new Set(p.map(describe))].join(', '), claimIds: p.map((c) => c.id) })),
      documents: new Set(g.claims.map((c) => c.documentId)).size,
      independentGroups: independentGroups(g.claims, links, docs),
      statements: g.claims.map((c) => ({
        claimId: c.id,
        documentId: c.documentId,
        start: c.start,
        end: c.end,
        sentence: (docs.get(c.documentId)?.text ?? '').slice(c.start, c.end).replace(/\s+/g, ' ').slice(0, 300),
        text: (c.quantityMentionId ? mentionText.get(c.quantityMentionId) : undefined) ?? mentionText.get(`claim ${c.id}`) ?? null,
        value: c.value,
        valueMax: c.valueMax,
        qualifier: c.qualifier,
        date: c.date,
        place: c.place,
      })),
    };
  });
}
