// One streaming htmlparser2 pass over a page into flat arrays: block-level elements
// (with parent links, in document order) and text blocks, plus the head facts that
// metadata needs. No DOM tree and no recursion, so 10,000-deep nesting costs nothing
// special: a child always has a larger index than its parent, and the blocks of an
// element's subtree are one contiguous range.
import { Buffer } from 'node:buffer';
import { DecodingMode, EntityDecoder, htmlDecodeTree } from 'entities/decode';
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';

export interface Elem {
  tag: string;
  parent: number; // -1 for the root
  /** class, id and role, lower case, space separated ("post-body main role:article"). */
  hint: string;
  firstBlock: number; // blocks [firstBlock, endBlock) lie inside this element
  endBlock: number;
  lastDesc: number; // elements (index, lastDesc] are its descendants
  children: number[];
  // Subtree counts, filled by aggregate():
  textLen: number;
  linkLen: number;
  commas: number;
  pCount: number;
  liCount: number;
  imgCount: number;
  inputCount: number;
  embedCount: number;
  headingLen: number;
  // Own counts (tags that make no element of their own):
  ownImg: number;
  ownInput: number;
  ownEmbed: number;
  ownP: number;
  /** itemprop / itemtype facts worth keeping. */
  itemprop: string;
  itemtype: string;
}

export interface Block {
  text: string; // whitespace collapsed, trimmed
  elem: number; // innermost block-level element
  linkLen: number;
  heading: number; // 1..6 inside <hN>, else 0
  pre: boolean;
  /** Commas in text (",", Arabic "،", full-width "，"). */
  commas: number;
}

export interface MetaTag {
  key: string; // name, property, itemprop or http-equiv, lower case
  content: string;
}

export interface DateMark {
  value: string; // datetime attribute, content attribute or text
  elem: number; // innermost element around it
  block: number; // blocks.length when seen
  /** elems.length when seen: ascends through page.dates, for range searches. */
  pos: number;
  how: string; // "time[datetime]", "itemprop=datePublished", …
  /** class and id of the marking element itself ("today", "published"), plus "pubdate" when it has that attribute. */
  hint: string;
}

export interface TextMark {
  text: string;
  elem: number;
  block: number;
  how: string;
}

export interface ParsedPage {
  elems: Elem[];
  blocks: Block[];
  lang: string | null;
  title: string | null;
  metas: MetaTag[];
  links: { rel: string; href: string; text: string }[];
  jsonLd: string[];
  dates: DateMark[];
  authors: TextMark[];
  hasScript: boolean;
}

// Tags that flow inside a line; every other tag breaks the text into blocks.
const INLINE = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font',
  'i', 'ins', 'kbd', 'label', 'mark', 'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span',
  'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'img', 'picture', 'source',
]);
// Tags whose content is never page text.
const SKIP = new Set([
  'script', 'style', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas',
  'select', 'option', 'textarea', 'button', 'video', 'audio', 'map', 'title', 'dialog',
]);
const VOID_COUNTS = new Map<string, 'img' | 'input' | 'embed'>([
  ['img', 'img'], ['input', 'input'], ['textarea', 'input'], ['select', 'input'], ['button', 'input'],
  ['iframe', 'embed'], ['object', 'embed'], ['embed', 'embed'], ['video', 'embed'], ['audio', 'embed'],
]);

/** 1..6 for h1..h6, else 0. */
function headingLevelOf(name: string): number {
  if (name.length !== 2 || name.charCodeAt(0) !== 104) return 0;
  const d = name.charCodeAt(1) - 48;
  return d >= 1 && d <= 6 ? d : 0;
}
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
const WS = /\s+/g;
// Whitespace that `\s+` -> ' ' would change: a run of two or more, or one that is not a plain space.
const WS_TO_FIX = /\s{2,}|[^\S ]/g;

/** `s.replace(/\s+/g, ' ')`, without rebuilding the string when every run is already one plain space. */
export function collapseWs(s: string): string {
  WS_TO_FIX.lastIndex = 0;
  if (!WS_TO_FIX.test(s)) return s;
  WS_TO_FIX.lastIndex = 0;
  return s.replace(WS_TO_FIX, ' ');
}

/** True for the characters JavaScript's `\s` matches. */
function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `s.replace(/\s+/g, ' ').length`, without building the string. */
function collapsedLength(s: string): number {
  let n = 0;
  let inRun = false;
  for (let i = 0; i < s.length; i++) {
    if (isJsSpace(s.charCodeAt(i))) {
      if (!inRun) n++;
      inRun = true;
    } else {
      n++;
      inRun = false;
    }
  }
  return n;
}

interface Frame {
  tag: string;
  elem: number; // element this frame created, or -1 for inline/skipped tags
  skip: boolean;
  link: boolean;
  heading: number;
  pre: boolean;
  capture: Capture | null;
}

interface Capture {
  parts: string[];
  done: (text: string) => void;
}

const NON_ASCII = /[^\x00-\x7f]/;
let scratch = Buffer.allocUnsafe(1 << 16);

/** UTF-8 bytes held one per character (a latin1 view) -> the text they encode. "caf\u00c3\u00a9" -> "café". */
export function utf8FromLatin1(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  if (s.length > scratch.length) scratch = Buffer.allocUnsafe(Math.max(s.length, 2 * scratch.length));
  const n = scratch.write(s, 0, 'latin1');
  return scratch.toString('utf8', 0, n);
}

// The attributes parsePage reads; the parser keeps no others (it would build a string and
// an object key for every src, alt, data-* and style of the page).
// Each name maps to its own literal: an interned string, a cheap object key.
const READ_ATTRS = new Map(
  [
    'lang', 'xml:lang', 'property', 'name', 'itemprop', 'http-equiv', 'content', 'datetime', 'rel', 'href', 'type',
    'hidden', 'style', 'aria-hidden', 'class', 'id', 'role', 'itemtype', 'pubdate',
  ].map((n) => [n, n]),
);

// Character references are decoded here, not by the tokenizer (which would then walk every
// character of text through its state machine): the same decoder htmlparser2 uses, started
// at each "&" with the same mode, reading the page itself past the piece's end as it would.
const refs: number[] = [];
let refEnd = 0;
const refDecoder = new EntityDecoder(htmlDecodeTree, (cp, consumed) => {
  refs.push(cp);
  refEnd = consumed;
});

/** Decode the reference whose "&" is at `amp`: code points in `refs`, and the index after it; -1 when it is no reference. */
function readRef(source: string, amp: number, mode: DecodingMode): number {
  refs.length = 0;
  refDecoder.startEntity(mode);
  if (refDecoder.write(source, amp + 1) < 0) refDecoder.end(); // the page ended inside it
  return refs.length ? amp + refEnd : -1;
}

interface TokenizerView {
  isSpecial: boolean;
  currentSequence: Uint8Array;
}

/**
 * htmlparser2's parser, keeping only READ_ATTRS, decoding character references itself and
 * able to read a latin1 view of UTF-8 bytes (decode.ts utf8Bytes): tags and attribute
 * names are ASCII, so the parse is the one of the decoded page; raw text and attribute
 * pieces are decoded here, character references (code points) are not. Text comes in the
 * pieces the parser would give with its own reference decoding (text, each reference,
 * text); `entity` tells the text callback that its piece is a decoded reference.
 * Attribute names are lower-cased and the first of two equal names wins, as in the
 * parser's own attribute handling, which this replaces.
 */
class PageParser extends Parser {
  entity = false;
  private keep = false;
  private attrName = '';
  private attrValue = '';
  private readonly source: string;
  private readonly utf8: boolean;
  private readonly tok: TokenizerView;
  /** True while the text is <plaintext> content (no references there). */
  plaintext = false;
  /** Index of the first "&" at or after `ampFrom` (source.length when none): pieces come in page order. */
  private ampAt = -1;
  private ampFrom = 0;

  constructor(cbs: Partial<Handler>, options: ParserOptions, source: string, utf8: boolean) {
    super(cbs, { ...options, decodeEntities: false }); // references: see ontext and onattribdata
    this.source = source;
    this.utf8 = utf8;
    this.tok = (this as unknown as { tokenizer: TokenizerView }).tokenizer;
  }

  override ontext(start: number, endIndex: number): void {
    // Script, style and the like are raw text; title and textarea (RCDATA) decode references.
    const raw = this.plaintext || (this.tok.isSpecial && this.tok.currentSequence[2] !== 0x74);
    const source = this.source;
    let amp = raw ? -1 : this.nextAmp(start);
    if (amp === -1 || amp >= endIndex) {
      super.ontext(start, endIndex);
      return;
    }
    let from = start;
    while (amp !== -1 && amp < endIndex) {
      const after = readRef(source, amp, DecodingMode.Legacy);
      if (after === -1) {
        amp = source.indexOf('&', amp + 1);
        continue;
      }
      if (from < amp) super.ontext(from, amp);
      this.entity = true;
      for (const cp of refs) super.ontextentity(cp, after);
      this.entity = false;
      from = after;
      amp = source.indexOf('&', after);
    }
    if (from < endIndex) super.ontext(from, endIndex);
  }

  override onattribname(start: number, endIndex: number): void {
    const name = READ_ATTRS.get(this.source.slice(start, endIndex).toLowerCase());
    this.keep = name !== undefined;
    this.attrName = name ?? '';
    this.attrValue = '';
  }

  override onattribdata(start: number, endIndex: number): void {
    if (!this.keep) return;
    const source = this.source;
    let amp = this.nextAmp(start);
    let from = start;
    while (amp !== -1 && amp < endIndex) {
      const after = readRef(source, amp, DecodingMode.Attribute);
      if (after === -1) {
        amp = source.indexOf('&', amp + 1);
        continue;
      }
      if (from < amp) this.attrValue += this.rawPiece(from, amp);
      for (const cp of refs) this.attrValue += String.fromCodePoint(cp);
      from = after;
      amp = source.indexOf('&', after);
    }
    if (from < endIndex) this.attrValue += this.rawPiece(from, endIndex);
  }

  override onattribend(): void {
    if (this.keep) {
      // `attribs` is the parser's object for the open tag (null while a tag is ignored).
      const attribs = (this as unknown as { attribs: Record<string, string> | null }).attribs;
      if (attribs && !Object.hasOwn(attribs, this.attrName)) attribs[this.attrName] = this.attrValue;
    }
    this.attrValue = '';
  }

  private nextAmp(from: number): number {
    if (this.ampAt < from || from < this.ampFrom) {
      const i = this.source.indexOf('&', from);
      this.ampAt = i === -1 ? this.source.length : i;
    }
    this.ampFrom = from;
    return this.ampAt;
  }

  private rawPiece(start: number, end: number): string {
    const raw = this.source.slice(start, end);
    return this.utf8 ? utf8FromLatin1(raw) : raw;
  }
}

/**
 * Parse HTML into flat element and block arrays (see file comment). `noscript: true`
 * reads <noscript> content too (the reader does so when a page is empty without it).
 * `utf8Bytes: true`: `html` is a latin1 view of UTF-8 bytes (decodeHtml with latin1View).
 */
export function parsePage(html: string, opts: { noscript?: boolean; utf8Bytes?: boolean } = {}): ParsedPage {
  const elems: Elem[] = [];
  const blocks: Block[] = [];
  const page: ParsedPage = {
    elems, blocks, lang: null, title: null, metas: [], links: [], jsonLd: [], dates: [], authors: [], hasScript: false,
  };
  const frames: Frame[] = [];
  const captures: Capture[] = [];
  let skipDepth = 0;
  let linkDepth = 0;
  let headingLevel = 0;
  let preDepth = 0;
  let curElem = -1;
  let buf: string[] = [];
  let bufLink = 0;
  let inTitle = false;
  let titleParts: string[] | null = null;
  let seenHtml = false;

  const newElem = (tag: string, parent: number, hint: string): number => {
    const idx = elems.length;
    elems.push({
      tag, parent, hint, firstBlock: blocks.length, endBlock: blocks.length, lastDesc: idx, children: [],
      textLen: 0, linkLen: 0, commas: 0, pCount: 0, liCount: 0, imgCount: 0, inputCount: 0, embedCount: 0,
      headingLen: 0, ownImg: 0, ownInput: 0, ownEmbed: 0, ownP: 0, itemprop: '', itemtype: '',
    });
    if (parent >= 0) elems[parent]!.children.push(idx);
    return idx;
  };
  const root = newElem('#root', -1, '');
  curElem = root;

  const flush = (): void => {
    if (buf.length === 0) return;
    const raw = buf.length === 1 ? buf[0]! : buf.join('');
    buf.length = 0;
    const linkLen = bufLink;
    bufLink = 0;
    let text: string;
    let commas = 0;
    if (preDepth > 0) {
      text = raw.replace(/[ \t\f\r]+/g, ' ').replace(/ *\n */g, '\n').replace(/\n{3,}/g, '\n\n').trim();
      commas = countCommas(text);
    } else {
      // One pass: commas, and whether any whitespace run is more than one plain space.
      let fix = false;
      let prevWs = false;
      for (let i = 0; i < raw.length; i++) {
        const c = raw.charCodeAt(i);
        if (c === 32) {
          if (prevWs) fix = true;
          prevWs = true;
        } else if (c < 32 ? c >= 9 && c <= 13 : c >= 0xa0 && isJsSpace(c)) {
          fix = true;
          prevWs = true;
        } else {
          prevWs = false;
          if (c === 44 || c === 0x060c || c === 0xff0c) commas++;
        }
      }
      if (fix) {
        WS_TO_FIX.lastIndex = 0;
        text = raw.replace(WS_TO_FIX, ' ').trim();
      } else text = raw.trim();
    }
    if (!text) return;
    blocks.push({ text, elem: curElem, linkLen: Math.min(linkLen, text.length), heading: headingLevel, pre: preDepth > 0, commas });
  };

  const utf8 = opts.utf8Bytes === true;
  // The page as written: the same string the parser sees (offsets of the view parser index it).
  const source = html.includes('<![CDATA[') ? html.replace(/<!\[CDATA\[/g, '<!--[CDATA[-->') : html;
  let parser: PageParser | null = null;
  const handler: Partial<Handler> = {
    onopentag(name, attribs) {
    if (name === 'plaintext') parser!.plaintext = true;
      if (name === 'html' && !seenHtml) {
        seenHtml = true;
        if (attribs.lang || attribs['xml:lang']) page.lang = (attribs.lang || attribs['xml:lang'])!.trim();
      }
      // Head facts are read even inside skipped regions (<head> is skipped as text).
      if (name === 'meta') {
        const key = (attribs.property || attribs.name || attribs.itemprop || attribs['http-equiv'] || '').trim().toLowerCase();
        const content = attribs.content ?? attribs.datetime ?? '';
        if (key && content) page.metas.push({ key, content: content.trim() });
        if (attribs.itemprop && /^date(published|created|modified)$/i.test(attribs.itemprop) && content) {
          page.dates.push({ value: content, elem: curElem, block: blocks.length, pos: elems.length, how: `itemprop=${attribs.itemprop}`, hint: '' });
        }
      } else if (name === 'link' && attribs.rel && attribs.href) {
        page.links.push({ rel: attribs.rel.toLowerCase(), href: attribs.href.trim(), text: '' });
      }
      if (name === 'script') {
        page.hasScript = true;
        const type = (attribs.type ?? '').toLowerCase();
        if (type.includes('ld+json')) {
          const cap: Capture = { parts: [], done: (t) => page.jsonLd.push(t) };
          frames.push({ tag: name, elem: -1, skip: true, link: false, heading: 0, pre: false, capture: cap });
          captures.push(cap);
          skipDepth++;
          return;
        }
      }
      if (name === 'title' && titleParts === null && !inTitle) {
        inTitle = true;
        titleParts = [];
      }

      const hidden =
        attribs.hidden !== undefined ||
        (attribs.style !== undefined && HIDDEN_STYLE.test(attribs.style)) ||
        attribs['aria-hidden'] === 'true' && name !== 'span' && name !== 'i';
      const skip = SKIP.has(name) || hidden || (name === 'noscript' && !opts.noscript);
      const counted = VOID_COUNTS.get(name);
      if (counted && skipDepth === 0) {
        const e = elems[curElem]!;
        if (counted === 'img') e.ownImg++;
        else if (counted === 'input') e.ownInput++;
        else e.ownEmbed++;
      }

      let elem = -1;
      let capture: Capture | null = null;
      const isLink = name === 'a';
      let heading = 0;
      let pre = false;
      if (skipDepth === 0 && !skip) {
        if (!INLINE.has(name)) {
          flush();
          let hint = '';
          if (attribs.class) hint += attribs.class;
          // An id made from a heading ("sharing-with-a-single-developer") is an anchor, not a role.
          if (attribs.id && !isHeadingSlug(attribs.id)) hint += ' ' + attribs.id;
          if (attribs.role) hint += ' role:' + attribs.role;
          elem = newElem(name, curElem, hint.toLowerCase());
          if (attribs.itemprop) elems[elem]!.itemprop = attribs.itemprop;
          if (attribs.itemtype) elems[elem]!.itemtype = attribs.itemtype;
          curElem = elem;
          heading = headingLevelOf(name);
          pre = name === 'pre';
        }
        const itemprop = attribs.itemprop;
        if (name === 'time' || (itemprop && /^date(published|created|modified)$/i.test(itemprop))) {
          const value = attribs.datetime || attribs.content;
          const how = itemprop ? `itemprop=${itemprop}` : 'time[datetime]';
          const markHint = `${attribs.class ?? ''} ${attribs.id ?? ''}${'pubdate' in attribs ? ' pubdate' : ''}`.trim().toLowerCase();
          if (value) page.dates.push({ value, elem: curElem, block: blocks.length, pos: elems.length, how, hint: markHint });
          else {
            const at = { elem: curElem, block: blocks.length, pos: elems.length, hint: markHint };
            capture = { parts: [], done: (t) => t && page.dates.push({ value: t, ...at, how: how === 'time[datetime]' ? 'time text' : how }) };
          }
        } else if (
          attribs.rel === 'author' ||
          (itemprop && /^author$/i.test(itemprop)) ||
          (attribs.class && /(^|[\s_-])(author|byline|by-line|writer|posted-by)([\s_-]|$)/i.test(attribs.class))
        ) {
          const how = attribs.rel === 'author' ? 'rel=author' : itemprop ? 'itemprop=author' : 'class byline';
          const at = { elem: curElem, block: blocks.length };
          capture = { parts: [], done: (t) => t && page.authors.push({ text: t, ...at, how }) };
        }
        if (isLink && !capture && attribs.href && /\/(authors?|writers?|contributors?|people|staff)\/[\w.-]+\/?$/i.test(attribs.href)) {
          // <a href="/authors/ann-lee">Ann Lee</a>
          const at = { elem: curElem, block: blocks.length };
          capture = { parts: [], done: (t) => t && t.length < 60 && page.authors.push({ text: t, ...at, how: 'author link' }) };
        }
      }
      if (capture) captures.push(capture);
      if (skip) skipDepth++;
      if (isLink) linkDepth++;
      if (heading) headingLevel = heading;
      if (pre) preDepth++;
      frames.push({ tag: name, elem, skip, link: isLink, heading, pre, capture });
    },
    ontext(data) {
      if (utf8 && !parser!.entity) data = utf8FromLatin1(data);
      if (inTitle && titleParts) titleParts.push(data);
      for (let i = 0; i < captures.length; i++) captures[i]!.parts.push(data);
      if (skipDepth > 0) return;
      buf.push(data);
      if (linkDepth > 0) bufLink += collapsedLength(data);
    },
    onclosetag(name) {
      if (name === 'title' && inTitle) {
        inTitle = false;
        page.title = collapseWs((titleParts ?? []).join('')).trim() || null;
      }
      const f = frames.pop();
      if (!f) return;
      if (f.capture) {
        const i = captures.lastIndexOf(f.capture);
        if (i >= 0) captures.splice(i, 1);
        const joined = f.capture.parts.join('');
        f.capture.done(f.tag === 'script' ? joined.trim() : collapseWs(joined).trim());
      }
      if (f.skip) skipDepth--;
      if (f.link) linkDepth--;
      if (f.pre) preDepth--;
      if (name === 'br' && skipDepth === 0) flush();
      if (f.elem >= 0) {
        flush();
        const e = elems[f.elem]!;
        e.endBlock = blocks.length;
        e.lastDesc = elems.length - 1;
        curElem = e.parent;
        if (f.heading) headingLevel = 0;
      }
    },
  };
  const parserOptions: ParserOptions = { lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: false };
  parser = new PageParser(handler, parserOptions, source, utf8);
  // Outside SVG and MathML a browser reads "<![CDATA[" as a bogus comment that ends at the
  // next ">"; htmlparser2 would swallow everything up to a "]]>" that may never come.
  parser.write(source);
  parser.end();
  // Close what the parser left open (it closes at end, but be sure).
  while (frames.length) {
    const f = frames.pop()!;
    if (f.elem >= 0) {
      flush();
      const e = elems[f.elem]!;
      e.endBlock = blocks.length;
      e.lastDesc = elems.length - 1;
      curElem = e.parent;
    }
  }
  flush();
  const r = elems[root]!;
  r.endBlock = blocks.length;
  r.lastDesc = elems.length - 1;
  aggregate(page);
  return page;
}

const SLUG_STOPWORDS = new Set(['a', 'an', 'the', 'with', 'of', 'to', 'and', 'in', 'for', 'how', 'what', 'why', 'is', 'on', 'your', 'you']);

/** "sharing-with-a-single-developer": an anchor made from a heading. */
function isHeadingSlug(id: string): boolean {
  const parts = id.toLowerCase().split(/[-_]/);
  return parts.length >= 4 && parts.some((p) => SLUG_STOPWORDS.has(p));
}

function countCommas(s: string): number {
  let c = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 44 || ch === 0x060c || ch === 0xff0c) c++;
  }
  return c;
}

/** Fill subtree counts bottom-up: children always come after their parent. */
function aggregate(page: ParsedPage): void {
  const { elems, blocks } = page;
  for (const b of blocks) {
    const e = elems[b.elem]!;
    e.textLen += b.text.length;
    e.linkLen += b.linkLen;
    e.commas += b.commas;
    if (b.heading) e.headingLen += b.text.length;
    // Paragraphs as Readability counts them after turning text-only divs into <p>.
    else if (b.text.length >= 20 && e.tag !== 'li') e.ownP++;
  }
  for (let i = elems.length - 1; i >= 0; i--) {
    const e = elems[i]!;
    e.imgCount += e.ownImg;
    e.inputCount += e.ownInput;
    e.embedCount += e.ownEmbed;
    e.pCount += e.ownP;
    if (e.tag === 'li') e.liCount++;
    if (e.parent >= 0) {
      const p = elems[e.parent]!;
      p.textLen += e.textLen;
      p.linkLen += e.linkLen;
      p.commas += e.commas;
      p.pCount += e.pCount;
      p.liCount += e.liCount;
      p.imgCount += e.imgCount;
      p.inputCount += e.inputCount;
      p.embedCount += e.embedCount;
      p.headingLen += e.headingLen;
    }
  }
}
