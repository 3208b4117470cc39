// The HTTP API and the web UI's file server, as one hono app. Tests call
// `createApp(...).app.request()`; `daftar serve` hands the same app to node-server.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import type { Workspace } from '../pipeline/workspace.js';
import { newRouter, type ApiDeps } from './context.js';
import { ApiError, problemFromError, problemResponse, PROBLEM_CONTENT_TYPE, type ApiErrorCode } from './errors.js';
import { ExportScanReadModel, type ApiReadModel } from './read-model.js';
import { registerCorpusRoutes } from './routes-corpus.js';
import { CURATION_NOTE, registerCurationRoutes } from './routes-curation.js';
import { registerDocumentRoutes } from './routes-documents.js';
import { StatusSchema } from './schemas.js';
import { defaultWebDir, serveWebFile } from './static-files.js';

export const API_VERSION = '0.1.0';
export const DEFAULT_UPLOAD_LIMIT_BYTES = 100 * 1024 * 1024;

export interface AppOptions {
  workspace: Workspace;
  /** Defaults to a snapshot read through the store's export (see read-model.ts). */
  readModel?: ApiReadModel;
  uploadLimitBytes?: number;
  /** Folder of the built UI; defaults to dist/web of this checkout. */
  webDir?: string;
  /**
   * Host names the server answers to. A server on 127.0.0.1 answers only to loopback
   * names so that a web page elsewhere cannot reach it through DNS rebinding.
   * Undefined = any host.
   */
  allowedHosts?: string[];
}

const STATUS_OF_HTTP: Record<number, ApiErrorCode> = { 400: 'invalid_input', 404: 'not_found', 405: 'method_not_allowed', 413: 'too_large', 415: 'unsupported' };

export function createApp(options: AppOptions): { app: OpenAPIHono; read: ApiReadModel } {
  const read = options.readModel ?? new ExportScanReadModel(options.workspace.store);
  const deps: ApiDeps = { ws: options.workspace, read, uploadLimitBytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES };
  const webDir = options.webDir ?? defaultWebDir();
  const app = new OpenAPIHono();

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      // hono's own refusals (malformed JSON, …): keep their status, say it in one line.
      const code = STATUS_OF_HTTP[err.status] ?? 'invalid_input';
      const msg = /json/i.test(err.message) ? 'body: malformed JSON' : err.message || 'bad request';
      return problemResponse(c, code, msg);
    }
    const p = problemFromError(err);
    if (p.status >= 500 && !(err instanceof ApiError)) console.error('daftar serve:', err);
    return c.body(JSON.stringify(p), p.status as 500, { 'Content-Type': PROBLEM_CONTENT_TYPE });
  });

  app.use('*', async (c, next) => {
    if (options.allowedHosts) {
      const host = new URL(c.req.url).hostname.toLowerCase();
      if (!options.allowedHosts.includes(host)) return problemResponse(c, 'forbidden', `host ${host || '(none)'}: this server answers only to ${options.allowedHosts.join(', ')}`);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      // A page on another origin must not post into the workspace (CSRF): browsers
      // send Origin on cross-site POSTs, and it must name this server.
      const origin = c.req.header('origin');
      const host = new URL(c.req.url).host;
      if (origin && origin !== 'null' && new URL(origin).host !== host) {
        return problemResponse(c, 'forbidden', `origin ${origin}: requests that change the workspace must come from this server's own pages`);
      }
      if (origin === 'null') return problemResponse(c, 'forbidden', 'origin null: requests that change the workspace must come from this server\'s own pages');
    }
    await next();
    if (c.req.path.startsWith('/api/')) {
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'no-store');
    }
  });

  const r = newRouter();
  r.openapi(
    createRoute({
      method: 'get',
      path: '/api/status',
      summary: 'Workspace counts and which features this server offers',
      responses: { 200: { description: 'status', content: { 'application/json': { schema: StatusSchema } } } },
    }),
    async (c) =>
      c.json(
        {
          documents: await deps.ws.store.countDocuments(),
          logEntries: await deps.ws.store.logSize(),
          curation: { available: true, note: CURATION_NOTE },
          uploadLimitBytes: deps.uploadLimitBytes,
          version: API_VERSION,
        },
        200,
      ),
  );
  app.route('/', r);
  registerDocumentRoutes(app, deps);
  registerCorpusRoutes(app, deps);
  registerCurationRoutes(app, deps);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Daftar API',
      version: API_VERSION,
      description: 'Offline evidence register. Errors are application/problem+json with a stable `code`. Lists page with opaque `cursor`s.',
    },
  });

  app.all('/api/*', (c) => {
    if (c.req.method !== 'GET') return problemResponse(c, 'method_not_allowed', `${c.req.method} ${c.req.path}: no such action; see /api/openapi.json`);
    return problemResponse(c, 'not_found', `${c.req.path}: no such API route; see /api/openapi.json`);
  });
  app.get('*', (c) => serveWebFile(c, webDir));
  return { app, read };
}

export { z };
