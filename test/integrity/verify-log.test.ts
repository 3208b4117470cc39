import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCheckpoint, formatVerifierKey, signCheckpoint } from '../../src/integrity/checkpoint.js';
import { hashLogEntry, sealLogEntry } from '../../src/integrity/log-entry.js';
import { MerkleLog } from '../../src/integrity/merkle.js';
import { verifyLog } from '../../src/integrity/verify-log.js';
import type { LogEntry } from '../../src/model/schema.js';

const ORIGIN = 'daftar.local/ws-verify';
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const vkey = formatVerifierKey('ws-verify', publicKey);

function makeEntries(n: number): LogEntry[] {
  return Array.from({ length: n }, (_, seq) =>
    sealLogEntry({ seq, at: `2026-11-23T10:${String(seq % 60).padStart(2, '0')}:00Z`, actor: 'leila', operation: seq % 3 === 0 ? 'ingest' : 'action', subject: `subject-${seq}`, details: { n: seq, note: 'ثبت' } }),
  );
}

function checkpointOf(entries: readonly LogEntry[], size = entries.length): string {
  const log = MerkleLog.from(entries.slice(0, size).map((e) => Buffer.from(hashLogEntry(e), 'hex')));
  return signCheckpoint(formatCheckpoint({ origin: ORIGIN, size, rootHash: log.root() }), privateKey, 'ws-verify');
}

describe('verifyLog', () => {
  it('accepts an intact log that extends its checkpoint', () => {
    const entries = makeEntries(20);
    const result = verifyLog(entries, { checkpoint: { note: checkpointOf(entries, 13), publicKey: vkey }, origin: ORIGIN });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.size).toBe(20);
    expect(result.checkpoint?.size).toBe(13);
  });

  it("names entry k when its content no longer matches its hash", () => {
    const entries = makeEntries(10);
    entries[4] = { ...entries[4], actor: 'someone-else' };
    const result = verifyLog(entries);
    expect(result.ok).toBe(false);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ code: 'entry_hash_mismatch', position: 4 });
    expect(result.problems[0].message).toMatch(/^entry 4 \(seq 4, action subject-4\): content hashes to/);
  });

  it('catches an edit whose stored hash was rewritten to match, through the checkpoint', () => {
    const entries = makeEntries(10);
    const note = checkpointOf(entries, 8);
    entries[2] = sealLogEntry({ ...entries[2], details: { n: 2, note: 'forged' } });
    const result = verifyLog(entries, { checkpoint: { note, publicKey: vkey } });
    expect(result.problems.map((p) => p.code)).toEqual(['not_a_prefix']);
    expect(result.problems[0].message).toMatch(/checkpoint of size 8 is not a prefix of this log \(consistency proof from 8 to 10 fails\)/);
  });

  it('detects reordered, missing and duplicated entries', () => {
    const entries = makeEntries(6);
    const swapped = [entries[0], entries[2], entries[1], ...entries.slice(3)];
    const r1 = verifyLog(swapped);
    expect(r1.problems.map((p) => [p.code, p.position])).toEqual([['sequence', 1], ['sequence', 2]]);
    expect(r1.problems[0].message).toBe('entry 1 holds seq 2: entries were reordered');

    const missing = [entries[0], entries[1], entries[4], entries[5]];
    const r2 = verifyLog(missing);
    expect(r2.problems[0].message).toBe('entry 2 has seq 4 where seq 2 was expected: 2 entries are missing before it');

    const dup = [...entries.slice(0, 4), entries[3], entries[4]];
    expect(verifyLog(dup).problems[0].message).toBe('entry 4 repeats seq 3 of entry 3: duplicated entry');
  });

  it('reports removed entries, a bad signature and a foreign origin', () => {
    const entries = makeEntries(9);
    const note = checkpointOf(entries, 9);
    expect(verifyLog(entries.slice(0, 7), { checkpoint: { note, publicKey: vkey } }).problems[0].message).toBe(
      'checkpoint signs a tree of 9 entries but the log holds 7: 2 entries were removed',
    );
    const forged = note.replace('\n9\n', '\n8\n');
    const r = verifyLog(entries, { checkpoint: { note: forged, publicKey: vkey } });
    expect(r.problems.map((p) => p.code)).toEqual(['signature_invalid']);
    expect(r.checkpoint).toBeNull();
    expect(verifyLog(entries, { checkpoint: { note, publicKey: vkey }, origin: 'elsewhere' }).problems.map((p) => p.code)).toEqual(['origin_mismatch']);
  });

  it('verifies after any appends and fails after any one-byte change to any entry', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 20 }), fc.nat(), fc.nat(), (m, extra, rawK, rawPos) => {
        const entries = makeEntries(m + extra);
        const note = checkpointOf(entries, m);
        expect(verifyLog(entries, { checkpoint: { note, publicKey: vkey } }).ok).toBe(true);
        // Change one byte of one entry's serialized form, keeping it valid JSON.
        const k = rawK % entries.length;
        const json = JSON.stringify(entries[k]);
        const strings = [...json.matchAll(/"(subject-\d+|leila|ingest|action|ثبت|[0-9a-f]{64})"/g)];
        const hit = strings[rawPos % strings.length];
        const pos = hit.index! + 1 + (rawPos % hit[1].length);
        const ch = json[pos];
        const changed = json.slice(0, pos) + (ch === 'a' ? 'b' : 'a') + json.slice(pos + 1);
        const tampered = entries.slice();
        tampered[k] = JSON.parse(changed) as LogEntry;
        expect(verifyLog(tampered, { checkpoint: { note, publicKey: vkey } }).ok).toBe(false);
      }),
      { numRuns: 120 },
    );
  });
});
