// Sentence splitter over tokens. English: ". ! ?" end a sentence unless the period is
// part of an abbreviation token ("Mr.", "Gen.", "U.S."); Persian: ". ! ? ؟" always do.
// A blank line always ends a sentence; a single line break does too, except in English
// when the next line continues in lower case (hard-wrapped text).
import type { Token, TokenLanguage } from './tokenize.js';

/** A sentence: tokens[tokenStart..tokenEnd) and the text span they cover. */
export interface Sentence {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
}

/** Longest sentence handed to the tagger; longer runs (tables, 10 MB lines) are cut. */
export const MAX_SENTENCE_TOKENS = 250;

// Abbreviations that precede a name: never the end of a sentence.
const EN_NEVER_FINAL: ReadonlySet<string> = new Set([
  'mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'gen.', 'col.', 'lt.', 'sgt.', 'capt.', 'cpt.', 'maj.', 'adm.', 'cmdr.', 'brig.',
  'gov.', 'sen.', 'rep.', 'rev.', 'fr.', 'st.', 'hon.', 'pres.', 'supt.', 'insp.', 'messrs.', 'mme.', 'mlle.', 'no.', 'nos.',
  'vol.', 'pp.', 'p.', 'fig.', 'vs.', 'cf.', 'mt.', 'ave.', 'jan.', 'feb.', 'mar.', 'apr.', 'jun.', 'jul.', 'aug.', 'sep.',
  'sept.', 'oct.', 'nov.', 'dec.',
]);

function isClosing(c: number): boolean {
  // " ' ) ] } » ” ’ ›
  return c === 0x22 || c === 0x27 || c === 0x29 || c === 0x5d || c === 0x7d || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x203a;
}

function isTerminal(t: string): boolean {
  const c = t.charCodeAt(0);
  return c === 0x2e /* . */ || c === 0x21 /* ! */ || c === 0x3f /* ? */ || c === 0x061f /* ؟ */ || c === 0x06d4 /* ۔ */ || c === 0x2026 /* … */;
}

/** Count of line breaks in text[from, to). */
function lineBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 0x0a) n++;
  return n;
}

/**
 * Group tokens into sentences. Offsets are UTF-16 indices into `text`.
 * @example splitSentences('Mr. Vance left. He ran.', toks, 'en').length // 2
 */
export function splitSentences(text: string, tokens: readonly Token[], lang: TokenLanguage): Sentence[] {
  const out: Sentence[] = [];
  const n = tokens.length;
  let first = 0;
  const close = (endTok: number): void => {
    if (endTok > first) out.push({ start: tokens[first]!.start, end: tokens[endTok - 1]!.end, tokenStart: first, tokenEnd: endTok });
    first = endTok;
  };
  for (let i = 0; i < n; i++) {
    if (i - first >= MAX_SENTENCE_TOKENS) close(i);
    const tok = tokens[i]!;
    const next = i + 1 < n ? tokens[i + 1]! : null;
    if (next === null) break;
    // line breaks between this token and the next
    const gap = next.start - tok.end;
    if (gap > 0) {
      const breaks = gap === 1 ? (text.charCodeAt(tok.end) === 0x0a ? 1 : 0) : lineBreaks(text, tok.end, next.start);
      if (breaks >= 2 || (breaks === 1 && (lang === 'fa' || !continuesLine(tok.text, next.text)))) {
        close(i + 1);
        continue;
      }
    }
    const t = tok.text;
    if (isTerminal(t)) {
      // absorb closing quotes and brackets: He said "no." Then
      let j = i + 1;
      while (j < n && tokens[j]!.start === tokens[j - 1]!.end && tokens[j]!.text.length === 1 && isClosing(tokens[j]!.text.charCodeAt(0))) j++;
      if (j >= n) break;
      const after = tokens[j]!;
      if (lang === 'en' && t.charCodeAt(0) === 0x2e && !startsSentence(after.text)) continue;
      if (isTerminal(after.text) && after.start === tokens[j - 1]!.end) continue; // "?!" runs stay together
      close(j);
      i = j - 1;
      continue;
    }
    if (lang === 'en' && t.length > 1 && t.charCodeAt(t.length - 1) === 0x2e && t.charCodeAt(t.length - 2) !== 0x2e) {
      // a token that swallowed its period: "U.S.", "Inc.", "J."
      const lower = t.toLowerCase();
      if (EN_NEVER_FINAL.has(lower)) continue;
      if (isUpperInitial(t) || !startsSentence(next.text)) continue; // "J. Smith", "U.S. troops"
      if (/^(?:inc|ltd|corp|co|etc|plc|jr|sr)\.$/.test(lower) && isSentenceStarter(next.text)) close(i + 1);
    }
  }
  close(n);
  return out;
}

function startsSentence(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c >= 0x61 && c <= 0x7a) return false; // lower-case Latin continues the sentence
  if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x29) return false; // , ; : )
  return true;
}

function isUpperInitial(t: string): boolean {
  // "J." or dotted capitals "U.S." "U.N."
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c !== 0x2e && !(c >= 0x41 && c <= 0x5a)) return false;
  }
  return true;
}

// After "Inc." a new sentence usually opens with a function word or pronoun.
const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'In', 'On', 'At', 'But', 'And',
  'However', 'Its', 'His', 'Her', 'Their', 'There', 'As', 'After', 'Before', 'When', 'If', 'Some', 'Many', 'Most',
]);

function isSentenceStarter(t: string): boolean {
  return SENTENCE_STARTERS.has(t);
}

function continuesLine(prev: string, next: string): boolean {
  // hard-wrapped English: "... said the\nminister" — the next line starts lower case
  // and the previous line did not end in punctuation.
  const c = next.charCodeAt(0);
  if (!(c >= 0x61 && c <= 0x7a)) return false;
  const p = prev.charCodeAt(prev.length - 1);
  return (p >= 0x61 && p <= 0x7a) || (p >= 0x41 && p <= 0x5a) || p === 0x2c || (p >= 0x30 && p <= 0x39);
}
