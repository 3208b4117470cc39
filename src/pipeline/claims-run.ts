// Claims over a workspace (issue 6): extract claims from every document's mentions, group
// them, find conflicts and independent source groups (through stored reuse links and
// outlets), and store claims (with groupId) and groups. A full recompute: claims are cheap
// next to extraction, and a new document can join or split any group.
import type { Claim } from '../model/schema.js';
import {
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

/**
 * Recompute and store every claim and claim group.
 * await claimsWorkspace(ws) -> { claims: 41, groups: [{ id, conflict, independentGroups, … }] }
 */
export async function claimsWorkspace(ws: Workspace): Promise<{ claims: number; groups: ClaimGroupView[] }> {
  const all: Claim[] = [];
  const docs = new Map<string, { published: string | null; site: string | null; text?: string }>();
  const texts = new Map<string, string>();
  const mentionText = new Map<string, string>();
  for (let after: string | undefined; ; ) {
    const page = await ws.store.listDocuments({ after, limit: 200 });
    if (page.length === 0) break;
    for (const d of page) {
      const published = d.metadata.published?.value ?? null;
      docs.set(d.id, { published, site: d.metadata.site });
      const mentions = await ws.store.getMentions(d.id);
      const claims = extractClaims({ id: d.id, text: d.text, published, site: d.metadata.site }, mentions);
      if (claims.length > 0) {
        texts.set(d.id, d.text);
        docs.get(d.id)!.text = d.text;
      }
      for (const m of mentions) if (m.type === 'QUANTITY') mentionText.set(m.id, m.text);
      all.push(...claims);
    }
    after = page[page.length - 1]!.id;
  }
  const { claims, groups } = groupClaims(all);
  const claimDocs = [...new Set(claims.map((c) => c.documentId))];
  // A copied paragraph with an edit may align short of the claim's sentence; the link
  // stands for its whole paragraph on each side.
  const paragraphOf = (id: string, start: number, end: number): [number, number] => {
    const text = texts.get(id);
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
  const views: ClaimGroupView[] = groups.map((g) => {
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
        sentence: (texts.get(c.documentId) ?? '').slice(c.start, c.end).replace(/\s+/g, ' ').slice(0, 300),
        text: c.quantityMentionId ? mentionText.get(c.quantityMentionId) ?? null : null,
        value: c.value,
        valueMax: c.valueMax,
        qualifier: c.qualifier,
        date: c.date,
        place: c.place,
      })),
    };
  });
  await ws.store.replaceClaims(claims, views);
  return { claims: claims.length, groups: views };
}
