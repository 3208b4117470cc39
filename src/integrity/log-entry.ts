// Log entries are hashed over one canonical byte form so that any store, export or
// re-import computes the same leaf hash for the same entry.
import { createHash } from 'node:crypto';
import { DaftarError } from '../model/errors.js';
import type { LogEntry } from '../model/schema.js';

export type LogEntryContent = Omit<LogEntry, 'leafHash'>;

/**
 * JSON with object keys sorted by UTF-16 code units and no whitespace; numbers and
 * strings as JSON.stringify writes them, which together is RFC 8785 (JCS) for the
 * values a log holds. Undefined object members are dropped, as a JSON round trip
 * would drop them; non-finite numbers, undefined array items, functions and
 * non-plain objects are refused rather than silently rewritten.
 * @example canonicalJson({ b: 1, a: [true, 'x'] }) // '{"a":[true,"x"],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new DaftarError('invalid_input', `canonical JSON: ${path} is ${value}, which JSON cannot hold`);
      return JSON.stringify(value);
    case 'string':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new DaftarError('invalid_input', `canonical JSON: ${path} is a ${typeof value}, which JSON cannot hold`);
  }
  if (Array.isArray(value)) {
    const parts = value.map((item, i) => {
      if (item === undefined) throw new DaftarError('invalid_input', `canonical JSON: ${path}[${i}] is undefined`);
      return write(item, `${path}[${i}]`);
    });
    return `[${parts.join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    throw new DaftarError('invalid_input', `canonical JSON: ${path} is a ${proto?.constructor?.name ?? 'non-plain object'}; convert it to plain JSON first`);
  }
  const record = value as Record<string, unknown>;
  // Default sort compares UTF-16 code units, which is what RFC 8785 asks for.
  const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${write(record[k], `${path}.${k}`)}`).join(',')}}`;
}

/**
 * Leaf hash of a log entry: lower-case hex SHA-256(0x00 || canonical JSON of the
 * entry without `leafHash`), i.e. its RFC 6962 leaf hash.
 * @example hashLogEntry({ seq: 0, at: '2026-01-01T00:00:00Z', actor: 'a', operation: 'ingest', subject: 'x', details: {} })
 */
export function hashLogEntry(entry: LogEntryContent): string {
  const content = logEntryContent(entry);
  return createHash('sha256').update(Uint8Array.of(0)).update(canonicalJson(content), 'utf8').digest('hex');
}

/** The entry with its leaf hash filled in. */
export function sealLogEntry(entry: LogEntryContent): LogEntry {
  const content = logEntryContent(entry);
  return { ...content, leafHash: hashLogEntry(content) };
}

// Every field but `leafHash` is hashed, so a field added to the schema later is
// covered the day it appears instead of being silently left unprotected.
function logEntryContent(entry: LogEntryContent): LogEntryContent {
  const { leafHash: _ignored, ...content } = entry as LogEntryContent & { leafHash?: unknown };
  return content;
}
