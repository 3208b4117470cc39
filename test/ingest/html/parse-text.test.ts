import { describe, expect, it } from 'vitest';
import { collapseWs } from '../../../src/ingest/html/parse.js';

// The parser's fast text helpers must give exactly what the plain regular expressions give.
const CASES = [
  'plain words with single spaces',
  '  leading and trailing  ',
  'tab\there',
  'new\nline',
  'crlf\r\nline',
  'no\u00a0break',
  'mixed \u00a0\t run',
  '\u2028line separator\u2029',
  'ideographic\u3000space and bom\ufeff',
  'zero width\u200bis not space',
  'thin\u2009space, narrow\u202fspace',
  ' ',
  '\n',
  '',
  'نشانی\u200cها  با   فاصله',
];

describe('collapseWs', () => {
  it('equals replace(/\\s+/g, " ") on every kind of whitespace', () => {
    for (const s of CASES) expect(collapseWs(s)).toBe(s.replace(/\s+/g, ' '));
  });
  it('returns the same string when nothing changes', () => {
    const s = 'already one space between words';
    expect(collapseWs(s)).toBe(s);
    expect(collapseWs('a\tb')).toBe('a b');
  });
});
