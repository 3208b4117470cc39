// Bundles through the compiled CLI: a bundle moves documents with their originals into
// another workspace that then verifies clean; importing twice changes nothing; differing
// curation is kept on both sides; a truncated or altered bundle is refused before any write.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateSigningKey } from '../../src/integrity/keys.js';
import { tempDir } from '../helpers/store.js';
import { run } from './cli.js';

vi.setConfig({ testTimeout: 240_000 }); // each test runs the CLI several times; the shared machine is often loaded

function binaryFile(seed: number): Buffer {
  const b = Buffer.alloc(400);
  let x = seed * 7919 + 3;
  for (let i = 0; i < b.length; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    b[i] = (x >>> 16) & 0xff;
  }
  b[0] = 0;
  return b;
}

function jsonl(records: object[]): string {
  const f = join(tempDir(), 'records.jsonl');
  writeFileSync(f, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return f;
}

const entity = (name: string) => ({ kind: 'entity', id: 'place:station', type: 'PLACE', name, aliases: [], attributes: {}, sensitivity: 'public' });
const mention = (documentId: string, status: string) => ({
  kind: 'mention', id: 'm-station', documentId, start: 0, end: 1, type: 'PLACE', text: 'x', value: null, attributes: {}, extractor: 'test', confidence: 0.5, status, entityId: 'place:station',
});

function status(ws: string): { documents: number; logEntries: number; entities: number } {
  return JSON.parse(run(ws, ['status', '--json']).stdout);
}

let source: string;
let bundleFile: string;
let docIds: string[];

beforeAll(() => {
  const dir = tempDir();
  const corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 2; i++) writeFileSync(join(corpus, `scan-${i}.bin`), binaryFile(i));
  source = join(dir, 'source');
  const ing = run(source, ['ingest', corpus, '--json']);
  expect(ing.status, ing.stderr).toBe(0);
  docIds = (JSON.parse(ing.stdout).added as { id: string }[]).map((a) => a.id).sort();
  expect(run(source, ['import', jsonl([entity('Station Alpha'), mention(docIds[0]!, 'confirmed')])]).status).toBe(0);
  bundleFile = join(dir, 'field.bundle');
  const r = run(source, ['bundle', 'export', '-o', bundleFile]);
  expect(r.status, r.stderr).toBe(0);
}, 120_000);

describe('daftar bundle', () => {
  it('imports into another workspace, which then verifies clean; a second import changes nothing', () => {
    const ws = join(tempDir(), 'office');
    const first = run(ws, ['bundle', 'import', bundleFile, '--json']);
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ documentsAdded: 2, documentsPresent: 0, entitiesAdded: 1, alternatives: 0 });
    const v = run(ws, ['verify']);
    expect(v.status, v.stdout).toBe(0);
    const before = status(ws);
    expect(before).toMatchObject({ documents: 2, entities: 1 });
    const again = run(ws, ['bundle', 'import', bundleFile, '--json']);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ documentsAdded: 0, documentsPresent: 2, entitiesAdded: 0, actionsAdded: 0, alternatives: 0 });
    expect(status(ws)).toEqual(before);
    const shown = JSON.parse(run(ws, ['show', docIds[0]!, '--json']).stdout);
    expect(shown.mentions.map((m: { status: string }) => m.status)).toEqual(['confirmed']);
  });

  it('keeps both sides of differing curation: ours stays, theirs becomes a recorded alternative', () => {
    const ws = join(tempDir(), 'office');
    expect(run(ws, ['bundle', 'import', bundleFile]).status).toBe(0);
    // Here a curator renamed the place and rejected the mention.
    expect(run(ws, ['import', jsonl([entity('Station A (curated)'), mention(docIds[0]!, 'rejected')])]).status).toBe(0);
    const r = run(ws, ['bundle', 'import', bundleFile, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).alternatives).toBe(2);
    const out = join(tempDir(), 'out.jsonl');
    expect(run(ws, ['export', '-o', out]).status).toBe(0);
    const records = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(records.find((x) => x.kind === 'entity').name).toBe('Station A (curated)');
    expect(records.find((x) => x.kind === 'mention').status).toBe('rejected');
    const alts = records.filter((x) => x.kind === 'action' && x.operation === 'alternative');
    expect(alts.map((a) => [a.payload.recordKind, a.payload.incoming.name ?? a.payload.incoming.status]).sort()).toEqual([
      ['entity', 'Station Alpha'],
      ['mention', 'confirmed'],
    ]);
    const once = JSON.parse(run(ws, ['bundle', 'import', bundleFile, '--json']).stdout);
    expect(once.alternatives).toBe(0); // already recorded
  });

  it('refuses a truncated bundle with one line and writes nothing', () => {
    const ws = join(tempDir(), 'office');
    const cut = join(tempDir(), 'cut.bundle');
    const bytes = readFileSync(bundleFile);
    writeFileSync(cut, bytes.subarray(0, bytes.length - 200));
    const r = run(ws, ['bundle', 'import', cut]);
    expect(r.status).toBe(1);
    // One line says why (the new workspace's key creation may print its own notice).
    const errors = r.stderr.split('\n').filter((l) => l.startsWith('daftar: ') && !l.includes('signing key'));
    expect(errors).toEqual([expect.stringMatching(/^daftar: bundle refused: not a readable zip file, truncated or damaged/)]);
    expect(status(ws).documents).toBe(0);
  });

  it('refuses a bundle signed by another key than the one the importer expects', () => {
    const ws = join(tempDir(), 'office');
    const stranger = generateSigningKey('daftar.local/stranger').verifierKey;
    const r = run(ws, ['bundle', 'import', bundleFile, '--key', stranger]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bundle refused: signed by daftar\.local\/[0-9a-f]+, not by the expected key/);
    const sourceKey = readFileSync(join(source, 'log.pub'), 'utf8').trim();
    const ok = run(ws, ['bundle', 'import', bundleFile, '--key', sourceKey, '--json']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).verifierKey).toBe(sourceKey);
  });

  it('refuses a bundle whose records, blob or log were altered, naming what', () => {
    const files = unzipSync(new Uint8Array(readFileSync(bundleFile)));
    const cases: [string, (f: Record<string, Uint8Array>) => void, RegExp][] = [
      ['records', (f) => (f['records.jsonl'] = strToU8(strFromU8(f['records.jsonl']!).replace('Station Alpha', 'Station Beta'))), /member records\.jsonl was altered/],
      ['blob', (f) => (f[`blobs/${docIds[1]}`]![10] ^= 1), new RegExp(`member blobs/${docIds[1]} was altered`)],
      ['log', (f) => (f['log.jsonl'] = strToU8(strFromU8(f['log.jsonl']!).replace('scan-0.bin', 'scan-9.bin'))), /member log\.jsonl was altered/],
      ['extra', (f) => (f['blobs/extra'] = strToU8('smuggled')), /member blobs\/extra is not in the manifest/],
      ['manifest', (f) => (f['manifest.signed'] = strToU8(strFromU8(f['manifest.signed']!).replace('"documents":2', '"documents":3'))), /manifest: signature .* is invalid/],
    ];
    for (const [name, alter, message] of cases) {
      const copy: Record<string, Uint8Array> = {};
      for (const [k, v] of Object.entries(files)) copy[k] = new Uint8Array(v);
      alter(copy);
      const file = join(tempDir(), `${name}.bundle`);
      writeFileSync(file, zipSync(copy));
      const ws = join(tempDir(), 'office');
      const r = run(ws, ['bundle', 'import', file]);
      expect(r.status, name).toBe(1);
      expect(r.stderr, name).toMatch(message);
      expect(status(ws).documents, name).toBe(0);
    }
  });

  it('asks for --full before bundling protected material, and bundles only what came after --since', () => {
    const dir = tempDir();
    const ck = join(dir, 'ck.txt');
    expect(run(source, ['checkpoint', '-o', ck]).status).toBe(0);
    const later = join(dir, 'later.bin');
    writeFileSync(later, binaryFile(42));
    expect(run(source, ['ingest', later]).status).toBe(0);
    expect(run(source, ['protect', docIds[1]!, '--reason', 'FICTIONAL: source at risk']).status).toBe(0);
    const refused = run(source, ['bundle', 'export', '-o', join(dir, 'x.bundle')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/pass --full/);
    const part = join(dir, 'since.bundle');
    const r = run(source, ['bundle', 'export', '--since', ck, '--full', '-o', part, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).documents).toBe(1);
    // The office already has the first bundle; the increment adds the one new document.
    const ws = join(tempDir(), 'office');
    expect(run(ws, ['bundle', 'import', bundleFile]).status).toBe(0);
    const inc = run(ws, ['bundle', 'import', part, '--json']);
    expect(inc.status, inc.stderr).toBe(0);
    expect(JSON.parse(inc.stdout)).toMatchObject({ documentsAdded: 1, documentsPresent: 0 });
    expect(run(ws, ['verify']).status).toBe(0);
  });
});
