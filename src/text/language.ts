import type { Language } from '../model/schema.js';

// Persian-only letters (پ چ ژ گ ک ی) tell Persian from Arabic; a few common English
// function words tell English from other Latin-script languages.
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g;
const ARABIC_LETTERS = /[\u0621-\u064a\u066e-\u06d3]/g;
const LATIN_WORD = /\b[a-z]+\b/gi;
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'was', 'on', 'with', 'as', 'by', 'said', 'were', 'has', 'have', 'it', 'from', 'at', 'he', 'she', 'they', 'are', 'an', 'be', 'this', 'which', 'their', 'his', 'her', 'not', 'had']);

/** Guess a document's language from its text (a sample of up to 20,000 characters). */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const arabic = sample.match(ARABIC_LETTERS)?.length ?? 0;
  const persian = sample.match(PERSIAN_LETTERS)?.length ?? 0;
  const words = sample.match(LATIN_WORD) ?? [];
  const latinLetters = words.reduce((n, w) => n + w.length, 0);
  if (arabic + persian > latinLetters) {
    // Persian uses ی/ک/گ/پ/چ constantly; Arabic text has almost none of them.
    return persian >= 0.02 * (arabic + persian) ? 'fa' : 'other';
  }
  if (words.length === 0) return 'other';
  let english = 0;
  for (const w of words) if (ENGLISH_WORDS.has(w.toLowerCase())) english++;
  return english / words.length >= 0.08 ? 'en' : 'other';
}
