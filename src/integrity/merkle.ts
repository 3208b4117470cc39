// RFC 6962 / RFC 9162 Merkle tree over the workspace log. Leaves and nodes are
// domain-separated (0x00 leaf, 0x01 node) so a leaf can never pose as a node.
// Hashes are 32-byte Uint8Arrays (node Buffers); callers hex-encode for storage.
import * as nodeCrypto from 'node:crypto';
import { createHash } from 'node:crypto';

export type Hash = Uint8Array;

export const HASH_BYTES = 32;

const LEAF_PREFIX = 0x00;
const NODE_PREFIX = 0x01;

/** SHA-256 of nothing: the root of the empty tree (RFC 6962 §2.1). */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

// crypto.hash (Node >= 20.12) skips the Hash object and is ~2.5x faster for 65 bytes;
// a namespace lookup keeps older Node 20 releases working with createHash.
const sha256: (data: Uint8Array) => Buffer =
  typeof nodeCrypto.hash === 'function' ? (data) => nodeCrypto.hash('sha256', data, 'buffer') : (data) => createHash('sha256').update(data).digest();

/** SHA-256(0x00 || data). */
export function hashLeaf(data: Uint8Array): Hash {
  const buf = Buffer.allocUnsafe(1 + data.length);
  buf[0] = LEAF_PREFIX;
  buf.set(data, 1);
  return sha256(buf);
}

// One 65-byte scratch buffer: a single update() is measurably faster than three
// at a million node hashes.
const nodeScratch = Buffer.alloc(1 + 2 * HASH_BYTES);
nodeScratch[0] = NODE_PREFIX;

/** SHA-256(0x01 || left || right). */
export function hashChildren(left: Hash, right: Hash): Hash {
  if (left.length === HASH_BYTES && right.length === HASH_BYTES) {
    nodeScratch.set(left, 1);
    nodeScratch.set(right, 1 + HASH_BYTES);
    return sha256(nodeScratch);
  }
  // Odd-length inputs only come from hostile proofs; hash them faithfully so they fail.
  return createHash('sha256').update(Uint8Array.of(NODE_PREFIX)).update(left).update(right).digest();
}

/** Largest power of two strictly below n (n >= 2): the RFC 6962 split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function equalHashes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function assertSize(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/**
 * MTH(D[n]) of RFC 6962 over already-hashed leaves, in O(n) hashes.
 * @example rootHash([hashLeaf(Buffer.from('a'))]) // = hashLeaf('a')
 */
export function rootHash(leafHashes: readonly Hash[]): Hash {
  if (leafHashes.length === 0) return EMPTY_ROOT;
  // Bottom-up with a stack of perfect subtrees equals the recursive definition.
  const range = new CompactRange();
  for (const h of leafHashes) range.append(h);
  return range.root();
}

function subtreeRoot(leafHashes: readonly Hash[], start: number, end: number): Hash {
  if (end - start === 1) return leafHashes[start];
  return rootHash(leafHashes.slice(start, end));
}

/** Audit path for leaf `index` in the tree of all `leafHashes` (RFC 6962 PATH). */
export function inclusionProof(index: number, leafHashes: readonly Hash[]): Hash[] {
  assertSize('index', index);
  if (index >= leafHashes.length) throw new RangeError(`leaf ${index} is outside a tree of size ${leafHashes.length}`);
  return pathFrom(index, 0, leafHashes.length, (s, e) => subtreeRoot(leafHashes, s, e));
}

/** Proof that the first `m` leaves are a prefix of all `leafHashes` (RFC 6962 PROOF). */
export function consistencyProof(m: number, leafHashes: readonly Hash[]): Hash[] {
  assertSize('m', m);
  const n = leafHashes.length;
  if (m > n) throw new RangeError(`old size ${m} is larger than the tree (${n})`);
  if (m === 0 || m === n) return [];
  return subproofFrom(m, 0, n, true, (s, e) => subtreeRoot(leafHashes, s, e));
}

type RangeRoot = (start: number, end: number) => Hash;

// PATH(m, D[start:end]) with subtree roots from `root`, so the same recursion
// serves a plain leaf array and MerkleLog's stored nodes.
function pathFrom(m: number, start: number, end: number, root: RangeRoot): Hash[] {
  const out: Hash[] = [];
  let s = start;
  let e = end;
  let idx = m;
  // Iterative descent; siblings are collected top-down and reversed at the end.
  while (e - s > 1) {
    const k = splitPoint(e - s);
    if (idx < k) {
      out.push(root(s + k, e));
      e = s + k;
    } else {
      out.push(root(s, s + k));
      s = s + k;
      idx -= k;
    }
  }
  return out.reverse();
}

function subproofFrom(m: number, start: number, end: number, complete: boolean, root: RangeRoot): Hash[] {
  const out: Hash[] = [];
  let s = start;
  let e = end;
  let mm = m;
  let b = complete;
  for (;;) {
    const n = e - s;
    if (mm === n) {
      if (!b) out.push(root(s, e));
      break;
    }
    const k = splitPoint(n);
    if (mm <= k) {
      out.push(root(s + k, e));
      e = s + k;
    } else {
      out.push(root(s, s + k));
      s = s + k;
      mm -= k;
      b = false;
    }
  }
  return out.reverse();
}

/** RFC 9162 §2.1.3.2: does `proof` place `leafHash` at `index` of a tree of `treeSize` with `root`? */
export function verifyInclusion(leafHash: Hash, index: number, treeSize: number, proof: readonly Hash[], root: Hash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(treeSize) || index < 0 || index >= treeSize) return false;
  if (leafHash.length !== HASH_BYTES || root.length !== HASH_BYTES) return false;
  const computed = rootFromInclusionProof(leafHash, index, treeSize, proof);
  return computed !== null && equalHashes(computed, root);
}

/** The root an inclusion proof implies, or null when the proof has the wrong shape. */
export function rootFromInclusionProof(leafHash: Hash, index: number, treeSize: number, proof: readonly Hash[]): Hash | null {
  if (index >= treeSize) return null;
  // Numbers stay exact below 2^53; BigInt is not needed for any log we can store.
  let fn = index;
  let sn = treeSize - 1;
  let r = leafHash;
  for (const p of proof) {
    if (p.length !== HASH_BYTES) return null;
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = hashChildren(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}

/**
 * RFC 9162 §2.1.4.2: is the tree (`m`, `oldRoot`) a prefix of (`n`, `newRoot`)?
 * A check from the empty tree proves nothing and is refused, as in the reference vectors.
 */
export function verifyConsistency(m: number, n: number, oldRoot: Hash, newRoot: Hash, proof: readonly Hash[]): boolean {
  if (!Number.isSafeInteger(m) || !Number.isSafeInteger(n) || m < 0 || n < m) return false;
  if (m === 0) return false;
  if (m === n) return proof.length === 0 && equalHashes(oldRoot, newRoot);
  if (proof.length === 0) return false;
  for (const p of proof) if (p.length !== HASH_BYTES) return false;
  let path = proof;
  if (isPowerOfTwo(m)) path = [oldRoot, ...proof];
  let fn = m - 1;
  let sn = n - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0];
  let sr = path[0];
  for (let i = 1; i < path.length; i++) {
    const c = path[i];
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalHashes(fr, oldRoot) && equalHashes(sr, newRoot);
}

function isPowerOfTwo(x: number): boolean {
  // Bit tricks break above 2^31; this stays exact to 2^53.
  if (x < 1) return false;
  while (x % 2 === 0) x /= 2;
  return x === 1;
}

/** A perfect subtree: 2^level leaves starting at leaf index * 2^level. */
export interface TreeNode {
  level: number;
  index: number;
  hash: Hash;
}

/** Looks up the hash of a complete perfect subtree (as stored from CompactRange.append). */
export type NodeReader = (level: number, index: number) => Hash;

/** MTH of the first `treeSize` leaves from stored perfect-subtree nodes: O(log n) reads. */
export function rootFromNodes(treeSize: number, node: NodeReader): Hash {
  assertSize('treeSize', treeSize);
  return treeSize === 0 ? EMPTY_ROOT : rangeRootFromNodes(0, treeSize, node);
}

/** Inclusion proof for leaf `index` in the tree of `treeSize` from stored nodes: O(log^2 n) reads at worst. */
export function inclusionProofFromNodes(index: number, treeSize: number, node: NodeReader): Hash[] {
  assertSize('index', index);
  assertSize('treeSize', treeSize);
  if (index >= treeSize) throw new RangeError(`leaf ${index} is outside a tree of size ${treeSize}`);
  return pathFrom(index, 0, treeSize, (s, e) => rangeRootFromNodes(s, e, node));
}

/** Consistency proof from size `m` to size `n` from stored nodes. */
export function consistencyProofFromNodes(m: number, n: number, node: NodeReader): Hash[] {
  assertSize('m', m);
  assertSize('n', n);
  if (m > n) throw new RangeError(`old size ${m} is larger than the new size ${n}`);
  if (m === 0 || m === n) return [];
  return subproofFrom(m, 0, n, true, (s, e) => rangeRootFromNodes(s, e, node));
}

// MTH(D[start:end]) where start is aligned as in the RFC recursion: the range
// splits into perfect subtrees of decreasing size, folded from the right.
function rangeRootFromNodes(start: number, end: number, node: NodeReader): Hash {
  const pieces: Hash[] = [];
  let s = start;
  let remaining = end - start;
  while (remaining > 0) {
    let width = 1;
    let level = 0;
    while (width * 2 <= remaining) {
      width *= 2;
      level++;
    }
    pieces.push(node(level, s / width));
    s += width;
    remaining -= width;
  }
  let r = pieces[pieces.length - 1];
  for (let i = pieces.length - 2; i >= 0; i--) r = hashChildren(pieces[i], r);
  return r;
}

/**
 * The right edge of a Merkle tree: one perfect-subtree root per set bit of
 * `size`, largest first. Appending is O(log n) and the root is O(log n), and the
 * whole state is `size` plus at most 53 hashes, so a store can persist it after
 * every append instead of rehashing the log.
 */
export class CompactRange {
  private sizeValue: number;
  private readonly peaks: Hash[];

  constructor(size = 0, peaks: readonly Hash[] = []) {
    assertSize('size', size);
    if (popCount(size) !== peaks.length) throw new RangeError(`a compact range of size ${size} has ${popCount(size)} peaks, got ${peaks.length}`);
    this.sizeValue = size;
    this.peaks = [...peaks];
  }

  get size(): number {
    return this.sizeValue;
  }

  /** Perfect-subtree roots, largest (leftmost) first. */
  get rightEdge(): readonly Hash[] {
    return this.peaks;
  }

  /**
   * Appends a leaf; returns the perfect-subtree nodes it completed (the leaf itself
   * at level 0, then each parent), which a store can keep to serve proofs later
   * through a NodeReader without loading the whole log.
   */
  append(leafHash: Hash): TreeNode[] {
    let h = leafHash;
    let index = this.sizeValue;
    const completed: TreeNode[] = [{ level: 0, index, hash: h }];
    // Each trailing 1 bit of the old size is a peak of equal height to merge with.
    let s = this.sizeValue;
    let level = 0;
    while (s % 2 === 1) {
      const left = this.peaks.pop()!;
      h = hashChildren(left, h);
      s = Math.floor(s / 2);
      level++;
      index = Math.floor(index / 2);
      completed.push({ level, index, hash: h });
    }
    this.peaks.push(h);
    this.sizeValue += 1;
    return completed;
  }

  root(): Hash {
    if (this.peaks.length === 0) return EMPTY_ROOT;
    let r = this.peaks[this.peaks.length - 1];
    for (let i = this.peaks.length - 2; i >= 0; i--) r = hashChildren(this.peaks[i], r);
    return r;
  }

  clone(): CompactRange {
    return new CompactRange(this.sizeValue, this.peaks);
  }

  /** `{ size, rightEdge: hex[] }`, for storing beside the log. */
  toJSON(): { size: number; rightEdge: string[] } {
    return { size: this.sizeValue, rightEdge: this.peaks.map((p) => Buffer.from(p).toString('hex')) };
  }

  static fromJSON(value: { size: number; rightEdge: readonly string[] }): CompactRange {
    return new CompactRange(value.size, value.rightEdge.map((h) => Buffer.from(h, 'hex')));
  }
}

function popCount(x: number): number {
  let c = 0;
  while (x > 0) {
    c += x % 2;
    x = Math.floor(x / 2);
  }
  return c;
}

// A level's perfect-subtree roots packed into one growable buffer: 32 bytes per
// node, so a million leaves cost ~64 MB across all levels, not millions of objects.
class HashColumn {
  private buf = Buffer.alloc(HASH_BYTES * 64);
  length = 0;

  push(h: Hash): void {
    if ((this.length + 1) * HASH_BYTES > this.buf.length) {
      const next = Buffer.alloc(this.buf.length * 2);
      this.buf.copy(next, 0, 0, this.length * HASH_BYTES);
      this.buf = next;
    }
    this.buf.set(h, this.length * HASH_BYTES);
    this.length++;
  }

  get(i: number): Hash {
    return this.buf.subarray(i * HASH_BYTES, (i + 1) * HASH_BYTES);
  }
}

/**
 * An in-memory Merkle log keeping every perfect subtree root: O(log n) amortized
 * appends, O(log n) roots, inclusion and consistency proofs for the current or
 * any earlier size. Rebuild it from stored leaf hashes with `MerkleLog.from`.
 */
export class MerkleLog {
  private readonly levels: HashColumn[] = [new HashColumn()];

  static from(leafHashes: Iterable<Hash>): MerkleLog {
    const log = new MerkleLog();
    for (const h of leafHashes) log.append(h);
    return log;
  }

  get size(): number {
    return this.levels[0].length;
  }

  /** Appends a leaf hash; returns its index. */
  append(leafHash: Hash): number {
    if (leafHash.length !== HASH_BYTES) throw new RangeError(`leaf hash must be ${HASH_BYTES} bytes, got ${leafHash.length}`);
    const index = this.levels[0].length;
    this.levels[0].push(leafHash);
    let level = 0;
    let i = index;
    // A right child completes its parent; climb while that keeps happening.
    while (i % 2 === 1) {
      const col = this.levels[level];
      const parent = hashChildren(col.get(i - 1), col.get(i));
      level++;
      if (this.levels.length === level) this.levels.push(new HashColumn());
      this.levels[level].push(parent);
      i = (i - 1) / 2;
    }
    return index;
  }

  leafHash(index: number): Hash {
    if (index < 0 || index >= this.size) throw new RangeError(`leaf ${index} is outside a log of size ${this.size}`);
    return this.levels[0].get(index);
  }

  /** Root of the first `treeSize` leaves (default: all). */
  root(treeSize = this.size): Hash {
    this.checkSize(treeSize);
    if (treeSize === 0) return EMPTY_ROOT;
    return this.rangeRoot(0, treeSize);
  }

  inclusionProof(index: number, treeSize = this.size): Hash[] {
    this.checkSize(treeSize);
    assertSize('index', index);
    if (index >= treeSize) throw new RangeError(`leaf ${index} is outside a tree of size ${treeSize}`);
    return pathFrom(index, 0, treeSize, (s, e) => this.rangeRoot(s, e));
  }

  consistencyProof(m: number, n = this.size): Hash[] {
    this.checkSize(n);
    assertSize('m', m);
    if (m > n) throw new RangeError(`old size ${m} is larger than the new size ${n}`);
    if (m === 0 || m === n) return [];
    return subproofFrom(m, 0, n, true, (s, e) => this.rangeRoot(s, e));
  }

  /** Compact right edge of the first `treeSize` leaves. */
  compactRange(treeSize = this.size): CompactRange {
    this.checkSize(treeSize);
    const peaks: Hash[] = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (start + width <= treeSize && Math.floor(treeSize / width) % 2 === 1) {
        peaks.push(this.levels[level].get(start / width));
        start += width;
      }
    }
    return new CompactRange(treeSize, peaks);
  }

  private checkSize(treeSize: number): void {
    assertSize('treeSize', treeSize);
    if (treeSize > this.size) throw new RangeError(`tree size ${treeSize} is larger than the log (${this.size})`);
  }

  private rangeRoot(start: number, end: number): Hash {
    return rangeRootFromNodes(start, end, this.node);
  }

  private readonly node: NodeReader = (level, index) => this.levels[level].get(index);
}
