// The real compiled CLI (dist/src/cli/main.js) with a passphrase for the signing key,
// as a script would run it.
import { spawn, spawnSync } from 'node:child_process';
import { CLI, ensureBuilt, type CliResult } from '../helpers/cli.js';

const ENV = { CI: '1', DAFTAR_PASSPHRASE: 'correct horse' };

export function run(workspace: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  ensureBuilt();
  const r = spawnSync(process.execPath, [CLI, '--workspace', workspace, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...ENV, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runAsync(workspace: string, args: string[]) {
  ensureBuilt();
  return spawn(process.execPath, [CLI, '--workspace', workspace, ...args], { env: { ...process.env, ...ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
}
