// Search and documents: metadata + text, passages, mentions, reuse, original bytes, upload.
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Document, DocumentId, MediaType } from '../model/schema.js';
import { defaultIngestOptions, ingestPaths } from '../pipeline/ingest.js';
import type { SearchHit } from '../store/store.js';
import { ApiError, problemResponse } from './errors.js';
import { decodeCursor, decodeOffsetCursor, encodeCursor } from './cursor.js';
import { newRouter, type ApiDeps } from './context.js';
import { documentKindOf, yearOf, type DocumentSummary, type Facets } from './read-model.js';
import {
  DocumentIdParam,
  DocumentSchema,
  DocumentSummarySchema,
  Limit,
  Cursor,
  MentionSchema,
  Page,
  PassageSchema,
  problemResponses,
  ReuseViewSchema,
  SearchQuerySchema,
  SearchResultSchema,
  UploadReportSchema,
} from './schemas.js';

const json = <T extends z.ZodTypeAny>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });

/** Result facets are counted over at most this many best matches. */
export const FACET_WINDOW = 200;

const ORIGINAL_TYPES: Record<MediaType, string> = {
  html: 'text/html',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  text: 'text/plain',
  markdown: 'text/plain',
  image: 'application/octet-stream',
  video: 'application/octet-stream',
  other: 'application/octet-stream',
};

// The saved page is evidence, not code: no scripts, no requests to anywhere (its
// remote images and styles stay unloaded), no navigation out of the frame.
export const ORIGINAL_CSP = "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; media-src 'self'";

export function summaryOf(d: Document): DocumentSummary {
  const gps = d.metadata.extra?.gps as { lat?: number; lon?: number } | undefined;
  return {
    id: d.id,
    title: d.metadata.title,
    site: d.metadata.site,
    language: d.metadata.language,
    documentKind: documentKindOf(d),
    mediaType: d.mediaType,
    publishedOn: d.metadata.published?.value ?? null,
    gps: gps && typeof gps.lat === 'number' && typeof gps.lon === 'number' ? { lat: gps.lat, lon: gps.lon } : null,
  };
}

async function mustGetDocument(deps: ApiDeps, id: DocumentId): Promise<Document> {
  const doc = await deps.ws.store.getDocument(id);
  if (!doc) throw new ApiError('not_found', `document ${id.slice(0, 12)}… is not in this workspace`);
  return doc;
}

function resultFacets(hits: SearchHit[], kinds: Map<string, string>, capped: boolean) {
  const f: Facets = { language: {}, site: {}, kind: {}, year: {} };
  const inc = (r: Record<string, number>, k: string | null) => (r[k ?? '(unknown)'] = (r[k ?? '(unknown)'] ?? 0) + 1);
  for (const h of hits) {
    inc(f.language, h.language);
    inc(f.site, h.site);
    inc(f.kind, kinds.get(h.documentId) ?? null);
    inc(f.year, yearOf(h.publishedOn));
  }
  return { scope: 'results' as const, ...f, counted: hits.length, capped };
}

export function registerDocumentRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const { ws, read } = deps;
  const r = newRouter();

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Ranked full-text search with filters and facets',
      request: { query: SearchQuerySchema },
      responses: { 200: json(SearchResultSchema, 'hits, best first; snippets mark matches with [[ ]]'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 20;
      const offset = decodeOffsetCursor(q.cursor);
      const query = { text: q.q, language: q.lang, site: q.site, from: q.from, to: q.to };
      const hits = await ws.store.search({ ...query, limit: limit + 1, offset });
      const more = hits.length > limit;
      let facets = null;
      if (q.facets === 'workspace') {
        const w = await read.workspaceFacets();
        const total = Object.values(w.language).reduce((a, b) => a + b, 0);
        facets = { scope: 'workspace' as const, ...w, counted: total, capped: false };
      } else if (q.facets === 'results') {
        const window = await ws.store.search({ ...query, limit: FACET_WINDOW + 1, offset: 0 });
        const capped = window.length > FACET_WINDOW;
        const kept = window.slice(0, FACET_WINDOW);
        const kinds = new Map<string, string>();
        for (const h of kept) {
          const s = await read.summary(h.documentId);
          if (s) kinds.set(h.documentId, s.documentKind);
        }
        facets = resultFacets(kept, kinds, capped);
      }
      return c.json({ hits: hits.slice(0, limit), nextCursor: more ? encodeCursor(String(offset + limit)) : null, facets }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents',
      summary: 'Documents in id order, without their text',
      request: { query: z.object({ limit: Limit, cursor: Cursor }) },
      responses: { 200: json(Page(DocumentSummarySchema), 'a page of documents'), ...problemResponses },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const limit = q.limit ?? 50;
      const after = decodeCursor(q.cursor);
      const docs = await ws.store.listDocuments({ after, limit: limit + 1 });
      const page = docs.slice(0, limit);
      return c.json({ items: page.map(summaryOf), nextCursor: docs.length > limit ? encodeCursor(page[page.length - 1]!.id) : null }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}',
      summary: 'One document: metadata and extracted text',
      request: { params: DocumentIdParam },
      responses: { 200: json(z.object({ document: DocumentSchema }), 'the document'), ...problemResponses },
    }),
    async (c) => c.json({ document: await mustGetDocument(deps, c.req.valid('param').id) }, 200),
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/passages',
      summary: 'Paragraph-level passages (the unit of citation)',
      request: { params: DocumentIdParam },
      responses: { 200: json(z.object({ items: z.array(PassageSchema) }), 'passages in order'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await ws.store.hasDocument(id))) throw new ApiError('not_found', `document ${id.slice(0, 12)}… is not in this workspace`);
      return c.json({ items: await ws.store.getPassages(id) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/mentions',
      summary: 'Typed spans found in the document',
      request: { params: DocumentIdParam },
      responses: { 200: json(z.object({ items: z.array(MentionSchema) }), 'mentions by position'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await ws.store.hasDocument(id))) throw new ApiError('not_found', `document ${id.slice(0, 12)}… is not in this workspace`);
      return c.json({ items: await ws.store.getMentions(id) }, 200);
    },
  );

  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/documents/{id}/reuse',
      summary: 'Passages this document shares with others, and its likely origin',
      request: { params: DocumentIdParam },
      responses: { 200: json(ReuseViewSchema, 'reuse links seen from this document'), ...problemResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      if (!(await ws.store.hasDocument(id))) throw new ApiError('not_found', `document ${id.slice(0, 12)}… is not in this workspace`);
      const links = (await read.reuseLinksOf(id)).filter((l) => !l.boilerplate);
      const out = [];
      let origin: DocumentSummary | null = null;
      for (const link of links) {
        const here = link.sourceDocumentId === id ? { start: link.sourceStart, end: link.sourceEnd } : { start: link.targetStart, end: link.targetEnd };
        const there = link.sourceDocumentId === id ? { start: link.targetStart, end: link.targetEnd } : { start: link.sourceStart, end: link.sourceEnd };
        const otherDocumentId = link.sourceDocumentId === id ? link.targetDocumentId : link.sourceDocumentId;
        const other = await read.summary(otherDocumentId);
        const otherIsOrigin = link.direction === 'source_earlier' && link.sourceDocumentId === otherDocumentId;
        if (otherIsOrigin && other && (!origin || (other.publishedOn ?? '9') < (origin.publishedOn ?? '9'))) origin = other;
        out.push({ link, other, otherDocumentId, here, there, otherIsOrigin });
      }
      return c.json({ documentId: id, links: out, likelyOrigin: origin }, 200);
    },
  );

  app.route('/', r);

  // Binary and multipart routes are documented by hand: the validator reads JSON and forms only.
  app.openAPIRegistry.registerPath({
    method: 'get',
    path: '/api/documents/{id}/original',
    summary: 'The original bytes, as ingested (sandboxed: no scripts, no outside requests)',
    request: { params: DocumentIdParam },
    responses: { 200: { description: 'the original file' }, ...problemResponses },
  });
  app.get('/api/documents/:id/original', async (c) => {
    const id = c.req.param('id');
    const parsed = DocumentIdParam.safeParse({ id });
    if (!parsed.success) return problemResponse(c, 'invalid_input', 'id: a document id is 64 lower-case hex digits');
    const doc = await mustGetDocument(deps, id);
    const path = ws.blobs.pathOf(id);
    if (!existsSync(path)) throw new ApiError('not_found', `document ${id.slice(0, 12)}…: original bytes are missing from the blob folder; run \`daftar verify\``);
    const type = ORIGINAL_TYPES[doc.mediaType] + (doc.mediaType === 'html' || doc.mediaType === 'text' || doc.mediaType === 'markdown' ? '; charset=utf-8' : '');
    const stream = Readable.toWeb(createReadStream(path)) as ReadableStream;
    return c.body(stream, 200, {
      'Content-Type': type,
      'Content-Length': String(statSync(path).size),
      'Content-Security-Policy': ORIGINAL_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Content-Disposition': `inline; filename="${(doc.fileName ?? id).replace(/[^\w.-]+/g, '_')}"`,
    });
  });

  app.openAPIRegistry.registerPath({
    method: 'post',
    path: '/api/documents',
    summary: 'Ingest uploaded files: multipart/form-data field "file" (repeatable), or a raw body named by X-File-Name',
    request: {
      body: {
        content: {
          'multipart/form-data': { schema: z.object({ file: z.string().openapi({ format: 'binary' }) }) },
          'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) },
        },
      },
    },
    responses: {
      201: json(UploadReportSchema, 'ingested (some may have failed; see failed)'),
      200: json(UploadReportSchema, 'nothing new: every file was already present or failed'),
      413: { description: 'body over the upload limit', content: { 'application/problem+json': { schema: z.any() } } },
      ...problemResponses,
    },
  });
  let ingestQueue: Promise<unknown> = Promise.resolve();
  app.post(
    '/api/documents',
    bodyLimit({
      maxSize: deps.uploadLimitBytes,
      onError: (c) => problemResponse(c, 'too_large', `upload is over the ${Math.round(deps.uploadLimitBytes / 1024 / 1024)} MB limit; ingest large files with \`daftar ingest\``),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      const files: { name: string; bytes: Uint8Array }[] = [];
      if (type.startsWith('multipart/form-data')) {
        let form;
        try {
          form = await c.req.parseBody({ all: true });
        } catch {
          throw new ApiError('invalid_input', 'body: not readable as multipart/form-data');
        }
        const field = form.file;
        for (const f of Array.isArray(field) ? field : field ? [field] : []) {
          if (typeof f === 'string') throw new ApiError('invalid_input', 'file: expected a file, got a text field');
          files.push({ name: f.name || 'upload', bytes: new Uint8Array(await f.arrayBuffer()) });
        }
      } else {
        const name = c.req.header('x-file-name') ?? c.req.query('name') ?? 'upload';
        files.push({ name: decodeURIComponent(name), bytes: new Uint8Array(await c.req.arrayBuffer()) });
      }
      if (files.length === 0) throw new ApiError('invalid_input', 'file: no file in the upload; send multipart field "file" or a raw body');
      const dir = mkdtempSync(join(tmpdir(), 'daftar-upload-'));
      try {
        const paths: string[] = [];
        const nameOf = new Map<string, string>();
        files.forEach((f, i) => {
          // Keep the uploader's file name (it becomes Document.fileName) but never its folders.
          const safe = basename(f.name).replace(/[^\p{L}\p{N}._ -]+/gu, '_').slice(0, 120) || 'upload';
          const sub = join(dir, String(i));
          const p = join(sub, safe);
          mkdirSync(sub, { recursive: true });
          writeFileSync(p, f.bytes);
          paths.push(p);
          nameOf.set(p, f.name);
        });
        // One ingest at a time: the store serializes writes anyway, and blobs are staged per file.
        const run = ingestQueue.then(() => ingestPaths(ws, paths, { ...defaultIngestOptions(), workers: 0, maxFileBytes: deps.uploadLimitBytes }));
        ingestQueue = run.catch(() => undefined);
        const report = await run;
        read.invalidate();
        const fileName = (p: string) => nameOf.get(p) ?? basename(p);
        const body = {
          added: report.added.map((a) => ({ fileName: fileName(a.path), id: a.id })),
          present: report.present.map((a) => ({ fileName: fileName(a.path), id: a.id })),
          failed: report.failed.map((f) => ({ fileName: fileName(f.path), code: f.code, message: f.message.split(dir).join('').replace(/^\/\d+\//, '') })),
        };
        return c.json(body, body.added.length ? 201 : 200);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
}

