// Word tokenizer for English and Persian. One pass over UTF-16 code units, no regex in
// the loop: extraction has to run at >= 100k words/s. Offsets index the ORIGINAL text
// (text.slice(start, end) === token text); letter folding for features happens later.

export type TokenLanguage = 'en' | 'fa';

/** A token: `text` is exactly `source.slice(start, end)`. */
export interface Token {
  text: string;
  start: number; // UTF-16 index, inclusive
  end: number; // UTF-16 index, exclusive
}

// Character classes.
const C_OTHER = 0; // punctuation / symbol: a token of its own
const C_SPACE = 1;
const C_LETTER = 2;
const C_DIGIT = 3;
const C_MARK = 4; // combining marks, tatweel: continue a word, never start one
const C_ZWNJ = 5; // U+200C: inside a Persian word (می‌خواهم), dropped at word edges
const C_JOINER = 6; // U+200D, bidi marks: invisible, treated like ZWNJ

const TABLE_SIZE = 0x0800;
const table = new Uint8Array(TABLE_SIZE);
(function buildTable(): void {
  for (let c = 0; c < TABLE_SIZE; c++) table[c] = classifySlow(c);
})();

function classifySlow(c: number): number {
  if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0x85) return C_SPACE;
  if (c >= 0x30 && c <= 0x39) return C_DIGIT;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return C_LETTER;
  if (c === 0xaa || c === 0xb5 || c === 0xba) return C_LETTER;
  if (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) return C_LETTER; // Latin-1 + Latin Extended
  if (c >= 0x250 && c <= 0x2af) return C_LETTER; // IPA
  if (c >= 0x300 && c <= 0x36f) return C_MARK;
  if (c >= 0x370 && c <= 0x52f) return C_LETTER; // Greek, Cyrillic
  if (c >= 0x0600 && c <= 0x06ff) {
    if (c >= 0x0660 && c <= 0x0669) return C_DIGIT; // Arabic-Indic ٠..٩
    if (c >= 0x06f0 && c <= 0x06f9) return C_DIGIT; // Persian ۰..۹
    if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x066a || c === 0x066b || c === 0x066c || c === 0x066d || c === 0x06d4) return C_OTHER; // ، ؛ ؟ ٪ ٫ ٬ ٭ ۔
    if (c === 0x0609 || c === 0x060a || c === 0x060d || c === 0x061e || c === 0x06dd || c === 0x06de || c === 0x06e9) return C_OTHER;
    if (c >= 0x0600 && c <= 0x0605) return C_OTHER;
    if ((c >= 0x0610 && c <= 0x061a) || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06dc) || (c >= 0x06df && c <= 0x06e8) || (c >= 0x06ea && c <= 0x06ed)) return C_MARK;
    if (c === 0x0640) return C_MARK; // tatweel
    return C_LETTER;
  }
  if (c >= 0x0750 && c <= 0x077f) return C_LETTER; // Arabic supplement
  return C_OTHER;
}

function classify(c: number): number {
  if (c < TABLE_SIZE) return table[c]!;
  if (c === 0x200c) return C_ZWNJ;
  if (c === 0x200d || c === 0x200e || c === 0x200f || c === 0xfeff || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return C_JOINER;
  if ((c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000) return C_SPACE;
  if (c >= 0x1e00 && c <= 0x1eff) return C_LETTER; // Latin Extended Additional (Vietnamese etc.)
  if ((c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc)) return C_LETTER; // Arabic presentation forms
  if (c >= 0x0800 && c <= 0x1fff) return C_LETTER; // other scripts: letters by default
  if (c >= 0x3040 && c <= 0x9fff) return C_LETTER; // CJK: rare here; one run per token is good enough
  if (c >= 0xac00 && c <= 0xd7a3) return C_LETTER;
  if (c >= 0xd800 && c <= 0xdbff) return C_OTHER; // high surrogate: emoji and friends (pair kept whole below)
  return C_OTHER;
}

// English words whose trailing period belongs to the word. Lower-cased, without the dot.
export const EN_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'sgt', 'capt', 'cpt', 'maj', 'adm', 'cmdr', 'brig', 'gov', 'sen', 'rep',
  'rev', 'fr', 'st', 'sr', 'jr', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'inc', 'ltd', 'co', 'corp', 'bros', 'plc', 'llc', 'dept', 'univ', 'assn', 'est',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'no', 'nos', 'vol', 'vols', 'pp', 'p', 'fig', 'figs', 'approx', 'etc', 'vs', 'cf', 'al', 'ca', 'ed', 'eds',
  'ave', 'blvd', 'rd', 'mt', 'ft', 'km', 'kg', 'mph', 'min', 'max', 'tel',
]);

// English clitics split off as their own token, as in CoNLL-2003 ("People's" -> "People" "'s").
function cliticLength(text: string, wordStart: number, apos: number, wordEnd: number): number {
  // `apos` is the index of the apostrophe; the clitic runs to wordEnd.
  const n = wordEnd - apos - 1;
  if (apos === wordStart) return 0;
  if (n === 1) {
    const c = text.charCodeAt(apos + 1) | 0x20;
    if (c === 0x73 || c === 0x64 || c === 0x6d) return 2; // 's 'd 'm
  } else if (n === 2) {
    const a = text.charCodeAt(apos + 1) | 0x20;
    const b = text.charCodeAt(apos + 2) | 0x20;
    if ((a === 0x6c && b === 0x6c) || (a === 0x72 && b === 0x65) || (a === 0x76 && b === 0x65)) return 3; // 'll 're 've
  }
  return 0;
}

function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/**
 * Split text into word and punctuation tokens with UTF-16 offsets into `text`.
 * Keeps ZWNJ inside Persian words, digit groups ("1,000", "۳٫۵"), hyphenated words,
 * dotted abbreviations ("U.S.", "Dr."), and splits English clitics ("'s", "n't").
 * @example tokenize('Dr. Sara Vance', 'en').map(t => t.text) // ['Dr.', 'Sara', 'Vance']
 */
export function tokenize(text: string, lang: TokenLanguage): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = classify(c);
    if (k === C_SPACE || k === C_ZWNJ || k === C_JOINER || k === C_MARK) {
      i++;
      continue;
    }
    if (k === C_OTHER) {
      let j = i + 1;
      if (c >= 0xd800 && c <= 0xdbff && j < n) {
        const d = text.charCodeAt(j);
        if (d >= 0xdc00 && d <= 0xdfff) j++;
      } else if (c === 0x2e || c === 0x2d || c === 0x2014 || c === 0x2013 || c === 0x3d || c === 0x2a || c === 0x5f || c === 0x7e) {
        // runs of the same mark: "...", "--", "===="
        while (j < n && text.charCodeAt(j) === c) j++;
      } else if (c === 0x60 && j < n && text.charCodeAt(j) === 0x60) {
        j++;
      } else if (c === 0x27 && j < n && text.charCodeAt(j) === 0x27) {
        j++;
      }
      // "'s" and "n't"-style clitic after a closing quote are rare; not handled.
      out.push({ text: text.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    // A word: letters, digits, marks, inner ZWNJ, and inner connectors.
    const start = i;
    let j = i + 1;
    let lastCore = i; // index of the last letter/digit/mark
    let hasLetter = k === C_LETTER;
    let dotted = false; // "U.S." style: letter '.' letter
    while (j < n) {
      const d = text.charCodeAt(j);
      const kd = classify(d);
      if (kd === C_LETTER || kd === C_DIGIT || kd === C_MARK) {
        if (kd === C_LETTER) hasLetter = true;
        lastCore = j;
        j++;
        continue;
      }
      if (kd === C_ZWNJ || kd === C_JOINER) {
        // keep only when followed by more of the word
        const e = j + 1 < n ? classify(text.charCodeAt(j + 1)) : C_SPACE;
        if (e === C_LETTER || e === C_MARK || e === C_DIGIT || e === C_ZWNJ) {
          j++;
          continue;
        }
        break;
      }
      if (j + 1 < n) {
        const prev = text.charCodeAt(j - 1);
        const next = text.charCodeAt(j + 1);
        const kp = classify(prev);
        const kn = classify(next);
        // digit groups and decimals: 1,000  3.5  ۳٫۵  ۱۰٬۰۰۰  12:30  1996-08-22  1/2
        if (kp === C_DIGIT && kn === C_DIGIT && (d === 0x2c || d === 0x2e || d === 0x066b || d === 0x066c || d === 0x3a || d === 0x2f || d === 0x2d)) {
          j++;
          continue;
        }
        // hyphenated words: Anglo-Dutch, 14-year-old
        if ((d === 0x2d || d === 0x2010 || d === 0x2011) && (kp === C_LETTER || kp === C_DIGIT || kp === C_MARK) && (kn === C_LETTER || kn === C_DIGIT)) {
          j++;
          continue;
        }
        // inner apostrophe: O'Brien, don't (clitics are split afterwards)
        if (isApostrophe(d) && kp === C_LETTER && kn === C_LETTER && lang === 'en') {
          j++;
          continue;
        }
        // dotted abbreviations: U.S., a.m., U.N.
        if (d === 0x2e && kn === C_LETTER && kp === C_LETTER && lang === 'en' && (j - start === 1 || text.charCodeAt(j - 2) === 0x2e)) {
          dotted = true;
          j++;
          continue;
        }
        // "&" inside all-caps names: AT&T, S&P
        if (d === 0x26 && kp === C_LETTER && kn === C_LETTER && lang === 'en' && prev <= 0x5a && next <= 0x5a && prev >= 0x41 && next >= 0x41) {
          j++;
          continue;
        }
      }
      break;
    }
    let end = lastCore + 1;
    // A trailing period belongs to an abbreviation: "Dr.", "U.S.", "J." (initial).
    if (lang === 'en' && end < n && text.charCodeAt(end) === 0x2e && hasLetter) {
      if (dotted || end - start === 1 || EN_ABBREVIATIONS.has(text.slice(start, end).toLowerCase())) {
        // "..." after a word is an ellipsis, not an abbreviation dot
        if (!(end + 1 < n && text.charCodeAt(end + 1) === 0x2e)) end++;
      }
    }
    if (lang === 'en' && hasLetter && end - start > 2) {
      // split clitics: "People's" -> "People" "'s"; "don't" -> "do" "n't"
      let split = -1;
      for (let q = end - 1; q > start && q >= end - 4; q--) {
        if (isApostrophe(text.charCodeAt(q))) {
          const len = cliticLength(text, start, q, end);
          if (len > 0) split = q;
          else if ((text.charCodeAt(q + 1) | 0x20) === 0x74 && q + 2 === end && (text.charCodeAt(q - 1) | 0x20) === 0x6e && q - 1 > start) split = q - 1; // n't
          break;
        }
      }
      if (split > start) {
        out.push({ text: text.slice(start, split), start, end: split });
        out.push({ text: text.slice(split, end), start: split, end });
        i = end;
        continue;
      }
    }
    out.push({ text: text.slice(start, end), start, end });
    i = end;
  }
  return out;
}
