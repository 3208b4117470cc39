import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/ingest/read.js';
import { rtfToText } from '../../../src/ingest/text/read-rtf.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';

// Shaped like WordPad/Word output: font and colour tables, \info, \* destinations, a field,
// \'hh bytes in the ANSI code page and \uN characters with their fallbacks. Fictional text.
const WORDPAD = String.raw`{\rtf1\ansi\ansicpg1252\deff0\nouicompat{\fonttbl{\f0\fnil\fcharset0 Calibri;}{\f1\fnil\fcharset178 Arial;}}
{\colortbl ;\red0\green0\blue255;}
{\*\generator Riched20 10.0.19041}{\info{\title Witness statement C (fictional)}{\author Daftar Test}{\creatim\yr2020\mo11\dy5\hr9\min30}}
\viewkind4\uc1\pard\sa200\sl276\slmult1\f0\fs22\lang9 Statement of witness C, taken in Caf\'e9 Mir\'e9.\par
She said: \ldblquote They took us at night.\rdblquote\par
{\field{\*\fldinst{HYPERLINK "http://127.0.0.1:9/x"}}{\fldrslt{\ul\cf1 the annex}}}\par
\pard\rtlpar\f1\rtlch \u1711?\u1586?\u1575?\u1585?\u1588? \u1588?\u1575?\u1607?\u1583?\par
{\pict\wmetafile8\picw100\pich100 0100090000035a00000000000000}
}
`;

describe('RTF', () => {
  it('keeps visible text, decodes \\\'hh and \\uN, drops tables, pictures and field instructions', () => {
    const r = rtfToText(WORDPAD);
    expect(r.text).toBe('Statement of witness C, taken in Café Miré.\nShe said: \u201cThey took us at night.\u201d\nthe annex\nگزارش شاهد');
    expect(r).toMatchObject({ title: 'Witness statement C (fictional)', author: 'Daftar Test', created: '2020-11-05', tooDeep: false });
  });

  it('decodes bytes in the declared code page (windows-1256 Persian)', () => {
    expect(rtfToText(String.raw`{\rtf1\ansi\ansicpg1256 \'90\'d2\'c7\'d1\'d4\par}`).text).toBe('گزارش');
  });

  it('is sniffed and read through readDocument as a testimony with passages', async () => {
    const r = await readDocument({ bytes: new TextEncoder().encode(WORDPAD), fileName: 'statement.doc', limits: DEFAULT_READ_LIMITS });
    expect(r.mediaType).toBe('text');
    expect(r.metadata.extra.format).toBe('rtf');
    expect(r.kind).toBe('testimony');
    expect(r.passages.map((p) => r.text.slice(p.start, p.end))).toHaveLength(4);
    expect(r.metadata.published).toEqual({ value: '2020-11-05', evidence: 'rtf info creatim', confidence: 0.3 });
  });

  it('stops at absurd nesting instead of recursing', () => {
    const r = rtfToText('{\\rtf1 ' + '{'.repeat(100_000) + 'deep' + '}'.repeat(100_000) + '}');
    expect(r.tooDeep).toBe(true);
  });
});
