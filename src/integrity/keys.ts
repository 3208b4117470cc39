// Ed25519 signing keys for checkpoints, and the passphrase-protected key file.
// The file is JSON the CLI writes and reads; this module never touches the disk.
//
// Format (version 1):
// { "format": "daftar-signing-key", "version": 1, "name": "...", "verifierKey": "name+hash+key",
//   "kdf": { "name": "scrypt", "salt": b64, "N": 32768, "r": 8, "p": 1 },
//   "cipher": { "name": "aes-256-gcm", "iv": b64, "tag": b64 }, "ciphertext": b64 }
// The ciphertext is the 32-byte Ed25519 seed; name and verifierKey are bound as
// GCM additional data, so swapping the public half of the file is detected.
import { createCipheriv, createDecipheriv, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, scrypt, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';
import { DaftarError } from '../model/errors.js';
import { formatVerifierKey, parseVerifierKey } from './checkpoint.js';

const scryptAsync = promisify(scrypt) as (password: string, salt: Buffer, keylen: number, options: { N: number; r: number; p: number; maxmem: number }) => Promise<Buffer>;

export interface SigningKey {
  name: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Signed-note verifier key, safe to publish: `name+keyhash+base64(0x01||pubkey)`. */
  verifierKey: string;
}

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~100 ms and 32 MiB per derivation on a laptop: slow for guessing, fine for a CLI. */
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

/** A new Ed25519 key pair named `name` (the signed-note key name, e.g. "daftar.example/ws1"). */
export function generateSigningKey(name: string): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { name, privateKey, publicKey, verifierKey: formatVerifierKey(name, publicKey) };
}

/** The key file text (JSON) holding `key` encrypted under `passphrase`. */
export async function encryptSigningKey(key: SigningKey, passphrase: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  if (passphrase.length === 0) throw new DaftarError('invalid_input', 'signing key: an empty passphrase would not protect the key; choose one');
  const seed = Buffer.from(key.privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const kek = await deriveKey(passphrase, salt, params);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(additionalData(key.name, key.verifierKey));
  const ciphertext = Buffer.concat([cipher.update(seed), cipher.final()]);
  const file = {
    format: 'daftar-signing-key',
    version: 1,
    name: key.name,
    verifierKey: key.verifierKey,
    kdf: { name: 'scrypt', salt: salt.toString('base64'), N: params.N, r: params.r, p: params.p },
    cipher: { name: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64') },
    ciphertext: ciphertext.toString('base64'),
  };
  return JSON.stringify(file, null, 2) + '\n';
}

/** Opens a key file; a wrong passphrase or a damaged file throws DaftarError('integrity'). */
export async function decryptSigningKey(fileText: string, passphrase: string): Promise<SigningKey> {
  const file = parseKeyFile(fileText);
  const kek = await deriveKey(passphrase, file.salt, file.params);
  let seed: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, file.iv);
    decipher.setAAD(additionalData(file.name, file.verifierKey));
    decipher.setAuthTag(file.tag);
    seed = Buffer.concat([decipher.update(file.ciphertext), decipher.final()]);
  } catch (err) {
    throw new DaftarError('integrity', `signing key ${file.name}: wrong passphrase or damaged key file`, { cause: err });
  }
  const privateKey = privateKeyFromSeed(seed);
  const publicKey = createPublicKey(privateKey);
  const verifierKey = formatVerifierKey(file.name, publicKey);
  if (verifierKey !== file.verifierKey) throw new DaftarError('integrity', `signing key ${file.name}: the private key does not match the file's public key`);
  return { name: file.name, privateKey, publicKey, verifierKey };
}

/** The public half of a key file, readable without the passphrase. */
export function readVerifierKey(fileText: string): string {
  return parseKeyFile(fileText).verifierKey;
}

/** An Ed25519 private key from its 32-byte seed (RFC 8032 secret key). */
export function privateKeyFromSeed(seed: Buffer): KeyObject {
  if (seed.length !== 32) throw new DaftarError('integrity', 'signing key: damaged key file (seed is not 32 bytes)');
  // PKCS#8 wrapping of an Ed25519 seed (RFC 8410): fixed 16-byte prefix + seed.
  const prefix = Buffer.from('302e020100300506032b657004220420', 'hex');
  return createPrivateKey({ key: Buffer.concat([prefix, seed]), format: 'der', type: 'pkcs8' });
}

function additionalData(name: string, verifierKey: string): Buffer {
  return Buffer.from(`daftar-signing-key/v1\n${name}\n${verifierKey}`, 'utf8');
}

async function deriveKey(passphrase: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // maxmem must exceed 128*N*r; allow headroom up to N=2^17, r=8 and refuse more.
  if (params.N > 2 ** 17 || params.r > 16 || params.p > 4 || params.N < 2 || (params.N & (params.N - 1)) !== 0) {
    throw new DaftarError('integrity', `signing key: unsupported scrypt parameters N=${params.N} r=${params.r} p=${params.p}`);
  }
  return scryptAsync(passphrase.normalize('NFC'), salt, 32, { ...params, maxmem: 256 * params.N * params.r + 1024 * 1024 });
}

interface KeyFile {
  name: string;
  verifierKey: string;
  salt: Buffer;
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
  params: ScryptParams;
}

function parseKeyFile(text: string): KeyFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DaftarError('integrity', 'signing key: key file is not JSON (damaged or not a Daftar key file)', { cause: err });
  }
  const f = raw as Record<string, any>;
  const ok =
    f && f.format === 'daftar-signing-key' && f.version === 1 && typeof f.name === 'string' && typeof f.verifierKey === 'string' &&
    f.kdf?.name === 'scrypt' && typeof f.kdf.salt === 'string' && Number.isInteger(f.kdf.N) && Number.isInteger(f.kdf.r) && Number.isInteger(f.kdf.p) &&
    f.cipher?.name === 'aes-256-gcm' && typeof f.cipher.iv === 'string' && typeof f.cipher.tag === 'string' && typeof f.ciphertext === 'string';
  if (!ok) throw new DaftarError('integrity', 'signing key: not a Daftar signing key file (version 1)');
  // A short GCM tag would weaken authentication; accept only the full 16 bytes.
  if (Buffer.from(f.cipher.tag, 'base64').length !== 16 || Buffer.from(f.cipher.iv, 'base64').length !== 12) {
    throw new DaftarError('integrity', `signing key ${f.name}: damaged key file (bad IV or tag length)`);
  }
  const parsed = parseVerifierKey(f.verifierKey);
  if (parsed.name !== f.name) throw new DaftarError('integrity', `signing key ${f.name}: verifier key names ${parsed.name}`);
  return {
    name: f.name,
    verifierKey: f.verifierKey,
    salt: Buffer.from(f.kdf.salt, 'base64'),
    iv: Buffer.from(f.cipher.iv, 'base64'),
    tag: Buffer.from(f.cipher.tag, 'base64'),
    ciphertext: Buffer.from(f.ciphertext, 'base64'),
    params: { N: f.kdf.N, r: f.kdf.r, p: f.kdf.p },
  };
}
