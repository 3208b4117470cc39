// A name as the matcher sees it: phonetic word keys with their roles (given name,
// surname), the titles taken off, the script it was written in.
import { isMostlyArabicScript } from '../text/normalize.js';
import { romanizeScriptName, scriptPhoneticWords } from './arabic-script-key.js';
import { splitTitles } from './latin-fold.js';
import { isCompanyWord, orgGlossaryWord } from './org-glossary.js';
import { acronymForm, organizationWords } from './organization.js';
import { nameWords, phoneticWord, phoneticWords } from './phonetic-key.js';

export type NameType = 'PERSON' | 'ORG' | 'PLACE';

/** One name to compare: a register row, an entity, or a mention with its context. */
export interface NameRecord {
  name: string;
  type?: NameType;
  /** Other names of the same record ("also known as"); the best-matching pair counts. */
  aliases?: string[];
  /** Titles known from elsewhere (canonical, e.g. "doctor"); titles inside `name` are found anyway. */
  titles?: string[];
  documentIds?: string[];
  /** Sites or publishers the name was read in. */
  outlets?: string[];
  /** Keys or ids of entities mentioned near this name. */
  cooccurring?: string[];
  /** For an acronym, the long form the text defined for it: "(NSCL)" after the long name. */
  longForm?: string;
}

export interface NameAnalysis {
  script: 'latin' | 'arabic';
  type: NameType | undefined;
  /** Phonetic word keys in written order. */
  words: string[];
  /** Indexes into `words`; empty when the name gives no clue (one word). */
  surname: number[];
  given: number[];
  titles: string[];
  /** "NSCL" when the name is written like an acronym. */
  acronym: string | null;
  /** Per word, a second key it also matches by (an organization word's own spelling when `words` holds its English equivalent). */
  alt?: (string | undefined)[];
}

function personWords(part: string, script: 'latin' | 'arabic', otherWords = 0): { words: string[]; titles: string[] } {
  if (script === 'arabic') {
    const r = romanizeScriptName(part);
    return { words: nameWords(r.words).map(phoneticWord).filter((w) => w.length > 0), titles: r.titles };
  }
  const f = splitTitles(part, otherWords);
  return { words: nameWords(f.tokens).map(phoneticWord).filter((w) => w.length > 0), titles: f.titles };
}

// An organization's word keys, generic words in other languages read as their English
// equivalent ("naft" as "oil", its own key kept in `alt`), words for "company" left
// out like legal forms.
function orgWords(name: string): { words: string[]; alt: (string | undefined)[] } {
  const folded = organizationWords(name);
  const kept = folded.filter((w) => !isCompanyWord(w));
  const words: string[] = [];
  const alt: (string | undefined)[] = [];
  for (const w of nameWords(kept.length > 0 ? kept : folded)) {
    const own = phoneticWord(w);
    if (own.length === 0) continue;
    const english = orgGlossaryWord(w);
    const key = english === w ? own : phoneticWord(english);
    words.push(key);
    alt.push(key === own ? undefined : own);
  }
  return { words, alt };
}

// One cache per type, so that a lookup builds no key string.
const cache = new Map<NameType | undefined, Map<string, NameAnalysis>>();
let cacheSize = 0;
const CACHE_LIMIT = 400_000;

/**
 * Analyzes a name once (cached). "KALANTARI, Dariush" marks the words before the
 * comma as surname; otherwise a person's last word is the surname.
 */
export function analyzeName(name: string, type?: NameType): NameAnalysis {
  let typed = cache.get(type);
  if (!typed) cache.set(type, (typed = new Map()));
  const hit = typed.get(name);
  if (hit) return hit;
  const script = isMostlyArabicScript(name) ? 'arabic' : 'latin';
  let result: NameAnalysis;
  if (type === 'ORG') {
    const { words, alt } = script === 'arabic' ? { words: scriptPhoneticWords(name), alt: [] } : orgWords(name);
    result = { script, type, words, surname: [], given: [], titles: [], acronym: acronymForm(name) };
    if (alt.some((a) => a !== undefined)) result.alt = alt;
  } else {
    const comma = script === 'latin' ? name.indexOf(',') : -1;
    if (comma > 0 && type !== 'PLACE') {
      const sur = personWords(name.slice(0, comma), script);
      const giv = personWords(name.slice(comma + 1), script, sur.words.length);
      const words = [...sur.words, ...giv.words];
      const surname = sur.words.map((_, k) => k);
      const given = giv.words.map((_, k) => sur.words.length + k);
      result = { script, type, words, surname, given, titles: [...sur.titles, ...giv.titles], acronym: null };
    } else {
      const p = personWords(name, script);
      const n = p.words.length;
      const isPerson = type === 'PERSON' || type === undefined;
      result = {
        script,
        type,
        words: p.words,
        surname: isPerson && n >= 2 ? [n - 1] : [],
        given: isPerson && n >= 2 ? p.words.slice(0, n - 1).map((_, k) => k) : [],
        titles: p.titles,
        acronym: type === 'PLACE' ? null : acronymForm(name),
      };
    }
  }
  if (++cacheSize > CACHE_LIMIT) {
    for (const m of cache.values()) m.clear();
    cacheSize = 1;
  }
  typed.set(name, result);
  return result;
}

/** Phonetic words of any name, Latin or Persian/Arabic script, in written order. */
export function anyScriptWords(name: string): string[] {
  return isMostlyArabicScript(name) ? scriptPhoneticWords(name) : phoneticWords(name);
}
