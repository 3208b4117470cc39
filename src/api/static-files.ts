// Serves the built web UI (dist/web) from disk. Paths are resolved inside the root
// only: "/../daftar.db" -> 404, never a file outside dist/web.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The UI's own pages: same-origin only, nothing fetched from elsewhere. */
export const UI_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/** dist/web of this checkout, found from this module whether run from src/ (tsx) or dist/src/. */
export function defaultWebDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'web');
    dir = dirname(dir);
  }
  return join(process.cwd(), 'dist', 'web');
}

export function serveWebFile(c: Context, webDir: string): Response {
  const urlPath = decodeURIComponent(new URL(c.req.url).pathname);
  const rel = normalize(urlPath).replace(/^([/\\])+/, '');
  let file = join(webDir, rel);
  if (!file.startsWith(webDir + sep) && file !== webDir) return c.text('not found', 404);
  if (!existsSync(file) || statSync(file).isDirectory()) {
    // Client-side routes fall back to the app; a missing asset stays a 404.
    if (extname(rel) && rel !== 'index.html') return c.text('not found', 404);
    file = join(webDir, 'index.html');
    if (!existsSync(file)) {
      return c.text('The web UI is not built: run `npm run build:web`. The API is at /api/openapi.json.', 503);
    }
  }
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers: Record<string, string> = {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': rel.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (type.startsWith('text/html')) {
    headers['Content-Security-Policy'] = UI_CSP;
    headers['X-Frame-Options'] = 'DENY';
  }
  return c.body(readFileSync(file), 200, headers);
}
