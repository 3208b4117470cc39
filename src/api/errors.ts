// The API's one table from error codes to HTTP statuses, and the one error body:
// RFC 9457 problem details (application/problem+json) with Daftar's stable `code`.
// The body never carries a stack; `cause` stays in the server log.
import type { Context } from 'hono';
import { describeError, type ErrorCode } from '../model/errors.js';

/** Codes the API adds to DaftarError's: a route that exists but whose stage is not built yet. */
export type ApiErrorCode = ErrorCode | 'internal' | 'not_available' | 'method_not_allowed' | 'forbidden';

export const HTTP_STATUS: Record<ApiErrorCode, number> = {
  not_found: 404,
  not_readable: 422,
  too_large: 413,
  empty_file: 422,
  unsupported: 415,
  corrupt_pdf: 422,
  encrypted_pdf: 422,
  corrupt_docx: 422,
  corrupt_image: 422,
  no_text: 422,
  timeout: 504,
  read_failed: 422,
  symlink_loop: 422,
  ambiguous_id: 409,
  invalid_input: 400,
  usage: 400,
  workspace_missing: 503,
  integrity: 500,
  conflict: 409,
  internal: 500,
  not_available: 501,
  method_not_allowed: 405,
  forbidden: 403,
};

const TITLES: Partial<Record<number, string>> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Content too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  500: 'Internal error',
  501: 'Not available yet',
  503: 'Service unavailable',
  504: 'Timeout',
};

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ApiErrorCode;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemOf(code: ApiErrorCode, detail: string): Problem {
  const status = HTTP_STATUS[code];
  // One line, whatever the message held.
  const line = detail.split('\n')[0]!.slice(0, 500);
  return { type: `urn:daftar:error:${code}`, title: TITLES[status] ?? 'Error', status, detail: line, code };
}

export function problemResponse(c: Context, code: ApiErrorCode, detail: string): Response {
  const p = problemOf(code, detail);
  return c.body(JSON.stringify(p), p.status as 400, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** An error a route throws on purpose; anything else thrown is a bug and becomes 500. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function problemFromError(err: unknown): Problem {
  if (err instanceof ApiError) return problemOf(err.code, err.message);
  const { code, message } = describeError(err);
  // An unexpected error's message may hold paths or SQL; say less to the client.
  if (code === 'internal') return problemOf('internal', 'the server failed on this request; see the server log');
  return problemOf(code, message);
}
