// Corpus-wide views: entities, claims, reuse, events, timeline, map and the log. The
// curation actions are in routes-curation.ts.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Claim, Document, DocumentId } from '../model/schema.js';
import { ApiError } from './errors.js';
import { publicAction } from './routes-curation.js';
import { decodeCursor, decodeOffsetCursor, encodeCursor } from './cursor.js';
import { CONTEXT_CHARS, newRouter, type ApiDeps } from './context.js';
import type { ApiReadModel, DocumentSummary } from './read-model.js';
import {
  ClaimGroupSchema,
  Cursor,
  EntityIdParam,
  EntityPageSchema,
  EntitySchema,
  EntityType,
  EventSchema,
  IsoDate,
  Limit,
  LogEntrySchema,
  MapSchema,
  Page,
  problemResponses,
  ReuseLinkSchema,
  TimelineEntrySchema,
} from './schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** Loads each document's text once per request. */
function textCache(deps: ApiDeps) {
  const cache = new Map<DocumentId, Promise<Document | null>>();
  return (id: DocumentId) => {
    let p = cache.get(id);
    if (!p) cache.set(id, (p = deps.ws.store.getDocument(id)));
    return p;
  };
}

export function registerCorpusRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const { read, ws } = deps;
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities',
      summary: 'People, organizations and places, in id order',
      request: { query: z.object({ type: EntityType.optional(), q: z.string().max(200).optional(), limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(EntitySchema), 'a page of entities'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const list = await read.listEntities({ type: q.type, q: q.q, after: decodeCursor(q.cursor), limit: limit + 1 });
      const page = list.slice(0, limit);
      return c.json({ items: page, nextCursor: list.length > limit ? encodeCursor(page[page.length - 1]!.id) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/entities/{id}',
      summary: 'An entity with its mentions in context, documents and curation history',
      request: { params: EntityIdParam, query: z.object({ limit: Limit }) },
      responses: { 200: json(EntityPageSchema, 'the entity page'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const limit = c.req.valid('query').limit ?? 100;
      const entity = await read.getEntity(id);
      if (!entity) throw new ApiError('not_found', `entity ${id} is not in this workspace`);
      const all = await read.mentionsOfEntity(id, Number.MAX_SAFE_INTEGER);
      const getDoc = textCache(deps);
      const mentions = [];
      for (const m of all.slice(0, limit)) {
        const d = await getDoc(m.documentId);
        const text = d?.text ?? '';
        mentions.push({
          mention: m,
          before: text.slice(Math.max(0, m.start - CONTEXT_CHARS), m.start),
          after: text.slice(m.end, m.end + CONTEXT_CHARS),
          document: await read.summary(m.documentId),
        });
      }
      const perDoc = new Map<DocumentId, number>();
      for (const m of all) perDoc.set(m.documentId, (perDoc.get(m.documentId) ?? 0) + 1);
      const documents = [];
      for (const [docId, n] of perDoc) {
        const s = await read.summary(docId);
        if (s) documents.push({ ...s, mentions: n });
      }
      documents.sort((a, b) => b.mentions - a.mentions || (a.publishedOn ?? '').localeCompare(b.publishedOn ?? ''));
      return c.json({ entity, mentions, mentionCount: all.length, documents, history: (await read.actionsAbout(id)).map(publicAction) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/claims',
      summary: 'Claims grouped: values, independent source groups, conflicting groups',
      request: { query: z.object({ q: z.string().max(200).optional(), limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(ClaimGroupSchema), 'a page of claim groups'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 20;
      const offset = decodeOffsetCursor(q.cursor);
      const groups = groupClaims(await read.listClaims());
      const needle = q.q?.toLowerCase();
      const keys = [...groups.keys()].filter((k) => !needle || groups.get(k)!.some((cl) => (cl.counted ?? '').toLowerCase().includes(needle) || (cl.place ?? '').toLowerCase().includes(needle)));
      const page = keys.slice(offset, offset + limit);
      const items = [];
      for (const k of page) items.push(await claimGroupView(deps, groups, k));
      return c.json({ items, nextCursor: offset + limit < keys.length ? encodeCursor(String(offset + limit)) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/claims/{id}',
      summary: 'The group of a claim (by claim id or group id)',
      request: { params: EntityIdParam },
      responses: { 200: json(ClaimGroupSchema, 'the claim group'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const claims = await read.listClaims();
      const groups = groupClaims(claims);
      const claim = claims.find((cl) => cl.id === id);
      const key = claim ? (claim.groupId ?? claim.id) : groups.has(id) ? id : null;
      if (!key) throw new ApiError('not_found', `claim ${id} is not in this workspace`);
      return c.json(await claimGroupView(deps, groups, key), 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/reuse',
      summary: 'Reuse links between documents, in id order',
      request: { query: z.object({ limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(ReuseLinkSchema), 'a page of reuse links'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const list = await read.listReuseLinks({ after: decodeCursor(q.cursor), limit: limit + 1 });
      const page = list.slice(0, limit);
      return c.json({ items: page, nextCursor: list.length > limit ? encodeCursor(page[page.length - 1]!.id) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Events, in id order',
      request: { query: z.object({ limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(EventSchema), 'a page of events'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const list = await read.listEvents({ after: decodeCursor(q.cursor), limit: limit + 1 });
      const page = list.slice(0, limit);
      return c.json({ items: page, nextCursor: list.length > limit ? encodeCursor(page[page.length - 1]!.id) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/timeline',
      summary: 'Publication dates and DATE mentions over time, oldest first',
      request: { query: z.object({ from: IsoDate.optional(), to: IsoDate.optional(), limit: z.coerce.number().int().min(1).max(5000).optional(), cursor: Cursor }) },
      responses: { 200: json(Page(TimelineEntrySchema).extend({ total: z.number().int() }), 'timeline entries'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 1000;
      const offset = decodeOffsetCursor(q.cursor);
      const all = await read.timeline({ from: q.from, to: q.to });
      const items = all.slice(offset, offset + limit);
      return c.json({ items, total: all.length, nextCursor: offset + limit < all.length ? encodeCursor(String(offset + limit)) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/map',
      summary: 'Places with coordinates and geotagged images',
      responses: { 200: json(MapSchema, 'points') },
    }),
    async (c) => {
      const places = [];
      for (const p of await read.places()) {
        const documents = [];
        for (const id of p.documentIds.slice(0, 50)) documents.push({ id, title: (await read.summary(id))?.title ?? null });
        places.push({ entityId: p.entity.id, name: p.entity.name, lat: p.lat, lon: p.lon, documentIds: p.documentIds, documents });
      }
      const images = (await read.geotagged()).map((d) => ({ documentId: d.id, title: d.title, lat: d.gps!.lat, lon: d.gps!.lon }));
      return c.json({ places, images }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/log',
      summary: 'The append-only log, oldest first',
      request: { query: z.object({ limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(LogEntrySchema), 'log entries'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const from = decodeOffsetCursor(q.cursor);
      const entries = await ws.store.getLog({ from, limit: limit + 1 });
      const page = entries.slice(0, limit);
      return c.json({ items: page, nextCursor: entries.length > limit ? encodeCursor(String(page[page.length - 1]!.seq + 1)) : null }, 200);
    },
  );

  app.route('/', r);
}

function groupClaims(claims: Claim[]): Map<string, Claim[]> {
  const groups = new Map<string, Claim[]>();
  for (const cl of claims) {
    const k = cl.groupId ?? cl.id;
    const list = groups.get(k);
    if (list) list.push(cl);
    else groups.set(k, [cl]);
  }
  return groups;
}

/** Documents joined by any reuse link between them fall into one source group. */
async function independentSources(read: ApiReadModel, docIds: DocumentId[]): Promise<DocumentId[][]> {
  const parent = new Map(docIds.map((d) => [d, d]));
  const find = (d: DocumentId): DocumentId => {
    let x = d;
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const d of docIds) {
    for (const l of await read.reuseLinksOf(d)) {
      const other = l.sourceDocumentId === d ? l.targetDocumentId : l.sourceDocumentId;
      if (parent.has(other) && !l.boilerplate) parent.set(find(other), find(d));
    }
  }
  const out = new Map<DocumentId, DocumentId[]>();
  for (const d of docIds) {
    const root = find(d);
    out.set(root, [...(out.get(root) ?? []), d]);
  }
  return [...out.values()];
}

async function claimGroupView(deps: ApiDeps, groups: Map<string, Claim[]>, key: string) {
  const claims = groups.get(key)!;
  const getDoc = textCache(deps);
  const values = new Map<string, { value: number | null; valueMax: number | null; qualifier: string; claims: number }>();
  for (const cl of claims) {
    const k = `${cl.value}|${cl.valueMax}|${cl.qualifier}`;
    const v = values.get(k) ?? { value: cl.value, valueMax: cl.valueMax, qualifier: cl.qualifier, claims: 0 };
    v.claims++;
    values.set(k, v);
  }
  const first = claims[0]!;
  const counted = first.counted?.toLowerCase() ?? null;
  const myValues = new Set(claims.map((cl) => cl.value));
  const conflicts: string[] = [];
  if (counted) {
    for (const [k, other] of groups) {
      if (k === key) continue;
      const o = other[0]!;
      if (o.counted?.toLowerCase() !== counted || (o.place ?? null) !== (first.place ?? null)) continue;
      if (other.some((cl) => !myValues.has(cl.value))) conflicts.push(k);
    }
  }
  const docIds = [...new Set(claims.map((cl) => cl.documentId))];
  const withDocs = [];
  for (const cl of claims) {
    const d = await getDoc(cl.documentId);
    const summary: DocumentSummary | null = await deps.read.summary(cl.documentId);
    withDocs.push({ ...cl, document: summary, sentence: d ? d.text.slice(cl.start, cl.end) : null });
  }
  return {
    groupId: key,
    counted: first.counted,
    place: first.place,
    values: [...values.values()],
    claims: withDocs,
    independentSources: await independentSources(deps.read, docIds),
    conflicts,
  };
}
