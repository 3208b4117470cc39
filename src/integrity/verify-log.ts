// Checks a stored log against its own hashes and against an older signed checkpoint,
// and says precisely what is wrong; `daftar verify` prints these messages as they are.
import type { LogEntry } from '../model/schema.js';
import { isDaftarError } from '../model/errors.js';
import { verifyCheckpoint, type Checkpoint, type PublicKeyInput } from './checkpoint.js';
import { hashLogEntry } from './log-entry.js';
import { MerkleLog, equalHashes, verifyConsistency } from './merkle.js';

export type LogProblemCode =
  | 'entry_hash_mismatch' // an entry's content no longer hashes to its stored leafHash
  | 'sequence' // entries reordered, missing or duplicated
  | 'signature_invalid' // the checkpoint does not verify under the given key
  | 'origin_mismatch' // the checkpoint is for another log
  | 'truncated' // the checkpoint covers more entries than the log holds
  | 'not_a_prefix'; // the checkpointed tree is not a prefix of this log

export interface LogProblem {
  code: LogProblemCode;
  /** The entry at fault (its position in the stored order) when one can be named. */
  position: number | null;
  message: string;
}

export interface LogVerification {
  ok: boolean;
  /** Number of entries checked and the root recomputed from their content. */
  size: number;
  rootHash: Buffer;
  /** The checkpoint as verified, or null when none was given or its signature failed. */
  checkpoint: Checkpoint | null;
  problems: LogProblem[];
  /** Problems beyond `maxProblems` that were counted but not listed. */
  omittedProblems: number;
}

export interface VerifyLogOptions {
  /** An older signed checkpoint the log must extend. */
  checkpoint?: { note: string; publicKey: PublicKeyInput; name?: string };
  /** The origin line this workspace's checkpoints carry; another origin is a problem. */
  origin?: string;
  /** Stop listing after this many problems (default 50); the rest are counted. */
  maxProblems?: number;
}

/**
 * Recomputes every leaf hash and the Merkle root of `entries` (in stored order) and,
 * given an older signed checkpoint, checks its signature and that it is a prefix.
 * @example verifyLog(entries, { checkpoint: { note, publicKey: verifierKey } }).problems
 */
export function verifyLog(entries: readonly LogEntry[], options: VerifyLogOptions = {}): LogVerification {
  const maxProblems = options.maxProblems ?? 50;
  const problems: LogProblem[] = [];
  let omitted = 0;
  const report = (p: LogProblem): void => {
    if (problems.length < maxProblems) problems.push(p);
    else omitted++;
  };

  for (const p of sequenceProblems(entries)) report(p);

  const log = new MerkleLog();
  entries.forEach((entry, k) => {
    const actual = hashLogEntry(entry);
    if (actual !== entry.leafHash) {
      report({
        code: 'entry_hash_mismatch',
        position: k,
        message: `entry ${k} (seq ${entry.seq}, ${entry.operation} ${entry.subject}): content hashes to ${actual.slice(0, 16)}…, stored leaf hash is ${String(entry.leafHash).slice(0, 16)}…; it was changed after it was logged`,
      });
    }
    // The tree is built from the content as it is now, so an edit shows up against
    // any checkpoint even when the stored leafHash was rewritten to match.
    log.append(Buffer.from(actual, 'hex'));
  });
  const n = log.size;
  const root = Buffer.from(log.root());

  let checkpoint: Checkpoint | null = null;
  if (options.checkpoint) {
    try {
      checkpoint = verifyCheckpoint(options.checkpoint.note, options.checkpoint.publicKey, options.checkpoint.name);
    } catch (err) {
      if (!isDaftarError(err)) throw err;
      report({ code: 'signature_invalid', position: null, message: err.message });
    }
  }
  if (checkpoint) {
    const m = checkpoint.size;
    if (options.origin !== undefined && checkpoint.origin !== options.origin) {
      report({ code: 'origin_mismatch', position: null, message: `checkpoint is for log ${checkpoint.origin}, not ${options.origin}` });
    }
    if (m > n) {
      report({ code: 'truncated', position: null, message: `checkpoint signs a tree of ${m} entries but the log holds ${n}: ${m - n} entr${m - n === 1 ? 'y was' : 'ies were'} removed` });
    } else if (m === 0) {
      // Every log extends the empty tree; only the root can be wrong.
      if (!equalHashes(checkpoint.rootHash, log.root(0))) report({ code: 'not_a_prefix', position: null, message: 'checkpoint of size 0 has a root other than the empty tree' });
    } else {
      // Checked the way an outside verifier would, with a consistency proof.
      const proof = log.consistencyProof(m, n);
      if (!verifyConsistency(m, n, checkpoint.rootHash, root, proof)) {
        const mismatch = firstHashMismatch(entries, m);
        const hint = mismatch === null ? 'entries before it were rewritten together with their stored hashes' : `entry ${mismatch} is the first whose content no longer matches its leaf hash`;
        report({ code: 'not_a_prefix', position: mismatch, message: `checkpoint of size ${m} is not a prefix of this log (consistency proof from ${m} to ${n} fails): ${hint}` });
      }
    }
  }

  return { ok: problems.length === 0 && omitted === 0, size: n, rootHash: root, checkpoint, problems, omittedProblems: omitted };
}

function firstHashMismatch(entries: readonly LogEntry[], limit: number): number | null {
  for (let k = 0; k < limit && k < entries.length; k++) if (hashLogEntry(entries[k]) !== entries[k].leafHash) return k;
  return null;
}

// seq is the leaf index, so entry k must carry seq k. Tell a swap from a gap from
// a duplicate, because they mean different things to an auditor.
function sequenceProblems(entries: readonly LogEntry[]): LogProblem[] {
  const out: LogProblem[] = [];
  const n = entries.length;
  const seen = new Map<number, number>();
  entries.forEach((e, k) => {
    const first = seen.get(e.seq);
    if (first !== undefined) out.push({ code: 'sequence', position: k, message: `entry ${k} repeats seq ${e.seq} of entry ${first}: duplicated entry` });
    else seen.set(e.seq, k);
  });
  const isPermutation = seen.size === n && [...seen.keys()].every((s) => Number.isInteger(s) && s >= 0 && s < n);
  if (isPermutation) {
    entries.forEach((e, k) => {
      if (e.seq !== k) out.push({ code: 'sequence', position: k, message: `entry ${k} holds seq ${e.seq}: entries were reordered` });
    });
    return out;
  }
  let expected = 0;
  entries.forEach((e, k) => {
    if (e.seq === expected) {
      expected++;
      return;
    }
    if (e.seq > expected) {
      const gap = e.seq - expected;
      out.push({ code: 'sequence', position: k, message: `entry ${k} has seq ${e.seq} where seq ${expected} was expected: ${gap} entr${gap === 1 ? 'y is' : 'ies are'} missing before it` });
      expected = e.seq + 1;
    } else if (!seen.has(e.seq) || seen.get(e.seq) === k) {
      out.push({ code: 'sequence', position: k, message: `entry ${k} has seq ${e.seq} after seq ${expected - 1}: entries are out of order` });
    }
  });
  return out;
}
