// The JSON Lines export (docs/export-format.md): one record per line, each with `kind`
// and the fields of its schema. Export -> import -> export gives identical bytes.
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { DaftarError } from '../model/errors.js';
import { ExportKind } from '../model/schema.js';
import type { ExportRecord } from '../store/store.js';
import { redactRecords, redactionFor } from './protect.js';
import { canonicalJson, logDraft, type Workspace } from './workspace.js';

export interface ExportOptions {
  /** Keep protected persons and documents as they are (issue 8); the export is logged as full. */
  full?: boolean;
}

export async function exportJsonl(ws: Workspace, out: NodeJS.WritableStream, options: ExportOptions = {}): Promise<number> {
  let n = 0;
  // Protected persons are pseudonymized and protected documents left out unless --full.
  const redaction = options.full ? null : await redactionFor(ws);
  const records = redaction ? redactRecords(ws.store.exportRecords(), redaction) : ws.store.exportRecords();
  for await (const r of records) {
    // Canonical key order makes two exports of the same records byte-identical.
    if (!out.write(canonicalJson({ kind: r.kind, ...r.record }) + '\n')) await once(out, 'drain');
    n++;
  }
  // Recorded after the records are written, so an export never contains its own entry.
  const details: Record<string, unknown> = { records: n };
  if (options.full) details.full = true;
  else if (redaction) details.pseudonymized = redaction.redactor.pseudonyms.length;
  await ws.store.appendLog(logDraft('export', 'jsonl', details));
  return n;
}

const BATCH = 5_000;

export async function importJsonl(ws: Workspace, input: NodeJS.ReadableStream): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  // Documents and their passages must arrive together; buffer until the first
  // non-document record, then write in batches (each batch one transaction).
  let batch: ExportRecord[] = [];
  let lineNo = 0;
  let holdingDocs = true;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (!line.trim()) continue;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(line);
    } catch {
      throw new DaftarError('invalid_input', `line ${lineNo}: not valid JSON`);
    }
    const kind = ExportKind.safeParse(obj.kind);
    if (!kind.success) throw new DaftarError('invalid_input', `line ${lineNo}: unknown record kind ${JSON.stringify(obj.kind)}`);
    const { kind: _k, ...record } = obj;
    batch.push({ kind: kind.data, record });
    counts[kind.data] = (counts[kind.data] ?? 0) + 1;
    if (kind.data !== 'document' && kind.data !== 'passage') holdingDocs = false;
    if (!holdingDocs && batch.length >= BATCH) {
      await writeBatch(ws, batch, lineNo);
      batch = [];
    }
  }
  if (batch.length) await writeBatch(ws, batch, lineNo);
  return counts;
}

async function writeBatch(ws: Workspace, batch: ExportRecord[], lineNo: number): Promise<void> {
  try {
    await ws.store.importRecords(batch);
  } catch (err) {
    if (err instanceof DaftarError) throw err;
    const issue = (err as { issues?: { path: (string | number)[]; message: string }[] }).issues?.[0];
    if (issue) throw new DaftarError('invalid_input', `record before line ${lineNo}: ${issue.path.join('.')}: ${issue.message}`, { cause: err });
    throw err;
  }
}
