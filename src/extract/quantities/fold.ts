// One-for-one character folding for Arabic-script text, so regexes can match Persian written
// with Arabic letters or either digit set while offsets stay those of the original text.

const MAP: Record<string, string> = {
  '\u064a': '\u06cc', // ي -> ی
  '\u0649': '\u06cc', // ى -> ی
  '\u0643': '\u06a9', // ك -> ک
  '\u0629': '\u0647', // ة -> ه
  '\u06c0': '\u0647', // ۀ -> ه
  '\u0623': '\u0627', // أ -> ا
  '\u0625': '\u0627', // إ -> ا
  '\u0622': '\u0627', // آ -> ا
  '\u0671': '\u0627', // ٱ -> ا
  '\u0640': '\u200c', // tatweel -> ZWNJ (both are joiners we skip over)
  '\u066c': ',', // Arabic thousands separator ٬ -> ","
  '\u066b': '.', // Arabic decimal separator ٫ -> "."
};

/** "۲۶ تیر ۱۳۶۲" -> "26 تیر 1362", "كشته" -> "کشته"; same length as the input. */
export function foldArabicScript(s: string): string {
  if (!/[\u0600-\u06ff]/.test(s)) return s;
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\u064a\u0649\u0643\u0629\u06c0\u0623\u0625\u0622\u0671\u0640\u066c\u066b]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
    if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
    return MAP[c];
  });
}

/** Harakat, hamza above/below, superscript alef: marks that change no letter («نُه», «هفتهٔ»). */
const MARKS = /[\u064b-\u065f\u0670]/g;

/**
 * Text without Arabic vowel marks, with `at[i]` = the offset in the original of character i of
 * the stripped text (and `at[length]` = the original length); null when there is nothing to strip.
 * `unstrip` maps a span [start, end) of the stripped text back, keeping marks on its last letter.
 */
export function stripMarks(text: string): { text: string; at: number[] } | null {
  MARKS.lastIndex = 0;
  if (!MARKS.test(text)) return null;
  const at: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x065f) || c === 0x0670) continue;
    at.push(i);
    out += text[i];
  }
  at.push(text.length);
  return { text: out, at };
}

export function unstrip(original: string, at: number[], start: number, end: number): { start: number; end: number } {
  const s = at[start];
  let e = end > start ? at[end - 1] + 1 : s;
  while (e < original.length && /[\u064b-\u065f\u0670]/.test(original[e])) e++;
  return { start: s, end: e };
}
