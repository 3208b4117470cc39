import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CompactRange,
  EMPTY_ROOT,
  MerkleLog,
  consistencyProof,
  consistencyProofFromNodes,
  hashChildren,
  inclusionProofFromNodes,
  rootFromNodes,
  hashLeaf,
  inclusionProof,
  rootHash,
  verifyConsistency,
  verifyInclusion,
  type Hash,
} from '../../src/integrity/merkle.js';

const vectorsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'merkle-vectors');

function listJson(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listJson(p));
    else if (name.endsWith('.json')) out.push(p);
  }
  return out;
}

const b64 = (s: string): Buffer => Buffer.from(s, 'base64');
const leaves = (n: number, tag = 'leaf'): Hash[] => Array.from({ length: n }, (_, i) => hashLeaf(Buffer.from(`${tag}-${i}`)));

// RFC 6962 MTH written the slow, literal way, as an oracle for the fast paths.
function referenceRoot(d: readonly Hash[]): Hash {
  if (d.length === 0) return EMPTY_ROOT;
  if (d.length === 1) return d[0];
  let k = 1;
  while (k * 2 < d.length) k *= 2;
  return hashChildren(referenceRoot(d.slice(0, k)), referenceRoot(d.slice(k)));
}

interface InclusionVector { leafIdx: number; treeSize: number; root: string; leafHash: string; proof: string[] | null; desc: string; wantErr: boolean }
interface ConsistencyVector { size1: number; size2: number; root1: string; root2: string; proof: string[] | null; desc: string; wantErr: boolean }

describe('transparency-dev/merkle vectors', () => {
  const inclusionFiles = listJson(join(vectorsDir, 'inclusion'));
  const consistencyFiles = listJson(join(vectorsDir, 'consistency'));

  it('finds every vector file (guards against a silently empty fixture folder)', () => {
    expect(inclusionFiles.length + consistencyFiles.length).toBe(196);
  });

  for (const file of inclusionFiles) {
    const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
    it(`inclusion ${relative(vectorsDir, file)}: ${v.wantErr ? 'rejects' : 'accepts'}`, () => {
      const ok = verifyInclusion(b64(v.leafHash), v.leafIdx, v.treeSize, (v.proof ?? []).map(b64), b64(v.root));
      expect(ok).toBe(!v.wantErr);
    });
  }

  for (const file of consistencyFiles) {
    const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
    it(`consistency ${relative(vectorsDir, file)}: ${v.wantErr ? 'rejects' : 'accepts'}`, () => {
      const ok = verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), (v.proof ?? []).map(b64));
      expect(ok).toBe(!v.wantErr);
    });
  }

  it('generates exactly the proofs of the happy-path vectors', () => {
    // The vectors come from the 8-leaf RFC 6962 test tree; rebuild it and regenerate.
    const data = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'];
    const tree = data.map((h) => hashLeaf(Buffer.from(h, 'hex')));
    let checked = 0;
    for (const file of inclusionFiles) {
      const v = JSON.parse(readFileSync(file, 'utf8')) as InclusionVector;
      if (v.wantErr || v.treeSize > 8 || v.desc !== 'happy path') continue;
      const t = tree.slice(0, v.treeSize);
      expect(Buffer.from(rootHash(t)).toString('base64')).toBe(v.root);
      expect(inclusionProof(v.leafIdx, t).map((h) => Buffer.from(h).toString('base64'))).toEqual(v.proof ?? []);
      checked++;
    }
    for (const file of consistencyFiles) {
      const v = JSON.parse(readFileSync(file, 'utf8')) as ConsistencyVector;
      if (v.wantErr || v.size2 > 8 || v.desc !== 'happy path') continue;
      expect(consistencyProof(v.size1, tree.slice(0, v.size2)).map((h) => Buffer.from(h).toString('base64'))).toEqual(v.proof ?? []);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

describe('rootHash and proofs', () => {
  it('hashes the empty tree to SHA-256 of nothing and one leaf to itself', () => {
    expect(Buffer.from(rootHash([])).toString('hex')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const [l] = leaves(1);
    expect(rootHash([l])).toEqual(l);
  });

  it('matches the literal RFC recursion for every size up to 70', () => {
    for (let n = 0; n <= 70; n++) {
      const d = leaves(n);
      expect(Buffer.from(rootHash(d)).toString('hex')).toBe(Buffer.from(referenceRoot(d)).toString('hex'));
    }
  });

  it('keeps leaf and node hashes apart (second-preimage guard)', () => {
    const [a, b] = leaves(2);
    // A "leaf" whose data is the concatenation of two hashes must not collide with their node.
    expect(hashLeaf(Buffer.concat([a, b]))).not.toEqual(hashChildren(a, b));
  });

  it('verifies every inclusion and consistency proof of small trees', () => {
    for (let n = 1; n <= 33; n++) {
      const d = leaves(n);
      const root = rootHash(d);
      for (let i = 0; i < n; i++) expect(verifyInclusion(d[i], i, n, inclusionProof(i, d), root)).toBe(true);
      for (let m = 1; m <= n; m++) {
        const proof = consistencyProof(m, d);
        expect(verifyConsistency(m, n, rootHash(d.slice(0, m)), root, proof)).toBe(true);
      }
    }
  });
});

describe('CompactRange and MerkleLog', () => {
  it('give the same root as rootHash after every append', () => {
    const d = leaves(130);
    const range = new CompactRange();
    const log = new MerkleLog();
    for (let i = 0; i < d.length; i++) {
      range.append(d[i]);
      log.append(d[i]);
      const want = referenceRoot(d.slice(0, i + 1));
      expect(range.root()).toEqual(want);
      expect(log.root()).toEqual(want);
    }
    expect(range.rightEdge.length).toBe(2); // 130 = 0b10000010
  });

  it('round-trips a compact range through JSON and keeps appending', () => {
    const d = leaves(45);
    const range = new CompactRange();
    for (const h of d.slice(0, 37)) range.append(h);
    const restored = CompactRange.fromJSON(JSON.parse(JSON.stringify(range.toJSON())));
    for (const h of d.slice(37)) restored.append(h);
    expect(restored.root()).toEqual(rootHash(d));
    expect(() => new CompactRange(3, [d[0]])).toThrow(/2 peaks/);
  });

  it('proves old sizes: proofs equal the array-based ones', () => {
    const d = leaves(77);
    const log = MerkleLog.from(d);
    for (const n of [1, 2, 5, 32, 33, 64, 77]) {
      expect(log.root(n)).toEqual(rootHash(d.slice(0, n)));
      expect(log.compactRange(n).root()).toEqual(rootHash(d.slice(0, n)));
      for (const i of [0, Math.floor(n / 2), n - 1]) expect(log.inclusionProof(i, n)).toEqual(inclusionProof(i, d.slice(0, n)));
      for (const m of [1, 3, Math.floor(n / 2) || 1, n].filter((m) => m <= n)) expect(log.consistencyProof(m, n)).toEqual(consistencyProof(m, d.slice(0, n)));
    }
    expect(() => log.root(78)).toThrow(/larger than the log/);
  });
});

describe('proofs from stored nodes (the store keeps what CompactRange.append completes)', () => {
  it('serves roots and proofs for every earlier size without the leaf array', () => {
    const d = leaves(100, 'store');
    const stored = new Map<string, Hash>();
    const range = new CompactRange();
    let reads = 0;
    const node = (level: number, index: number): Hash => {
      reads++;
      const h = stored.get(`${level}:${index}`);
      if (!h) throw new Error(`node ${level}:${index} was never completed`);
      return h;
    };
    d.forEach((h, i) => {
      const completed = range.append(h);
      // Leaf i completes one node per trailing 1 bit of i, plus the leaf itself.
      expect(completed.length).toBe(1 + (i.toString(2).match(/1*$/)?.[0].length ?? 0));
      for (const c of completed) stored.set(`${c.level}:${c.index}`, c.hash);
      const n = i + 1;
      expect(rootFromNodes(n, node)).toEqual(range.root());
    });
    for (const n of [1, 7, 64, 65, 99, 100]) {
      const t = d.slice(0, n);
      for (const i of [0, n >> 1, n - 1]) expect(inclusionProofFromNodes(i, n, node)).toEqual(inclusionProof(i, t));
      for (const m of [1, n >> 1 || 1, n - 1 || 1]) expect(consistencyProofFromNodes(m, n, node)).toEqual(consistencyProof(m, t));
    }
    reads = 0;
    inclusionProofFromNodes(37, 100, node);
    expect(reads).toBeLessThan(40); // logarithmic, not a scan of the leaves
  });
});

describe('properties', () => {
  const flip = (h: Hash, byte: number, bit: number): Buffer => {
    const c = Buffer.from(h);
    c[byte % c.length] ^= 1 << bit;
    return c;
  };

  it('inclusion proofs verify after any appends and fail after any one-byte change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), fc.nat(), (n, rawIdx, byte, bit, which) => {
        const d = leaves(n, `p${n}`);
        const log = MerkleLog.from(d);
        const idx = rawIdx % n;
        const root = log.root();
        const proof = log.inclusionProof(idx);
        expect(verifyInclusion(d[idx], idx, n, proof, root)).toBe(true);
        // Change one bit of the leaf, the root or one proof element.
        const target = proof.length === 0 ? which % 2 : which % (proof.length + 2);
        if (target === 0) expect(verifyInclusion(flip(d[idx], byte, bit), idx, n, proof, root)).toBe(false);
        else if (target === 1) expect(verifyInclusion(d[idx], idx, n, proof, flip(root, byte, bit))).toBe(false);
        else {
          const bad = proof.slice();
          bad[target - 2] = flip(bad[target - 2], byte, bit);
          expect(verifyInclusion(d[idx], idx, n, bad, root)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('consistency proofs verify between any two sizes and fail after any one-byte change', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), fc.nat(), (n, rawM, byte, bit, which) => {
        const d = leaves(n, `c${n}`);
        const log = MerkleLog.from(d);
        const m = 1 + (rawM % n);
        const oldRoot = log.root(m);
        const newRoot = log.root();
        const proof = log.consistencyProof(m);
        expect(verifyConsistency(m, n, oldRoot, newRoot, proof)).toBe(true);
        const target = which % (proof.length + 2);
        if (target === 0) expect(verifyConsistency(m, n, flip(oldRoot, byte, bit), newRoot, proof)).toBe(false);
        else if (target === 1) expect(verifyConsistency(m, n, oldRoot, flip(newRoot, byte, bit), proof)).toBe(false);
        else {
          const bad = proof.slice();
          bad[target - 2] = flip(bad[target - 2], byte, bit);
          expect(verifyConsistency(m, n, oldRoot, newRoot, bad)).toBe(false);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every earlier checkpoint stays provably a prefix while a log grows in random batches', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), (batches) => {
        const log = new MerkleLog();
        const range = new CompactRange();
        const checkpoints: Array<{ size: number; root: Hash }> = [];
        let next = 0;
        for (const b of batches) {
          for (let i = 0; i < b; i++) {
            const h = hashLeaf(Buffer.from(`g-${next++}`));
            log.append(h);
            range.append(h);
          }
          const root = log.root();
          expect(range.root()).toEqual(root);
          for (const cp of checkpoints) expect(verifyConsistency(cp.size, log.size, cp.root, root, log.consistencyProof(cp.size))).toBe(true);
          const i = (next * 7) % log.size;
          expect(verifyInclusion(log.leafHash(i), i, log.size, log.inclusionProof(i), root)).toBe(true);
          checkpoints.push({ size: log.size, root });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a changed leaf anywhere changes the root', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 7 }), (n, rawIdx, byte, bit) => {
        const d = leaves(n, 'r');
        const before = rootHash(d);
        const i = rawIdx % n;
        d[i] = flip(d[i], byte, bit);
        expect(rootHash(d)).not.toEqual(before);
      }),
      { numRuns: 100 },
    );
  });
});
