// daftar serve: the web UI and HTTP API of one workspace, on 127.0.0.1 by default.
// The server (hono, the store, the read model) is imported when the command runs, not at start-up.
import { spawn } from 'node:child_process';
import type { Command } from 'commander';
import { DaftarError } from '../model/errors.js';
import { commandWorkspaceDir } from './command-kit.js';
import { reportError } from './errors.js';

/** DEFAULT_PORT and DEFAULT_HOST of src/api/server.ts, written out so `--help` need not load the server (a test keeps them equal). */
export const SERVE_DEFAULT_PORT = 8470;
export const SERVE_DEFAULT_HOST = '127.0.0.1';

/** Opens a URL in the desktop's browser; a failure only prints a hint. */
function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  try {
    const child = spawn(cmd, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => process.stderr.write(`daftar: could not open a browser; visit ${url}\n`));
    child.unref();
  } catch {
    process.stderr.write(`daftar: could not open a browser; visit ${url}\n`);
  }
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web UI and HTTP API of the workspace (127.0.0.1 only unless --host)')
    .option('--port <n>', 'port to listen on', String(SERVE_DEFAULT_PORT))
    .option('--host <host>', 'interface to bind; anything but 127.0.0.1 exposes the workspace to the network', SERVE_DEFAULT_HOST)
    .option('--open', 'open the UI in the default browser')
    .action(async (opts: { port: string; host: string; open?: boolean }, cmd: Command) => {
      try {
        const { isLoopback, startServer } = await import('../api/server.js');
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DaftarError('usage', `--port ${opts.port}: expected a port number 0-65535`);
        if (!isLoopback(opts.host)) {
          process.stderr.write(
            `daftar: warning: serving on ${opts.host}; anyone who can reach this address can read and add to the workspace (there are no accounts yet)\n`,
          );
        }
        const dir = await commandWorkspaceDir(cmd);
        const server = await startServer({ workspaceDir: dir, port, host: opts.host }).catch((err: NodeJS.ErrnoException) => {
          if (err.code === 'EADDRINUSE') throw new DaftarError('usage', `port ${port} on ${opts.host} is in use; pick another with --port`);
          if (err.code === 'EADDRNOTAVAIL') throw new DaftarError('usage', `--host ${opts.host}: no such interface on this machine`);
          throw err;
        });
        console.log(`daftar: serving ${dir} at ${server.url} (Ctrl+C stops)`);
        if (opts.open) openBrowser(server.url);
        const stop = () => void server.close().then(() => process.exit(0));
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      } catch (err) {
        reportError(err);
      }
    });
}
