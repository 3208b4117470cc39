// Bundles (issue 8): one self-verifying zip file carrying documents with their original
// bytes, the records about them and the log that vouches for them, to move evidence
// between workspaces (a team member in the field -> the office) and to archive it.
//
//   manifest.signed     signed note: the manifest JSON, signed by the source workspace key
//   checkpoint.txt      signed checkpoint of the source log at the size the bundle carries
//   since.txt           (with --since) the older checkpoint the bundle continues from
//   records.jsonl       JSON Lines records (docs/export-format.md) of the bundled documents,
//                       all entities, events and actions
//   log.jsonl           log entries from `since` on, in full
//   log-prefix.txt      leaf hashes (hex) of the entries before `since`, one a line
//   blobs/<sha256>      original bytes of every bundled document
//
// The manifest lists every other member with its SHA-256 and size. Import checks all of
// it before writing anything; a truncated or altered bundle is refused with one line.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync, type Unzipped, type Zippable } from 'fflate';
import { formatCheckpoint, signCheckpoint, signNote, verifyCheckpoint, verifyNote, type Checkpoint } from '../integrity/checkpoint.js';
import { canonicalJson, hashLogEntry } from '../integrity/log-entry.js';
import { MerkleLog, verifyConsistency } from '../integrity/merkle.js';
import { verifyLog } from '../integrity/verify-log.js';
import { DaftarError, isDaftarError } from '../model/errors.js';
import { Action, Claim, ClaimGroup, Document, Entity, Event, ExportKind, LogEntry, Mention, Passage, ReuseLink } from '../model/schema.js';
import type { ExportRecord } from '../store/store.js';
import { loadSigningKey, workspaceVerifierKey, type PassphraseSource } from './checkpoint.js';
import { redactionFor } from './protect.js';
import { currentActor, logDraft, type Workspace } from './workspace.js';

const FORMAT = 'daftar-bundle';
const VERSION = 1;
/** Refuse members that would unpack larger than this (a zip bomb, or not ours). */
const MAX_MEMBER_BYTES = 2 * 1024 ** 3;

interface Manifest {
  format: typeof FORMAT;
  version: number;
  origin: string;
  verifierKey: string;
  createdAt: string;
  createdBy: string;
  logSize: number;
  sinceSize: number | null;
  documents: number;
  members: { path: string; sha256: string; sizeBytes: number }[];
  /** Consistency proof (base64 hashes) from `sinceSize` to `logSize`. */
  consistencyProof: string[];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const DOC_KINDS = new Set(['document', 'passage', 'mention', 'claim']);

export interface BundleExportOptions {
  /** Text of an older checkpoint of this workspace: only documents logged after it are bundled. */
  sinceCheckpoint?: string;
  /** Bundles carry protected persons and documents as they are; refused without `full` when there are any. */
  full?: boolean;
}

/** Builds a bundle of the workspace (all of it, or what came after a checkpoint). */
export async function exportBundle(ws: Workspace, source: PassphraseSource, options: BundleExportOptions = {}, now = new Date()): Promise<{ bytes: Uint8Array; documents: number; logSize: number }> {
  if (!options.full && (await redactionFor(ws))) {
    throw new DaftarError('usage', 'the workspace holds protected persons or documents; a bundle carries them unredacted, so pass --full to confirm');
  }
  const entries = await ws.store.getLog();
  const check = verifyLog(entries);
  if (!check.ok) throw new DaftarError('integrity', `the log does not verify (${check.problems[0]?.message}); run \`daftar verify\` first`);
  const key = await loadSigningKey(ws.dir, source);
  const n = entries.length;
  let m = 0;
  let sinceNote: string | null = null;
  if (options.sinceCheckpoint !== undefined) {
    const v = verifyLog(entries, { checkpoint: { note: options.sinceCheckpoint, publicKey: key.verifierKey }, origin: key.name });
    if (!v.ok || !v.checkpoint) throw new DaftarError('integrity', `--since: ${v.problems[0]?.message ?? 'checkpoint does not verify'}`);
    m = v.checkpoint.size;
    sinceNote = options.sinceCheckpoint;
  }
  const log = MerkleLog.from(entries.map((e) => Buffer.from(e.leafHash, 'hex')));
  const checkpointNote = signCheckpoint(formatCheckpoint({ origin: key.name, size: n, rootHash: log.root(), extensions: [`time ${now.toISOString()}`] }), key.privateKey, key.name);

  // Documents logged at or after `since` (ingested, or merged from another bundle).
  const included = new Set<string>();
  for (const e of entries) if (e.seq >= m && (e.operation === 'ingest' || e.operation === 'import') && /^[0-9a-f]{64}$/.test(e.subject)) included.add(e.subject);

  const files: Zippable = {};
  const lines: string[] = [];
  for await (const r of ws.store.exportRecords()) {
    // Claim groups are recomputed from claims and reuse links (`daftar claims`), not carried.
    if (r.kind === 'log' || r.kind === 'claim_group') continue;
    if (DOC_KINDS.has(r.kind)) {
      const docId = (r.kind === 'document' ? r.record.id : r.record.documentId) as string;
      if (!included.has(docId)) continue;
    }
    if (r.kind === 'reuse' && !(included.has(r.record.sourceDocumentId as string) || included.has(r.record.targetDocumentId as string))) continue;
    lines.push(canonicalJson({ kind: r.kind, ...r.record }));
  }
  let documents = 0;
  for (const id of [...included].sort()) {
    if (!(await ws.store.hasDocument(id))) continue;
    files[`blobs/${id}`] = [new Uint8Array(ws.blobs.read(id)), { level: 0 }];
    documents++;
  }
  files['records.jsonl'] = utf8(lines.map((l) => l + '\n').join(''));
  files['log.jsonl'] = utf8(entries.slice(m).map((e) => canonicalJson(e) + '\n').join(''));
  files['log-prefix.txt'] = utf8(entries.slice(0, m).map((e) => e.leafHash + '\n').join(''));
  files['checkpoint.txt'] = utf8(checkpointNote);
  if (sinceNote !== null) files['since.txt'] = utf8(sinceNote);

  const members = Object.keys(files)
    .sort()
    .map((path) => {
      const v = files[path] as Uint8Array | [Uint8Array, object];
      const bytes = Array.isArray(v) ? v[0] : v;
      return { path, sha256: sha256(bytes), sizeBytes: bytes.length };
    });
  const manifest: Manifest = {
    format: FORMAT,
    version: VERSION,
    origin: key.name,
    verifierKey: key.verifierKey,
    createdAt: now.toISOString(),
    createdBy: currentActor(),
    logSize: n,
    sinceSize: sinceNote === null ? null : m,
    documents,
    members,
    consistencyProof: sinceNote === null ? [] : log.consistencyProof(m, n).map((h) => Buffer.from(h).toString('base64')),
  };
  files['manifest.signed'] = utf8(signNote(JSON.stringify(manifest) + '\n', key.privateKey, key.name));
  const bytes = zipSync(files, { level: 6, mtime: new Date('1980-01-01T00:00:00Z') });
  await ws.store.appendLog(logDraft('export', 'bundle', { documents, logSize: n, sinceSize: manifest.sinceSize, full: Boolean(options.full) }, now));
  return { bytes, documents, logSize: n };
}

/** A bundle that passed every check, ready to merge. */
export interface VerifiedBundle {
  manifest: Manifest;
  checkpoint: Checkpoint;
  records: ExportRecord[];
  blobs: Map<string, Uint8Array>;
  log: LogEntry[];
}

function refuse(reason: string, cause?: unknown): never {
  throw new DaftarError('integrity', `bundle refused: ${reason}`, cause === undefined ? undefined : { cause });
}

/** Checks a bundle completely (signatures, member hashes, log, records) and returns its content. */
export function verifyBundle(bytes: Uint8Array, options: { trustedKey?: string } = {}): VerifiedBundle {
  let files: Unzipped;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (f.originalSize > MAX_MEMBER_BYTES) refuse(`member ${f.name} would unpack to ${f.originalSize} bytes`);
        return true;
      },
    });
  } catch (err) {
    if (isDaftarError(err)) throw err;
    refuse(`not a readable zip file, truncated or damaged (${(err as Error).message})`, err);
  }
  const text = (path: string): string => {
    const b = files[path];
    if (!b) refuse(`member ${path} is missing`);
    return Buffer.from(b).toString('utf8');
  };
  const signed = text('manifest.signed');
  const sep = signed.lastIndexOf('\n\n');
  let manifest: Manifest;
  try {
    manifest = JSON.parse(signed.slice(0, sep > 0 ? sep : undefined)) as Manifest;
  } catch (err) {
    refuse('the manifest is not JSON', err);
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION) refuse(`not a ${FORMAT} version ${VERSION}`);
  if (options.trustedKey !== undefined && options.trustedKey !== manifest.verifierKey) refuse(`signed by ${manifest.origin}, not by the expected key`);
  try {
    verifyNote(signed, manifest.verifierKey, undefined, 'manifest');
  } catch (err) {
    refuse(isDaftarError(err) ? err.message : 'the manifest signature does not verify', err);
  }
  const listed = new Set(manifest.members.map((mm) => mm.path));
  for (const mm of manifest.members) {
    const b = files[mm.path];
    if (!b) refuse(`member ${mm.path} is missing`);
    if (b.length !== mm.sizeBytes || sha256(b) !== mm.sha256) refuse(`member ${mm.path} was altered (its SHA-256 does not match the manifest)`);
  }
  for (const path of Object.keys(files)) if (path !== 'manifest.signed' && !listed.has(path)) refuse(`member ${path} is not in the manifest`);

  let checkpoint: Checkpoint;
  try {
    checkpoint = verifyCheckpoint(text('checkpoint.txt'), manifest.verifierKey);
  } catch (err) {
    refuse(isDaftarError(err) ? err.message : 'the checkpoint does not verify', err);
  }
  if (checkpoint.origin !== manifest.origin || checkpoint.size !== manifest.logSize) refuse('the checkpoint does not match the manifest');

  // The log: prefix hashes + full entries must rebuild the signed root.
  const prefix = text('log-prefix.txt').split('\n').filter(Boolean);
  const m = prefix.length;
  if ((manifest.sinceSize ?? 0) !== m) refuse('the log prefix does not match the manifest');
  const log: LogEntry[] = [];
  const tree = new MerkleLog();
  for (const h of prefix) {
    if (!/^[0-9a-f]{64}$/.test(h)) refuse('the log prefix holds a malformed hash');
    tree.append(Buffer.from(h, 'hex'));
  }
  for (const line of text('log.jsonl').split('\n').filter(Boolean)) {
    let e: LogEntry;
    try {
      e = LogEntry.parse(JSON.parse(line));
    } catch (err) {
      refuse(`log entry ${tree.size} is malformed`, err);
    }
    if (e.seq !== tree.size) refuse(`log entry ${tree.size} carries seq ${e.seq}`);
    if (hashLogEntry(e) !== e.leafHash) refuse(`log entry ${e.seq} does not match its leaf hash`);
    tree.append(Buffer.from(e.leafHash, 'hex'));
    log.push(e);
  }
  if (tree.size !== checkpoint.size || !Buffer.from(tree.root()).equals(checkpoint.rootHash)) refuse('the log does not match its signed checkpoint');
  if (manifest.sinceSize !== null) {
    let since: Checkpoint;
    try {
      since = verifyCheckpoint(text('since.txt'), manifest.verifierKey);
    } catch (err) {
      refuse(isDaftarError(err) ? `since: ${err.message}` : 'the since checkpoint does not verify', err);
    }
    const proof = manifest.consistencyProof.map((h) => Buffer.from(h, 'base64'));
    if (since.size !== m || !verifyConsistency(m, checkpoint.size, since.rootHash, checkpoint.rootHash, proof) || !Buffer.from(tree.root(m)).equals(since.rootHash)) {
      refuse('the log is not consistent with the checkpoint it continues from');
    }
  }

  // Records: each parses; every document has its blob and a log entry here or before `since`.
  const records: ExportRecord[] = [];
  const schemas = { document: Document, passage: Passage, mention: Mention, entity: Entity, event: Event, claim: Claim, claim_group: ClaimGroup, reuse: ReuseLink, action: Action, log: LogEntry } as const;
  text('records.jsonl')
    .split('\n')
    .filter(Boolean)
    .forEach((line, i) => {
      try {
        const { kind, ...record } = JSON.parse(line) as Record<string, unknown>;
        const k = ExportKind.parse(kind);
        if (k === 'log') refuse(`records.jsonl line ${i + 1}: log entries belong in log.jsonl`);
        records.push({ kind: k, record: schemas[k].parse(record) as Record<string, unknown> });
      } catch (err) {
        if (isDaftarError(err)) throw err;
        refuse(`records.jsonl line ${i + 1} is malformed`, err);
      }
    });
  const blobs = new Map<string, Uint8Array>();
  const logged = new Set(log.filter((e) => e.operation === 'ingest' || e.operation === 'import').map((e) => e.subject));
  for (const r of records) {
    if (r.kind !== 'document') continue;
    const d = r.record as Document;
    const b = files[`blobs/${d.id}`];
    if (!b) refuse(`document ${d.id} has no blob`);
    if (sha256(b) !== d.id || b.length !== d.sizeBytes) refuse(`document ${d.id} does not match its blob`);
    if (!logged.has(d.id)) refuse(`document ${d.id} has no ingest entry in the bundled log`);
    blobs.set(d.id, b);
  }
  return { manifest, checkpoint, records, blobs, log };
}

export interface BundleImportReport {
  origin: string;
  /** The key the bundle is signed with; compare it with the sender's log.pub. */
  verifierKey: string;
  documentsAdded: number;
  documentsPresent: number;
  entitiesAdded: number;
  actionsAdded: number;
  /** Curation decisions of the other side that differ from ours, kept as recorded alternatives. */
  alternatives: number;
}

/**
 * Verifies a bundle fully, then merges it: new documents (blob first, then rows and an
 * `import` log entry), new entities, actions and mentions. Where both sides decided
 * differently (an entity, a mention's status) ours stays and theirs is recorded as an
 * `alternative` action, so nothing is lost. Importing the same bundle twice changes nothing.
 */
export async function importBundle(ws: Workspace, bytes: Uint8Array, options: { trustedKey?: string } = {}, now = new Date()): Promise<BundleImportReport> {
  const b = verifyBundle(bytes, { trustedKey: options.trustedKey });
  const origin = b.manifest.origin;
  const report: BundleImportReport = { origin, verifierKey: b.manifest.verifierKey, documentsAdded: 0, documentsPresent: 0, entitiesAdded: 0, actionsAdded: 0, alternatives: 0 };
  const byKind = (k: ExportRecord['kind']) => b.records.filter((r) => r.kind === k).map((r) => r.record);
  const sourceEntry = new Map(b.log.filter((e) => e.operation === 'ingest' || e.operation === 'import').map((e) => [e.subject, e]));

  // 1. Documents new here: blob, then rows + their own import log entry in one transaction.
  const newDocs = new Set<string>();
  const passagesOf = new Map<string, Passage[]>();
  for (const p of byKind('passage') as Passage[]) passagesOf.set(p.documentId, [...(passagesOf.get(p.documentId) ?? []), p]);
  for (const d of byKind('document') as Document[]) {
    if (await ws.store.hasDocument(d.id)) {
      report.documentsPresent++;
      continue;
    }
    writeBlob(ws, d.id, b.blobs.get(d.id)!);
    const src = sourceEntry.get(d.id);
    await ws.store.putDocument(d, passagesOf.get(d.id) ?? [], logDraft('import', d.id, { bundle: origin, sourceSeq: src?.seq ?? null, sourceLeafHash: src?.leafHash ?? null, fileName: d.fileName }, now));
    newDocs.add(d.id);
    report.documentsAdded++;
  }

  // 2. Records about documents: machine output for new documents; mention statuses are curation.
  const newRecords: ExportRecord[] = [];
  const alternatives: Action[] = [];
  const alternative = (recordKind: string, id: string, incoming: unknown, ours: unknown) => {
    const digest = sha256(utf8(canonicalJson({ origin, recordKind, incoming })));
    alternatives.push({
      id: `alt-${digest.slice(0, 32)}`,
      operation: 'alternative',
      actor: currentActor(),
      at: now.toISOString(),
      reason: `bundle from ${origin} decided otherwise; ours is kept`,
      payload: { recordKind, id, origin, incoming, ours },
      undoneBy: null,
    });
  };
  const localMentions = new Map<string, Map<string, Mention>>();
  for (const mm of byKind('mention') as Mention[]) {
    if (newDocs.has(mm.documentId)) {
      newRecords.push({ kind: 'mention', record: mm });
      continue;
    }
    if (!(await ws.store.hasDocument(mm.documentId))) continue;
    let local = localMentions.get(mm.documentId);
    if (!local) localMentions.set(mm.documentId, (local = new Map((await ws.store.getMentions(mm.documentId)).map((x) => [x.id, x]))));
    const ours = local.get(mm.id);
    if (!ours) newRecords.push({ kind: 'mention', record: mm });
    else if (ours.status !== mm.status || ours.entityId !== mm.entityId) alternative('mention', mm.id, mm, ours);
  }
  // Claims and reuse links are machine output: taken along with documents new here.
  // TODO(issue 8): events (no per-id lookup in the store yet) are not merged.
  for (const kind of ['claim', 'reuse'] as const) {
    for (const r of byKind(kind)) {
      const docs = kind === 'claim' ? [r.documentId] : [r.sourceDocumentId, r.targetDocumentId];
      if (docs.some((d) => newDocs.has(d as string))) newRecords.push({ kind, record: r });
    }
  }
  // 3. Entities and actions: curation. Ours stays; theirs, when different, is an alternative.
  for (const e of byKind('entity') as Entity[]) {
    const ours = await ws.store.getEntity(e.id);
    if (!ours) {
      newRecords.push({ kind: 'entity', record: e });
      report.entitiesAdded++;
    } else if (canonicalJson(ours) !== canonicalJson(e)) {
      alternative('entity', e.id, e, ours);
    }
  }
  const known = new Set((await allActionIds(ws)));
  for (const a of byKind('action') as Action[]) {
    if (known.has(a.id)) continue;
    newRecords.push({ kind: 'action', record: a });
    report.actionsAdded++;
  }
  const freshAlternatives = alternatives.filter((a) => !known.has(a.id));
  report.alternatives = freshAlternatives.length;
  await ws.store.importRecords(newRecords);
  if (freshAlternatives.length) await ws.store.putActions(freshAlternatives);
  if (report.entitiesAdded || report.actionsAdded || freshAlternatives.length) {
    await ws.store.appendLog(
      logDraft('import', 'bundle', { bundle: origin, logSize: b.checkpoint.size, rootHash: b.checkpoint.rootHash.toString('base64'), entities: report.entitiesAdded, actions: report.actionsAdded, alternatives: freshAlternatives.length }, now),
    );
  }
  return report;
}

async function allActionIds(ws: Workspace): Promise<string[]> {
  const ids: string[] = [];
  for await (const r of ws.store.exportRecords()) if (r.kind === 'action') ids.push(r.record.id as string);
  return ids;
}

function writeBlob(ws: Workspace, id: string, bytes: Uint8Array): void {
  if (ws.blobs.has(id)) return;
  const tempPath = join(ws.blobs.tmpDir, `${process.pid}-${randomBytes(6).toString('hex')}`);
  const fd = openSync(tempPath, 'wx');
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  ws.blobs.commitSync({ sha256: id, sizeBytes: bytes.length, tempPath, bytes: null });
}

/** The verifier key a bundle from this workspace is signed with. */
export function bundleVerifierKey(dir: string): string {
  return workspaceVerifierKey(dir);
}
