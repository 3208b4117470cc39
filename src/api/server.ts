// Runs the app on node's HTTP server: 127.0.0.1 unless told otherwise.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { openWorkspace } from '../pipeline/workspace.js';
import { createApp } from './app.js';

export const DEFAULT_PORT = 8470;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServerOptions {
  workspaceDir: string;
  port?: number;          // 0 = any free port
  host?: string;
  uploadLimitBytes?: number;
  webDir?: string;
}

export function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** Opens the workspace and serves it; `close()` stops the server and closes the store. */
export async function startServer(options: ServerOptions): Promise<{ url: string; close(): Promise<void> }> {
  const ws = openWorkspace(options.workspaceDir);
  const host = options.host ?? DEFAULT_HOST;
  const port = options.port ?? DEFAULT_PORT;
  const { app, read } = createApp({
    workspace: ws,
    uploadLimitBytes: options.uploadLimitBytes,
    webDir: options.webDir,
    // DNS rebinding guard; a server on another interface is reached under names we cannot list.
    allowedHosts: isLoopback(host) ? ['127.0.0.1', 'localhost', '[::1]', host] : undefined,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  // Build the read model's snapshot now, not on the first entity page (seconds on a large workspace).
  void read.workspaceFacets().catch((err: unknown) => console.error('daftar serve: reading the workspace failed:', err));
  const addr = server.address() as AddressInfo;
  const shown = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    url: `http://${shown}:${addr.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => void ws.close().then(resolve, resolve));
      }),
  };
}
