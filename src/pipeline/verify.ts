// `daftar verify`: is the workspace what its log says it is? Re-hashes every blob,
// checks every document row against its blob, pairs documents with their ingest log
// entries, re-hashes the log and checks it extends an older signed checkpoint.
// Each problem is one line a person can act on.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { verifyLog } from '../integrity/verify-log.js';
import { workspaceOrigin, workspaceVerifierKey } from './checkpoint.js';
import type { Workspace } from './workspace.js';

export type WorkspaceProblemCode =
  | 'blob_missing'
  | 'blob_altered'
  | 'blob_misnamed'
  | 'size_mismatch'
  | 'ingest_entry_missing'
  | 'document_missing'
  | 'entry_hash_mismatch'
  | 'sequence'
  | 'signature_invalid'
  | 'origin_mismatch'
  | 'truncated'
  | 'not_a_prefix';

export interface WorkspaceProblem {
  code: WorkspaceProblemCode;
  message: string;
}

export interface WorkspaceVerification {
  ok: boolean;
  documents: number;
  blobs: number;
  logEntries: number;
  rootHash: string;
  /** Size of the checkpoint checked against, when one was given and its signature held. */
  checkpointSize: number | null;
  problems: WorkspaceProblem[];
  /** Facts worth knowing that are not damage (e.g. blobs left by an interrupted ingest). */
  notes: string[];
}

export interface VerifyOptions {
  /** Text of an older signed checkpoint; verified with the workspace's log.pub unless `verifierKey` is given. */
  checkpointNote?: string;
  verifierKey?: string;
  maxProblems?: number;
}

const CHUNK = 1024 * 1024;

/** SHA-256 of a file, read in 1 MiB chunks (flat memory for large media). */
export function hashFile(path: string): { sha256: string; sizeBytes: number } {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(CHUNK);
    let size = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      size += n;
      hash.update(buf.subarray(0, n));
    }
    return { sha256: hash.digest('hex'), sizeBytes: size };
  } finally {
    closeSync(fd);
  }
}

/** Checks a whole workspace; never changes it. */
export async function verifyWorkspace(ws: Workspace, options: VerifyOptions = {}): Promise<WorkspaceVerification> {
  const max = options.maxProblems ?? 200;
  const problems: WorkspaceProblem[] = [];
  let omitted = 0;
  const report = (code: WorkspaceProblemCode, message: string) => {
    if (problems.length < max) problems.push({ code, message });
    else omitted++;
  };
  const notes: string[] = [];

  // 1. Blobs: each file's name is the SHA-256 of its bytes.
  const blobHashes = new Map<string, { sha256: string; sizeBytes: number }>();
  for (const name of ws.blobs.list()) {
    const actual = hashFile(ws.blobs.pathOf(name));
    blobHashes.set(name, actual);
    if (actual.sha256 !== name) report('blob_altered', `blob ${name}: its bytes now hash to ${actual.sha256.slice(0, 16)}…; the stored original was changed`);
  }

  // 2. Document rows against their blobs.
  const docs = await ws.store.listDocumentSizes();
  const docIds = new Set<string>();
  for (const d of docs) {
    docIds.add(d.id);
    const blob = blobHashes.get(d.id);
    if (!blob) {
      report('blob_missing', `document ${d.id}: its original bytes (blob) are missing from blobs/`);
      continue;
    }
    if (blob.sizeBytes !== d.sizeBytes) report('size_mismatch', `document ${d.id}: the row says ${d.sizeBytes} bytes, the blob has ${blob.sizeBytes}`);
  }
  const orphans = [...blobHashes.keys()].filter((h) => !docIds.has(h));
  if (orphans.length) notes.push(`${orphans.length} blob(s) have no document row (left by an interrupted ingest; ingesting the same files again adopts them)`);

  // 3. The log: leaf hashes, sequence, the older checkpoint.
  const entries = await ws.store.getLog();
  const checkpoint = options.checkpointNote === undefined ? undefined : { note: options.checkpointNote, publicKey: options.verifierKey ?? workspaceVerifierKey(ws.dir) };
  const origin = workspaceOrigin(ws.dir) ?? undefined;
  const log = verifyLog(entries, { checkpoint, origin, maxProblems: max });
  for (const p of log.problems) report(p.code, `log: ${p.message}`);
  omitted += log.omittedProblems;

  // 4. Every document was logged when ingested (or arrived with its log by import),
  //    and every ingest entry still has its document.
  const ingested = new Set<string>();
  for (const e of entries) {
    // A document merged from a bundle is logged as an import of that document.
    if (e.operation === 'import' && docIds.has(e.subject)) ingested.add(e.subject);
    if (e.operation !== 'ingest') continue;
    ingested.add(e.subject);
    if (!docIds.has(e.subject)) report('document_missing', `log entry ${e.seq} records the ingest of document ${e.subject}, which is no longer in the workspace`);
  }
  for (const d of docs) {
    if (!ingested.has(d.id)) report('ingest_entry_missing', `document ${d.id}: no ingest entry in the log; it was added outside daftar`);
  }

  if (omitted) problems.push({ code: problems[problems.length - 1]?.code ?? 'sequence', message: `… and ${omitted} more problem(s) not listed` });
  return {
    ok: problems.length === 0,
    documents: docs.length,
    blobs: blobHashes.size,
    logEntries: entries.length,
    rootHash: log.rootHash.toString('base64'),
    checkpointSize: log.checkpoint?.size ?? null,
    problems,
    notes,
  };
}
