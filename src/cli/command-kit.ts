// What every command module shares: opening the workspace the global --workspace names,
// and running an action with one-line errors and the exit-code table.
//
// Start-up rule for src/cli: `daftar --help` and every `daftar <cmd> --help` only need the
// command table, so a command module imports at its top nothing but commander, node
// built-ins, types and the small modules of src/cli and src/model/errors. Everything an
// action runs (the store, pipelines, readers, NER, sharp, hono...) is loaded with
// `await import()` inside the action. test/cli/startup.test.ts checks this.
import type { Command } from 'commander';
import type { Workspace } from '../pipeline/workspace.js';
import { reportError } from './errors.js';

export type Opts = Record<string, unknown> & { json?: boolean };

/** The folder of --workspace / DAFTAR_WORKSPACE / ./daftar-workspace (`dir` first when given). */
export async function commandWorkspaceDir(cmd: Command, dir?: string): Promise<string> {
  const { workspaceDir } = await import('../pipeline/workspace.js');
  return workspaceDir(dir ?? (cmd.optsWithGlobals().workspace as string | undefined));
}

/** Opens the workspace of --workspace / DAFTAR_WORKSPACE / ./daftar-workspace. */
export async function commandWorkspace(cmd: Command, create = false): Promise<Workspace> {
  const { openWorkspace, workspaceDir } = await import('../pipeline/workspace.js');
  return openWorkspace(workspaceDir(cmd.optsWithGlobals().workspace as string | undefined), { create });
}

/** Opens the workspace, runs `fn` and closes the workspace whatever happens. */
export async function withWorkspace<T>(cmd: Command, fn: (w: Workspace) => Promise<T>, create = false): Promise<T> {
  const w = await commandWorkspace(cmd, create);
  try {
    return await fn(w);
  } finally {
    await w.close();
  }
}

/** Wraps a commander action: errors become one line on stderr (JSON on stdout with --json). */
export function action(fn: (...args: any[]) => Promise<void>) {
  return async (...args: any[]) => {
    const cmd = args[args.length - 1] as Command;
    try {
      await fn(...args);
    } catch (err) {
      reportError(err, Boolean(cmd.opts().json));
    }
  };
}
