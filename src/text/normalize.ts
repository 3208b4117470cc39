// Text normalization. Two levels:
//  - normalizeText: what we store and cite (NFC, tidy whitespace); letters kept as written.
//  - foldForSearch: the key used by full-text search and fingerprints, applied to the
//    indexed text and to the query alike, so Arabic and Persian letter variants meet.

const ARABIC_INDIC_ZERO = 0x0660; // ٠..٩
const PERSIAN_ZERO = 0x06f0; // ۰..۹

/** "۲۰۱۹" -> "2019", "٢٠١٩" -> "2019". */
export function normalizeDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => {
    const c = d.charCodeAt(0);
    return String(c >= PERSIAN_ZERO ? c - PERSIAN_ZERO : c - ARABIC_INDIC_ZERO);
  });
}

/**
 * Stored text: Unicode NFC, no control characters, spaces collapsed inside lines,
 * at most one blank line between paragraphs. "a \t b\r\n\n\n\nc" -> "a b\n\nc".
 */
export function normalizeText(s: string): string {
  return s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const LETTER_FOLDS: Record<string, string> = {
  '\u064a': '\u06cc', // Arabic yeh ي -> Persian yeh ی
  '\u0649': '\u06cc', // alef maksura ى -> ی
  '\u0643': '\u06a9', // Arabic kaf ك -> Persian keheh ک
  '\u0629': '\u0647', // teh marbuta ة -> heh ه
  '\u06c0': '\u0647', // heh with yeh above ۀ -> ه
  '\u0623': '\u0627', // أ -> ا
  '\u0625': '\u0627', // إ -> ا
  '\u0671': '\u0627', // ٱ -> ا
  '\u0622': '\u0627', // آ -> ا
  '\u0624': '\u0648', // ؤ -> و
  '\u0626': '\u06cc', // ئ -> ی
};

/**
 * Search key: NFKC, lower case, Latin diacritics removed, Arabic/Persian letter
 * variants unified, tatweel, harakat and ZWNJ removed, digits to ASCII.
 * "كتاب‌هاي" -> "کتابهای", "Tehrān ۱۳۹۸" -> "tehran 1398".
 */
export function foldForSearch(s: string): string {
  let out = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').normalize('NFKC');
  out = out.toLowerCase();
  out = out.replace(/[\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d\u200e\u200f]/g, '');
  out = out.replace(/[\u064a\u0649\u0643\u0629\u06c0\u0623\u0625\u0671\u0622\u0624\u0626]/g, (c) => LETTER_FOLDS[c] ?? c);
  return normalizeDigits(out);
}

/** True when most letters are Arabic script. */
export function isMostlyArabicScript(s: string): boolean {
  let arabic = 0;
  let latin = 0;
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  return arabic > latin;
}

/**
 * foldForSearch with a map back to the input: offsets[i] is the index in `s` of the
 * character that produced folded[i]; offsets[folded.length] === s.length.
 * Used to highlight matches found in folded text on the text as written.
 */
export function foldWithOffsets(s: string): { folded: string; offsets: number[] } {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldChar(s.slice(i, i + width), cp);
    for (let k = 0; k < f.length; k++) offsets.push(i);
    folded += f;
    i += width;
  }
  offsets.push(s.length);
  return { folded, offsets };
}

const foldedChars = new Map<string, string>();

function foldChar(ch: string, cp: number): string {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? String.fromCharCode(cp + 32) : ch;
  let f = foldedChars.get(ch);
  if (f === undefined) {
    f = foldForSearch(ch);
    if (foldedChars.size < 65_536) foldedChars.set(ch, f);
  }
  return f;
}
