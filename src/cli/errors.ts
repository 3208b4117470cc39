// The CLI's one table from error codes to exit codes: 0 all good, 1 some inputs
// failed, 2 usage error.
import { describeError, type ErrorCode } from '../model/errors.js';

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_USAGE = 2;

const USAGE_CODES: ReadonlySet<ErrorCode | 'internal'> = new Set(['usage', 'workspace_missing', 'ambiguous_id', 'invalid_input']);

export function exitCodeFor(err: unknown): number {
  const { code } = describeError(err);
  return USAGE_CODES.has(code) ? EXIT_USAGE : EXIT_SOME_FAILED;
}

/** Prints one line to stderr and sets the exit code; --json callers get the error object on stdout. */
export function reportError(err: unknown, json = false): void {
  const { code, message } = describeError(err);
  if (json) process.stdout.write(JSON.stringify({ error: { code, message } }) + '\n');
  process.stderr.write(`daftar: ${message}\n`);
  process.exitCode = exitCodeFor(err);
}
