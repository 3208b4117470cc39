import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, hashLogEntry, sealLogEntry } from '../../src/integrity/log-entry.js';
import { LogEntry } from '../../src/model/schema.js';

const entry = { seq: 7, at: '2026-11-23T12:00:00.000Z', actor: 'maryam', operation: 'ingest' as const, subject: 'ab'.repeat(32), details: { fileName: 'گزارش.pdf', sizeBytes: 1024 } };

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: 'x' }], c: true } })).toBe('{"a":{"c":true,"d":[3,{"y":"x","z":null}]},"b":1}');
  });

  it('sorts by UTF-16 code units (RFC 8785), not by locale', () => {
    // "é" (U+00E9) sorts after "z"; a locale sort would put it before.
    expect(canonicalJson({ z: 1, é: 2, A: 3, '\u{1F600}': 4, '\uFB01': 5 })).toBe('{"A":3,"z":1,"é":2,"\u{1F600}":4,"\uFB01":5}');
  });

  it('drops undefined members and refuses values JSON cannot hold', () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/\$\.n is NaN/);
    expect(() => canonicalJson([undefined])).toThrow(/\$\[0\] is undefined/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/\$\.d is a Date/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });

  it('is stable under JSON round trips and key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(JSON.parse(once))).toBe(once);
        expect(JSON.parse(once)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('hashLogEntry', () => {
  it('is SHA-256(0x00 || canonical JSON)', () => {
    const json = '{"actor":"maryam","at":"2026-11-23T12:00:00.000Z","details":{"fileName":"گزارش.pdf","sizeBytes":1024},"operation":"ingest","seq":7,"subject":"' + 'ab'.repeat(32) + '"}';
    const want = createHash('sha256').update(Buffer.concat([Buffer.of(0), Buffer.from(json, 'utf8')])).digest('hex');
    expect(hashLogEntry(entry)).toBe(want);
  });

  it('ignores a leafHash already present and key order, but not any value', () => {
    const sealed = sealLogEntry(entry);
    expect(LogEntry.parse(sealed)).toEqual(sealed);
    expect(hashLogEntry(sealed)).toBe(sealed.leafHash);
    const reordered = { details: { sizeBytes: 1024, fileName: 'گزارش.pdf' }, subject: entry.subject, operation: entry.operation, actor: 'maryam', at: entry.at, seq: 7 };
    expect(hashLogEntry(reordered)).toBe(sealed.leafHash);
    expect(hashLogEntry({ ...entry, seq: 8 })).not.toBe(sealed.leafHash);
    expect(hashLogEntry({ ...entry, details: { ...entry.details, sizeBytes: 1025 } })).not.toBe(sealed.leafHash);
  });
});
