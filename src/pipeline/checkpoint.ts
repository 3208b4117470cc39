// The workspace's signing key and its signed checkpoints (issue 8).
//
// workspace/log.key  the Ed25519 key, encrypted under a passphrase (src/integrity/keys.ts)
// workspace/log.pub  its signed-note verifier key: all anyone needs to check a checkpoint
//
// A checkpoint (C2SP tlog-checkpoint) states "this log had N entries with root R at time T",
// signed. Kept OUTSIDE the workspace, it proves later that the log was only appended to.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatCheckpoint, signCheckpoint } from '../integrity/checkpoint.js';
import { decryptSigningKey, encryptSigningKey, generateSigningKey, readVerifierKey, type SigningKey } from '../integrity/keys.js';
import { MerkleLog } from '../integrity/merkle.js';
import { verifyLog } from '../integrity/verify-log.js';
import { DaftarError } from '../model/errors.js';
import { logDraft, type Workspace } from './workspace.js';

export const KEY_FILE = 'log.key';
export const VERIFIER_FILE = 'log.pub';

// A key created without a passphrase is still written in the same encrypted format,
// under this fixed passphrase, and marked so; it protects nothing and says so.
const NO_PASSPHRASE = 'daftar:no-passphrase';
const UNPROTECTED_MARK = 'daftarUnprotected';

/** Where a passphrase comes from: DAFTAR_PASSPHRASE, else a prompt when there is a terminal. */
export interface PassphraseSource {
  env?: string | undefined;
  prompt?: ((question: string) => Promise<string>) | null;
}

export function hasSigningKey(dir: string): boolean {
  return existsSync(join(dir, KEY_FILE));
}

/** The verifier key of a workspace (from log.pub, else from the key file's public half). */
export function workspaceVerifierKey(dir: string): string {
  const pub = join(dir, VERIFIER_FILE);
  if (existsSync(pub)) return readFileSync(pub, 'utf8').trim();
  if (hasSigningKey(dir)) return readVerifierKey(readFileSync(join(dir, KEY_FILE), 'utf8'));
  throw new DaftarError('integrity', `${dir}: the workspace has no signing key yet; run \`daftar checkpoint\` to create one`);
}

/**
 * Creates the workspace's signing key when it has none. Returns what happened, and a
 * warning when no passphrase was available (the key is then unprotected).
 */
export async function ensureSigningKey(dir: string, source: PassphraseSource): Promise<{ created: boolean; verifierKey: string; warning: string | null }> {
  if (hasSigningKey(dir)) return { created: false, verifierKey: workspaceVerifierKey(dir), warning: null };
  // The key name is the log's origin line: unique per workspace, no spaces or "+".
  const key = generateSigningKey(`daftar.local/${randomBytes(8).toString('hex')}`);
  let passphrase = source.env;
  if (passphrase === undefined && source.prompt) {
    passphrase = await source.prompt('passphrase for the new workspace signing key (empty: none): ');
    if (passphrase) {
      const again = await source.prompt('repeat the passphrase: ');
      if (again !== passphrase) throw new DaftarError('usage', 'the two passphrases differ; no key was created');
    }
  }
  let text: string;
  let warning: string | null = null;
  if (passphrase) {
    text = await encryptSigningKey(key, passphrase);
  } else {
    const file = JSON.parse(await encryptSigningKey(key, NO_PASSPHRASE)) as Record<string, unknown>;
    file[UNPROTECTED_MARK] = true;
    text = JSON.stringify(file, null, 2) + '\n';
    warning = `the workspace signing key in ${join(dir, KEY_FILE)} has no passphrase: anyone with the folder can sign checkpoints; set DAFTAR_PASSPHRASE or run on a terminal to protect new keys`;
  }
  writeAtomically(join(dir, KEY_FILE), text);
  writeAtomically(join(dir, VERIFIER_FILE), key.verifierKey + '\n');
  return { created: true, verifierKey: key.verifierKey, warning };
}

/** Opens the signing key, asking for the passphrase when it has one. */
export async function loadSigningKey(dir: string, source: PassphraseSource): Promise<SigningKey> {
  const path = join(dir, KEY_FILE);
  if (!existsSync(path)) throw new DaftarError('integrity', `${dir}: no signing key (${KEY_FILE}) in the workspace`);
  const text = readFileSync(path, 'utf8');
  let unprotected = false;
  try {
    unprotected = (JSON.parse(text) as Record<string, unknown>)[UNPROTECTED_MARK] === true;
  } catch {
    /* decryptSigningKey says what is wrong with the file */
  }
  if (unprotected) return decryptSigningKey(text, NO_PASSPHRASE);
  let passphrase = source.env;
  if (passphrase === undefined) {
    if (!source.prompt) throw new DaftarError('usage', 'the workspace signing key has a passphrase: set DAFTAR_PASSPHRASE or run on a terminal');
    passphrase = await source.prompt('passphrase of the workspace signing key: ');
  }
  return decryptSigningKey(text, passphrase);
}

export interface MadeCheckpoint {
  note: string;
  size: number;
  rootHash: string;
  verifierKey: string;
}

/**
 * Signs the current log head. Refuses when the log does not verify: signing a
 * tampered log would vouch for it.
 */
export async function makeCheckpoint(ws: Workspace, source: PassphraseSource, now = new Date()): Promise<MadeCheckpoint> {
  const entries = await ws.store.getLog();
  const check = verifyLog(entries);
  if (!check.ok) {
    throw new DaftarError('integrity', `the log does not verify (${check.problems[0]?.message ?? 'problems found'}); run \`daftar verify\` and resolve it before signing`);
  }
  const key = await loadSigningKey(ws.dir, source);
  const log = MerkleLog.from(entries.map((e) => Buffer.from(e.leafHash, 'hex')));
  const body = formatCheckpoint({ origin: key.name, size: log.size, rootHash: log.root(), extensions: [`time ${now.toISOString()}`] });
  const note = signCheckpoint(body, key.privateKey, key.name);
  const rootHash = Buffer.from(log.root()).toString('base64');
  // Recorded after signing, so the checkpoint never covers its own entry.
  await ws.store.appendLog(logDraft('checkpoint', key.name, { size: log.size, rootHash }, now));
  return { note, size: log.size, rootHash, verifierKey: key.verifierKey };
}

/** The origin line of this workspace's checkpoints (= the signing key's name), or null. */
export function workspaceOrigin(dir: string): string | null {
  try {
    return workspaceVerifierKey(dir).split('+')[0] ?? null;
  } catch {
    return null;
  }
}

function writeAtomically(path: string, text: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  renameSync(tmp, path);
}
