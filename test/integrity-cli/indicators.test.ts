// Indicators: STIX 2.1 patterns and plain lists parse into hashes, domains and package
// names; matching finds file hashes of ingested files and names written in texts.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { classifyIndicator, findIndicatorsInText, indicatorsInPattern, parseIndicatorList, parseStixBundle } from '../../src/indicators/indicator.js';
import { repoRoot } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';
import { run } from './cli.js';

vi.setConfig({ testTimeout: 240_000 }); // each test runs the CLI several times; the shared machine is often loaded

const fixture = (name: string) => join(repoRoot, 'test', 'integrity-cli', 'fixtures', name);
// The fixtures list the SHA-256 of the bytes "foo" (fictional "spyware sample").
const SAMPLE = Buffer.from('foo');
const SAMPLE_SHA = createHash('sha256').update(SAMPLE).digest('hex');

describe('indicator parsers', () => {
  it('reads hashes, domains, URLs and app ids from STIX patterns, OR-combined too', () => {
    expect(indicatorsInPattern("[file:hashes.'SHA-256' = 'AB" + '0'.repeat(62) + "']")).toEqual([{ type: 'sha256', value: 'ab' + '0'.repeat(62) }]);
    expect(indicatorsInPattern("[url:value = 'http://a.b-c.org:8080/x'] OR [app:id = 'com.x.y']")).toEqual([
      { type: 'domain', value: 'a.b-c.org' },
      { type: 'package', value: 'com.x.y' },
    ]);
    expect(indicatorsInPattern("[ipv4-addr:value = '10.0.0.1']")).toEqual([]);
  });

  it('parses a STIX bundle, names the set after its malware and skips other pattern types', () => {
    const r = parseStixBundle(readFileSync(fixture('stix-fictional-spyware.json'), 'utf8'));
    expect(r.name).toBe('FictionalSpy');
    expect(r.skipped).toBe(1);
    expect(r.indicators.map((i) => `${i.type}:${i.value}`)).toEqual([
      `sha256:${SAMPLE_SHA}`,
      'domain:c2.daftar-fictional-spy.net',
      'domain:update.daftar-fictional-cdn.org',
      'package:com.fictionalspy.agent',
      'domain:daftar-fictional-exfil.com',
    ]);
    expect(r.indicators[0]!.sourceId).toBe('indicator--5d0f4a57-0000-4000-8000-000000000003');
    expect(() => parseStixBundle('{"type":"report"}')).toThrow(/expected a bundle/);
  });

  it('tells domains from package names in a plain list and reports what is neither', () => {
    const r = parseIndicatorList(readFileSync(fixture('mvt-style-list.txt'), 'utf8'));
    expect(r.indicators.map((i) => `${i.type}:${i.value}`)).toEqual([
      `sha256:${SAMPLE_SHA}`,
      'domain:daftar-fictional-spy.net',
      'domain:tracker.daftar-fictional-ads.com',
      'package:com.fictionalspy.agent',
      'package:com.fictionalspy.helper',
    ]);
    expect(r.rejected).toEqual([{ line: 7, text: 'not an indicator at all' }]);
    expect(classifyIndicator('domain:com.fictionalspy.agent')).toEqual({ type: 'domain', value: 'com.fictionalspy.agent' });
    expect(parseIndicatorList('org.example.app\n', 'package').indicators[0]!.type).toBe('package');
  });

  it('finds domains (subdomains too, defanged too) and package names in text, with offsets', () => {
    const text = 'Beacon to API.c2.Daftar-Fictional-Spy.net, then daftar-fictional-spy[.]net. App com.fictionalspy.agent; not notdaftar-fictional-spy.net.';
    const found = findIndicatorsInText(text, new Set(['daftar-fictional-spy.net']), new Set(['com.fictionalspy.agent']));
    expect(found.map((f) => [f.type, f.value, f.text])).toEqual([
      ['domain', 'daftar-fictional-spy.net', 'API.c2.Daftar-Fictional-Spy.net'],
      ['domain', 'daftar-fictional-spy.net', 'daftar-fictional-spy[.]net'],
      ['package', 'com.fictionalspy.agent', 'com.fictionalspy.agent'],
    ]);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('daftar indicators', () => {
  it('imports both formats once and lists matches with their sets', () => {
    const dir = tempDir();
    const ws = join(dir, 'ws');
    const sample = join(dir, 'sample.bin');
    writeFileSync(sample, SAMPLE);
    expect(run(ws, ['ingest', sample]).status).toBe(0);
    const doc = {
      kind: 'document', id: 'f'.repeat(64), documentKind: 'report', mediaType: 'text', sizeBytes: 10, fileName: 'report.txt',
      text: 'FICTIONAL report: the phone contacted c2.daftar-fictional-spy.net and had com.fictionalspy.helper installed.',
      metadata: { title: null, authors: [], site: null, url: null, language: 'en', published: null, flags: [], extra: {} }, sections: [], sensitivity: 'public', ingestedAt: '2026-01-01T00:00:00.000Z',
    };
    const records = join(dir, 'report.jsonl');
    writeFileSync(records, JSON.stringify(doc) + '\n');
    expect(run(ws, ['import', records]).status).toBe(0);

    const stix = run(ws, ['indicators', 'import', fixture('stix-fictional-spyware.json'), '--json']);
    expect(stix.status, stix.stderr).toBe(0);
    expect(JSON.parse(stix.stdout)).toMatchObject({ setName: 'FictionalSpy (stix-fictional-spyware.json)', format: 'stix', indicators: 5, added: 5 });
    const list = run(ws, ['indicators', 'import', fixture('mvt-style-list.txt')]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stderr).toMatch(/line 7: not a sha256, domain or package name/);
    const logBefore = JSON.parse(run(ws, ['status', '--json']).stdout).logEntries;
    expect(JSON.parse(run(ws, ['indicators', 'import', fixture('mvt-style-list.txt'), '--json']).stdout).added).toBe(0);
    expect(JSON.parse(run(ws, ['status', '--json']).stdout).logEntries).toBe(logBefore);

    const m = run(ws, ['indicators', 'matches', '--json']);
    expect(m.status, m.stderr).toBe(0);
    const matches = JSON.parse(m.stdout) as { documentId: string; type: string; value: string; sets: string[] }[];
    expect(matches.map((x) => [x.documentId === SAMPLE_SHA ? 'sample' : 'report', x.type, x.value, x.sets.length])).toEqual([
      ['sample', 'sha256', SAMPLE_SHA, 2],
      ['report', 'domain', 'c2.daftar-fictional-spy.net', 1],
      ['report', 'package', 'com.fictionalspy.helper', 1],
    ]);
    expect(run(ws, ['indicators', 'matches']).stdout).toMatch(/set: FictionalSpy \(stix-fictional-spyware\.json\); mvt-style-list\.txt/);
  });
});
