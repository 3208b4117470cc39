// Word tokens for text-reuse fingerprints. Each token keeps its UTF-16 span in the
// original text (so alignments cite exact characters) and a 32-bit key computed from
// its search-folded form (foldForSearch), so that copies differing only in letter
// variants, digits, punctuation, quote style or Persian ZWNJ spacing get equal keys.
import { foldForSearch } from '../text/normalize.js';

/** Tokens of one text: token i is text.slice(starts[i], ends[i]) with key keys[i]. */
export interface ReuseTokens {
  count: number;
  keys: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

const SEPARATOR = 0;
const WORD = 1;
const JOINER = 2; // inside a word, dropped from its key: apostrophes, ZWJ, tatweel, bidi marks
const DIGIT_SEPARATOR = 3; // between digits, dropped: "1,200" and "1200" and "۱٬۲۰۰" meet

const CHAR_CLASS = buildCharClasses();

function buildCharClasses(): Uint8Array {
  const table = new Uint8Array(65536);
  const word = /[\p{L}\p{M}\p{N}]/u;
  for (let c = 0; c < 65536; c++) {
    if (c >= 0xd800 && c <= 0xdfff) table[c] = WORD; // astral letters stay inside words
    else if (word.test(String.fromCharCode(c))) table[c] = WORD;
  }
  // ZWNJ (U+200C) separates like a space: Persian writers use a ZWNJ or a space between
  // the parts of one word ("دست‌کم" / "دست کم"), and affixes are glued back below.
  for (const c of [0x27, 0x2019, 0x02bc, 0x200d, 0x200e, 0x200f, 0x0640]) table[c] = JOINER;
  for (const c of [0x2c, 0x2e, 0x066b, 0x066c, 0x060c]) table[c] = DIGIT_SEPARATOR;
  return table;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

// Persian affixes and compound parts written joined, with a ZWNJ, or after a space
// depending on the writer ("کتاب‌ها" / "کتابها" / "کتاب ها"). A part standing alone is
// glued back to its neighbour so all three spellings give one key; other compounds meet
// across ZWNJ and space ("دست‌کم" / "دست کم") but not when written joined. Folded forms
// (ي -> ی, ك -> ک, آ -> ا).
const FA_SUFFIXES = new Set([
  'ها', 'های', 'هایی', 'ای', 'ی', 'ام', 'ایم', 'اید', 'اند', 'تر', 'ترین', 'شان', 'مان', 'تان',
  'الملل', 'المللی', 'وگو', 'گذاری', 'ریزی', 'گیری', 'کنندگان', 'کننده', 'اموزان', 'شده', 'شدگان', 'کم',
]);
const FA_PREFIXES = new Set(['می', 'نمی', 'بی']);

const foldCache = new Map<string, string>();

function foldToken(raw: string): string {
  let folded = foldCache.get(raw);
  if (folded === undefined) {
    folded = foldForSearch(raw).replace(/[^\p{L}\p{N}]/gu, '');
    if (foldCache.size > 200_000) foldCache.clear();
    foldCache.set(raw, folded);
  }
  return folded;
}

function hashString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

function isArabicScript(c: number): boolean {
  return (c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff);
}

/**
 * Tokenize a text for reuse detection: runs of letters and digits, case and script
 * variants folded, punctuation ignored.
 * "Labour’s 1,200 e-mails" -> keys of "labours", "1200", "e", "mails".
 */
export function tokenizeForReuse(text: string): ReuseTokens {
  const n = text.length;
  let cap = Math.max(16, (n >>> 2) + 8);
  let keys = new Uint32Array(cap);
  let starts = new Uint32Array(cap);
  let ends = new Uint32Array(cap);
  const arabic: boolean[] = [];
  let folded: string[] | null = null; // folded strings of Arabic-script tokens, for affix gluing
  let count = 0;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (CHAR_CLASS[c] !== WORD) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    let h = FNV_OFFSET;
    let end = i;
    while (i < n) {
      c = text.charCodeAt(i);
      const cls = CHAR_CLASS[c];
      if (cls === WORD) {
        if (c < 128) {
          if (c >= 65 && c <= 90) c += 32;
          h = Math.imul(h ^ c, FNV_PRIME);
        } else ascii = false;
        i++;
        end = i;
      } else if (cls === JOINER || cls === DIGIT_SEPARATOR) {
        // Joiners continue a word only when a letter follows; separators only between digits.
        const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
        if (CHAR_CLASS[next] !== WORD) break;
        if (cls === DIGIT_SEPARATOR && !(isDigit(text.charCodeAt(i - 1)) && isDigit(next))) break;
        i++;
      } else break;
    }
    let key: number;
    let isArabic = false;
    let foldedText = '';
    if (ascii) key = h >>> 0;
    else {
      foldedText = foldToken(text.slice(start, end));
      key = hashString(FNV_OFFSET, foldedText);
      isArabic = isArabicScript(text.charCodeAt(start));
    }
    if (foldedText === '' && !ascii) continue; // only marks: nothing to match on
    if (count > 0 && isArabic && arabic[count - 1] && onlySpacesBetween(text, ends[count - 1]!, start)) {
      const prev = folded![count - 1]!;
      if (FA_SUFFIXES.has(foldedText) || FA_PREFIXES.has(prev)) {
        const joined = prev + foldedText;
        folded![count - 1] = joined;
        keys[count - 1] = hashString(FNV_OFFSET, joined);
        ends[count - 1] = end;
        continue;
      }
    }
    if (count === cap) {
      cap *= 2;
      keys = grow(keys, cap);
      starts = grow(starts, cap);
      ends = grow(ends, cap);
    }
    keys[count] = key;
    starts[count] = start;
    ends[count] = end;
    arabic[count] = isArabic;
    if (isArabic) {
      folded ??= [];
      folded[count] = foldedText;
    }
    count++;
  }
  return { count, keys, starts, ends };
}

function isDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function onlySpacesBetween(text: string, from: number, to: number): boolean {
  if (to - from > 3) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0xa0 && c !== 0x200c) return false;
  }
  return true;
}

function grow(a: Uint32Array<ArrayBuffer>, cap: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(cap);
  b.set(a);
  return b;
}
