// Log appends, proof generation at 1M leaves, entry hashing, checkpoint signing, and
// image fingerprints per second.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../eval/harness.js';
import { formatCheckpoint, signCheckpoint, verifyCheckpoint } from '../src/integrity/checkpoint.js';
import { generateSigningKey } from '../src/integrity/keys.js';
import { hashLogEntry } from '../src/integrity/log-entry.js';
import { CompactRange, MerkleLog, hashLeaf, rootHash, verifyConsistency, verifyInclusion } from '../src/integrity/merkle.js';
import { fingerprintImage } from '../src/media/phash.js';
import type { BenchOptions } from './run.js';

export const name = 'integrity';

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

export async function run({ quick }: BenchOptions): Promise<void> {
  const n = quick ? 100_000 : 1_000_000;
  const leaves = Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`entry-${i}`)));

  const compact = time(() => {
    const r = new CompactRange();
    for (const h of leaves) r.append(h);
    return r.root();
  });
  console.log(`CompactRange append, ${n.toLocaleString('en-US')} leaves: ${rate(n, compact.ms)} (${compact.ms.toFixed(0)} ms)`);

  const built = time(() => MerkleLog.from(leaves));
  const log = built.value;
  console.log(`MerkleLog append (keeps all nodes), ${n.toLocaleString('en-US')} leaves: ${rate(n, built.ms)} (${built.ms.toFixed(0)} ms)`);

  const rootFull = time(() => rootHash(leaves));
  // Averaged over many calls so one GC pause does not stand for the cost.
  const rootIncr = time(() => {
    for (let i = 0; i < 1000; i++) log.root(n - (i % 1000));
  });
  console.log(`root: recomputed from all leaves ${rootFull.ms.toFixed(0)} ms; from MerkleLog ${rootIncr.ms.toFixed(1)} µs each (1000 sizes)`);

  const root = log.root();
  const k = 10_000;
  let seed = 12345;
  const rand = (m: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % m;
  };
  const idx = Array.from({ length: k }, () => rand(n));
  const proofs = time(() => idx.map((i) => log.inclusionProof(i)));
  console.log(`inclusion proof at ${n.toLocaleString('en-US')} leaves: ${((proofs.ms / k) * 1000).toFixed(1)} µs each (${proofs.value[0].length} hashes)`);
  const verified = time(() => idx.every((i, j) => verifyInclusion(leaves[i], i, n, proofs.value[j], root)));
  console.log(`inclusion verify: ${((verified.ms / k) * 1000).toFixed(1)} µs each (all ok: ${verified.value})`);
  const sizes = Array.from({ length: k }, () => 1 + rand(n - 1));
  const cons = time(() => sizes.map((m) => log.consistencyProof(m)));
  console.log(`consistency proof at ${n.toLocaleString('en-US')} leaves: ${((cons.ms / k) * 1000).toFixed(1)} µs each`);
  const oldRoots = sizes.slice(0, 1000).map((m) => log.root(m));
  const cverified = time(() => sizes.slice(0, 1000).every((m, j) => verifyConsistency(m, n, oldRoots[j], root, cons.value[j])));
  console.log(`consistency verify: ${((cverified.ms / 1000) * 1000).toFixed(1)} µs each (all ok: ${cverified.value})`);

  const entries = Array.from({ length: 100_000 }, (_, seq) => ({
    seq,
    at: '2026-11-23T12:00:00.000Z',
    actor: 'bench',
    operation: 'ingest' as const,
    subject: 'ab'.repeat(32),
    details: { fileName: `report-${seq}.pdf`, sizeBytes: 1000 + seq, mediaType: 'pdf' },
  }));
  const hashed = time(() => entries.map(hashLogEntry));
  console.log(`hashLogEntry (canonical JSON + SHA-256): ${rate(entries.length, hashed.ms)}`);

  const key = generateSigningKey('bench.daftar/ws');
  const body = formatCheckpoint({ origin: 'bench.daftar/ws', size: n, rootHash: root });
  const signs = time(() => Array.from({ length: 1000 }, () => signCheckpoint(body, key.privateKey, key.name)));
  const verifies = time(() => signs.value.every((note) => verifyCheckpoint(note, key.verifierKey).size === n));
  console.log(`checkpoint sign: ${rate(1000, signs.ms)}; verify: ${rate(1000, verifies.ms)} (ok: ${verifies.value})`);

  const folder = dataPath('phash');
  if (!existsSync(folder)) {
    console.log('pHash: data/phash not found, skipped');
    return;
  }
  const files = [...readdirSync(join(folder, 'originals')).map((f) => join(folder, 'originals', f)), ...readdirSync(join(folder, 'variants')).map((f) => join(folder, 'variants', f))];
  const sample = quick ? files.slice(0, 40) : files;
  const bytes = sample.map((f) => readFileSync(f));
  const t0 = process.hrtime.bigint();
  for (const b of bytes) await fingerprintImage(b);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`fingerprintImage (decode + 17 views, images <= 720 px): ${((bytes.length / ms) * 1000).toFixed(1)} images/s over ${bytes.length}`);
}
