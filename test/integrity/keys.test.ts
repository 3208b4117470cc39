import { describe, expect, it } from 'vitest';
import { formatCheckpoint, signCheckpoint, verifyCheckpoint } from '../../src/integrity/checkpoint.js';
import { decryptSigningKey, encryptSigningKey, generateSigningKey, readVerifierKey } from '../../src/integrity/keys.js';
import { EMPTY_ROOT } from '../../src/integrity/merkle.js';

// Small scrypt cost keeps the suite fast; the default is exercised once below.
const FAST = { N: 1024, r: 8, p: 1 };

describe('signing key file', () => {
  it('round-trips a key under its passphrase with default parameters, and the key still signs', async () => {
    const key = generateSigningKey('daftar.local/ws1');
    const file = await encryptSigningKey(key, 'correct horse battery staple');
    const parsed = JSON.parse(file);
    expect(parsed.kdf).toMatchObject({ name: 'scrypt', N: 32768, r: 8, p: 1 });
    expect(parsed.cipher.name).toBe('aes-256-gcm');
    expect(file).not.toContain(key.privateKey.export({ format: 'jwk' }).d as string);
    expect(readVerifierKey(file)).toBe(key.verifierKey);
    const opened = await decryptSigningKey(file, 'correct horse battery staple');
    expect(opened.verifierKey).toBe(key.verifierKey);
    const note = signCheckpoint(formatCheckpoint({ origin: 'daftar.local/ws1', size: 0, rootHash: EMPTY_ROOT }), opened.privateKey, opened.name);
    expect(verifyCheckpoint(note, key.verifierKey).size).toBe(0);
  });

  it('refuses a wrong passphrase with one integrity line', async () => {
    const file = await encryptSigningKey(generateSigningKey('ws'), 'right', FAST);
    await expect(decryptSigningKey(file, 'wrong')).rejects.toMatchObject({ code: 'integrity', message: 'signing key ws: wrong passphrase or damaged key file' });
  });

  it('detects a swapped public key and a damaged ciphertext', async () => {
    const a = generateSigningKey('ws');
    const b = generateSigningKey('ws');
    const file = JSON.parse(await encryptSigningKey(a, 'pw', FAST));
    // Pretending the file belongs to b's public key breaks the GCM additional data.
    await expect(decryptSigningKey(JSON.stringify({ ...file, verifierKey: b.verifierKey }), 'pw')).rejects.toMatchObject({ code: 'integrity' });
    const ct = Buffer.from(file.ciphertext, 'base64');
    ct[0] ^= 1;
    await expect(decryptSigningKey(JSON.stringify({ ...file, ciphertext: ct.toString('base64') }), 'pw')).rejects.toMatchObject({ code: 'integrity' });
    await expect(decryptSigningKey('not json', 'pw')).rejects.toMatchObject({ code: 'integrity' });
  });

  it('refuses an empty passphrase', async () => {
    await expect(encryptSigningKey(generateSigningKey('ws'), '', FAST)).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
