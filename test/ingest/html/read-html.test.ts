import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/ingest/html/read-html.js';
import { decodeHtml } from '../../../src/ingest/html/decode.js';
import { DaftarError } from '../../../src/model/errors.js';
import { DEFAULT_READ_LIMITS, type ReadResult } from '../../../src/ingest/types.js';

// All pages here are fictional, written for these tests.
const enc = new TextEncoder();
const read = (html: string | Uint8Array, fileName = 'page.html'): Promise<ReadResult> =>
  readHtml({ bytes: typeof html === 'string' ? enc.encode(html) : html, fileName, limits: DEFAULT_READ_LIMITS });

const P1 = 'The river authority said on Tuesday that the eastern dam had been inspected twice this year, and that engineers found no cracks in the spillway.';
const P2 = 'Residents of the lower valley, however, told reporters that the warning sirens had not been tested since the spring floods, and asked for a public hearing.';
const P3 = 'A spokesperson for the authority declined to say when the next inspection would take place, citing ongoing repairs to the access road near the village of Norhaven.';

function articlePage(extraHead = '', byline = '<p class="byline">By Mara Ellison</p>'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dam inspection questioned | The Valley Courier</title>
<meta property="og:site_name" content="The Valley Courier">
<meta name="author" content="Mara Ellison">
<link rel="canonical" href="https://courier.example/2019/07/dam-inspection">
${extraHead}
</head><body>
<div class="top-bar">Monday, November 23, 2026 | Weather: 12°C</div>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience. Accept all cookies</div>
<header class="site-header"><nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<main>
<article class="post">
<h1>Dam inspection questioned</h1>
${byline}
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a></div>
<div class="entry-content">
<p>${P1}</p>
<h2>Sirens untested</h2>
<p>${P2}</p>
<p>${P3}</p>
</div>
<div class="related-posts"><h3>Related</h3><ul><li><a href="/a">Bridge closed after storm damages railings on the old crossing</a></li><li><a href="/b">Council approves budget for new ferry terminal in the harbour</a></li></ul></div>
</article>
<section id="comments" class="comments-area"><h3>3 comments</h3><div class="comment"><p>Greta W. wrote: I live by the dam and nobody has ever told us anything about these inspections, which is a shame.</p></div></section>
</main>
<aside class="sidebar"><h3>Latest news</h3><ul><li><a href="/c">Election results announced in the northern district after recount</a></li></ul></aside>
<footer class="site-footer"><p>© 2026 The Valley Courier. All rights reserved.</p><p><a href="/about">About us</a> · <a href="/contact">Contact</a></p></footer>
</body></html>`;
}

describe('readHtml: main text', () => {
  it('keeps the article paragraphs and headings and drops menus, share buttons, related lists, comments, cookie banners and footers', async () => {
    const r = await read(articlePage());
    expect(r.text).toContain(P1);
    expect(r.text).toContain(P2);
    expect(r.text).toContain(P3);
    expect(r.text).toContain('Sirens untested');
    for (const chrome of ['Home', 'Share on Facebook', 'Bridge closed', 'Greta W.', 'cookies', 'All rights reserved', 'Election results', 'Weather']) {
      expect(r.text).not.toContain(chrome);
    }
    expect(r.mediaType).toBe('html');
    expect(r.kind).toBe('article');
    expect(r.sections).toEqual([]);
  });

  it('separates blocks by a blank line and gives one passage per block, heading included', async () => {
    const r = await read(articlePage());
    const parts = r.text.split('\n\n');
    expect(parts).toEqual([P1, 'Sirens untested', P2, P3]);
    expect(r.passages.map((p) => r.text.slice(p.start, p.end))).toEqual(parts);
    expect(r.passages.every((p) => p.page === null)).toBe(true);
  });

  it('removes page-builder shortcodes', async () => {
    const html = `<html><body><div class="content">[vc_row full_width="stretch"][vc_column width="1/2"][vc_column_text]<p>${P1}</p><p>${P2} [/vc_column_text]</p>[/vc_column][/vc_row]<p>${P3}</p></div></body></html>`;
    const r = await read(html);
    expect(r.text).not.toMatch(/\[\/?vc_/);
    expect(r.text).toContain(P1);
    expect(r.text).toContain(P2);
  });

  it('reads metadata: title without the site suffix, author, site, canonical URL, language', async () => {
    const r = await read(articlePage());
    expect(r.metadata.title).toBe('Dam inspection questioned');
    expect(r.metadata.authors).toEqual(['Mara Ellison']);
    expect(r.metadata.site).toBe('The Valley Courier');
    expect(r.metadata.url).toBe('https://courier.example/2019/07/dam-inspection');
    expect(r.metadata.language).toBe('en');
    expect(r.metadata.flags).toEqual([]);
  });

  it('reads JSON-LD author, publisher and datePublished', async () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Dam inspection questioned","datePublished":"2019-07-17T08:30:00+01:00","author":[{"@type":"Person","name":"Jon Pereira"}],"publisher":{"@type":"Organization","name":"Valley Courier Ltd"}}]}</script>`;
    const page = articlePage(ld, '').replace('<meta name="author" content="Mara Ellison">', '').replace('<meta property="og:site_name" content="The Valley Courier">', '');
    const r = await read(page);
    expect(r.metadata.authors).toEqual(['Jon Pereira']);
    expect(r.metadata.site).toBe('Valley Courier Ltd');
    expect(r.metadata.published).toMatchObject({ value: '2019-07-17', evidence: 'json-ld datePublished' });
  });
});

describe('readHtml: site name from the title', () => {
  const bare = (title: string, h1: string) =>
    `<html lang="fa"><head><meta charset="utf-8"><title>${title}</title></head><body><div class="hdr">منو | خانه</div><article><h1>${h1}</h1><p>${P1}</p><p>${P2}</p></article></body></html>`;

  it('takes the part of the <title> beside the headline for the site when no metadata names it', async () => {
    const r = await read(bare('استاندار اشگران: غرامت ۱۲۰۰ خانوار پرداخت می‌شود | خبرگزاری گلمرز', 'استاندار اشگران: غرامت ۱۲۰۰ خانوار پرداخت می‌شود'));
    expect(r.metadata.site).toBe('خبرگزاری گلمرز');
    expect(r.metadata.title).toBe('استاندار اشگران: غرامت ۱۲۰۰ خانوار پرداخت می‌شود');
    const first = await read(bare('Valley Courier – Dam inspection questioned again', 'Dam inspection questioned again'));
    expect(first.metadata.site).toBe('Valley Courier');
  });

  it('does not take a section name or a title without the headline for the site', async () => {
    // The title is not the headline plus one short part: no site.
    expect((await read(bare('Dam inspection questioned | News | Valley', 'Sirens untested in the lower valley'))).metadata.site).toBeNull();
    expect((await read(bare('Dam inspection questioned again', 'Dam inspection questioned again'))).metadata.site).toBeNull();
    // A long tail is a second headline, not a site name.
    expect((await read(bare('Dam inspection questioned again | Residents ask for a public hearing on the sirens', 'Dam inspection questioned again'))).metadata.site).toBeNull();
    // Metadata wins over the title.
    expect((await read(articlePage())).metadata.site).toBe('The Valley Courier');
  });
});

describe('readHtml: publication date evidence', () => {
  it('prefers the <time> in the article byline over the date in the page top bar', async () => {
    const r = await read(articlePage('', '<p class="byline">By Mara Ellison, <time datetime="2019-07-17T09:00:00Z">17 July 2019</time></p>'));
    expect(r.metadata.published?.value).toBe('2019-07-17');
    expect(r.metadata.published?.evidence).toMatch(/time/);
    expect(r.metadata.published!.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('takes article:published_time over text dates', async () => {
    const r = await read(articlePage('<meta property="article:published_time" content="2019-07-16T22:10:00-04:00">'));
    expect(r.metadata.published).toMatchObject({ value: '2019-07-16', evidence: 'meta[article:published_time]' });
  });

  it('never gives high confidence to a date that only appears in the header bar or footer', async () => {
    const page = articlePage('', '').replace('https://courier.example/2019/07/dam-inspection', 'https://courier.example/dam-inspection');
    const r = await read(page);
    if (r.metadata.published) expect(r.metadata.published.confidence).toBeLessThan(0.5);
  });

  it('reads a Solar Hijri byline date in Persian digits', async () => {
    const html = `<html lang="fa" dir="rtl"><head><meta charset="utf-8"><title>گزارش بازداشت‌ها - خبرنامه نمونه</title></head><body>
<div class="header-date">دوشنبه ۳ آذر ۱۴۰۵</div>
<article><h1>گزارش تازه درباره بازداشت‌ها</h1><p class="meta">تاریخ انتشار: ۲۶ تیر ۱۳۹۸</p>
<p>بنا بر گزارش این گروه، دست‌کم چهل نفر در روزهای گذشته در شهرهای شمالی بازداشت شده‌اند و خانواده‌های آنان از سرنوشتشان خبری ندارند.</p>
<p>این گروه از مقام‌های قضایی خواسته است که فهرست کامل بازداشت‌شدگان و محل نگهداری آنان را منتشر کنند و به وکلا اجازه دیدار بدهند.</p>
</article></body></html>`;
    const r = await read(html);
    expect(r.metadata.published?.value).toBe('2019-07-17');
    expect(r.metadata.published?.evidence).toMatch(/solar hijri/);
    expect(r.metadata.language).toBe('fa');
    expect(r.text).not.toContain('آذر ۱۴۰۵');
  });
});

describe('readHtml: archive pages', () => {
  it('returns one section per post with its own title and date', async () => {
    const post = (title: string, date: string, body: string) =>
      `<article class="post"><h2><a href="/p">${title}</a></h2><div class="post-meta"><time datetime="${date}">${date}</time></div><div class="entry"><p>${body}</p></div></article>`;
    const html = `<html><head><title>Archive: floods | Valley Courier</title></head><body><nav><a href="/">Home</a></nav><div id="content">
${post('Floodwater reaches the mill', '2019-03-02', P1)}
${post('Sirens to be tested', '2019-04-11', P2)}
${post('Access road repairs delayed', '2019-05-20', P3)}
</div><footer>© 2026 Valley Courier</footer></body></html>`;
    const r = await read(html);
    expect(r.sections.map((s) => s.title)).toEqual(['Floodwater reaches the mill', 'Sirens to be tested', 'Access road repairs delayed']);
    expect(r.sections.map((s) => s.published?.value)).toEqual(['2019-03-02', '2019-04-11', '2019-05-20']);
    expect(r.text.slice(r.sections[1]!.start, r.sections[1]!.end)).toContain(P2);
    expect(r.text.slice(r.sections[1]!.start, r.sections[1]!.end)).not.toContain(P1);
    // The first post's date is not the page's date.
    expect(r.metadata.published).toBeNull();
  });
});

describe('readHtml: encodings', () => {
  // windows-1256 bytes for a string, from TextDecoder's own table.
  function encode1256(s: string): Uint8Array {
    const dec = new TextDecoder('windows-1256');
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
    return new Uint8Array([...s].map((ch) => table.get(ch) ?? 0x3f));
  }

  it('decodes a windows-1256 Persian page declared in <meta http-equiv>', async () => {
    // Persian in windows-1256 is written with Arabic yeh (ي), as such pages are.
    const body = 'گزارش کمیته درباره وضعیت زندانیان سیاسی در سال گذشته منتشر شد و نشان می‌دهد که شمار بازداشت‌ها افزایش یافته است.'.replace(/ی/g, 'ي');
    const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>گزارش</title></head><body><div class="content"><p>${body}</p><p>${body}</p></div></body></html>`;
    const r = await read(encode1256(html));
    expect(r.text).toContain('گزارش كميته درباره وضعيت زندانيان'.replace(/ك/g, 'ک'));
    expect(r.metadata.language).toBe('fa');
    expect(r.metadata.extra.encoding).toBe('windows-1256');
  });

  it('falls back to windows-1252 when undeclared bytes are not UTF-8', () => {
    const bytes = new Uint8Array([...enc.encode('<p>Caf'), 0xe9, ...enc.encode(' au lait</p>')]);
    expect(decodeHtml(bytes)).toMatchObject({ html: '<p>Café au lait</p>', encoding: 'windows-1252' });
  });

  it('honours a UTF-16 byte-order mark', () => {
    const s = '<p>Tehrān</p>';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes[0] = 0xff;
    bytes[1] = 0xfe;
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(decodeHtml(bytes).html).toBe(s);
  });
});

describe('readHtml: hostile input', () => {
  it('survives 10,000 levels of nesting, closed and unclosed', async () => {
    const depth = 10_000;
    const closed = `<html><body>${'<div>'.repeat(depth)}<p>${P1}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect((await read(closed)).text).toContain(P1);
    const unclosed = `<html><body>${'<section><div><span>'.repeat(depth)}<p>${P2}</p>`;
    expect((await read(unclosed)).text).toContain(P2);
  });

  it('throws no_text for a page without readable text', async () => {
    const err = await read('<html><head><title></title><script>var x = 1;</script></head><body><img src="a.png"><div> </div></body></html>', 'empty.html').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DaftarError);
    expect((err as DaftarError).code).toBe('no_text');
    expect((err as DaftarError).message).toBe('empty.html: HTML page has no readable text');
  });

  it('reads on after a stray <![CDATA[ in the body, as a browser does', async () => {
    const r = await read(`<html><body><![CDATA[<div class="content"><p>${P1}</p><p>${P2}</p></div></body></html>`);
    expect(r.text).toContain(P1);
  });

  it('keeps the head description of a script-rendered page, flagged description_only', async () => {
    const desc = 'Residents of the lower valley asked the river authority for a public hearing about the untested warning sirens.';
    const r = await read(`<html><head><meta name="description" content="${desc}"></head><body><div id="app"></div><script>render()</script></body></html>`);
    expect(r.text).toBe(desc);
    expect(r.metadata.flags).toEqual(['description_only']);
  });

  it('reads binary junk without crashing (text or no_text, nothing else)', async () => {
    const junk = new Uint8Array(4096);
    let x = 7;
    for (let i = 0; i < junk.length; i++) junk[i] = x = (x * 1103515245 + 12345) & 0xff;
    const res = await read(junk).then((r) => r.text, (e: unknown) => e);
    if (typeof res !== 'string') expect((res as DaftarError).code).toBe('no_text');
  });
});
