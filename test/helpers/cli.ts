import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CLI = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

/** The compiled CLI must exist: `npm test` builds first. */
export function ensureBuilt(): void {
  if (!existsSync(CLI)) {
    const r = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('build failed');
  }
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function daftar(
  workspace: string,
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv; wrap?: string[]; nodeArgs?: string[] } = {},
): CliResult {
  const argv = [...(options.wrap ?? []), process.execPath, ...(options.nodeArgs ?? []), CLI, '--workspace', workspace, ...args];
  const r: SpawnSyncReturns<string> = spawnSync(argv[0]!, argv.slice(1), {
    encoding: 'utf8',
    input: options.input,
    env: { ...process.env, CI: '1', ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function daftarAsync(workspace: string, args: string[]) {
  return spawn(process.execPath, [CLI, '--workspace', workspace, ...args], { env: { ...process.env, CI: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
}
