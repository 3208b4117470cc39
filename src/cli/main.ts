#!/usr/bin/env node
// daftar: the command-line interface. Results go to stdout, progress and errors to stderr.
import { CommanderError } from 'commander';
import { EXIT_USAGE } from './errors.js';
import { buildProgram } from './program.js';

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version exit 0; any other parse failure is a usage error.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_USAGE;
  } else {
    process.stderr.write(`daftar: ${(err as Error).message}\n`);
    process.exitCode = 1;
  }
}
