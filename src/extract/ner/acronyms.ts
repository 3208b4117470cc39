// Acronyms defined in parentheses: "People's Front of Arvand (PFA)", "سازمان ملل متحد (UN)".
// The acronym span gets `acronymOf` = the long form's span, the long form becomes an entity
// if the tagger missed it, and later bare uses of the acronym in the same text are tagged
// with the same type and link.
import type { Token } from '../tokenize/tokenize.js';
import type { EntityType, WorkingEntity } from './extract.js';
import type { NerLanguage } from './load.js';

// Words an English long form may contain without contributing a letter.
const EN_CONNECTORS: ReadonlySet<string> = new Set(['of', 'the', 'for', 'and', '&', "'s", '’s', 'de', 'du', 'la', 'in', 'on', 'to', 'al', 'el', '-']);

function isLatinAcronym(s: string): boolean {
  if (s.length < 2 || s.length > 12) return false;
  let upper = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (!((c >= 0x30 && c <= 0x39) || c === 0x26 || c === 0x2e || c === 0x2d || (c >= 0x61 && c <= 0x7a))) return false;
  }
  return upper >= 2 && upper >= s.replace(/[^A-Za-z]/g, '').length - 1; // "PFA", "IRGC", "MoI" is not
}

// Blessings written in parentheses after holy names, not acronyms: "امام خمینی (ره)".
const FA_HONORIFIC_ABBREVIATIONS: ReadonlySet<string> = new Set(['ره', 'رض', 'رح', 'قده', 'قدس', 'عج', 'عج‌الله', 'ع', 'ص', 'س', 'مدظله', 'دام‌ظله']);

function isPersianAcronym(s: string): boolean {
  // ناجا، ساواک، سمت: one short Arabic-script word
  if (s.length < 2 || s.length > 7 || FA_HONORIFIC_ABBREVIATIONS.has(s)) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0x0621 && c <= 0x06d3)) return false;
  }
  return true;
}

/** Capital letters of an acronym: "U.S." -> "US", "AT&T" -> "ATT". */
function acronymLetters(s: string): string {
  return s.replace(/[^A-Z]/g, '');
}

/**
 * English long form ending at token `end` (exclusive) whose initials spell `letters`,
 * walking back over capitalized words and connectors. Returns its first token or -1.
 */
function findLongForm(tokens: readonly Token[], end: number, letters: string, floor: number): number {
  let k = letters.length - 1;
  let start = -1;
  for (let t = end - 1; t >= floor && t >= end - 12; t--) {
    const w = tokens[t]!.text;
    const c = w.charCodeAt(0);
    const isCap = c >= 0x41 && c <= 0x5a;
    if (isCap) {
      // a word may give one letter, or several if it is hyphenated ("Al-Qaeda")
      const parts = w.split('-').filter((p) => p.length > 0);
      let matched = 0;
      for (let p = parts.length - 1; p >= 0 && k >= 0; p--) {
        if (parts[p]![0]!.toUpperCase() === letters[k]) {
          k--;
          matched++;
        }
      }
      if (matched === 0) return -1;
      start = t;
      if (k < 0) return start;
      continue;
    }
    if (EN_CONNECTORS.has(w.toLowerCase())) continue;
    return -1;
  }
  return -1;
}

/** Link acronyms defined in parentheses to their long forms; tag later uses. */
export function acronymSpans(tokens: readonly Token[], entities: WorkingEntity[], lang: NerLanguage): WorkingEntity[] {
  const n = tokens.length;
  // quick exit: no "(" token at all
  let any = false;
  for (let i = 0; i < n; i++) if (tokens[i]!.text === '(') any = true;
  if (!any) return entities;
  const byEnd = new Map<number, WorkingEntity>();
  for (const e of entities) byEnd.set(e.end, e);
  const defined = new Map<string, { type: EntityType; longForm: { start: number; end: number }; from: number; confidence: number }>();
  let list = entities;
  for (let i = 1; i + 2 < n; i++) {
    if (tokens[i]!.text !== '(' || tokens[i + 2]!.text !== ')') continue;
    const acr = tokens[i + 1]!.text;
    const latin = isLatinAcronym(acr);
    if (!latin && !(lang === 'fa' && isPersianAcronym(acr))) continue;
    if (defined.has(acr)) continue;
    let longStart = -1;
    let type: EntityType = 'ORG';
    let confidence = 0.8;
    const tagged = byEnd.get(i);
    if (tagged && tagged.type !== 'PERSON') {
      longStart = tagged.start;
      type = tagged.type === 'MISC' ? 'ORG' : tagged.type;
      confidence = tagged.confidence;
      // the tagger may have cut the long form short: extend by initials when they match
      if (latin && lang === 'en') {
        const ext = findLongForm(tokens, i, acronymLetters(acr), 0);
        if (ext >= 0 && ext < longStart) longStart = ext;
      }
    } else if (latin && lang === 'en') {
      longStart = findLongForm(tokens, i, acronymLetters(acr), 0);
    }
    if (longStart < 0) continue;
    const longForm = { start: tokens[longStart]!.start, end: tokens[i - 1]!.end };
    // replace whatever the tagger had inside the long form and on the acronym itself
    list = list.filter((e) => e.end <= longStart || e.start >= i + 2);
    list.push({ start: longStart, end: i, type, confidence });
    list.push({ start: i + 1, end: i + 2, type, confidence, acronymOf: longForm });
    defined.set(acr, { type, longForm, from: i + 3, confidence });
  }
  if (defined.size === 0) return entities;
  // later bare uses
  const covered = new Uint8Array(n);
  for (const e of list) for (let k = e.start; k < e.end; k++) covered[k] = 1;
  for (let k = 0; k < n; k++) {
    const d = defined.get(tokens[k]!.text);
    if (!d) continue;
    if (k < d.from) continue;
    if (covered[k]) {
      // the tagger found it: keep its span, add the link when the span is just the acronym
      for (const e of list) if (e.start === k && e.end === k + 1) e.acronymOf = d.longForm;
      continue;
    }
    list.push({ start: k, end: k + 1, type: d.type, confidence: Math.min(0.9, d.confidence), acronymOf: d.longForm });
    covered[k] = 1;
  }
  return list.sort((a, b) => a.start - b.start);
}
