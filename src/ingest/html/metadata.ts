// Document metadata from the parsed page: title, authors, site, canonical URL,
// language and the publication date with its evidence and a confidence.
// Dates read from the article itself (meta tags, JSON-LD, <time> inside the article,
// the byline) beat dates printed elsewhere on the page: a date in a top bar or footer
// is usually the day the page was crawled or printed.
import type { DocumentMetadata, Language, PublishedDate } from '../../model/schema.js';
import { detectLanguage } from '../../text/language.js';
import { foldForSearch, normalizeDigits, normalizeText } from '../../text/normalize.js';
import { findTextDate, findUrlDate, parseMachineDate } from './dates.js';
import type { MainText } from './extract.js';
import type { ParsedPage } from './parse.js';

interface JsonLdFacts {
  headline: string | null;
  authors: string[];
  publisher: string | null;
  datePublished: string | null;
  dateCreated: string | null;
  dateModified: string | null;
  description: string | null;
  url: string | null;
  type: string | null;
}

const ARTICLE_TYPES = /article|posting|report|news|blog|story|review|opinion|analysis|webpage|creativework/i;

/** Facts from the page's JSON-LD scripts; the first article-like object wins. Broken JSON is skipped. */
export function readJsonLd(scripts: string[]): JsonLdFacts {
  const facts: JsonLdFacts = {
    headline: null, authors: [], publisher: null, datePublished: null, dateCreated: null, dateModified: null, description: null, url: null, type: null,
  };
  const queue: unknown[] = [];
  for (const s of scripts) {
    try {
      queue.push(JSON.parse(s.replace(/^\s*<!--|-->\s*$/g, '')));
    } catch {
      /* malformed JSON-LD is common; ignore it */
    }
  }
  // Breadth-first over @graph arrays and nested objects, with a cap instead of recursion.
  const objects: Record<string, unknown>[] = [];
  for (let i = 0; i < queue.length && i < 2000; i++) {
    const v = queue[i];
    if (Array.isArray(v)) queue.push(...v.slice(0, 200));
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      objects.push(o);
      if (o['@graph']) queue.push(o['@graph']);
      if (o.mainEntity && typeof o.mainEntity === 'object') queue.push(o.mainEntity);
    }
  }
  const typeOf = (o: Record<string, unknown>): string => {
    const t = o['@type'];
    return Array.isArray(t) ? t.join(' ') : typeof t === 'string' ? t : '';
  };
  const articles = objects.filter((o) => ARTICLE_TYPES.test(typeOf(o)) && !/breadcrumb|collectionpage|searchresults|profile/i.test(typeOf(o)));
  // Prefer a real article type over a generic WebPage.
  articles.sort((a, b) => Number(/webpage/i.test(typeOf(a))) - Number(/webpage/i.test(typeOf(b))));
  const main = articles.find((o) => o.datePublished || o.headline) ?? articles[0];
  if (main) {
    facts.type = typeOf(main);
    facts.headline = str(main.headline) ?? str(main.name);
    facts.datePublished = str(main.datePublished);
    facts.dateCreated = str(main.dateCreated);
    facts.dateModified = str(main.dateModified);
    facts.description = str(main.description);
    facts.url = str(main.url) ?? str(main['@id']);
    facts.authors = names(main.author ?? main.creator);
    const pub = main.publisher;
    facts.publisher = names(pub)[0] ?? null;
  }
  if (!facts.publisher) {
    const org = objects.find((o) => /^(organization|newsmediaorganization|website)$/i.test(typeOf(o)) && str(o.name));
    if (org) facts.publisher = str(org.name);
  }
  return facts;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0].trim() || null;
  return null;
}

function names(v: unknown): string[] {
  const out: string[] = [];
  const list = Array.isArray(v) ? v : v ? [v] : [];
  for (const x of list.slice(0, 20)) {
    if (typeof x === 'string') out.push(x);
    else if (x && typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') out.push((x as { name: string }).name);
  }
  return out.map((s) => s.trim()).filter((s) => s && !/^https?:/i.test(s));
}

function metaValue(page: ParsedPage, ...keys: string[]): string | null {
  for (const k of keys) {
    const m = page.metas.find((x) => x.key === k);
    if (m && m.content) return m.content;
  }
  return null;
}

const TITLE_SEPARATORS = /\s+(?:\||-|–|—|::|»|·|•|\/|:)\s+/;

/** "Talks resume in Geneva | Daily Example" -> "Talks resume in Geneva" (when the tail is the site). */
export function stripSiteFromTitle(title: string, site: string | null, headline: string | null): string {
  const t = title.trim();
  if (headline) {
    const h = headline.trim();
    if (h && t !== h && t.includes(h) && h.length >= 10) return h;
  }
  const parts = t.split(TITLE_SEPARATORS);
  if (parts.length < 2) return t;
  const siteKey = site ? site.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '') : '';
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const last = parts[parts.length - 1]!;
  const first = parts[0]!;
  if (siteKey && (key(last) === siteKey || key(last).includes(siteKey) || siteKey.includes(key(last)))) {
    return t.slice(0, t.length - last.length).replace(new RegExp(`${TITLE_SEPARATORS.source}$`), '').trim();
  }
  if (siteKey && (key(first) === siteKey || siteKey.includes(key(first)))) return t.slice(first.length).replace(TITLE_SEPARATORS, '').trim();
  // No site name known: drop a short last part ("… | BBC News") when the rest is a real title.
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const m = /\s+(?:\||–|—|::|»|·|•)\s+(?=[^|–—»·•]*$)/.exec(t);
  if (m && words(t.slice(m.index + m[0].length)) <= 4 && words(t.slice(0, m.index)) >= 3) return t.slice(0, m.index).trim();
  return t;
}

/**
 * The site name a page's <title> adds to its visible headline, when no metadata names the
 * site: "Talks resume in Geneva | Daily Example" with <h1>Talks resume in Geneva</h1> ->
 * "Daily Example" (also "Daily Example | Talks resume…"). Only when one part of the title
 * is the headline itself and the other is at most five words, so a section name or a
 * title without the headline is not taken for the site.
 */
export function siteFromTitle(title: string | null, headline: string | null): string | null {
  if (!title || !headline) return null;
  const key = (s: string) => foldForSearch(s).replace(/[^\p{L}\p{N}]/gu, '');
  const h = key(headline);
  if (h.length < 8) return null;
  const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
  const separators = [...title.matchAll(new RegExp(TITLE_SEPARATORS.source, 'g'))];
  for (const m of separators) {
    const before = title.slice(0, m.index).trim();
    const after = title.slice(m.index + m[0].length).trim();
    if (key(before) === h && after && words(after) <= 5 && key(after) !== h) return after;
    if (key(after) === h && before && words(before) <= 5 && key(before) !== h) return before;
  }
  return null;
}

const BYLINE_PREFIX = /^(?:by|written by|posted by|author|authors|reporting by|story by|words by|نویسنده|به قلم)\s*[:：]?\s*/i;

/** "By Ann Lee and Bob Ray | July 1, 2019" -> ["Ann Lee", "Bob Ray"]. */
export function cleanAuthorNames(raw: string): string[] {
  let s = raw.replace(/\s+/g, ' ').trim();
  s = s.replace(BYLINE_PREFIX, '');
  // Cut at a date, a separator or a role tail.
  s = s.split(/\s+[|•·]\s+|\s+-\s+|\s+—\s+|\b(?:on|updated|published|posted)\b\s+(?=[A-Z0-9])/i)[0] ?? s;
  const d = findTextDate(s);
  if (d) s = s.slice(0, s.indexOf(d.match) >= 0 ? s.indexOf(d.match) : s.length);
  s = s.replace(/[,;:|]\s*$/, '').trim();
  if (!s || s.length > 80) return [];
  const parts = s.split(/\s*(?:,|;|&|\band\b|\s+و\s+)\s*/i).map((x) => x.trim()).filter(Boolean);
  return parts.filter((p) => p.length >= 2 && p.length <= 60 && !/^https?:|@|\d{3,}/.test(p) && p.split(' ').length <= 6);
}

interface DateCandidate extends PublishedDate {
  rank: number; // tie-break: order of preference
}

/** Build DocumentMetadata for a page whose main text has been chosen. */
export function buildMetadata(page: ParsedPage, main: MainText, text: string): { metadata: DocumentMetadata; headline: string | null } {
  const ld = readJsonLd(page.jsonLd);
  const h1 = firstHeading(page, main);
  const site =
    clean(metaValue(page, 'og:site_name', 'application-name', 'twitter:site:name')) ?? clean(ld.publisher) ?? siteFromTitle(clean(page.title), h1);
  const ogTitle = clean(metaValue(page, 'og:title', 'twitter:title', 'title', 'dc.title', 'headline'));
  // The visible headline beats the SEO title (og:title is often rewritten for sharing),
  // unless it looks like a logo or section name.
  const siteKey = site ? site.toLowerCase() : '';
  const h1Usable = h1 !== null && h1.length >= 8 && h1.toLowerCase() !== siteKey && (h1.includes(' ') || h1.length > 20);
  const rawTitle = (h1Usable ? h1 : null) ?? ogTitle ?? clean(ld.headline) ?? h1 ?? clean(page.title);
  const title = rawTitle ? stripSiteFromTitle(rawTitle, site, h1 ?? clean(ld.headline)) : null;

  // Authors, best source first.
  const authors: string[] = [];
  // An organisation named as author is the site, not a person; later sources may name one.
  const siteLower = site?.toLowerCase() ?? '';
  const add = (list: string[]) => {
    for (const a of list) {
      const l = a.toLowerCase();
      if (l === siteLower || l === 'undefined' || l === 'null' || l === 'admin') continue;
      if (!authors.some((x) => x.toLowerCase() === l)) authors.push(a);
    }
  };
  add(ld.authors.flatMap((a) => cleanAuthorNames(a)));
  const metaAuthor = metaValue(page, 'author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl');
  if (authors.length === 0 && metaAuthor && !/^https?:/i.test(metaAuthor)) add(cleanAuthorNames(metaAuthor));
  if (authors.length === 0) {
    for (const how of ['itemprop=author', 'rel=author', 'class byline']) {
      const marks = page.authors.filter((a) => a.how === how);
      for (const m of marks.slice(0, 3)) add(cleanAuthorNames(m.text));
      if (authors.length) break;
    }
  }
  if (authors.length === 0) {
    for (const m of page.authors.filter((a) => a.how === 'author link').slice(0, 2)) add(cleanAuthorNames(m.text));
  }
  if (authors.length === 0) {
    // "By Ann Lee" as its own line near the top of the article, or a "Written by" label before the name.
    const from = main.blocks.length ? Math.max(0, main.blocks[0]!.index - 8) : 0;
    const to = main.blocks.length ? main.blocks[Math.min(main.blocks.length - 1, 4)]!.index : 0;
    for (let b = from; b <= to && b < page.blocks.length; b++) {
      const t = page.blocks[b]!.text;
      if (t.length < 100 && /^(?:by|written by|نویسنده\s*:)\s+\S/i.test(t)) {
        add(cleanAuthorNames(t));
        if (authors.length) break;
      }
      if (/^(?:written by|by|author|authored by|نویسنده)\s*:?$/i.test(t) && b + 1 < page.blocks.length && page.blocks[b + 1]!.text.length < 60) {
        add(cleanAuthorNames(page.blocks[b + 1]!.text));
        if (authors.length) break;
      }
    }
  }

  const url = clean(page.links.find((l) => l.rel.split(/\s+/).includes('canonical'))?.href ?? null) ?? clean(metaValue(page, 'og:url')) ?? null;

  const published = choosePublished(page, main, ld, url);
  const extra: Record<string, unknown> = {};
  const description = clean(metaValue(page, 'description', 'og:description', 'twitter:description')) ?? clean(ld.description);
  if (description) extra.description = description;
  const modifiedRaw = metaValue(page, 'article:modified_time', 'og:updated_time', 'datemodified', 'last-modified') ?? ld.dateModified;
  const modified = modifiedRaw ? parseMachineDate(modifiedRaw) : null;
  if (modified) extra.dateModified = modified;
  if (ld.type) extra.jsonLdType = ld.type;
  const keywords = metaValue(page, 'keywords', 'news_keywords');
  if (keywords) extra.keywords = keywords.split(',').map((k) => k.trim()).filter(Boolean).slice(0, 30);
  if (page.lang) extra.htmlLang = page.lang;
  if (page.hasScript) extra.hasJavascript = true;

  return {
    metadata: { title, authors, site, url, language: chooseLanguage(page.lang, text), published, flags: [], extra },
    headline: h1,
  };
}

function clean(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = normalizeText(s).replace(/\s+/g, ' ');
  return t || null;
}

/** The first h1 near the content (or anywhere), as the visible headline. */
function firstHeading(page: ParsedPage, main: MainText): string | null {
  const b = headlineBlock(page, main);
  return b >= 0 ? page.blocks[b]!.text : null;
}

/** Block index of the h1 nearest the start of the content (before it counts double), or -1. */
function headlineBlock(page: ParsedPage, main: MainText): number {
  const start = main.blocks.length ? main.blocks[0]!.index : 0;
  let best = -1;
  let bestDist = Infinity;
  for (let b = 0; b < page.blocks.length; b++) {
    const blk = page.blocks[b]!;
    if (blk.heading !== 1 || blk.text.length < 3 || blk.text.length > 300) continue;
    const dist = b <= start ? start - b : (b - start) * 2;
    if (dist < bestDist && dist < 40) {
      bestDist = dist;
      best = b;
    }
  }
  return best;
}

function chooseLanguage(lang: string | null, text: string): Language {
  const detected = detectLanguage(text);
  const l = (lang ?? '').toLowerCase();
  const declared: Language | null = /^en\b/.test(l) ? 'en' : /^(fa|per|pes)\b/.test(l) ? 'fa' : l ? 'other' : null;
  if (!declared) return detected;
  // Templates often keep lang="en" on translated pages; trust the letters when they disagree.
  if (declared !== detected && (detected === 'fa' || (detected === 'en' && declared === 'fa'))) return detected;
  if (declared === 'other' && detected !== 'other') return detected;
  return declared;
}

const PAGE_CHROME_HINT = /(^|[\s_-])(top-?bar|topbar|top-?strip|site-?header|masthead|hdr|header-?(date|top|bar)|date-?(bar|strip|today)|today|navbar|nav|menu|footer|site-?footer)([\s_-]|$)|role:banner|role:contentinfo/;
// The marking element itself says it shows the current day: <time class="today">.
const CRAWL_HINT = /(^|[\s_-])(today|current-?date|date-?today|now|clock)([\s_-]|$)/;
// A printed "today" label ("Today: 21.11.2026", «امروز: …»): the day the page was served.
const TODAY_LABEL = /\btoday\b|(^|[\s(])امروز($|[\s:،)])/i;
const BYLINE_WORDS = /\b(by|posted|published|updated|on)\b|نوشته|منتشر|تاریخ|انتشار/i;

interface BylineFound {
  text: string;
  calendar: 'gregorian' | 'solar_hijri';
  confidence: number;
}

/**
 * The date printed in the article's byline: short lines around the headline and the top of
 * the content, outside the page's header bar, navigation and footer. The nearest line after
 * the headline wins; lines above the headline come later (date bars sit there), and a
 * line above the headline dated later than every other candidate is taken for a crawl date.
 */
function bylineDate(page: ParsedPage, main: MainText, firstBlock: number): BylineFound | null {
  const head = headlineBlock(page, main);
  // The content may start above the headline (a notice kept as prose), so the headline can
  // sit a few blocks into it.
  const useHead = head >= 0 && head >= firstBlock - 8 && head <= firstBlock + 10;
  const blocks = new Set<number>();
  for (let b = Math.max(0, firstBlock - 8); b <= Math.min(page.blocks.length - 1, firstBlock + 3); b++) blocks.add(b);
  if (useHead) for (let b = Math.max(0, head - 3); b <= Math.min(page.blocks.length - 1, head + 4); b++) blocks.add(b);
  const found: { b: number; text: string; value: string; calendar: BylineFound['calendar']; bylineish: boolean; above: boolean; dist: number }[] = [];
  for (const b of blocks) {
    const t = page.blocks[b]!.text;
    if (t.length > 200 || isPageChrome(page, page.blocks[b]!.elem) || TODAY_LABEL.test(t)) continue;
    const f = findTextDate(t);
    if (!f) continue;
    // Without a headline keep the old order: upward from the content, then into it.
    const above = useHead ? b < head : b < firstBlock;
    const dist = useHead ? (b > head ? b - head : head - b + 5) : b < firstBlock ? firstBlock - b : b - firstBlock + 9;
    found.push({ b, text: t, value: f.value, calendar: f.calendar, bylineish: BYLINE_WORDS.test(t), above, dist });
  }
  const kept = found.filter((c) => {
    if (!c.above || c.bylineish) return true;
    const others = found.filter((o) => o !== c && o.value !== c.value);
    return others.length === 0 || others.some((o) => o.value > c.value);
  });
  if (kept.length === 0) return null;
  kept.sort((x, y) => x.dist - y.dist || Number(y.bylineish) - Number(x.bylineish));
  const best = kept[0]!;
  return { text: best.text, calendar: best.calendar, confidence: best.bylineish ? 0.7 : 0.6 };
}

/**
 * Inside the page's header bar, navigation or footer (not an article's own header): a
 * chrome class or id below any article container, or a <header>/<footer>/<nav> element
 * with no article container above it.
 */
function isPageChrome(page: ParsedPage, elem: number): boolean {
  let chromeTag = false;
  for (let p = elem, d = 0; p > 0 && d < 30; p = page.elems[p]!.parent, d++) {
    const e = page.elems[p]!;
    if (e.tag === 'article' || e.tag === 'main' || /(^|[\s_-])(article|post|entry|story)([\s_-]|$)/.test(e.hint)) return false;
    if (PAGE_CHROME_HINT.test(e.hint)) return true;
    if (e.tag === 'header' || e.tag === 'footer' || e.tag === 'nav') chromeTag = true;
  }
  return chromeTag;
}

const META_DATE_KEYS: [string, number][] = [
  ['article:published_time', 0.95], ['og:published_time', 0.95], ['og:article:published_time', 0.95], ['article:published', 0.9],
  ['datepublished', 0.9], ['publishdate', 0.9], ['publish-date', 0.9], ['publish_date', 0.9], ['pubdate', 0.9],
  ['parsely-pub-date', 0.9], ['sailthru.date', 0.85], ['dcterms.issued', 0.85], ['dc.date.issued', 0.85],
  ['citation_publication_date', 0.85], ['citation_date', 0.8], ['dcterms.created', 0.8], ['dc.date.created', 0.8],
  ['date', 0.75], ['dc.date', 0.75], ['dcterms.date', 0.75], ['article.published', 0.85], ['datecreated', 0.8],
  ['cxenseparse:recs:publishtime', 0.85], ['bt:pubdate', 0.85], ['published_time', 0.85], ['release_date', 0.7],
];

function choosePublished(page: ParsedPage, main: MainText, ld: JsonLdFacts, url: string | null): PublishedDate | null {
  const cands: DateCandidate[] = [];
  let rank = 0;
  const push = (raw: string | null | undefined, evidence: string, confidence: number, parse = parseMachineDate) => {
    rank++;
    if (!raw) return;
    const v = parse(raw);
    if (v) cands.push({ value: v, evidence, confidence, rank });
  };
  if (ld.datePublished) push(ld.datePublished, 'json-ld datePublished', /webpage/i.test(ld.type ?? '') ? 0.85 : 0.95);
  for (const [k, c] of META_DATE_KEYS) {
    const m = page.metas.find((x) => x.key === k);
    if (m) push(m.content, `meta[${k}]`, c);
  }
  if (ld.dateCreated) push(ld.dateCreated, 'json-ld dateCreated', 0.8);

  // Marks in the body: inside the chosen content, or just above it (article header), count as article evidence.
  const firstBlock = main.blocks.length ? main.blocks[0]!.index : 0;
  const head = headlineBlock(page, main);
  const lastBlock = main.blocks.length ? main.blocks[main.blocks.length - 1]!.index : page.blocks.length;
  const inContent = (elem: number): boolean => {
    for (const r of main.roots) if (elem >= r && elem <= page.elems[r]!.lastDesc) return true;
    // An <article> (or itemtype Article) around the mark that also holds the content.
    for (let p = elem, d = 0; p > 0 && d < 60; p = page.elems[p]!.parent, d++) {
      const e = page.elems[p]!;
      if ((e.tag === 'article' || /article|posting/i.test(e.itemtype)) && main.top >= p && main.top <= e.lastDesc) return true;
    }
    return false;
  };
  const inWindow = (block: number): boolean => block >= firstBlock - 6 && block <= firstBlock + 3;
  for (const d of page.dates) {
    if (/modified/i.test(d.how)) continue;
    // A <time> in the top bar, navigation or footer, or one labelled "today", shows the day
    // the page was served (crawled, printed), whatever the window around the content says.
    const chrome = CRAWL_HINT.test(d.hint) || isPageChrome(page, d.elem);
    const contained = !chrome && inContent(d.elem);
    const near = contained || (!chrome && inWindow(d.block));
    const published = /published|created/i.test(d.how) || /pubdate|publish/.test(d.hint);
    const where = chrome ? ' in page chrome (may be crawl date)' : near ? ' in article' : ' outside article';
    // A plain <time> above the headline and outside the content is more likely a date bar
    // than the article's own date (which sits under the headline): it loses ties.
    const aboveHead = !contained && head >= 0 && d.block <= head && !published;
    const conf = chrome ? 0.2 : near ? (published ? 0.9 : aboveHead ? 0.75 : 0.8) : published ? 0.5 : 0.3;
    if (d.how === 'time text' || !/^\s*\d{4}/.test(normalizeDigits(d.value))) {
      push(d.value, `${d.how}${where}`, chrome ? 0.15 : near ? 0.75 : 0.25, (s) => findTextDate(s)?.value ?? null);
    } else {
      push(d.value, `${d.how}${where}`, conf);
    }
  }
  const byline = bylineDate(page, main, firstBlock);
  if (byline) push(byline.text, byline.calendar === 'solar_hijri' ? 'byline text (solar hijri)' : 'byline text', byline.confidence, (s) => findTextDate(s)?.value ?? null);
  if (url) push(url, 'url path', 0.6, findUrlDate);
  if (cands.length === 0) {
    // Last resort: any date printed on the page, outside the page chrome first; a date in a
    // top bar or footer is likely a crawl or print date.
    for (const pass of [false, true]) {
      for (let b = 0; b < page.blocks.length; b++) {
        const t = page.blocks[b]!.text;
        if (t.length > 300) continue;
        if (!pass && (isPageChrome(page, page.blocks[b]!.elem) || TODAY_LABEL.test(t))) continue;
        const f = findTextDate(t);
        if (f) {
          const inside = !pass && b >= firstBlock && b <= lastBlock;
          push(t, inside ? 'text in article' : 'page text outside article (may be crawl date)', inside ? 0.4 : 0.15, (s) => findTextDate(s)?.value ?? null);
          break;
        }
      }
      if (cands.length) break;
    }
  }
  if (cands.length === 0) return null;
  cands.sort((a, b) => b.confidence - a.confidence || a.rank - b.rank);
  const best = cands[0]!;
  // Agreement between two independent sources raises confidence a little.
  const agree = cands.some((c) => c !== best && c.value === best.value && c.evidence !== best.evidence);
  return { value: best.value, evidence: best.evidence, confidence: Math.min(0.99, agree ? best.confidence + 0.03 : best.confidence) };
}
