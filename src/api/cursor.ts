// Opaque page cursors: clients pass back what they were given, never build one.
// "42" -> "NDI" (base64url); a cursor that does not decode is bad input, not page one.
import { ApiError } from './errors.js';

export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new ApiError('invalid_input', `cursor ${cursor.slice(0, 40)}: not a cursor this server gave out`);
  return Buffer.from(cursor, 'base64url').toString('utf8');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  const v = decodeCursor(cursor);
  if (v === undefined) return 0;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new ApiError('invalid_input', 'cursor: not a cursor this server gave out');
  return n;
}
