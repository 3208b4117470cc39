import type { Language } from '../model/schema.js';

// Persian-only letters (پ چ ژ گ ک ی) tell Persian from Arabic; a few common English
// function words tell English from other Latin-script languages.
const PERSIAN_LETTERS = /[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g;
const ARABIC_LETTERS = /[\u0621-\u064a\u066e-\u06d3]/g;
const LATIN_WORD = /\b[a-z]+\b/gi;
const ENGLISH_WORDS = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'was', 'on', 'with', 'as', 'by', 'said', 'were', 'has', 'have', 'it', 'from', 'at', 'he', 'she', 'they', 'are', 'an', 'be', 'this', 'which', 'their', 'his', 'her', 'not', 'had']);

const MAX_ENGLISH_WORD = Math.max(...[...ENGLISH_WORDS].map((w) => w.length));

/** Guess a document's language from its text (a sample of up to 20,000 characters). */
export function detectLanguage(text: string): Language {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  // One pass, counting what these would: sample.match(ARABIC_LETTERS), sample.match(PERSIAN_LETTERS)
  // and sample.match(LATIN_WORD) (runs of ASCII letters with no word character on either side).
  let arabic = 0;
  let persian = 0;
  let words = 0;
  let latinLetters = 0;
  let english = 0;
  let runStart = -1; // start of the current run of ASCII letters, -1 outside one
  let runOk = false; // the run does not follow a digit or underscore
  let prevWord = false; // the previous character is a word character (ASCII letter, digit, _)
  const n = sample.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? sample.charCodeAt(i) : 0;
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
    if (letter) {
      if (runStart < 0) {
        runStart = i;
        runOk = !prevWord;
      }
      prevWord = true;
      continue;
    }
    const wordChar = (c >= 48 && c <= 57) || c === 95;
    if (runStart >= 0) {
      if (runOk && !wordChar) {
        const len = i - runStart;
        words++;
        latinLetters += len;
        if (len <= MAX_ENGLISH_WORD && ENGLISH_WORDS.has(sample.slice(runStart, i).toLowerCase())) english++;
      }
      runStart = -1;
    }
    prevWord = wordChar;
    if (c >= 0x0621 && c <= 0x06d3) {
      if (c <= 0x064a || c >= 0x066e) arabic++;
      if (c === 0x067e || c === 0x0686 || c === 0x0698 || c === 0x06af || c === 0x06a9 || c === 0x06cc) persian++;
    }
  }
  if (arabic + persian > latinLetters) {
    // Persian uses ی/ک/گ/پ/چ constantly; Arabic text has almost none of them.
    return persian >= 0.02 * (arabic + persian) ? 'fa' : 'other';
  }
  if (words === 0) return 'other';
  return english / words >= 0.08 ? 'en' : 'other';
}

