// Witness protection: `daftar protect` records the decision; every export then shows
// protected persons only as "Witness A", "Witness B", … with offsets that still hold,
// and leaves protected documents out; a full export keeps everything and is logged.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { exportJsonl } from '../../src/pipeline/exchange.js';
import { applyReplacements, assignPseudonyms, mapOffset, pseudonymLabel, Redactor } from '../../src/pipeline/protect.js';
import { openWorkspace } from '../../src/pipeline/workspace.js';
import { tempDir } from '../helpers/store.js';
import { run } from './cli.js';

vi.setConfig({ testTimeout: 240_000 }); // each test runs the CLI several times; the shared machine is often loaded

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

// Fictional people and places.
const TEXT = 'FICTIONAL testimony. Darioush Kalantari saw the trucks at night. Later Kalantary told Hosien Navabi that داریوش کلانتری had left.\n\nNavabi stayed.';
const DOC = sha('testimony');
const SECRET_DOC = sha('safehouse');
const DARIOUSH = 'person:kalantari';
const HOSSEIN = 'person:navabi';

function record(kind: string, r: Record<string, unknown>): string {
  return JSON.stringify({ kind, ...r });
}

function document(id: string, text: string, fileName: string) {
  return {
    id,
    documentKind: 'testimony',
    mediaType: 'text',
    sizeBytes: text.length,
    fileName,
    text,
    metadata: { title: 'Testimony of Darioush Kalantari', authors: [], site: null, url: null, language: 'en', published: null, flags: [], extra: {} },
    sections: [],
    sensitivity: 'public',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
}

function mention(id: string, start: number, end: number, entityId: string | null) {
  return { id, documentId: DOC, start, end, type: 'PERSON', text: TEXT.slice(start, end), value: null, attributes: {}, extractor: 'test', confidence: 0.9, status: 'confirmed', entityId };
}

function fixture(): string {
  const lines = [
    record('document', document(DOC, TEXT, 'testimony-kalantari.txt')),
    record('document', document(SECRET_DOC, 'FICTIONAL address of the safe house.', 'safehouse.txt')),
    record('passage', { documentId: DOC, index: 0, start: 0, end: TEXT.indexOf('\n\n'), page: null }),
    record('passage', { documentId: DOC, index: 1, start: TEXT.indexOf('Navabi stayed'), end: TEXT.length, page: null }),
    record('passage', { documentId: SECRET_DOC, index: 0, start: 0, end: 10, page: null }),
    // "Hosien Navabi" is linked to the entity though the spelling is not among its aliases.
    record('mention', mention('m1', TEXT.indexOf('Hosien'), TEXT.indexOf('Hosien') + 'Hosien Navabi'.length, HOSSEIN)),
    record('mention', mention('m2', TEXT.indexOf('Darioush'), TEXT.indexOf('Darioush') + 'Darioush Kalantari'.length, DARIOUSH)),
    record('mention', mention('m3', TEXT.indexOf('trucks'), TEXT.indexOf('trucks') + 6, null)),
    record('entity', {
      id: DARIOUSH,
      type: 'PERSON',
      name: 'Darioush Kalantari',
      aliases: [
        { name: 'Kalantary', script: 'latin', source: 'extracted' },
        { name: 'داریوش کلانتری', script: 'arabic', source: 'curated' },
      ],
      attributes: { born: '1970' },
      sensitivity: 'public',
    }),
    record('entity', { id: HOSSEIN, type: 'PERSON', name: 'Hossein Navabi', aliases: [{ name: 'Navabi', script: 'latin', source: 'extracted' }], attributes: {}, sensitivity: 'public' }),
  ];
  const file = join(tempDir(), 'fixture.jsonl');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

async function exportOf(wsDir: string, full = false): Promise<Record<string, any>[]> {
  const ws = openWorkspace(wsDir);
  try {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportJsonl(ws, out, { full });
    return Buffer.concat(chunks).toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  } finally {
    await ws.close();
  }
}

describe('pseudonym helpers', () => {
  it('labels ranks A..Z, AA.. like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52].map(pseudonymLabel)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });

  it('maps offsets around and inside replaced spans', () => {
    const reps = [{ start: 4, end: 9, text: 'Witness A' }]; // 5 chars -> 9 chars
    expect(mapOffset(reps, 2, 'start')).toBe(2);
    expect(mapOffset(reps, 4, 'start')).toBe(4);
    expect(mapOffset(reps, 9, 'end')).toBe(13);
    expect(mapOffset(reps, 12, 'start')).toBe(16);
    expect(mapOffset(reps, 6, 'start')).toBe(4);
    expect(mapOffset(reps, 6, 'end')).toBe(13);
    expect(applyReplacements('abc Smith xy', reps)).toBe('abc Witness A xy');
  });

  it('matches whole words only, case-insensitively, in Latin and Persian script', () => {
    const [p] = assignPseudonyms([
      { id: 'e1', type: 'PERSON', name: 'Ali', aliases: [{ name: 'علی', script: 'arabic', source: 'curated' }], attributes: {}, sensitivity: 'protected' },
    ]);
    const r = new Redactor([p!]);
    expect(r.redactString('ALI met Alison and علی، not علیرضا')).toBe('Witness A met Alison and Witness A، not علیرضا');
  });
});

describe('daftar protect and redacted exports', () => {
  let ws: string;
  beforeAll(() => {
    ws = join(tempDir(), 'ws');
    mkdirSync(ws);
    expect(run(ws, ['init']).status).toBe(0);
    const imp = run(ws, ['import', fixture()]);
    expect(imp.status, imp.stderr).toBe(0);
    // Ordered by entity id: person:kalantari -> Witness A, person:navabi -> Witness B.
    for (const id of [HOSSEIN, DARIOUSH]) {
      const r = run(ws, ['protect', id, '--reason', 'FICTIONAL: witness at risk', '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ target: 'entity', id, level: 'protected', previous: 'public' });
    }
    const d = run(ws, ['protect', SECRET_DOC.slice(0, 12), '--reason', 'FICTIONAL: location of a safe house']);
    expect(d.status, d.stderr).toBe(0);
  }, 60_000);

  it('records each decision as an action and a log entry', async () => {
    const records = await exportOf(ws, true);
    const actions = records.filter((r) => r.kind === 'action');
    expect(actions.map((a) => a.payload.id).sort()).toEqual([DARIOUSH, HOSSEIN, SECRET_DOC].sort());
    expect(actions.every((a) => a.operation === 'protect' && a.reason.startsWith('FICTIONAL'))).toBe(true);
    const logged = records.filter((r) => r.kind === 'log' && r.operation === 'action').map((r) => r.subject);
    expect(logged.sort()).toEqual(actions.map((a) => a.id).sort());
  });

  it('pseudonymizes protected persons everywhere, keeps offsets true, and leaves out protected documents', async () => {
    const records = await exportOf(ws);
    const all = records.map((r) => JSON.stringify(r)).join('\n');
    for (const name of ['Darioush', 'Kalantari', 'Kalantary', 'Hosien', 'Navabi', 'داریوش', 'کلانتری', 'person:kalantari', 'person:navabi', 'born']) {
      expect(all, name).not.toContain(name);
    }
    expect(all).not.toContain(SECRET_DOC);
    expect(records.filter((r) => r.kind === 'action').map((a) => a.payload.id)).toEqual(['witness-b', 'witness-a', 'protected-document']);
    const doc = records.find((r) => r.kind === 'document')!;
    expect(doc.text).toBe('FICTIONAL testimony. Witness A saw the trucks at night. Later Witness A told Witness B that Witness A had left.\n\nWitness B stayed.');
    expect(doc.metadata.title).toBe('Testimony of Witness A');
    expect(doc.fileName).toBe('testimony-Witness A.txt'); // the surname alone is hidden too
    const passages = records.filter((r) => r.kind === 'passage');
    expect(passages.map((p) => doc.text.slice(p.start, p.end))).toEqual([doc.text.split('\n\n')[0], 'Witness B stayed.']);
    for (const m of records.filter((r) => r.kind === 'mention')) expect(doc.text.slice(m.start, m.end)).toBe(m.text);
    expect(records.filter((r) => r.kind === 'mention').map((m) => [m.text, m.entityId])).toEqual([
      ['Witness A', 'witness-a'],
      ['trucks', null],
      ['Witness B', 'witness-b'],
    ]);
    expect(records.filter((r) => r.kind === 'entity').map((e) => [e.id, e.name, e.aliases.length])).toEqual([
      ['witness-a', 'Witness A', 0],
      ['witness-b', 'Witness B', 0],
    ]);
    // The originals are untouched and a full export says it was full.
    const full = await exportOf(ws, true);
    expect(full.find((r) => r.kind === 'document' && r.id === DOC)!.text).toBe(TEXT);
    expect(full.some((r) => r.id === SECRET_DOC)).toBe(true);
    const exportsLogged = full.filter((r) => r.kind === 'log' && r.operation === 'export').map((r) => r.details);
    expect(exportsLogged.some((d) => d.pseudonymized === 2)).toBe(true);
    expect(exportsLogged.some((d) => d.full === true)).toBe(true);
  });

  it('lowers a level again with a reason, and refuses a protect without one', () => {
    const r = run(ws, ['protect', HOSSEIN, '--level', 'restricted', '--reason', 'FICTIONAL: consent given']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/entity person:navabi: protected -> restricted/);
    const bad = run(ws, ['protect', HOSSEIN, '--reason', ' ']);
    expect(bad.status).toBe(2);
    const unknown = run(ws, ['protect', 'person:nobody', '--reason', 'x']);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/no document or entity with this id/);
  });
});
