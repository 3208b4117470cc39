// Bad input gets a one-line reason, the rest of the batch goes on, exit code 1, and
// nothing already stored changes.
import { chmodSync, copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { daftar, ensureBuilt, repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';

const HOSTILE = join(repoRoot, 'test', 'fixtures', 'hostile');
const GOOD = '<html><body><article><p>FICTIONAL. The committee met in Talvareh on Monday and published its findings on the flood response in the eastern villages.</p></article></body></html>';

beforeAll(() => ensureBuilt(), 300_000);

function exportLines(ws: string): string[] {
  // The log grows with every batch; compare the stored records, not the log.
  return daftar(ws, ['export']).stdout.split('\n').filter((l) => l && !l.startsWith('{"actor"') && !l.includes('"kind":"log"'));
}

describe('ingest of bad input', () => {
  it('reports each bad file on one line, stores the good ones, exits 1, leaves stored data alone', () => {
    const dir = tempDir();
    const ws = join(dir, 'ws');
    writeFileSync(join(dir, 'before.html'), GOOD.replace('Monday', 'Tuesday'));
    expect(daftar(ws, ['ingest', join(dir, 'before.html')]).status).toBe(0);
    const stored = exportLines(ws);

    const bad = join(dir, 'batch');
    mkdirSync(bad);
    writeFileSync(join(bad, 'good.html'), GOOD);
    writeFileSync(join(bad, 'zero-bytes.txt'), '');
    writeFileSync(join(bad, 'no-text.html'), '<html><head><title></title></head><body><div><span></span></div></body></html>');
    writeFileSync(join(bad, 'junk-named.html'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
    writeFileSync(join(bad, 'deep.html'), '<div>'.repeat(10_000) + 'FICTIONAL text at the bottom of ten thousand nested divs, long enough to be kept as a paragraph.' + '</div>'.repeat(10_000));
    copyFileSync(join(HOSTILE, 'pdf', 'cabinet-of-horrors', 'encryption_openpassword.pdf'), join(bad, 'encrypted.pdf'));
    copyFileSync(join(HOSTILE, 'pdf', 'made', 'truncated-half.pdf'), join(bad, 'truncated.pdf'));
    symlinkSync(join(bad, 'loop-b'), join(bad, 'loop-a'));
    symlinkSync(join(bad, 'loop-a'), join(bad, 'loop-b'));
    const missing = join(dir, 'does-not-exist.pdf');

    const r = daftar(ws, ['ingest', bad, missing, '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    const byName = Object.fromEntries(report.failed.map((f: { path: string; code: string }) => [f.path.split('/').pop(), f.code]));
    expect(byName).toEqual({
      'zero-bytes.txt': 'empty_file',
      'no-text.html': 'no_text',
      'encrypted.pdf': 'encrypted_pdf',
      'truncated.pdf': 'corrupt_pdf',
      'loop-a': 'symlink_loop',
      'loop-b': 'symlink_loop',
      'does-not-exist.pdf': 'not_found',
    });
    for (const f of report.failed) expect(f.message, f.path).not.toMatch(/\n|    at /);
    // The good file, the deep page and the junk (kept as a blob of kind other) went in.
    expect(report.added.map((a: { path: string }) => a.path.split('/').pop()).sort()).toEqual(['deep.html', 'good.html', 'junk-named.html']);
    const status = JSON.parse(daftar(ws, ['status', '--json']).stdout);
    expect(status.documents).toBe(4);
    expect(status.byKind.other).toBe(1);
    // What was stored before is untouched, byte for byte.
    const after = exportLines(ws);
    for (const line of stored) expect(after).toContain(line);

    const text = daftar(ws, ['ingest', bad]);
    expect(text.status).toBe(1);
    expect(text.stdout).toMatch(/failed: .*encrypted\.pdf: PDF is encrypted and needs a password/);
  });

  it('refuses files over --max-size with a reason and keeps going', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'big.bin'), Buffer.alloc(3 * 1024 * 1024, 1));
    writeFileSync(join(dir, 'small.html'), GOOD);
    const r = daftar(join(dir, 'ws'), ['ingest', dir, '--max-size', '1MB', '--json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0].code).toBe('too_large');
    expect(report.failed[0].message).toMatch(/big\.bin: 3\.0 MB is over the size limit of 1\.0 MB/);
    expect(report.added).toHaveLength(1);
    expect(daftar(join(dir, 'ws'), ['ingest', dir, '--max-size', 'lots']).status).toBe(2);
  });

  it('reports a file it may not read', () => {
    const dir = tempDir();
    const file = join(dir, 'secret.html');
    writeFileSync(file, GOOD);
    chmodSync(file, 0o000);
    const ws = join(dir, 'ws');
    mkdirSync(ws, { mode: 0o777 });
    chmodSync(dir, 0o777);
    chmodSync(ws, 0o777);
    // root reads anything; run the CLI as an unprivileged user then.
    const wrap = userInfo().uid === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
    const r = daftar(ws, ['ingest', file, '--json'], { wrap, env: { HOME: dir } });
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).failed[0]).toMatchObject({ code: 'not_readable' });
    expect(JSON.parse(r.stdout).failed[0].message).toMatch(/permission denied/);
  });
});
