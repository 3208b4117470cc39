// A phonetic key for Persian and Arabic names written in Latin letters. The many
// romanizations of one name collapse onto one spelling in a small alphabet:
//   consonants  b d f g h j k l m n p q r s t v y z, plus the digraphs kh sh ch
//   vowels      a (a, e, aa), u (o, u, ou, oo, ow), i (i, ee, ie, y after a vowel)
// Short vowels are unwritten in Persian script, so the *skeleton* (vowels dropped,
// an initial vowel kept as "a") is what Latin and Persian spellings share.
import { splitTitles } from './latin-fold.js';

const VOWELS = new Set(['a', 'i', 'u']);

// Pieces written apart in some spellings and glued in others: "Hossein-Zadeh",
// "Hosseinzadeh", "Hossein Zadeh" all become one word.
const SUFFIX_WORDS = new Set([
  'zadeh', 'zade', 'zada', 'zadah', 'pour', 'pur', 'poor', 'nejad', 'nezhad', 'nejhad', 'nijad', 'nia', 'niya', 'far', 'rad', 'lou', 'loo', 'lu',
  'ollah', 'ullah', 'allah', 'olah', 'ulah', 'alah', 'vand', 'abadi', 'zadegan',
]);
// Ezafe written as a separate word: "Yegan-e Vizhe" -> "yegan vizhe".
const EZAFE = new Set(['e', 'ye', 'ie', 'yi']);
// Arabic definite article before any word, and its assimilated forms before sun letters.
const ARTICLES = new Set(['al', 'el', 'ol', 'ul', 'il']);
const SUN_ARTICLES: Record<string, string> = {
  ad: 'd', ed: 'd', ud: 'd', ar: 'r', er: 'r', ur: 'r', as: 's', es: 's', us: 's', ash: 'sh', esh: 'sh', ush: 'sh',
  at: 't', et: 't', ut: 't', az: 'z', ez: 'z', uz: 'z', an: 'n', en: 'n', un: 'n', adh: 'dh', ath: 'th',
};

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.has(c);
}

function applyLetterRules(word: string): string {
  let w = word
    .replace(/tch/g, 'ch')
    .replace(/dj/g, 'j')
    .replace(/zh/g, 'j') // ژ and ج meet: "Nezhad" / "Nejad"
    .replace(/x/g, 'kh')
    .replace(/gh/g, 'q') // غ and ق: "Ghasem" / "Qasem"
    .replace(/ph/g, 'f')
    .replace(/dh/g, 'z') // ذ: "Ramadhan" / "Ramazan"
    .replace(/th/g, 's') // ث: "Othman" / "Osman"
    .replace(/ck/g, 'k')
    .replace(/c(?=[eiy])/g, 's') // "Icela" / "Isela"
    .replace(/c(?!h)/g, 'k')
    .replace(/w(?=[aeiou])/g, 'v');
  w = w
    .replace(/ee/g, 'i')
    .replace(/ie/g, 'i') // "Hosien" is read as a slip for "Hosein"
    .replace(/oo|ou/g, 'u')
    .replace(/o/g, 'u')
    .replace(/e/g, 'a');
  // y and w by context: consonant before a vowel, vowel otherwise; i before a vowel is y.
  const cs = [...w];
  const out: string[] = [];
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    const prev = out[out.length - 1];
    const next = cs[k + 1];
    if (c === 'i' && prev !== undefined && !isVowel(prev) && prev !== 'y' && (next === 'a' || next === 'u')) out.push('y');
    else if (c === 'y') out.push(isVowel(next) ? 'y' : 'i');
    else if (c === 'w') out.push(isVowel(next) ? 'v' : prev !== undefined && isVowel(prev) ? 'u' : 'v');
    else out.push(c);
  }
  w = out.join('');
  // Silent final h after a vowel: "Fatemeh" -> "fatama", "Allah" -> "ala".
  w = w.replace(/([aiu])h$/, '$1');
  w = w.replace(/(.)\1+/g, '$1');
  // An initial vowel is whichever the romanizer heard: "Ebrahim" / "Ibrahim", "Omid" / "Umid".
  w = w.replace(/^[aiu]/, 'a');
  return w;
}

/** The key of one folded word: "daryoush" -> "daryush", "hossein" -> "husain", "mohammed" -> "muhamad". */
export function phoneticWord(word: string): string {
  const hit = phoneticCache.get(word);
  if (hit !== undefined) return hit;
  const w = computePhoneticWord(word);
  if (phoneticCache.size >= PHONETIC_CACHE_LIMIT) phoneticCache.clear();
  phoneticCache.set(word, w);
  return w;
}

// The same words come back in every document and every entity name: keyed once.
const phoneticCache = new Map<string, string>();
const PHONETIC_CACHE_LIMIT = 200_000;

function computePhoneticWord(word: string): string {
  let w = word;
  for (let k = 0; k < 4; k++) {
    const next = applyLetterRules(w);
    if (next === w) break;
    w = next;
  }
  return w;
}

/** Splits glued prefixes so that "Abdolkarim" meets "Abd al-Karim": -> ["abd", "karim"]. */
function splitCompound(word: string): string[] {
  if (/^abd[aeiou]?l?l[aeiou]h?$/.test(word) || word === 'abdallah') return ['abdullah'];
  let m = /^abd[aeiou]l(.{3,})$/.exec(word);
  if (m) return ['abd', m[1]];
  m = /^abd[aeiou]([rstnzd])\1?(.{2,})$/.exec(word);
  if (m) return ['abd', m[1] + m[2]];
  if (/^abd[aeiou]l$/.test(word)) return ['abd'];
  m = /^ab[aeiou]l(.{3,})$/.exec(word);
  if (m && !/^[aeiou]/.test(m[1])) return ['abu', m[1]];
  if (/^ab[aeiou]l$/.test(word)) return ['abu'];
  return [word];
}

/**
 * Folded words of a name prepared for keying, in written order: titles out,
 * articles and ezafe out, suffixes glued, compounds split.
 * "Gen. Mohammad Hossein-Zadeh al-Tusi" -> ["mohammad", "hosseinzadeh", "tusi"].
 */
export function nameWords(tokens: string[]): string[] {
  const words: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    const next = tokens[k + 1];
    if (next !== undefined && tokens.length > 1) {
      if (ARTICLES.has(t)) continue;
      const sun = SUN_ARTICLES[t];
      if (sun !== undefined && next.startsWith(sun)) continue;
    }
    if (EZAFE.has(t) && k > 0 && tokens.length > 1) continue;
    if (SUFFIX_WORDS.has(t) && words.length > 0) {
      words[words.length - 1] += t;
      continue;
    }
    words.push(t);
  }
  return words.flatMap(splitCompound);
}

/** Phonetic keys of a Latin-script name's words, in written order (empty keys dropped). */
export function phoneticWords(name: string): string[] {
  return nameWords(splitTitles(name).tokens).map(phoneticWord).filter((k) => k.length > 0);
}

/**
 * Order-free phonetic key of a Latin-script name.
 * "Kalantari, Daryoush" -> "daryush kalantari"; "Mohammed Hosein" -> "husain muhamad".
 */
export function phoneticKey(name: string): string {
  // A key word may itself read as a title or article ("ll't" -> "lt", as in "Lt."),
  // so the key is keyed again until it stands still; words only ever drop out.
  let key = [...phoneticWords(name)].sort().join(' ');
  for (let k = 0; k < 4; k++) {
    const next = [...phoneticWords(key)].sort().join(' ');
    if (next === key || next.length === 0) break;
    key = next;
  }
  return key;
}

/** The consonant skeleton of one word key: "daryush" -> "drysh", "abrahim" -> "abrhm". */
export function skeletonOf(wordKey: string): string {
  if (wordKey.length === 0) return '';
  return wordKey[0] + wordKey.slice(1).replace(/[aiu]/g, '');
}
