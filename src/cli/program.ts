// The command table of `daftar`: every command with its arguments, options and help.
// Building it loads only commander and src/cli; each action imports its implementation
// when it runs (see command-kit.ts), so `daftar --help` starts as fast as node does.
import { Command } from 'commander';
import { registerCommands, registerExtractionCommands } from './commands.js';
import { registerEntityCommands } from './entity-commands.js';
import { registerIntegrityCommands } from './integrity-commands.js';
import { registerReuseCommands } from './reuse-commands.js';
import { registerServe } from './serve.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('daftar')
    .description('Offline evidence register: ingest documents, search them, trace who said what.')
    .version(VERSION)
    .option('-w, --workspace <dir>', 'workspace folder (default: DAFTAR_WORKSPACE or ./daftar-workspace)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  registerCommands(program);
  registerExtractionCommands(program);
  registerIntegrityCommands(program);
  registerEntityCommands(program);
  registerReuseCommands(program);
  registerServe(program);
  return program;
}
