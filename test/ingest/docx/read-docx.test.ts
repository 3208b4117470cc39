import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../../src/ingest/docx/read-docx.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';
import { isDaftarError } from '../../../src/model/errors.js';
import { documentXml, makeDocx } from '../helpers/make-docx.js';

const read = (bytes: Uint8Array, fileName = 'statement.docx') => readDocx({ bytes, fileName, limits: DEFAULT_READ_LIMITS });

async function errorOf(p: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  if (!isDaftarError(err)) throw new Error(`expected a DaftarError, got ${String(err)}`);
  return { code: err.code, message: err.message };
}

describe('readDocx', () => {
  it('extracts paragraphs and core.xml title, creator and created date', async () => {
    const r = await read(
      makeDocx({
        paragraphs: ['Report on the Varzaneh camp', 'Monitors counted 1,200 detainees in 2019.', 'گزارش آزمایشی: ۱۲ نفر بازداشت شدند.'],
        core: { title: 'Varzaneh report', creator: 'Valley Monitors', created: '2019-03-14T09:00:00Z' },
      }),
    );
    expect(r.mediaType).toBe('docx');
    expect(r.kind).toBe('report');
    expect(r.text).toBe('Report on the Varzaneh camp\n\nMonitors counted 1,200 detainees in 2019.\n\nگزارش آزمایشی: ۱۲ نفر بازداشت شدند.');
    expect(r.passages.map((p) => r.text.slice(p.start, p.end))).toEqual([
      'Report on the Varzaneh camp',
      'Monitors counted 1,200 detainees in 2019.',
      'گزارش آزمایشی: ۱۲ نفر بازداشت شدند.',
    ]);
    expect(r.metadata.title).toBe('Varzaneh report');
    expect(r.metadata.authors).toEqual(['Valley Monitors']);
    expect(r.metadata.published).toEqual({ value: '2019-03-14', evidence: 'docx core.xml dcterms:created', confidence: 0.3 });
  });

  it('calls a transcript a testimony', async () => {
    const r = await read(makeDocx({ paragraphs: ['Transcript of interview with witness A (fictional)', 'Q: Where were you held?'] }));
    expect(r.kind).toBe('testimony');
  });

  it('refuses a part that inflates far beyond its compressed size (zip bomb) before inflating it', async () => {
    const bloat = new Uint8Array(2 * 1024 * 1024).fill(0x20); // 2 MB of spaces deflates ~1000:1
    const bytes = makeDocx({ paragraphs: ['x'], extraParts: { 'word/bloat.xml': bloat } });
    const err = await errorOf(read(bytes, 'bomb.docx'));
    expect(err.code).toBe('too_large');
    expect(err.message).toMatch(/^bomb\.docx: part word\/bloat\.xml expands \d+:1/);
    expect(err.message).not.toContain('\n');
  });

  it('refuses DTDs (billion laughs, external entities) without expanding them', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>` + documentXml(['&b;']).replace(/^<\?xml[^>]*>/, '');
    const err = await errorOf(read(makeDocx({ paragraphs: [], documentXml: laughs }), 'laughs.docx'));
    expect(err.code).toBe('corrupt_docx');
    expect(err.message).toBe('laughs.docx: part word/document.xml declares XML entities (a DTD), which Word never writes; refused as unsafe');
  });

  it('throws a one-line corrupt_docx for a truncated archive', async () => {
    const whole = makeDocx({ paragraphs: ['Cut short'] });
    const err = await errorOf(read(whole.subarray(0, Math.floor(whole.length / 2)), 'cut.docx'));
    expect(err).toEqual({ code: 'corrupt_docx', message: 'cut.docx: damaged Word file (zip archive is truncated or corrupt); cannot read its text' });
  });

  it('drops zip-slip entry names and records external relationship targets without fetching them', async () => {
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="http://127.0.0.1:9/template.dotm" TargetMode="External"/></Relationships>`;
    const r = await read(
      makeDocx({
        paragraphs: ['Normal text.'],
        extraParts: { '../../evil.xml': strToU8('<x/>'), 'word/_rels/settings.xml.rels': strToU8(rels) },
      }),
    );
    expect(r.text).toBe('Normal text.');
    expect(r.metadata.flags).toEqual(['has_external_links', 'has_remote_template', 'unsafe_entry_names']);
    expect(r.metadata.extra.externalTargets).toEqual(['http://127.0.0.1:9/template.dotm']);
  });
});
