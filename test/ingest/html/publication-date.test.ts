import { describe, expect, it } from 'vitest';
import { readHtml } from '../../../src/ingest/html/read-html.js';
import { DEFAULT_READ_LIMITS, type ReadResult } from '../../../src/ingest/types.js';

// Crawl and print dates in the page chrome against the article's own date.
// All pages here are fictional, written for these tests (the outlets and towns do not exist).
const enc = new TextEncoder();
const read = (html: string): Promise<ReadResult> => readHtml({ bytes: enc.encode(html), fileName: 'page.html', limits: DEFAULT_READ_LIMITS });

const STORY = [
  'Fishermen in Orlenby said on Monday that the harbour authority had closed the northern quay without warning, leaving forty boats unable to land their catch.',
  'The authority said the quay wall had shifted after the winter storms and that divers would inspect it before any boat was allowed to moor there again.',
  'Traders at the fish market said prices had doubled within two days, and the fishermen’s cooperative asked the town council for an emergency meeting.',
].map((p) => `<p>${p}</p>`).join('\n');

const HEADLINE = 'Harbour authority closes northern quay without warning';

function page(body: string, title = 'Orlenby quay closed'): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>
${body}
<div class="site-foot"><p>© 2031 Orlenby Tidings. All rights reserved.</p></div>
</body></html>`;
}

describe('readHtml: a date bar above the headline against the byline date', () => {
  it('takes the byline date under the headline, not the later date printed above it', async () => {
    // The date bar has no telling class: only its place (above the headline) and its date
    // (later than the byline's) show that it is the day the page was served.
    // The notice above is long prose, so the content is taken to start there, above the date bar.
    const r = await read(page(`
<div class="notice">This edition of the Orlenby Tidings is kept for the harbour archive; stories appear as they were first printed, with their original dates.</div>
<table class="strap"><tr><td><b>ORLENBY TIDINGS</b></td><td>22 November 2031 · Tide tables</td></tr></table>
<div class="links">Home | Harbour | Town | Weather</div>
<h1>Harbour authority closes northern quay without warning</h1>
<p class="slug">By Tessa Marlow | 2 March 2030 | 18:40 local</p>
<div class="story">${STORY}</div>`, HEADLINE));
    expect(r.metadata.published?.value).toBe('2030-03-02');
    expect(r.metadata.published?.evidence).toBe('byline text');
  });

  it('ignores a top bar labelled "Today" even when it is the only other dated line near the headline', async () => {
    const r = await read(page(`
<div class="strap">Today: 21.11.2031</div>
<h1>Harbour authority closes northern quay without warning</h1>
<div class="story">
<p class="slug">Tessa Marlow, 4 March 2030</p>
${STORY}</div>`));
    expect(r.metadata.published?.value).toBe('2030-03-04');
  });

  it('still reads a dated line above the headline when nothing else dates the article', async () => {
    const r = await read(page(`
<p class="kicker">Harbour · 5 March 2030</p>
<h1>Harbour authority closes northern quay without warning</h1>
<div class="story">${STORY}</div>`));
    expect(r.metadata.published?.value).toBe('2030-03-05');
  });
});

describe('readHtml: <time> in the page header against <time> in the article', () => {
  it('takes the article <time>, not the top bar <time class="today"> before it', async () => {
    const r = await read(page(`
<div class="topbar"><time class="today" datetime="2031-11-19">Wednesday, 19 November 2031</time> <a href="#">Support us</a></div>
<header><h2 class="brand">Orlenby Tidings</h2></header>
<nav><a href="/">Home</a> <a href="#">Harbour</a></nav>
<article>
<header class="article-header">
<h1>Harbour authority closes northern quay without warning</h1>
<div class="meta"><span class="author">Tidings newsroom</span> — <time datetime="2030-03-02T20:00:00Z" pubdate>2 March 2030</time></div>
</header>
<div class="content">${STORY}</div>
</article>`));
    expect(r.metadata.published?.value).toBe('2030-03-02');
    expect(r.metadata.published?.evidence).toBe('time[datetime] in article');
  });

  it('treats a <time> inside the page <header> (outside any article) as a crawl date', async () => {
    const r = await read(page(`
<header><div class="brand">Orlenby Tidings</div><p><time datetime="2031-11-19">19 November 2031</time></p></header>
<h1>Harbour authority closes northern quay without warning</h1>
<p><time datetime="2030-03-07">7 March 2030</time></p>
<div class="story">${STORY}</div>`));
    expect(r.metadata.published?.value).toBe('2030-03-07');
  });

  it('prefers the <time> under the headline to a plain <time> above it, both without hints', async () => {
    const r = await read(page(`
<div class="strap"><div><time datetime="2031-11-19">19 November 2031</time></div></div>
<article>
<h1>${HEADLINE}</h1>
<div class="meta"><time datetime="2030-03-09">9 March 2030</time></div>
<div class="content">${STORY}</div>
</article>`));
    expect(r.metadata.published?.value).toBe('2030-03-09');
  });

  it('keeps a <time> in the article’s own <header> as article evidence', async () => {
    const r = await read(page(`
<div class="shell">
<article class="message">
<header class="message-attribution"><ul><li><time datetime="2030-06-14T08:33:00Z" itemprop="datePublished">14 June 2030</time></li></ul></header>
<h1>Harbour authority closes northern quay without warning</h1>
<div class="message-body">${STORY}</div>
</article>
</div>`));
    expect(r.metadata.published?.value).toBe('2030-06-14');
    expect(r.metadata.published?.evidence).toMatch(/in article$/);
  });

  it('falls back to the chrome date, with low confidence, when it is the only date', async () => {
    const r = await read(page(`
<div class="topbar"><time class="today" datetime="2031-11-19">19 November 2031</time></div>
<h1>Harbour authority closes northern quay without warning</h1>
<div class="story">${STORY}</div>`));
    expect(r.metadata.published?.value).toBe('2031-11-19');
    expect(r.metadata.published?.evidence).toMatch(/crawl date/);
    expect(r.metadata.published!.confidence).toBeLessThan(0.3);
  });
});
