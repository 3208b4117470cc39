// Main-text selection on the flat page from parse.ts. Readability-style scoring
// (paragraph scores flow to ancestors with decay; link density and class/id hints
// weigh them), then the best container plus related siblings, then a cleaning pass
// that drops chrome inside it: junk-hinted subtrees (share, related, comments…),
// link lists, forms, short boilerplate lines and page-builder shortcodes.
import type { Block, Elem, ParsedPage } from './parse.js';

export interface MainText {
  /** Indices into page.blocks, in page order, with cleaned text. */
  blocks: { index: number; text: string }[];
  /** The chosen content container (element index). */
  top: number;
  /** Elements whose subtrees were taken. */
  roots: number[];
  /** Per element: 1 when it or an ancestor is chrome. */
  inJunk: Uint8Array;
}

// Class/id/role words of page chrome. Tokens are matched against class/id pieces.
const JUNK_RE_NO_COMMENT =
  /(^|[\s_-])share|sharing|sharedaddy|social|related|recommend|newsletter|subscri|signup|sign-up|advert|sponsor|promo|cookie|consent|gdpr|outbrain|taboola|breadcrumb|pagination|pager\b|sidebar|side-bar|widget|navbar|navigation|(^|[\s_-])nav($|[\s_-])|(^|[\s_-])menu|footer|masthead|popup|modal|toolbar|tagcloud|tag-?list|post-?tags|entry-?tags|article-?tags|author-?bio|authorbio|about-?(the-)?author|author-?box|(^|[\s_-])byline|post-?meta|entry-?meta|article-?meta|most-?popular|most-?read|mostread|popular-?posts|trending|read-?more|readmore|more-?stories|also-?like|you-?may|jump-?to|skip-?link|sr-only|screen-reader|visually-?hidden|login|(^|[\s_-])search|rating|reaction|donate|(^|[\s_-])cta($|[\s_-])|call-?to-?action|(^|[\s_-])ads?($|[\s_-])|ad-?(slot|unit|container|wrapper)|adsense|dfp|print-?only|hidden-print|role:(navigation|banner|contentinfo|complementary|search|menu|menubar|dialog|alert)|(^|[\s_-])latest|must-?read|(^|[\s_-])tags($|[\s_-])|(^|[\s_-])sns|follow-?us|post-?nav|prev-?next|next-?prev|newsletter|(^|[\s_-])crumbs/;
const JUNK_RE = new RegExp(`comment|disqus|${JUNK_RE_NO_COMMENT.source}`);
const POSITIVE_RE = /article|(^|[\s_-])body|content|entry|hentry|h-entry|(^|[\s_-])main|(^|[\s_-])page|(^|[\s_-])post|(^|[\s_-])text|blog|story|prose|markdown|rich-?text/;
const NEGATIVE_RE = /hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|nav|menu|header|aside/;
const JUNK_TAGS = new Set(['nav', 'aside', 'footer', 'form', 'menu', 'fieldset', 'figcaption']);
const CLEAN_TAGS = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'fieldset', 'header', 'footer', 'aside', 'nav', 'figure', 'center', 'details']);
const LIST_TAGS = new Set(['ul', 'ol', 'dl']);
const PARA_TAGS = new Set(['p', 'li', 'pre', 'blockquote', 'dd', 'dt', 'td', 'th', 'figcaption', 'caption', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'summary', 'legend']);

const SHORTCODE_RE =
  /\[\/?(?:vc|et_pb|fusion|av|cs|tie|su|mk|x|themify|cmsmasters|mpc|ult|ultimate|rev_slider|dt|bsf|tm|td|gdlr|ux|thb|nectar|cz)_[a-z0-9_]*\b[^\]\n]{0,600}\]|\[\/?(?:caption|gallery|embed|audio|video|playlist|contact-form-7|contact-form|wpforms|ninja_forms|row|column|one_half|one_third|two_third|one_fourth|three_fourth|tabs|tab|toggle|accordion|button|divider|spacer|section|fullwidth|container|separator|dropcap|highlight|blockquote|quote|icon|image|img|box|alert|map|shortcode|sc)(?:\s[^\]\n]{0,600})?\]/gi;

/** Lines that are chrome wherever they appear (short ones only). */
const BOILER_LINE_RE =
  /^(?:share(?: this(?: article| story| post)?)?(?: on| via)?|tweet|email|print|advertisement|advertisements|sponsored(?: content)?|related(?: articles| posts| stories| content)?|read more|read next|more from|continue reading|comments?|\d+ comments?|leave a (?:comment|reply)|post a comment|subscribe(?: now)?|follow us(?: on)?|sign up|tags?|filed under|posted in|categories|category|facebook|twitter|linkedin|whatsapp|pinterest|reddit|telegram|copy link|skip to (?:main )?content|back to top|loading\.*|you might also like|recommended(?: for you)?|most read|most popular|trending(?: now)?|latest news|must read|see also|image|photo|getty images|click here|cookie settings|accept(?: all)?(?: cookies)?|all rights reserved\.?)\s*[:.]?$/i;
/** "Read more: …", "Lea también: …", "بیشتر بخوانید: …": a pointer to another story. */
const READ_ALSO_RE =
  /^(?:read (?:more|also|next)|also read|see also|more on this|related(?: story| article)?|must read|recommended|lea (?:también|más)|lee (?:también|más)|lea|vea también|mira|ver también|leia (?:também|mais)|à lire aussi|lire aussi|voir aussi|à voir aussi|weiterlesen|mehr zum thema|zum weiterlesen|auch interessant|schon gelesen|lesen sie auch|lesen sie mehr|weitere artikel|czytaj (?:także|też|więcej)|zobacz (?:też|także)|leggi anche|potrebbe interessarti|بیشتر بخوانید|همچنین بخوانید|بخوانید|مطالب مرتبط|اقرأ أيضا|اقرأ أيضاً)\s*[:?：؟]/i;
const COPYRIGHT_RE = /^(?:©|\(c\)|copyright)\s/i;

function isJunkHint(hint: string, forum: boolean): boolean {
  return hint.length > 0 && (forum ? JUNK_RE_NO_COMMENT : JUNK_RE).test(hint);
}

function classWeight(hint: string): number {
  if (!hint) return 0;
  let w = 0;
  if (NEGATIVE_RE.test(hint)) w -= 25;
  if (POSITIVE_RE.test(hint)) w += 25;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div': case 'article': case 'main': case 'section':
      return 5;
    case 'pre': case 'td': case 'blockquote':
      return 3;
    case 'address': case 'ol': case 'ul': case 'dl': case 'dd': case 'dt': case 'li': case 'form':
      return -3;
    case 'h1': case 'h2': case 'h3': case 'h4': case 'h5': case 'h6': case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Strip page-builder shortcodes: "[vc_row][vc_column]Text[/vc_column]" -> "Text". */
export function stripShortcodes(s: string): string {
  if (s.indexOf('[') === -1) return s;
  return s.replace(SHORTCODE_RE, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** Choose the main text of a parsed page. `titleHint` (the page title) lets a duplicate headline be dropped. */
export function extractMain(page: ParsedPage, titleHint: string | null): MainText {
  const { elems, blocks } = page;
  const n = elems.length;

  // Prose per subtree: text of paragraph-like blocks with few links.
  const prose = new Float64Array(n);
  for (const b of blocks) if (b.text.length >= 25 && b.linkLen < b.text.length * 0.3) prose[b.elem] += b.text.length;
  for (let i = n - 1; i > 0; i--) prose[elems[i]!.parent] += prose[i]!;
  const totalProse = Math.max(1, prose[0]!);

  // 1. Junk marks, top-down (parents come first). On a forum thread most prose sits in
  // "comment" containers: then comments are the content, so mark again without that word.
  const junk = new Uint8Array(n); // own mark
  const inJunk = new Uint8Array(n); // self or an ancestor
  const markJunk = (forum: boolean): void => {
    for (let i = 1; i < n; i++) {
      const e = elems[i]!;
      let j = JUNK_TAGS.has(e.tag) || isJunkHint(e.hint, forum);
      if (j) {
        // A wrapper like "theiastickysidebar" or an ASP.NET <form> around most of the prose is not chrome.
        const share = prose[i]! / totalProse;
        const limit = /comment/.test(e.hint) ? 0.85 : e.tag === 'nav' || e.tag === 'footer' || e.tag === 'aside' ? 0.7 : 0.5;
        if (share > limit && prose[i]! > 200) j = false;
      }
      junk[i] = j ? 1 : 0;
      inJunk[i] = j || inJunk[e.parent] ? 1 : 0;
    }
  };
  markJunk(false);
  let junkProse = 0;
  for (const b of blocks) if (inJunk[b.elem] && b.text.length >= 25 && b.linkLen < b.text.length * 0.3) junkProse += b.text.length;
  if (junkProse > 0.6 * totalProse && totalProse - junkProse < 800) markJunk(true);

  // Prose outside chrome, for sibling decisions.
  const cleanProse = new Float64Array(n);
  for (const b of blocks) if (!inJunk[b.elem] && b.text.length >= 25 && b.linkLen < b.text.length * 0.3) cleanProse[b.elem] += b.text.length;
  for (let i = n - 1; i > 0; i--) cleanProse[elems[i]!.parent] += cleanProse[i]!;

  // 2. Scores: each paragraph-like block feeds its container's ancestors.
  const score = new Float64Array(n);
  const scored = new Uint8Array(n);
  const initScore = (i: number): void => {
    if (scored[i]) return;
    scored[i] = 1;
    score[i] = tagWeight(elems[i]!.tag) + classWeight(elems[i]!.hint);
  };
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b]!;
    if (inJunk[blk.elem]) continue;
    const len = blk.text.length;
    if (len < 25) continue;
    if (blk.linkLen / len > 0.6) continue;
    const commas = blk.commas;
    const s = 1 + commas + Math.min(Math.floor(len / 100), 3);
    let e = blk.elem;
    const ce = elems[e]!;
    // A paragraph element scores its parent; a div holding loose text scores itself.
    if (PARA_TAGS.has(ce.tag) || ce.firstBlock + 1 === ce.endBlock) e = ce.parent;
    for (let level = 0; e > 0 && level < 5; level++) {
      initScore(e);
      score[e] += level === 0 ? s : level === 1 ? s / 2 : s / (level * 3);
      e = elems[e]!.parent;
    }
  }
  let top = 0;
  let best = -Infinity;
  const finals: { i: number; s: number }[] = [];
  for (let i = 1; i < n; i++) {
    if (!scored[i]) continue;
    const e = elems[i]!;
    const ld = e.textLen ? e.linkLen / e.textLen : 0;
    const s = score[i]! * (1 - ld);
    score[i] = s;
    finals.push({ i, s });
    if (s > best) {
      best = s;
      top = i;
    }
  }

  if (top > 0) {
    // Several near-best candidates under one ancestor (an archive page, a split body): take the ancestor.
    finals.sort((a, b) => b.s - a.s);
    const near = finals.slice(1, 5).filter((c) => c.s >= 0.75 * best).map((c) => c.i);
    if (near.length >= 3) {
      for (let p = elems[top]!.parent; p > 0; p = elems[p]!.parent) {
        let hits = 0;
        for (const c of near) if (c > p && c <= elems[p]!.lastDesc) hits++;
        if (hits >= 3) {
          if (!inJunk[p]) top = p;
          break;
        }
      }
    }
    // Climb while the parent scores clearly better (the body was split into several divs).
    let last = score[top]!;
    const threshold = last / 3;
    for (let p = elems[top]!.parent; p > 0; p = elems[p]!.parent) {
      if (!scored[p]) continue;
      if (score[p]! < threshold) break;
      if (score[p]! > last) {
        top = p;
        break;
      }
      last = score[p]!;
    }
    // An only child: its parent holds the same content plus maybe its headline.
    while (elems[top]!.parent > 0 && elems[elems[top]!.parent]!.children.length === 1 && !inJunk[elems[top]!.parent]) top = elems[top]!.parent;
  }

  // 3. Siblings that belong with the top candidate.
  const roots: number[] = [];
  if (top > 0 && elems[top]!.parent >= 0) {
    const te = elems[top]!;
    const threshold = Math.max(10, score[top]! * 0.2);
    for (const sib of elems[te.parent]!.children) {
      if (sib === top) {
        roots.push(sib);
        continue;
      }
      if (inJunk[sib]) continue;
      const se = elems[sib]!;
      let bonus = 0;
      if (se.hint && se.hint === te.hint) bonus = score[top]! * 0.2;
      // A body split into sections scores low per section (paragraphs sit deep), but holds as much prose.
      const sibLd = se.textLen ? se.linkLen / se.textLen : 1;
      if ((scored[sib] && score[sib]! + bonus >= threshold) || (cleanProse[sib]! >= 0.25 * cleanProse[top]! && cleanProse[sib]! > 200 && sibLd < 0.3)) {
        roots.push(sib);
        continue;
      }
      if (se.tag === 'p' || (se.firstBlock + 1 === se.endBlock && se.children.length === 0)) {
        const len = se.textLen;
        const ld = len ? se.linkLen / len : 1;
        const txt = se.firstBlock < se.endBlock ? blocks[se.firstBlock]!.text : '';
        if ((len > 80 && ld < 0.25) || (len > 0 && len <= 80 && ld === 0 && /\.( |$)/.test(txt))) roots.push(sib);
      }
    }
  } else {
    roots.push(0);
  }

  // 4. Clean inside the chosen roots and collect blocks.
  const drop = new Uint8Array(n);
  const out: { index: number; text: string }[] = [];
  const titleKey = titleHint ? foldTitle(titleHint) : '';
  let droppedTitle = false;
  for (const r of roots) {
    for (let i = r + 1; i <= elems[r]!.lastDesc; i++) {
      if (drop[elems[i]!.parent]) {
        drop[i] = 1;
        continue;
      }
      if (junk[i] || shouldClean(elems[i]!, classWeight(elems[i]!.hint) + (scored[i] ? score[i]! : 0))) drop[i] = 1;
    }
    const re = elems[r]!;
    for (let b = re.firstBlock; b < re.endBlock; b++) {
      const blk = blocks[b]!;
      if (drop[blk.elem] && blk.elem !== r) continue;
      let text = stripShortcodes(blk.text);
      if (!text) continue;
      if (isBoilerLine(text, blk)) continue;
      if (!droppedTitle && blk.heading && titleKey && out.length < 3) {
        const k = foldTitle(text);
        if (k && (k === titleKey || (k.length > 15 && titleKey.includes(k)) || (titleKey.length > 15 && k.includes(titleKey)))) {
          droppedTitle = true;
          continue;
        }
      }
      out.push({ index: b, text });
    }
  }
  return { blocks: out, top, roots, inJunk };
}

/** Readability's conditional cleaning, on subtree counts. */
function shouldClean(e: Elem, weight: number): boolean {
  if (!CLEAN_TAGS.has(e.tag)) return false;
  if (weight < 0 && e.textLen < 1000) return true;
  if (e.commas >= 10) return false;
  const isList = LIST_TAGS.has(e.tag);
  const p = e.pCount;
  const img = e.imgCount;
  const li = e.liCount - 100;
  const contentLength = e.textLen;
  const ld = contentLength ? e.linkLen / contentLength : 0;
  const headingDensity = contentLength ? e.headingLen / contentLength : 0;
  if (contentLength === 0) return img === 0 && e.embedCount === 0;
  if (img > 1 && p / img < 0.5 && e.tag !== 'figure') return true;
  if (!isList && li > p) return true;
  if (e.inputCount > Math.floor(p / 3)) return true;
  if (!isList && headingDensity < 0.9 && contentLength < 25 && (img === 0 || img > 2)) return true;
  if (!isList && weight < 25 && ld > 0.2) return true;
  if (weight >= 25 && ld > 0.5) return true;
  if (isList && ld > 0.5) return true;
  if ((e.embedCount === 1 && contentLength < 75) || e.embedCount > 1) return true;
  return false;
}

function isBoilerLine(text: string, blk: Block): boolean {
  if (text.length < 250 && READ_ALSO_RE.test(text)) return true;
  if (text.length > 60) return false;
  if (BOILER_LINE_RE.test(text)) return true;
  if (COPYRIGHT_RE.test(text)) return true;
  // A short line that is all link inside running text: "Next article", a tag, a category.
  if (!blk.heading && blk.linkLen >= text.length * 0.9 && text.length < 40 && !/[.!?؟]$/.test(text)) return true;
  return false;
}

/** Title comparison key: lower case letters and digits only. */
export function foldTitle(s: string): string {
  return s.toLowerCase().normalize('NFKC').replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A looser reading for listing pages (catalogues, link lists, schedules), where the
 * prose-based choice finds little: everything in <main> (or the page) that is not chrome.
 */
export function extractLoose(page: ParsedPage, strict: MainText): MainText {
  const { elems, blocks } = page;
  let root = 0;
  for (let i = 1; i < elems.length; i++) {
    const e = elems[i]!;
    if (strict.inJunk[i]) continue;
    if (e.tag === 'main' || /role:main/.test(e.hint) || /^(main|content|main-content|maincontent)$/.test(e.hint.split(' ').pop() ?? '')) {
      if (e.textLen > 200) {
        root = i;
        break;
      }
    }
  }
  const out: { index: number; text: string }[] = [];
  const re = elems[root]!;
  for (let b = re.firstBlock; b < re.endBlock; b++) {
    const blk = blocks[b]!;
    if (strict.inJunk[blk.elem] && blk.elem !== root) continue;
    const text = stripShortcodes(blk.text);
    if (!text || BOILER_LINE_RE.test(text) || COPYRIGHT_RE.test(text)) continue;
    out.push({ index: b, text });
  }
  return { blocks: out, top: root, roots: [root], inJunk: strict.inJunk };
}
