// Word files and text files are reports or articles unless they present themselves as a
// witness account. Only the title and the opening are read: a report that quotes "an
// interview" deep inside is still a report.
const TESTIMONY_WORDS = /\b(testimony|testimonies|transcript|interview|witness statement)\b|شهادت|مصاحبه|گواهی\s*شاهد|رونوشت/i;

/** True when the title or the first ~1,500 characters call the document a testimony, transcript or interview. */
export function looksLikeTestimony(title: string | null, text: string): boolean {
  return TESTIMONY_WORDS.test(title ?? '') || TESTIMONY_WORDS.test(text.slice(0, 1500));
}
