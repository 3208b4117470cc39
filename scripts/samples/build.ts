// Builds samples/ (HTML pages, PDF, DOCX, text, Markdown, JPEGs) and samples/gold.json
// from the sources under scripts/samples/content. Run: npx tsx scripts/samples/build.ts
// Output is deterministic, so re-running it leaves git clean.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article, ArchivePost, Para } from './types.js';
import { OUTLETS, esc, renderPage } from './outlets.js';
import { parseMarkup, resolveDate, resolveQuantity, englishLabel, strip, type Mark } from './markup.js';
import { ENTITIES, FICTION_EN, FICTION_FA, NOT_ENTITIES } from './world.js';
import { buildPdf, wrap, type PdfLine } from './pdf.js';
import { buildDocx } from './docx.js';
import { writeImages, IMAGES } from './images.js';
import { ARTICLES } from './content/index.js';
import { ARCHIVE } from './content/herald-archive.js';
import { OTHERS, type OtherDoc } from './content/other.js';
import { CLAIMS } from './content/claims.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = (rel: string) => join(ROOT, rel);
const write = (rel: string, data: string | Uint8Array) => { mkdirSync(dirname(out(rel)), { recursive: true }); writeFileSync(out(rel), data); };

interface GoldDoc { publishedEvidence?: string; file: string; language: 'en' | 'fa' | 'other'; kind: string; mediaType: string; title: string; published: string | null; outlet: string; pageDate?: string; sections?: { title: string; published: string }[]; notes?: string }
const documents: GoldDoc[] = [];
const mentions = new Map<string, Map<string, Map<string, number>>>(); // entity -> file -> text -> count
const dates: object[] = [];
const quantities: { file: string; text: string; value: number; valueMax: number | null; qualifier: string; unit: string; claim: string | null }[] = [];
const reuseOcc = new Map<string, { file: string; published: string; text: string; kind?: string }[]>();
const bodies = new Map<string, { text: string; marks: Mark[] }[]>(); // file -> plain paragraphs with marks, for the coverage check
const entityIds = new Set(ENTITIES.map((e) => e.id));

function record(file: string, published: string, marks: Mark[], language: 'en' | 'fa' = 'en') {
  for (const m of marks) {
    if (/^[pol]-/.test(m.tag)) {
      if (!entityIds.has(m.tag)) throw new Error(`${file}: unknown entity ${m.tag}`);
      const byFile = mentions.get(m.tag) ?? new Map();
      const byText = byFile.get(file) ?? new Map();
      byText.set(m.surface, (byText.get(m.surface) ?? 0) + 1);
      byFile.set(file, byText); mentions.set(m.tag, byFile);
    } else if (m.tag.startsWith('d:')) {
      dates.push({ file, text: m.surface, ...resolveDate(m.tag, published, language) });
    } else if (m.tag.startsWith('q:')) {
      quantities.push({ file, text: m.surface, ...resolveQuantity(m.tag) });
    } else throw new Error(`${file}: unknown tag ${m.tag}`);
  }
}

/** Plain text of the paragraphs, recording gold and reuse; returns the plain paragraphs. */
function processParas(file: string, published: string, paras: Para[], language: 'en' | 'fa' = 'en'): { text: string; heading: boolean }[] {
  const outParas: { text: string; heading: boolean }[] = [];
  for (const p of paras) {
    const src = typeof p === 'string' ? p : 'h' in p ? p.h : p.t;
    const { text, marks } = parseMarkup(src);
    record(file, published, marks, language);
    if (typeof p === 'object' && 'r' in p) {
      const list = reuseOcc.get(p.r) ?? [];
      list.push({ file, published, text, kind: p.kind });
      reuseOcc.set(p.r, list);
    }
    outParas.push({ text, heading: typeof p === 'object' && 'h' in p });
    (bodies.get(file) ?? bodies.set(file, []).get(file)!).push({ text, marks });
  }
  return outParas;
}

const htmlParas = (ps: { text: string; heading: boolean }[]) => ps.map((p) => (p.heading ? `<h2>${esc(p.text)}</h2>` : `<p>${esc(p.text)}</p>`)).join('\n');

// ---- articles ----
// "ی" -> "ي", "ک" -> "ك": what an old Persian CMS stores; normalization must undo it.
const toArabicLetters = (s: string) => s.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
const articles = ARTICLES.map((a) => (a.arabicLetters
  ? { ...a, title: toArabicLetters(a.title), lead: a.lead && toArabicLetters(a.lead), paras: a.paras.map((p) => (typeof p === 'string' ? toArabicLetters(p) : p)) }
  : a));
const byOutlet = new Map<string, Article[]>();
for (const a of articles) (byOutlet.get(a.outlet) ?? byOutlet.set(a.outlet, []).get(a.outlet)!).push(a);
for (const a of articles) {
  const o = OUTLETS[a.outlet];
  const file = `samples/${o.dir}/${a.file}`;
  const t = parseMarkup(a.title);
  record(file, a.published, t.marks, o.lang);
  (bodies.get(file) ?? bodies.set(file, []).get(file)!).push(t);
  const ps = processParas(file, a.published, a.paras, o.lang);
  const latest = byOutlet.get(a.outlet)!.filter((b) => b !== a).sort((x, y) => y.published.localeCompare(x.published)).slice(0, 5)
    .map((b) => ({ title: strip(b.title), href: `../${o.dir}/${b.file}` }));
  write(file, renderPage(a, { title: t.text, body: htmlParas(ps), latest, lead: a.lead }));
  const evidence: Record<string, string> = {
    herald: 'meta[article:published_time]', today: 'json-ld datePublished', freev: 'time[datetime]', 'freev-fa': 'time[datetime]',
    wire: 'byline text', golmarz: 'byline text (Solar Hijri, Persian digits)', payam: 'json-ld datePublished',
  };
  documents.push({ file, language: o.lang, kind: 'article', mediaType: 'html', title: t.text, published: a.published, publishedEvidence: evidence[a.outlet], outlet: o.name, pageDate: a.crawl ?? o.crawl });
}

// ---- tag archive (one page, several posts) ----
{
  const file = `samples/arsavan-herald/tag-chalkhan-camp.html`;
  const posts = ARCHIVE.posts.map((p: ArchivePost) => {
    const t = parseMarkup(p.title);
    record(file, p.published, t.marks);
    (bodies.get(file) ?? bodies.set(file, []).get(file)!).push(t);
    const ps = processParas(file, p.published, p.paras);
    return { p, title: t.text, html: htmlParas(ps) };
  });
  const crawl = ARCHIVE.crawl;
  const html = `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Chalkhan camp Archives – The Arsavan Herald</title>
<meta property="og:type" content="website">
<meta property="og:title" content="Chalkhan camp Archives">
<meta property="og:site_name" content="The Arsavan Herald">
<meta name="generator" content="WordPress 6.4.2">
</head>
<body class="archive tag tag-chalkhan-camp">
<div class="fiction-banner">${esc(FICTION_EN)}</div>
<div id="cookie-notice" class="cookie-banner">We use cookies to improve your experience on our website. By continuing to browse you agree to our use of cookies. <a href="#">Accept</a></div>
<div class="top-bar"><span class="date-bar">${englishLabel(crawl, 'full')}</span> <a href="#">Subscribe</a> <a href="#">Log in</a></div>
<header class="site-header"><a class="logo" href="/">The Arsavan Herald</a><span class="tagline">Independent since 1998</span></header>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/category/national/">National</a></li><li><a href="/category/provinces/">Provinces</a></li><li><a href="/category/economy/">Economy</a></li><li><a href="/category/opinion/">Opinion</a></li><li><a href="/contact/">Contact</a></li></ul></nav>
<div class="breadcrumbs"><a href="/">Home</a> » <span>Tag: Chalkhan camp</span></div>
<main id="content">
<h1 class="page-title">Tag: <span>Chalkhan camp</span></h1>
<div class="taxonomy-description">Our coverage of the detention camp near Talvareh.</div>
${posts.map(({ p, title, html: body }) => `<article class="post type-post">
<h2 class="entry-title"><a href="#">${esc(title)}</a></h2>
<div class="entry-meta">By <span class="author">${esc(p.author)}</span> · <time class="entry-date published" datetime="${p.published}T09:00:00+04:00">${englishLabel(p.published, 'mdy')}</time></div>
<div class="entry-summary">
${body}
</div>
<a class="more-link" href="#">Continue reading →</a>
</article>`).join('\n')}
<nav class="pagination"><span class="current">1</span> <a href="#">2</a> <a href="#">Next »</a></nav>
</main>
<aside class="sidebar"><section class="widget"><h3>Latest news</h3><ul>
${(byOutlet.get('herald') ?? []).slice(0, 4).map((b) => `<li><a href="${b.file}">${esc(strip(b.title))}</a></li>`).join('\n')}
</ul></section></aside>
<footer class="site-footer"><p>© 1998–2026 The Arsavan Herald. All rights reserved.</p><p class="fiction-notice">${esc(FICTION_EN)}</p></footer>
</body>
</html>
`;
  write(file, html);
  documents.push({ file, language: 'en', kind: 'other', mediaType: 'html', title: 'Tag: Chalkhan camp', published: null, outlet: 'The Arsavan Herald', pageDate: crawl,
    sections: posts.map(({ p, title }) => ({ title, published: p.published })), notes: 'tag archive: several posts, each with its own title and date' });
}

// ---- PDF, DOCX, text, Markdown ----
for (const d of OTHERS) {
  const file = `samples/${d.file}`;
  const ps = processParas(file, d.published, d.paras, d.language);
  if (d.format === 'pdf') writePdf(file, d, ps);
  else if (d.format === 'docx') {
    write(file, buildDocx(ps.map((p) => ({ text: p.text, rtl: d.language === 'fa', heading: p.heading })), { title: d.title, creator: d.author, created: `${d.published}T10:00:00Z`, description: FICTION_EN }));
  } else {
    write(file, ps.map((p) => p.text).join(d.format === 'md' ? '\n\n' : '\n') + '\n');
  }
  const otherEvidence = { pdf: 'PDF Info /CreationDate', docx: 'docProps/core.xml dcterms:created', txt: 'body text', md: 'body text' } as const;
  documents.push({ file, language: d.language, kind: d.kind, mediaType: d.format === 'md' ? 'markdown' : d.format === 'txt' ? 'text' : d.format, title: d.title, published: d.published, publishedEvidence: otherEvidence[d.format], outlet: d.outlet, notes: d.notes });
}

function writePdf(file: string, d: OtherDoc, ps: { text: string; heading: boolean }[]) {
  const pages: PdfLine[][] = [];
  let page: PdfLine[] = []; let used = 0;
  const push = (l: PdfLine) => {
    const h = (l.gapBefore ?? 0) + l.size * 1.35;
    if (used + h > 700) { pages.push(page); page = []; used = 0; }
    page.push(l); used += h;
  };
  for (const p of ps) {
    if (p.text === '<pagebreak>') { pages.push(page); page = []; used = 0; continue; }
    const size = p.heading ? 13 : 10;
    wrap(p.text, size, 483, p.heading).forEach((line, i) => push({ text: line, size, bold: p.heading, gapBefore: i === 0 ? (p.heading ? 10 : 5) : 0 }));
  }
  pages.push(page);
  write(file, buildPdf(pages, { title: d.title, author: d.author, subject: FICTION_EN, created: `D:${d.published.replace(/-/g, '')}090000+04'00'` },
    (n, total) => `${FICTION_EN}  Page ${n} of ${total}`));
}

// ---- JPEGs ----
await writeImages(out);
for (const img of IMAGES) documents.push({ file: img.file, language: 'other', kind: 'media', mediaType: 'image', title: img.title, published: img.taken.slice(0, 10), publishedEvidence: 'EXIF DateTimeOriginal (capture time)', outlet: img.source, notes: img.notes });

// ---- reuse pairs: the earliest publication is the origin ----
const reuse: object[] = [];
for (const [group, occ] of reuseOcc) {
  occ.sort((x, y) => x.published.localeCompare(y.published) || x.file.localeCompare(y.file));
  const a = occ[0];
  for (const b of occ.slice(1)) {
    const kind = b.kind ?? (group.startsWith('bp-') ? 'boilerplate' : a.text === b.text ? 'verbatim' : 'edited');
    const outletOf = (f: string) => documents.find((d) => d.file === f)?.outlet;
    reuse.push({ group, a: a.file, b: b.file, aText: a.text.slice(0, 60), bText: b.text.slice(0, 60), kind, sameOutlet: outletOf(a.file) === outletOf(b.file) });
  }
}

// ---- claims from the quantities that name one ----
const claims = CLAIMS.map((c) => {
  const statements = quantities.filter((q) => q.claim === c.id).map(({ file, text, value, valueMax, qualifier }) => ({ file, text, value, valueMax, qualifier }));
  if (!statements.length) throw new Error(`claim ${c.id} has no statements`);
  return { ...c, statements };
});

// ---- coverage: warn about entity variants in body text that carry no mark ----
const entities = ENTITIES.map((e) => ({
  id: e.id, type: e.type, name: e.name, variants: e.variants, protected: e.protected ?? false,
  titles: e.titles ?? [], acronym: e.acronym ?? null, note: e.note ?? null,
  attributes: e.lat !== undefined ? { lat: e.lat, lon: e.lon } : {},
  mentions: [...(mentions.get(e.id) ?? new Map()).entries()].flatMap(([file, byText]) => [...byText.entries()].map(([text, count]) => ({ file, text, count }))),
}));
let uncovered = 0;
const escapeRe = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
for (const [file, paras] of bodies) {
  const negatives = NOT_ENTITIES.filter((n) => n.file === file).map((n) => n.text);
  for (const { text, marks } of paras) {
    if (negatives.some((n) => text.includes(n))) continue;
    for (const e of ENTITIES) for (const v of e.variants) {
      if (v.length < 3) continue;
      const re = new RegExp(`(?<![\\p{L}\\p{M}])${escapeRe(v)}(?![\\p{L}\\p{M}])`, 'gu');
      for (const m of text.matchAll(re)) {
        const start = m.index!, end = start + v.length;
        if (!marks.some((k) => k.start < end && k.end > start)) { uncovered++; console.warn(`unmarked: ${file}: "${v}" in "${text.slice(Math.max(0, start - 30), end + 30)}"`); }
      }
    }
  }
}

const gold = {
  about: `${FICTION_EN} ${FICTION_FA} Truth for the Daftar sample corpus; see samples/README.md.`,
  generatedBy: 'scripts/samples/build.ts',
  documents, entities, notEntities: NOT_ENTITIES, reuse, dates, quantities, claims,
};
write('samples/gold.json', JSON.stringify(gold, null, 1) + '\n');
const fa = documents.filter((d) => d.language === 'fa').length;
console.error(`${documents.length} documents (${fa} Persian), ${entities.length} entities, ${reuse.length} reuse pairs, ${dates.length} dates, ${quantities.length} quantities, ${claims.length} claims; ${uncovered} unmarked variants`);
