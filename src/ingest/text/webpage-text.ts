// Plain text saved from a web page ("Save as text", copy-paste of a whole page) carries the
// page's chrome as lines: menus, breadcrumbs, share buttons, "latest news" link lists and a
// footer. Here we find the title, the publication date and the paragraphs of the story.
// Everything is line-based: a line is what the browser rendered as one block.
import type { PublishedDate } from '../../model/schema.js';
import { findDates } from './text-dates.js';

export interface WebpageText {
  /** True when the text looked like a saved page and chrome lines were dropped. */
  isWebpage: boolean;
  title: string | null;
  site: string | null;
  published: PublishedDate | null;
  /** Title and kept paragraphs, one per block, separated by blank lines. */
  body: string;
  droppedLines: number;
}

const TERMINAL = /[.!?؟…:"”»)\]]$/;
const SHARE = /^(share( this)?( on)?|tweet|facebook|twitter|x \(twitter\)|whatsapp|telegram|linkedin|email|e-mail|print|copy link|اشتراک([\u200c ]?گذاری)?|هم\u200cرسانی|چاپ|ارسال به دوستان)(?=$|[\s|:,/·•-])/i;
const FOOTER = /©|\(c\) ?\d{4}|\ball rights reserved\b|\bcopyright\b|\bprivacy policy\b|\bterms of (use|service)\b|تمامی حقوق|کلیه حقوق|حقوق.{0,20}محفوظ/i;
const SECTION_MARKER = /^(latest( news)?|related( (posts|articles|stories|news))?|most (read|popular|viewed)|read more|more (news|stories) from|you may also like|trending|recommended|top stories|آخرین (اخبار|خبرها|مطالب)|مطالب (مرتبط|مشابه)|اخبار مرتبط|پربازدیدترین( ها)?|پربازدیدها|بیشتر بخوانید|داغ‌ترین‌ها)(?=$|[\s:])\s*:?$/i;
const BREADCRUMB = /^[^.!?؟]{1,120}(\s(>|»|›|\/|\\|»)\s[^.!?؟]{1,60}){1,}$/;
const CHROME_WORDS = /^(home|menu|search|login|log in|sign in|sign up|subscribe|register|skip to (main )?content|toggle navigation|main menu|contact( us)?|about( us)?|newsletter|donate|خانه|صفحه اصلی|جستجو|ورود|عضویت|تماس با ما|درباره ما)$/i;
// Lines that date the copy, not the story: "Saved from … on 22 November 2026", "Today: …".
const NOT_PUBLICATION = /\b(printed|print date|accessed|retrieved|downloaded|generated|crawled|saved|archived|captured|snapshot|last (visited|checked)|today)\b|تاریخ (چاپ|دسترسی|بازدید|ذخیره)|ذخیره ?شده|(^|[\s(])امروز($|[\s:،)])/i;
const UPDATED = /\b(updated|modified|edited)\b|به‌روز|بروز ?رسانی|ویرایش/i;
const BYLINE = /\b(published|posted|date|dated|publication date|released)\b|تاریخ( انتشار| خبر)?|منتشر ?شده|انتشار/i;

function words(line: string): number {
  return line.split(/\s+/).filter(Boolean).length;
}

/** A story paragraph: long prose, or a sentence of some length. Headlines (no final stop) are not. */
function isParagraph(line: string): boolean {
  const w = words(line);
  if (line.length >= 80 && (TERMINAL.test(line) || /[.!?؟][\s"”»]+\S/.test(line)) && w >= 8) return true;
  return TERMINAL.test(line) && w >= 6 && line.length >= 30;
}

function isChrome(line: string): boolean {
  return (SHARE.test(line) && words(line) <= 8) || FOOTER.test(line) || CHROME_WORDS.test(line) || (BREADCRUMB.test(line) && !TERMINAL.test(line));
}

/** Short, menu-like: a few words, no sentence ending. */
function isShort(line: string): boolean {
  return line.length < 40 && words(line) <= 5 && !TERMINAL.test(line);
}

function onlyDate(line: string): boolean {
  const dates = findDates(line);
  if (dates.length === 0) return false;
  const rest = line.slice(0, dates[0]!.index) + line.slice(dates[0]!.index + dates[0]!.length);
  return words(rest) <= 4;
}

/** A line that could be a headline: several words, not chrome, not a bare date. */
function isTitleLike(line: string): boolean {
  const w = words(line);
  return w >= 3 && line.length >= 15 && line.length <= 250 && !isChrome(line) && !onlyDate(line) && !SECTION_MARKER.test(line) && !/[.]$/.test(line);
}

/**
 * Hard-wrapped prose (email, licence, typed transcript): most lines are long, stop mid-sentence
 * and continue on the next line. Browsers never save pages that way.
 */
function isHardWrapped(lines: string[]): boolean {
  let wrapped = 0;
  let nonBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    nonBlank++;
    if (l.length >= 50 && l.length <= 100 && !TERMINAL.test(l) && (lines[i + 1] ?? '') !== '') wrapped++;
  }
  return nonBlank >= 6 && wrapped >= 0.3 * nonBlank;
}

function looksLikeSavedPage(lines: string[]): boolean {
  if (isHardWrapped(lines)) return false;
  const head = lines.slice(0, 30);
  let run = 0;
  let longestRun = 0;
  for (const l of head) {
    if (!l) continue;
    run = isShort(l) || isChrome(l) ? run + 1 : 0;
    longestRun = Math.max(longestRun, run);
  }
  const chrome = lines.filter((l) => l && l.length < 120 && (isChrome(l) || SECTION_MARKER.test(l))).length;
  return longestRun >= 3 || chrome >= 2;
}

const BYLINE_NAME = /^(by|written by|words by|author:?|reporter:?|نویسنده:?|به قلم|گزارشگر:?|خبرنگار:?)\s/i;

/** A byline or a date line: short, but not a menu entry. */
function isHeaderLine(l: string): boolean {
  return BYLINE_NAME.test(l) || (findDates(l).length > 0 && (onlyDate(l) || BYLINE.test(l)));
}

function isMenuLine(l: string): boolean {
  return isShort(l) && !isHeaderLine(l);
}

/**
 * The headline among the lines before the story: a title-like line (several words, no final
 * stop, not a byline, not in a link list), preferring one followed by a byline or date and
 * close to the first paragraph; menu entries sit between other menu entries.
 */
/**
 * Index of the first line of the story: the run of paragraphs (gaps of at most three other
 * lines) with the most text, extended back over earlier runs that are close to it (an image
 * caption or an ad splits a story; a cookie notice above the menu is far from it).
 */
function findBodyStart(lines: string[]): number {
  const runs: { start: number; end: number; chars: number }[] = [];
  let gap = Infinity;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    if (isParagraph(l) && !isChrome(l)) {
      const last = runs[runs.length - 1];
      if (last && gap <= 3) {
        last.end = i;
        last.chars += l.length;
      } else runs.push({ start: i, end: i, chars: l.length });
      gap = 0;
    } else {
      gap++;
    }
  }
  if (runs.length === 0) return -1;
  let best = 0;
  runs.forEach((r, k) => {
    if (r.chars > runs[best]!.chars) best = k;
  });
  const nonBlankBetween = (from: number, to: number) => lines.slice(from + 1, to).filter(Boolean).length;
  // A section marker or a byline between two runs means the earlier run is not the same story
  // (a notice or a teaser above the headline).
  while (best > 0 && nonBlankBetween(runs[best - 1]!.end, runs[best]!.start) <= 8 && !lines.slice(runs[best - 1]!.end + 1, runs[best]!.start).some((l) => SECTION_MARKER.test(l) || isHeaderLine(l))) best--;
  return runs[best]!.start;
}

function pickTitleLine(lines: string[], bodyStart: number): number | null {
  const limit = bodyStart >= 0 ? bodyStart : Math.min(lines.length, 40);
  let best: { index: number; score: number } | null = null;
  let inLinkList = false;
  for (let i = 0; i < limit; i++) {
    const l = lines[i]!;
    if (!l) continue;
    if (SECTION_MARKER.test(l)) {
      inLinkList = true;
      continue;
    }
    // A date or byline line belongs to a story header: any link list before it has ended.
    if (isHeaderLine(l)) inLinkList = false;
    if (inLinkList || !isTitleLike(l) || words(l) < 4 || BYLINE_NAME.test(l) || /\bhttps?:\/\/|\bwww\./i.test(l) || NOT_PUBLICATION.test(l)) continue;
    const after = lines.slice(i + 1, i + 5).filter(Boolean);
    let score = 0;
    if (after.some(isHeaderLine)) score += 2;
    // The byline sits right under its headline.
    if (after[0] && isHeaderLine(after[0])) score += 1;
    const between = bodyStart >= 0 ? lines.slice(i + 1, bodyStart).filter(Boolean).length : Infinity;
    if (between <= 6) score += 2;
    // The headline is often the last crumb of a "Home - Section - Headline" trail above it.
    if (lines.slice(Math.max(0, i - 6), i).some((b) => b.length > l.length && b.endsWith(l) && TITLE_SEPARATORS.test(b))) score += 2;
    if (words(l) >= 5) score += 1;
    const prev = lines.slice(0, i).filter(Boolean).pop();
    const next = after[0];
    if (prev && next && isMenuLine(prev) && isMenuLine(next)) score -= 2;
    // Ties go to the earlier line: a subheading inside the story scores like the headline.
    if (!best || score > best.score) best = { index: i, score };
  }
  return best ? best.index : null;
}

const TITLE_SEPARATORS = /\s+(?:\||-|–|—|::|»|·)\s+/;

/** "Story headline | Site Name" as a window title, confirmed by the headline appearing again as a line. */
function windowTitle(lines: string[]): { title: string; site: string | null; index: number } | null {
  const first = lines.findIndex((l) => l.length > 0);
  if (first < 0) return null;
  const parts = lines[first]!.split(TITLE_SEPARATORS).map((p) => p.trim());
  if (parts.length < 2) return null;
  for (const part of parts) {
    if (part.length < 15) continue;
    const again = lines.findIndex((l, i) => i > first && l.toLowerCase() === part.toLowerCase());
    if (again > 0) {
      const site = parts.filter((p) => p !== part).join(' | ') || null;
      return { title: part, site, index: again };
    }
  }
  return null;
}

/**
 * The most credible date on the lines of the given [from, to) ranges; story paragraphs are
 * not bylines. A plain date line above the title that is later than another candidate is
 * taken for the day the page was served or saved (a date bar), and loses to it; on a tie the
 * line under the title wins.
 */
function pickDate(lines: string[], ranges: [number, number][], titleIndex: number | null): PublishedDate | null {
  const indices = new Set<number>();
  for (const [from, to] of ranges) for (let i = Math.max(0, from); i < Math.min(lines.length, to); i++) indices.add(i);
  const cands: (PublishedDate & { line: number; byline: boolean })[] = [];
  for (const i of [...indices].sort((a, b) => a - b)) {
    const line = lines[i]!;
    if (!line || NOT_PUBLICATION.test(line) || isParagraph(line)) continue;
    const dates = findDates(line);
    if (dates.length === 0) continue;
    const d = dates[0]!;
    let confidence: number;
    let evidence: string;
    const byline = (BYLINE.test(line) || BYLINE_NAME.test(line)) && !UPDATED.test(line);
    if (byline) (confidence = 0.8), (evidence = 'text byline date');
    else if (UPDATED.test(line)) (confidence = 0.4), (evidence = 'text updated date');
    else if (onlyDate(line) && titleIndex !== null && Math.abs(i - titleIndex) <= 4) (confidence = 0.7), (evidence = 'text date line near title');
    else if (onlyDate(line)) (confidence = 0.55), (evidence = 'text date line');
    else (confidence = 0.4), (evidence = 'text date near top');
    if (d.calendar === 'solar_hijri') evidence += ' (solar hijri)';
    cands.push({ value: d.value, evidence, confidence, line: i, byline });
  }
  const above = (c: { line: number }) => titleIndex !== null && c.line < titleIndex;
  for (const c of cands) {
    if (above(c) && !c.byline && cands.some((o) => o !== c && o.value < c.value && !UPDATED.test(lines[o.line]!))) c.confidence -= 0.3;
  }
  cands.sort((a, b) => b.confidence - a.confidence || Number(above(a)) - Number(above(b)) || a.line - b.line);
  const best = cands[0];
  return best && best.confidence > 0.2 ? { value: best.value, evidence: best.evidence, confidence: best.confidence } : null;
}

/**
 * Title, date and story paragraphs of text saved from a web page; a text that does not look
 * like a saved page keeps all its lines. `text` must be normalizeText()-ed.
 */
export function extractWebpageText(text: string): WebpageText {
  const lines = text.split('\n').map((l) => l.trim());
  if (!looksLikeSavedPage(lines)) {
    const firstIdx = lines.findIndex((l) => l.length > 0);
    const first = firstIdx >= 0 ? lines[firstIdx]! : '';
    // A first line standing alone above the text, shaped like a headline, is its title.
    const title = first && (lines[firstIdx + 1] ?? '') === '' && isTitleLike(first) && !isParagraph(first) ? first : null;
    const published = pickDate(lines, [[0, 12]], title ? firstIdx : null);
    return { isWebpage: false, title, site: null, published, body: text, droppedLines: 0 };
  }

  const win = windowTitle(lines);
  let titleIndex: number | null = win ? win.index : null;
  let site = win?.site ?? null;
  const bodyStart = findBodyStart(lines);
  if (titleIndex === null) titleIndex = pickTitleLine(lines, bodyStart);
  const title = titleIndex !== null ? lines[titleIndex]! : null;
  // Bylines sit by the headline, or just above the story when the headline was not found.
  const ranges: [number, number][] = [];
  if (titleIndex !== null) ranges.push([titleIndex - 3, titleIndex + 8]);
  if (bodyStart >= 0) ranges.push([bodyStart - 8, bodyStart]);
  if (ranges.length === 0) ranges.push([0, 25]);
  const published = pickDate(lines, ranges, titleIndex);

  // Keep story paragraphs after the title; a short line is kept only as a subheading between
  // two kept paragraphs. Link lists after a section marker and everything after the footer go.
  const kept: string[] = [];
  let inLinkList = false;
  let pendingHeading: string | null = null;
  const keepFrom = titleIndex !== null ? titleIndex + 1 : 0;
  for (let i = keepFrom; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l) continue;
    // A footer line ends the story; a long paragraph that mentions copyright does not.
    if (FOOTER.test(l) && l.length < 160 && kept.length > 0) break;
    if (SECTION_MARKER.test(l)) {
      inLinkList = true;
      pendingHeading = null;
      continue;
    }
    if (isParagraph(l) && !isChrome(l)) {
      inLinkList = false;
      if (pendingHeading && kept.length > 0) kept.push(pendingHeading);
      pendingHeading = null;
      kept.push(l);
      continue;
    }
    const subheading = !inLinkList && !isChrome(l) && !onlyDate(l) && words(l) >= 2 && words(l) <= 15;
    pendingHeading = subheading ? l : null;
  }
  const dropped = lines.filter(Boolean).length - kept.length - (title ? 1 : 0);
  const body = [...(title ? [title] : []), ...kept].join('\n\n');
  return { isWebpage: true, title, site, published, body, droppedLines: dropped };
}
