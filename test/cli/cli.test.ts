// The real binary on a real workspace folder: commands, exit codes, the export round trip.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { daftar, ensureBuilt, type CliResult } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';

const ARTICLE = `<!doctype html><html lang="en"><head><title>Flood in Talvareh | Test Wire</title>
<meta property="article:published_time" content="2025-03-02T08:00:00Z"><meta property="og:site_name" content="Test Wire"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>Flood in Talvareh</h1>
<p>FICTIONAL TEST PAGE. Heavy rain flooded the market district of Talvareh on Sunday, local officials said, and
more than 300 families left their homes as the river rose through the night.</p>
<p>Dr. Shirin Kalantari, who heads the provincial crisis committee, said the army had sent boats to Talvareh.</p>
<p>The provincial crisis committee said water levels had started to fall by the afternoon, but roads to the
eastern villages remained closed and schools would stay shut until Wednesday.</p></article>
<footer>© 2026 Test Wire</footer></body></html>`;

const PERSIAN = `گزارش ساختگی برای آزمون.\n\nکمیته‌ی امداد استان اعلام کرد که در سال ۱۴۰۳ بیش از سیصد خانواده در تالواره آسیب دیده‌اند و کمک‌ها ادامه دارد.\n\nمسئولان گفتند جاده‌های روستاهای شرقی هنوز بسته است.`;

function corpus(): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'flood.html'), ARTICLE);
  mkdirSync(join(dir, 'fa'));
  writeFileSync(join(dir, 'fa', 'emdad.txt'), PERSIAN);
  writeFileSync(join(dir, 'notes.md'), '# Field notes\n\nFICTIONAL. Visited the Talvareh market on 3 March; water marks one metre high on the walls.\n');
  return dir;
}

/** corpus() ingested once into an init'ed workspace; the tests that only read it (and
 * `extract --redo`, which rewrites the same mentions) share it. Ingest into a fresh
 * workspace that `init` never made is the stdin test's. */
let shared: { ws: string; dir: string; init: CliResult; first: CliResult };

beforeAll(() => {
  ensureBuilt();
  const ws = join(tempDir(), 'ws');
  const init = daftar(ws, ['init']);
  const dir = corpus();
  shared = { ws, dir, init, first: daftar(ws, ['ingest', dir, '--json']) };
}, 300_000);

describe('daftar CLI', () => {
  // Help of every command (and that it loads no implementation): help.test.ts.

  it('exits 2 on a usage error and 2 when the workspace does not exist', () => {
    const ws = join(tempDir(), 'nothing-here');
    expect(daftar(ws, ['frobnicate']).status).toBe(2);
    const r = daftar(ws, ['status']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no Daftar workspace here/);
  });

  it('ingests a folder recursively, reports already-present files, searches and shows', () => {
    const { ws, dir, init, first } = shared;
    expect(init.status).toBe(0);
    expect(first.status, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report.added).toHaveLength(3);
    expect(report.failed).toEqual([]);

    const again = daftar(ws, ['ingest', dir]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/added 0, already present 3, failed 0/);

    const hits = JSON.parse(daftar(ws, ['search', 'flooded market', '--json']).stdout);
    expect(hits).toHaveLength(1);
    expect(hits[0].title).toBe('Flood in Talvareh');
    expect(hits[0].publishedOn).toBe('2025-03-02');
    expect(hits[0].snippet).toContain('[[flooded]]');

    // Arabic kaf/yeh in the query, ZWNJ-less, finds the Persian text; the language filter holds.
    const fa = JSON.parse(daftar(ws, ['search', 'كميتهي امداد', '--lang', 'fa', '--json']).stdout);
    expect(fa).toHaveLength(1);
    expect(JSON.parse(daftar(ws, ['search', 'امداد', '--lang', 'en', '--json']).stdout)).toEqual([]);
    expect(JSON.parse(daftar(ws, ['search', 'Talvareh', '--from', '2025-03-01', '--to', '2025-03-31', '--json']).stdout)).toHaveLength(1);

    const shown = daftar(ws, ['show', hits[0].documentId.slice(0, 8)]);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toMatch(/published 2025-03-02/);
    expect(shown.stdout).not.toMatch(/Home World/); // menus are not the text
    expect(daftar(ws, ['show', 'ffffffffffff']).status).toBe(1);

    const status = JSON.parse(daftar(ws, ['status', '--json']).stdout);
    expect(status.documents).toBe(3);
    expect(status.byLanguage).toMatchObject({ en: 2, fa: 1 });
  });

  it('extracts mentions on ingest, lists them, and redoes them on request', () => {
    const { ws } = shared;
    const people = JSON.parse(daftar(ws, ['mentions', '--type', 'person', '--json']).stdout);
    expect(people.map((p: { text: string }) => p.text)).toContain('Shirin Kalantari'); // "Dr." kept out of the span
    const hits = JSON.parse(daftar(ws, ['search', 'flooded', '--json']).stdout);
    const shown = JSON.parse(daftar(ws, ['show', hits[0].documentId, '--json']).stdout);
    const sunday = shown.mentions.find((m: { type: string; text: string }) => m.type === 'DATE' && m.text === 'Sunday');
    expect(sunday.value).toBe('2025-03-02'); // anchored on the publication date, a Sunday
    const person = shown.mentions.find((m: { text: string }) => m.text === 'Shirin Kalantari');
    expect(person.attributes.title).toBe('Dr.');
    expect(shown.document.text.slice(person.start, person.end)).toBe('Shirin Kalantari');
    const quantity = shown.mentions.find((m: { type: string }) => m.type === 'QUANTITY');
    expect(quantity).toMatchObject({ value: '300', attributes: { qualifier: 'at_least' } });
    expect(JSON.parse(daftar(ws, ['extract', '--json']).stdout).redone).toBe(0); // all up to date
    expect(JSON.parse(daftar(ws, ['extract', '--redo', '--json']).stdout).redone).toBe(3);
    expect(daftar(ws, ['mentions', '--type', 'bogus']).status).toBe(2);
  });

  it('round-trips export -> import -> export byte for byte', () => {
    const a = shared.ws;
    const first = daftar(a, ['export', '--format', 'jsonl']);
    expect(first.status).toBe(0);
    const lines = first.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const kinds = new Set(lines.map((l) => l.kind));
    for (const k of ['document', 'passage', 'mention', 'entity', 'log']) expect(kinds).toContain(k);
    const file = join(tempDir(), 'export.jsonl');
    writeFileSync(file, first.stdout);
    const b = join(tempDir(), 'b');
    expect(daftar(b, ['import', file]).status).toBe(0);
    const second = daftar(b, ['export', '--format', 'jsonl']);
    expect(second.stdout).toBe(first.stdout);
    // The imported workspace is searchable, not just a copy of rows.
    expect(JSON.parse(daftar(b, ['search', 'Talvareh', '--json']).stdout).length).toBeGreaterThan(0);
  });

  it('refuses a broken export with a one-line reason and exit 2', () => {
    const file = join(tempDir(), 'bad.jsonl');
    writeFileSync(file, '{"kind":"document","id":"nothex"}\n');
    const r = daftar(join(tempDir(), 'c'), ['import', file]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    writeFileSync(file, 'not json\n');
    expect(daftar(join(tempDir(), 'c'), ['import', file]).stderr).toMatch(/line 1: not valid JSON/);
  });

  it('takes a list of paths on stdin with -', () => {
    const ws = join(tempDir(), 'ws');
    const dir = corpus();
    const r = daftar(ws, ['ingest', '-', '--json'], { input: `${join(dir, 'flood.html')}\n${join(dir, 'notes.md')}\n` });
    expect(JSON.parse(r.stdout).added).toHaveLength(2);
  });

  it('keeps the original bytes content-addressed', () => {
    const { ws, first } = shared;
    const added = JSON.parse(first.stdout).added as { path: string; id: string }[];
    const id = added.find((a) => a.path.endsWith('flood.html'))!.id;
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(ws, 'blobs', id.slice(0, 2), id.slice(2, 4), id), 'utf8')).toBe(ARTICLE);
  });
});
