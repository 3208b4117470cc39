import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { Parser } from 'htmlparser2';
import { decodeHtml } from '../../../src/ingest/html/decode.js';
import { collapseWs, parsePage, utf8FromLatin1 } from '../../../src/ingest/html/parse.js';

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

describe('parsing a latin1 view of UTF-8 bytes', () => {
  // Fictional page: non-ASCII text, character references beside it, non-ASCII attribute
  // values with references inside, a JSON-LD script, a Persian title.
  const html = `<!doctype html><html lang="fa"><head><meta charset="utf-8">
<title>گزارش &laquo;سیل&raquo; در دره &amp; روستا</title>
<meta name="description" content="خلاصه&nbsp;گزارش — café &eacute;t&eacute; «نقل‌قول»">
<meta property="og:title" content="Caf&eacute; owner says «no» — 12&nbsp;km">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"سیل در دره","author":{"name":"Zoë Amini"}}</script>
</head><body><article class="پست post"><h1 id="عنوان">سیل&nbsp;در دره</h1>
<p class="byline">نوشته Zoë&#160;Amini</p>
<p>Residents of the valley — about 1,200 people — said the café &amp; the mosque&#x2014;both near the river&nbsp;bank — were flooded on Tuesday, و آب تا زانو رسید.</p>
<p><a href="/tag/سیل">سیل&hellip;</a> &copy; 2026 ©</p>
</article></body></html>`;
  const bytes = new TextEncoder().encode(html);

  it('gives the same page as parsing the decoded text', () => {
    const decoded = decodeHtml(bytes);
    const view = decodeHtml(bytes, { latin1View: true });
    expect(decoded.utf8Bytes).toBeUndefined();
    expect(view.utf8Bytes).toBe(true);
    expect(view.html).not.toBe(decoded.html);
    const a = parsePage(decoded.html);
    const b = parsePage(view.html, { utf8Bytes: true });
    expect(b).toEqual(a);
    expect(b.title).toBe('گزارش «سیل» در دره & روستا');
    expect(b.metas.find((m) => m.key === 'og:title')?.content).toBe('Café owner says «no» — 12\u00a0km');
    expect(b.blocks.some((x) => x.text.includes('the café & the mosque—both near the river bank'))).toBe(true);
    expect(b.elems.some((e) => e.hint.includes('پست'))).toBe(true);
    expect(b.jsonLd[0]).toContain('Zoë Amini');
  });

  it('reads ASCII-only pages and legacy encodings as before', () => {
    const ascii = decodeHtml(new TextEncoder().encode('<p>plain &amp; simple</p>'), { latin1View: true });
    expect(ascii.utf8Bytes).toBeUndefined();
    const legacy = decodeHtml(Uint8Array.from([...new TextEncoder().encode('<meta charset="windows-1256"><p>'), 0xc7, 0xe1]), { latin1View: true });
    expect(legacy.utf8Bytes).toBeUndefined();
    expect(legacy.encoding).toBe('windows-1256');
  });

  it('utf8FromLatin1 decodes bytes held one per character', () => {
    const s = 'café — «سیل»';
    const latin1 = Buffer.from(s, 'utf8').toString('latin1');
    expect(utf8FromLatin1(latin1)).toBe(s);
    expect(utf8FromLatin1('ascii only')).toBe('ascii only');
  });
});

describe('character references', () => {
  // Decoded by parse.ts itself; htmlparser2's own decoding is the reference.
  const pieces = ['&amp;', '&amp', '&notit;', '&not', '&#x2014;', '&#8212', '&#128;', '&#0;', '&#xD800;', '&NotEqualTilde;', '&bogus;', '&', '& ', '&#;', '&lt;b&gt;', 'caf&eacute;', '&nbsp;&nbsp;'];
  const reference = (html: string) => {
    let text = '';
    let title = '';
    let content = '';
    let inTitle = false;
    const p = new Parser(
      {
        onopentag(name, attribs) {
          if (name === 'title') inTitle = true;
          if (name === 'meta') content = attribs.content ?? '';
        },
        ontext(t) {
          if (inTitle) title += t;
          else text += t;
        },
        onclosetag(name) {
          if (name === 'title') inTitle = false;
        },
      },
      { decodeEntities: true },
    );
    p.end(html);
    return { text, title, content };
  };
  for (const piece of pieces) {
    it(`reads ${JSON.stringify(piece)} as htmlparser2 does, in text, title and attributes`, () => {
      const html = `<title>t ${piece} x</title><meta name="description" content="a ${piece}=b ${piece}x ${piece}"><p>p ${piece}x ${piece}; ${piece}</p>`;
      const ref = reference(html);
      for (const utf8Bytes of [false, true]) {
        const src = utf8Bytes ? Buffer.from(html, 'utf8').toString('latin1') : html;
        const page = parsePage(src, { utf8Bytes });
        expect(page.title).toBe(ref.title.replace(/\s+/g, ' ').trim());
        expect(page.metas.find((m) => m.key === 'description')?.content).toBe(ref.content.trim());
        expect(page.blocks[0]?.text).toBe(ref.text.replace(/\s+/g, ' ').trim());
      }
    });
  }
  it('keeps script text raw and ends a reference at the end of the page', () => {
    const page = parsePage('<script type="application/ld+json">{"a":"&amp;"}</script><p>x &amp');
    expect(page.jsonLd[0]).toBe('{"a":"&amp;"}');
    expect(page.blocks[0]?.text).toBe('x &');
  });
});
