// Signed checkpoints in the C2SP formats (c2sp.org/tlog-checkpoint, c2sp.org/signed-note),
// so a workspace's log head can be checked by any signed-note tool, not just Daftar.
//
//   <origin>\n<tree size>\n<base64 root hash>\n[extension lines\n]
//   \n
//   — <key name> <base64(4-byte key hash || Ed25519 signature)>\n
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { DaftarError } from '../model/errors.js';
import { HASH_BYTES } from './merkle.js';

const EM_DASH_PREFIX = '\u2014 ';
const ED25519_ALG = 0x01;

export interface Checkpoint {
  origin: string;
  size: number;
  rootHash: Buffer;
  /** Optional extra body lines after the root hash (C2SP "extension lines"). */
  extensions: string[];
}

/** A public key as a KeyObject, 32 raw bytes, or a signed-note verifier key string. */
export type PublicKeyInput = KeyObject | Uint8Array | string;

/**
 * Checkpoint body text (ends with a newline).
 * @example formatCheckpoint({ origin: 'daftar.local/ws1', size: 3, rootHash }) // "daftar.local/ws1\n3\n<b64>\n"
 */
export function formatCheckpoint(checkpoint: { origin: string; size: number; rootHash: Uint8Array; extensions?: readonly string[] }): string {
  const { origin, size, rootHash } = checkpoint;
  if (origin.length === 0 || /[\n\r]/.test(origin) || hasControl(origin)) throw new DaftarError('invalid_input', `checkpoint origin ${JSON.stringify(origin)} must be one non-empty line without control characters`);
  if (!Number.isSafeInteger(size) || size < 0) throw new DaftarError('invalid_input', `checkpoint size ${size} must be a non-negative integer`);
  if (rootHash.length !== HASH_BYTES) throw new DaftarError('invalid_input', `checkpoint root hash must be ${HASH_BYTES} bytes, got ${rootHash.length}`);
  const ext = checkpoint.extensions ?? [];
  for (const line of ext) {
    if (line.length === 0 || /[\n\r]/.test(line) || hasControl(line)) throw new DaftarError('invalid_input', `checkpoint extension line ${JSON.stringify(line)} must be one non-empty line`);
  }
  return [origin, String(size), Buffer.from(rootHash).toString('base64'), ...ext].join('\n') + '\n';
}

/** Parses a checkpoint body (no signatures) strictly; throws DaftarError('integrity') on anything else. */
export function parseCheckpoint(body: string): Checkpoint {
  if (!body.endsWith('\n')) throw new DaftarError('integrity', 'checkpoint: body does not end with a newline');
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new DaftarError('integrity', `checkpoint: expected origin, size and root hash lines, got ${lines.length} line(s)`);
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (origin.length === 0) throw new DaftarError('integrity', 'checkpoint: empty origin line');
  // Decimal without leading zeros, so one size has exactly one spelling.
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText) || !Number.isSafeInteger(Number(sizeText))) throw new DaftarError('integrity', `checkpoint: bad tree size ${JSON.stringify(sizeText)}`);
  const rootHash = strictBase64(rootText);
  if (rootHash === null || rootHash.length !== HASH_BYTES) throw new DaftarError('integrity', `checkpoint: root hash ${JSON.stringify(rootText)} is not ${HASH_BYTES} bytes of base64`);
  if (extensions.some((l) => l.length === 0)) throw new DaftarError('integrity', 'checkpoint: empty extension line');
  return { origin, size: Number(sizeText), rootHash, extensions };
}

/** First 4 bytes of SHA-256(name || 0x0A || 0x01 || public key): the signed-note Ed25519 key hash. */
export function keyHash(name: string, publicKey: PublicKeyInput): Buffer {
  const raw = rawPublicKey(publicKey);
  return createHash('sha256').update(name, 'utf8').update(Uint8Array.of(0x0a, ED25519_ALG)).update(raw).digest().subarray(0, 4);
}

/** Signed-note verifier key: `<name>+<8 hex key hash>+<base64(0x01 || public key)>`. */
export function formatVerifierKey(name: string, publicKey: KeyObject | Uint8Array): string {
  checkKeyName(name);
  const raw = rawPublicKey(publicKey);
  return `${name}+${keyHash(name, raw).toString('hex')}+${Buffer.concat([Uint8Array.of(ED25519_ALG), raw]).toString('base64')}`;
}

export function parseVerifierKey(vkey: string): { name: string; keyHash: Buffer; publicKey: KeyObject } {
  // The base64 key may itself contain "+", so split at the first two only.
  const m = /^([^+]+)\+([^+]+)\+(.+)$/s.exec(vkey.trim());
  if (!m) throw new DaftarError('integrity', 'verifier key: expected name+keyhash+key');
  const [, name, hashHex, keyB64] = m;
  checkKeyName(name);
  const key = strictBase64(keyB64);
  if (!/^[0-9a-f]{8}$/.test(hashHex) || key === null || key.length !== 33 || key[0] !== ED25519_ALG) {
    throw new DaftarError('integrity', `verifier key for ${name}: not an Ed25519 signed-note key`);
  }
  const raw = key.subarray(1);
  const expected = keyHash(name, raw);
  if (expected.toString('hex') !== hashHex) throw new DaftarError('integrity', `verifier key for ${name}: key hash does not match the key`);
  return { name, keyHash: expected, publicKey: publicKeyFromRaw(raw) };
}

/**
 * Appends a signed-note signature line to a checkpoint body (or adds one more
 * signature to an already signed note).
 */
export function signCheckpoint(body: string, privateKey: KeyObject, name: string): string {
  const { text } = splitNote(body, { allowUnsigned: true });
  parseCheckpoint(text);
  return signNote(body, privateKey, name);
}

/**
 * Verifies a signed checkpoint against one key and returns what it states. Other
 * keys' signatures are ignored; a missing or bad signature by `name` throws
 * DaftarError('integrity').
 */
export function verifyCheckpoint(noteText: string, publicKey: PublicKeyInput, name?: string): Checkpoint {
  const { text } = splitNote(noteText, { allowUnsigned: false });
  const checkpoint = parseCheckpoint(text);
  verifyNote(noteText, publicKey, name, `checkpoint for ${checkpoint.origin}`);
  return checkpoint;
}

/** Signs any signed-note text (ending in a newline) with an Ed25519 key named `name`. */
export function signNote(note: string, privateKey: KeyObject, name: string): string {
  checkKeyName(name);
  const { text, signatures } = splitNote(note, { allowUnsigned: true });
  if (!text.endsWith('\n')) throw new DaftarError('invalid_input', 'signed note: text must end with a newline');
  const publicKey = createPublicKey(privateKey);
  const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
  const line = `${EM_DASH_PREFIX}${name} ${Buffer.concat([keyHash(name, publicKey), signature]).toString('base64')}`;
  return `${text}\n${[...signatures.map((s) => s.line), line].join('\n')}\n`;
}

/** Verifies a signed note's signature by one key and returns the signed text. */
export function verifyNote(noteText: string, publicKey: PublicKeyInput, name?: string, what = 'signed note'): string {
  let keyName = name;
  let key: KeyObject;
  if (typeof publicKey === 'string') {
    const parsed = parseVerifierKey(publicKey);
    if (keyName !== undefined && keyName !== parsed.name) throw new DaftarError('integrity', `${what}: verifier key is for ${parsed.name}, not ${keyName}`);
    keyName = parsed.name;
    key = parsed.publicKey;
  } else {
    key = publicKey instanceof Uint8Array ? publicKeyFromRaw(publicKey) : publicKey;
  }
  if (keyName === undefined) throw new DaftarError('usage', `${what}: a key name is needed with a raw public key`);
  const { text, signatures } = splitNote(noteText, { allowUnsigned: false });
  const hash = keyHash(keyName, key);
  const mine = signatures.filter((s) => s.name === keyName && s.blob.length >= 4 && s.blob.subarray(0, 4).equals(hash));
  if (mine.length === 0) throw new DaftarError('integrity', `${what}: no signature by key ${keyName}`);
  const message = Buffer.from(text, 'utf8');
  const valid = mine.some((s) => s.blob.length === 4 + 64 && verify(null, message, key, s.blob.subarray(4)));
  if (!valid) throw new DaftarError('integrity', `${what}: signature by ${keyName} is invalid (text altered or wrong key)`);
  return text;
}

interface SignatureLine {
  line: string;
  name: string;
  blob: Buffer;
}

// Splits a signed note at its last blank line: the text (ending in "\n") and the
// signature lines. The text itself may not contain a blank line inside a checkpoint
// anyway, so the split is unambiguous.
function splitNote(note: string, opts: { allowUnsigned: boolean }): { text: string; signatures: SignatureLine[] } {
  if (hasControl(note.replace(/\n/g, ''))) throw new DaftarError('integrity', 'signed note: contains control characters');
  const sep = note.lastIndexOf('\n\n');
  if (sep < 0) {
    if (opts.allowUnsigned) return { text: note, signatures: [] };
    throw new DaftarError('integrity', 'signed note: no signature block (expected a blank line and "— name signature" lines)');
  }
  const text = note.slice(0, sep + 1);
  const sigBlock = note.slice(sep + 2);
  if (!sigBlock.endsWith('\n')) throw new DaftarError('integrity', 'signed note: signature block does not end with a newline');
  const signatures: SignatureLine[] = [];
  for (const line of sigBlock.slice(0, -1).split('\n')) {
    const m = /^\u2014 (\S+) (\S+)$/u.exec(line);
    const blob = m ? strictBase64(m[2]) : null;
    if (!m || blob === null) throw new DaftarError('integrity', `signed note: malformed signature line ${JSON.stringify(line.slice(0, 60))}`);
    signatures.push({ line, name: m[1], blob });
  }
  if (signatures.length === 0 && !opts.allowUnsigned) throw new DaftarError('integrity', 'signed note: no signature lines');
  return { text, signatures };
}

function checkKeyName(name: string): void {
  if (name.length === 0 || /[\s+]/u.test(name) || hasControl(name)) throw new DaftarError('invalid_input', `key name ${JSON.stringify(name)} must be non-empty, without spaces or "+"`);
}

function hasControl(s: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b-\u001f\u007f]/.test(s);
}

function strictBase64(s: string): Buffer | null {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) return null;
  return Buffer.from(s, 'base64');
}

export function rawPublicKey(key: PublicKeyInput): Buffer {
  if (typeof key === 'string') return rawPublicKey(parseVerifierKey(key).publicKey);
  if (key instanceof Uint8Array) {
    if (key.length !== 32) throw new DaftarError('invalid_input', `Ed25519 public key must be 32 bytes, got ${key.length}`);
    return Buffer.from(key);
  }
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519') throw new DaftarError('invalid_input', `expected an Ed25519 key, got ${pub.asymmetricKeyType ?? 'a secret key'}`);
  const jwk = pub.export({ format: 'jwk' });
  return Buffer.from(jwk.x as string, 'base64url');
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new DaftarError('invalid_input', `Ed25519 public key must be 32 bytes, got ${raw.length}`);
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(raw).toString('base64url') }, format: 'jwk' });
}
