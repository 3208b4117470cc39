// The real compiled CLI: dist/src/cli/main.js once it registers the integrity commands,
// else test/integrity-cli/bin.mjs, which registers the same compiled commands.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, repoRoot, type CliResult } from '../helpers/cli.js';

export function integrityCli(): string {
  ensureBuilt();
  const main = readFileSync(CLI, 'utf8');
  if (main.includes('registerIntegrityCommands')) return CLI;
  const compiled = join(repoRoot, 'dist', 'src', 'cli', 'integrity-commands.js');
  if (!existsSync(compiled)) throw new Error('build first: npx tsc -p tsconfig.json');
  return join(repoRoot, 'test', 'integrity-cli', 'bin.mjs');
}

export function run(workspace: string, args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const r = spawnSync(process.execPath, [integrityCli(), '--workspace', workspace, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '1', DAFTAR_PASSPHRASE: 'correct horse', ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runAsync(workspace: string, args: string[]) {
  return spawn(process.execPath, [integrityCli(), '--workspace', workspace, ...args], {
    env: { ...process.env, CI: '1', DAFTAR_PASSPHRASE: 'correct horse' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
