// Stable error codes: the CLI maps them to exit codes and the API to HTTP statuses,
// each in one table. Messages are one line: which thing, what is wrong, what to do.
export const ERROR_CODES = [
  'not_found',
  'not_readable',
  'too_large',
  'empty_file',
  'unsupported',
  'corrupt_pdf',
  'encrypted_pdf',
  'corrupt_docx',
  'corrupt_image',
  'no_text',
  'timeout',
  'read_failed',
  'symlink_loop',
  'ambiguous_id',
  'invalid_input',
  'usage',
  'workspace_missing',
  'integrity',
  'conflict',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class DaftarError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DaftarError';
  }
}

export function isDaftarError(err: unknown): err is DaftarError {
  return err instanceof DaftarError;
}

/** One line for a user, whatever was thrown. */
export function describeError(err: unknown): { code: ErrorCode | 'internal'; message: string } {
  if (isDaftarError(err)) return { code: err.code, message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message.split('\n')[0] ?? 'unknown error' };
}
