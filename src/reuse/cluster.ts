// Clusters of one reused passage: the spans that links join, directly or through other
// spans, form one cluster, whose earliest member is the likely origin. Five outlets that
// copy one text are one source, not five. Boilerplate links are left out.
import { compareIsoDates } from './direction.js';
import type { DetectedReuse } from './detect.js';

export interface ReuseClusterMember {
  documentId: string;
  start: number;
  end: number;
  published: string | null;
}

export interface ReuseCluster {
  id: string;
  /** The earliest publication; on equal or unknown dates, the one the links most often take as source, then the longest span. */
  earliest: ReuseClusterMember;
  /** One span per document (spans of one document merged), earliest first. */
  members: ReuseClusterMember[];
}

/**
 * Group non-boilerplate links into passage clusters and set each link's clusterId.
 * Spans of one document that overlap by at least half of the longer are one passage.
 * clusterReuse(links, (id) => dates.get(id)) -> { clusters: [{ id, earliest, members }], links }
 */
export function clusterReuse<L extends DetectedReuse>(
  links: readonly L[],
  publishedOf: (documentId: string) => string | null | undefined,
): { clusters: ReuseCluster[]; links: L[] } {
  // Node 2k is link k's source span, 2k + 1 its target span.
  const parent = new Int32Array(links.length * 2).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  const union = (x: number, y: number): void => {
    const rx = find(x);
    const ry = find(y);
    if (rx !== ry) parent[Math.max(rx, ry)] = Math.min(rx, ry);
  };

  const spansByDoc = new Map<string, { node: number; start: number; end: number }[]>();
  const spanOf = (node: number): { documentId: string; start: number; end: number } => {
    const l = links[node >> 1]!;
    return node & 1
      ? { documentId: l.targetDocumentId, start: l.targetStart, end: l.targetEnd }
      : { documentId: l.sourceDocumentId, start: l.sourceStart, end: l.sourceEnd };
  };
  links.forEach((l, k) => {
    if (l.boilerplate) return;
    union(2 * k, 2 * k + 1);
    for (const node of [2 * k, 2 * k + 1]) {
      const s = spanOf(node);
      let list = spansByDoc.get(s.documentId);
      if (!list) spansByDoc.set(s.documentId, (list = []));
      list.push({ node, start: s.start, end: s.end });
    }
  });
  for (const list of spansByDoc.values()) {
    list.sort((x, y) => x.start - y.start);
    let open: typeof list = [];
    for (const s of list) {
      open = open.filter((o) => o.end > s.start);
      for (const o of open) {
        // Mutual overlap: a paragraph inside a whole-article span stays its own passage,
        // or one host article pasting two origins' paragraphs would chain them together.
        const overlap = Math.min(o.end, s.end) - s.start;
        if (overlap * 2 >= Math.max(o.end - o.start, s.end - s.start)) union(o.node, s.node);
      }
      open.push(s);
    }
  }

  // Members: per root, per document, the union of its spans.
  const groups = new Map<number, Map<string, ReuseClusterMember>>();
  for (const [documentId, list] of spansByDoc) {
    for (const s of list) {
      const root = find(s.node);
      let members = groups.get(root);
      if (!members) groups.set(root, (members = new Map()));
      const m = members.get(documentId);
      if (m) {
        m.start = Math.min(m.start, s.start);
        m.end = Math.max(m.end, s.end);
      } else members.set(documentId, { documentId, start: s.start, end: s.end, published: publishedOf(documentId) ?? null });
    }
  }

  const clusterOfRoot = new Map<number, ReuseCluster>();
  const clusters: ReuseCluster[] = [];
  // How often each document is a link's source minus how often its target: on equal or
  // unknown dates the links' own judgement (attribution, fuller text) picks the origin.
  const sourceScore = new Map<string, number>();
  for (const l of links) {
    if (l.boilerplate) continue;
    sourceScore.set(l.sourceDocumentId, (sourceScore.get(l.sourceDocumentId) ?? 0) + 1);
    sourceScore.set(l.targetDocumentId, (sourceScore.get(l.targetDocumentId) ?? 0) - 1);
  }
  for (const [root, members] of groups) {
    const sorted = [...members.values()].sort((x, y) => earlierMember(x, y, sourceScore));
    const earliest = sorted[0]!;
    const cluster = { id: `reuse-cluster:${earliest.documentId.slice(0, 24)}:${earliest.start}`, earliest, members: sorted };
    clusterOfRoot.set(root, cluster);
    clusters.push(cluster);
  }
  const out = links.map((l, k) => (l.boilerplate ? { ...l, clusterId: null } : { ...l, clusterId: clusterOfRoot.get(find(2 * k))!.id }));
  clusters.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return { clusters, links: out };
}

function earlierMember(x: ReuseClusterMember, y: ReuseClusterMember, sourceScore: Map<string, number>): number {
  if (x.published && y.published) {
    const order = compareIsoDates(x.published, y.published);
    if (order === -1 || order === 1) return order;
  } else if (x.published || y.published) return x.published ? -1 : 1;
  const byScore = (sourceScore.get(y.documentId) ?? 0) - (sourceScore.get(x.documentId) ?? 0);
  if (byScore !== 0) return byScore;
  const byLength = y.end - y.start - (x.end - x.start);
  if (byLength !== 0) return byLength;
  return x.documentId < y.documentId ? -1 : x.documentId > y.documentId ? 1 : 0;
}
