import { generateKeyPairSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCheckpoint,
  formatVerifierKey,
  parseCheckpoint,
  parseVerifierKey,
  signCheckpoint,
  signNote,
  verifyCheckpoint,
  verifyNote,
} from '../../src/integrity/checkpoint.js';
import { privateKeyFromSeed } from '../../src/integrity/keys.js';
import { hashLeaf, rootHash } from '../../src/integrity/merkle.js';

// The example key and note from the Go signed-note package documentation
// (golang.org/x/mod/sumdb/note): an interoperability check of key hash, verifier
// key encoding and signature layout against another implementation.
const GO_SIGNER_SEED = Buffer.from('AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz', 'base64').subarray(1);
const GO_VERIFIER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

const root = rootHash(['a', 'b', 'c'].map((s) => hashLeaf(Buffer.from(s))));
const ORIGIN = 'daftar.local/ws-test';

describe('signed note interop', () => {
  it('verifies the Go documentation note and reproduces its signature byte for byte', () => {
    expect(verifyNote(GO_NOTE, GO_VERIFIER)).toBe(GO_TEXT);
    const key = privateKeyFromSeed(GO_SIGNER_SEED);
    expect(formatVerifierKey('PeterNeumann', key)).toBe(GO_VERIFIER);
    // Ed25519 is deterministic, so our signature line must equal Go's.
    expect(signNote(GO_TEXT, key, 'PeterNeumann')).toBe(GO_NOTE);
  });

  it('round-trips verifier keys whatever their base64 holds (including "+")', () => {
    for (let i = 0; i < 40; i++) {
      const { publicKey } = generateKeyPairSync('ed25519');
      const vkey = formatVerifierKey('ws', publicKey);
      expect(parseVerifierKey(vkey).publicKey.equals(publicKey)).toBe(true);
    }
  });

  it('rejects a verifier key whose hash does not match its key', () => {
    expect(() => parseVerifierKey(GO_VERIFIER.replace('c74f20a3', 'c74f20a4'))).toThrow(/key hash does not match/);
  });
});

describe('checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const vkey = formatVerifierKey('daftar-test', publicKey);

  it('formats the three C2SP body lines', () => {
    const body = formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: root });
    expect(body).toBe(`${ORIGIN}\n3\n${Buffer.from(root).toString('base64')}\n`);
    expect(parseCheckpoint(body)).toEqual({ origin: ORIGIN, size: 3, rootHash: Buffer.from(root), extensions: [] });
  });

  it('signs and verifies with a verifier key or a raw key and name', () => {
    const note = signCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }), privateKey, 'daftar-test');
    expect(note).toMatch(/\n\n\u2014 daftar-test [A-Za-z0-9+/]{91}=\n$/);
    expect(verifyCheckpoint(note, vkey).size).toBe(3);
    expect(verifyCheckpoint(note, publicKey, 'daftar-test').rootHash).toEqual(Buffer.from(root));
  });

  it('keeps other signatures and checks only the named key', () => {
    const other = generateKeyPairSync('ed25519');
    const once = signCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }), other.privateKey, 'witness');
    const twice = signCheckpoint(once, privateKey, 'daftar-test');
    expect(twice.split('\n').filter((l) => l.startsWith('\u2014 '))).toHaveLength(2);
    expect(verifyCheckpoint(twice, vkey).origin).toBe(ORIGIN);
    expect(verifyCheckpoint(twice, other.publicKey, 'witness').origin).toBe(ORIGIN);
  });

  it('fails with a one-line integrity error on a wrong key, a missing signature or a malformed body', () => {
    const note = signCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }), privateKey, 'daftar-test');
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect(() => verifyCheckpoint(note, stranger, 'daftar-test')).toThrow(/no signature by key daftar-test/);
    expect(() => verifyCheckpoint(note.replace('\n3\n', '\n4\n'), vkey)).toThrow(/signature by daftar-test is invalid/);
    expect(() => verifyCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 3, rootHash: root }), vkey)).toThrow(/no signature block/);
    expect(() => parseCheckpoint(`${ORIGIN}\n03\n${Buffer.from(root).toString('base64')}\n`)).toThrow(/bad tree size/);
    try {
      verifyCheckpoint(note.replace('\n3\n', '\n4\n'), vkey);
    } catch (err) {
      expect((err as { code: string }).code).toBe('integrity');
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('any one-byte change to a signed checkpoint makes verification fail', () => {
    const note = signCheckpoint(formatCheckpoint({ origin: ORIGIN, size: 123456, rootHash: root }), privateKey, 'daftar-test');
    const bytes = Buffer.from(note, 'utf8');
    fc.assert(
      fc.property(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 }), (pos, delta) => {
        const changed = Buffer.from(bytes);
        changed[pos] = (changed[pos] + delta) % 256;
        const text = changed.toString('utf8');
        let verified: boolean;
        try {
          const cp = verifyCheckpoint(text, vkey);
          // A change that decodes to the same text (invalid UTF-8 → U+FFFD twice) is not a change.
          verified = cp.size === 123456 && text === note;
        } catch {
          verified = false;
        }
        expect(verified).toBe(text === note);
      }),
      { numRuns: 300 },
    );
  });
});
