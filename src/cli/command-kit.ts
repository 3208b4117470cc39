// What every command module shares: opening the workspace the global --workspace names,
// and running an action with one-line errors and the exit-code table.
import type { Command } from 'commander';
import { openWorkspace, workspaceDir, type Workspace } from '../pipeline/workspace.js';
import { reportError } from './errors.js';

export type Opts = Record<string, unknown> & { json?: boolean };

/** The workspace of --workspace / DAFTAR_WORKSPACE / ./daftar-workspace. */
export function commandWorkspace(cmd: Command, create = false): Workspace {
  return openWorkspace(workspaceDir(cmd.optsWithGlobals().workspace as string | undefined), { create });
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
