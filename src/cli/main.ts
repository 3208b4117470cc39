#!/usr/bin/env node
// daftar: the command-line interface. Results go to stdout, progress and errors to stderr.
import { Command, CommanderError } from 'commander';
import { registerCommands, registerExtractionCommands } from './commands.js';
import { EXIT_USAGE } from './errors.js';
import { registerIntegrityCommands } from './integrity-commands.js';
import { registerServe } from './serve.js';
import { registerEntityCommands } from './entity-commands.js';
import { registerReuseCommands } from './reuse-commands.js';

const program = new Command();
program
  .name('daftar')
  .description('Offline evidence register: ingest documents, search them, trace who said what.')
  .version('0.1.0')
  .option('-w, --workspace <dir>', 'workspace folder (default: DAFTAR_WORKSPACE or ./daftar-workspace)')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

registerCommands(program);
registerExtractionCommands(program);
registerIntegrityCommands(program);
registerEntityCommands(program);
registerReuseCommands(program);
registerServe(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; any other parse failure is a usage error.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`daftar: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
