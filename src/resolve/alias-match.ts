// Corpus-level alias propagation: once an entity is known (from extraction or a
// person's curation), its names in either script are looked for in other documents,
// where the recognizer may have missed them ("Daryoush Kalantari", «اردوگاه چالخان»,
// "IGC"). A pure function: text, the entities that may occur, and the mentions
// already there in; new mentions out (extractor `alias-match@1`, status suggested).
//
// Rules, so that a found name is that entity and no other:
// - A name of several words matches word by word (Latin words by phonetic key, so
//   "Darioush Kalantary" meets "Dariush Kalantari"; Persian-script words by their
//   folded letters, so «داريوش كلانتري» meets «داریوش کلانتری»). The longest name wins.
// - A name shared by two entities is used only when exactly one of them is already
//   mentioned in the document.
// - Latin words must be capitalized as in the name; a one-word organization or place
//   name next to another capitalized word is part of a longer, unknown name: skipped.
// - A person's one-word name is never matched on its own: a bare surname joins only the
//   one person of the document with that surname (as in resolveMentions), and not after
//   a word that looks like a given name (another person's full name), after a number
//   ("سه کلانتری": three police stations), or when written in a script other than its
//   neighbours' (a word being discussed, not a person).
import { foldLatinText, titlesOf } from './latin-fold.js';
import { foldScript } from './arabic-script-key.js';
import { looksLikeGivenName } from './mentions.js';
import { analyzeName, type NameType } from './name-record.js';
import { phoneticWord, skeletonOf } from './phonetic-key.js';
import { wordSimilarity } from './similarity.js';

export const ALIAS_MATCH_EXTRACTOR = 'alias-match@1';

export interface KnownEntity {
  id: string;
  type: NameType;
  /** Its name and aliases, any script. */
  names: string[];
}

export interface PresentMention {
  start: number;
  end: number;
  type: string;
  entityId: string | null;
}

export interface AliasHit {
  start: number;
  end: number;
  text: string;
  type: NameType;
  entityId: string;
  /** The entity name that matched. */
  name: string;
  /**
   * Present mentions inside this name that options.extendable allowed it to cover (the
   * recognizer cut «سپاه نگهبانی داخلی» to «سپاه»): they are this name, not a hit of their own.
   */
  covers?: PresentMention[];
}

interface Token {
  start: number;
  end: number;
  key: string;
  arabic: boolean;
  /** Latin word starting with a capital (or an acronym). */
  cap: boolean;
  surface: string;
}

const WORD = /[\p{L}\p{M}\p{N}\u200c]+/gu;
const ARABIC = /[\u0600-\u06ff]/;
// What may stand between two words of one name: spaces, a hyphen, an apostrophe.
const GAP = /^[ \u00a0\-\u2010\u2011'’‘]{1,3}$/;

// Keys of the words seen (a word's key depends on the word alone): each computed once.
const tokenKeys = new Map<string, string>();
const TOKEN_KEY_LIMIT = 200_000;

function tokenKey(surface: string, arabic: boolean): string {
  const hit = tokenKeys.get(surface);
  if (hit !== undefined) return hit;
  let key: string;
  if (arabic) key = 'a:' + foldScript(surface);
  else key = 'l:' + phoneticWord(foldLatinText(surface).replace(/ /g, ''));
  if (tokenKeys.size >= TOKEN_KEY_LIMIT) tokenKeys.clear();
  tokenKeys.set(surface, key);
  return key;
}

// A document's text is tokenized by several steps in a row (lookup, translations,
// cross-script names, matching): the last text's tokens are kept. Tokens are read only.
let lastText: string | null = null;
let lastTokens: Token[] = [];

/** Word tokens of a text with their match keys (the returned tokens must not be changed). */
export function aliasTokens(text: string): Token[] {
  if (text === lastText) return lastTokens;
  if (text.length <= 200) {
    // A name: entities' names are tokenized for every document they may occur in.
    let out = nameTokens.get(text);
    if (out === undefined) {
      out = tokenize(text);
      if (nameTokens.size >= TOKEN_KEY_LIMIT) nameTokens.clear();
      nameTokens.set(text, out);
    }
    return out;
  }
  lastText = text;
  lastTokens = tokenize(text);
  return lastTokens;
}

const nameTokens = new Map<string, Token[]>();

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const surface = m[0].replace(/^\u200c+|\u200c+$/g, '');
    if (surface.length === 0) continue;
    const start = m.index! + m[0].indexOf(surface);
    const arabic = ARABIC.test(surface);
    const key = tokenKey(surface, arabic);
    if (key.length <= 2) continue;
    out.push({ start, end: start + surface.length, key, arabic, cap: !arabic && /^\p{Lu}/u.test(surface), surface });
  }
  return out;
}

interface Pattern {
  keys: string[];
  caps: boolean[];
  entity: KnownEntity;
  name: string;
}

const LEADING_ARTICLE = /^(?:the|al|el)\s+/i;

/** The patterns of an entity's names: person names of one word and bare articles left out. */
function patternsOf(e: KnownEntity): Pattern[] {
  const out: Pattern[] = [];
  for (const name of new Set(e.names)) {
    // "the Guard" is a document's own short name (resolveMentions keeps it local).
    if (/^the\s/i.test(name) && name.trim().split(/\s+/).length <= 2) continue;
    const toks = aliasTokens(name.replace(LEADING_ARTICLE, (m) => (/^the/i.test(m) ? '' : m)));
    if (toks.length === 0) continue;
    if (e.type === 'PERSON' && toks.length < 2) continue;
    // A Latin name written all in lower case is not a name to look for.
    if (toks.every((t) => !t.arabic && !t.cap)) continue;
    // One short word (under 4 letters, not an acronym) says too little.
    if (toks.length === 1 && toks[0]!.surface.length < 4 && !/^\p{Lu}{2,}$/u.test(toks[0]!.surface)) continue;
    out.push({ keys: toks.map((t) => t.key), caps: toks.map((t) => t.cap), entity: e, name });
  }
  return out;
}

/** The surname token key of a person's full name: its last word, or the words before a comma. */
function surnameKeys(name: string): string[] {
  const comma = name.indexOf(',');
  const toks = aliasTokens(comma > 0 ? name.slice(0, comma) : name);
  if (toks.length === 0) return [];
  if (comma > 0) return toks.map((t) => t.key);
  return toks.length >= 2 ? [toks[toks.length - 1]!.key] : [];
}

const NUMBER_WORDS = new Set(
  ['یک', 'دو', 'سه', 'چهار', 'پنج', 'شش', 'هفت', 'هشت', 'نه', 'ده', 'صد', 'هزار', 'چند', 'چندین', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'several', 'many'].map((w) =>
    ARABIC.test(w) ? foldScript(w) : w,
  ),
);

function isNumberWord(surface: string): boolean {
  if (/^[\p{N}]+$/u.test(surface)) return true;
  return NUMBER_WORDS.has(ARABIC.test(surface) ? foldScript(surface) : surface.toLowerCase());
}

function sentenceInitial(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && /[ \u00a0"“‘'(«]/.test(text[i - 1]!)) i--;
  return i === 0 || /[.!?:\n\u06d4]/.test(text[i - 1]!);
}

/**
 * New mentions for the names of `entities` found in `text` where no name mention is yet.
 * findAliasMentions("… Darioush Kalantary said …", [{ id: "e1", type: "PERSON", names: ["Dariush Kalantari"] }], [])
 *   -> [{ start: 2, end: 20, text: "Darioush Kalantary", type: "PERSON", entityId: "e1", … }]
 */
export interface AliasMatchOptions {
  /** Institution words ("Union", «خبرگزاری»): a one-word place or organization name right after one belongs to a longer name. */
  institutionWord?: (word: string) => boolean;
  /** Present mentions a longer known name of their type around them may take over (see AliasHit.covers). */
  extendable?: (m: PresentMention) => boolean;
}

export function findAliasMentions(text: string, entities: KnownEntity[], present: PresentMention[], options: AliasMatchOptions = {}): AliasHit[] {
  const tokens = aliasTokens(text);
  const byFirst = new Map<string, Pattern[]>();
  for (const e of entities) {
    for (const p of patternsOf(e)) {
      const list = byFirst.get(p.keys[0]!) ?? [];
      list.push(p);
      byFirst.set(p.keys[0]!, list);
    }
  }
  const names = present.filter((m) => m.type === 'PERSON' || m.type === 'ORG' || m.type === 'PLACE');
  const covered = (s: number, e: number) => names.some((m) => m.start < e && m.end > s);
  const inDocument = new Set(names.map((m) => m.entityId).filter((id): id is string => id !== null));
  const hits: AliasHit[] = [];
  const gapOk = (a: Token, b: Token) => GAP.test(text.slice(a.end, b.start));

  for (let i = 0; i < tokens.length; i++) {
    const list = byFirst.get(tokens[i]!.key);
    if (!list) continue;
    // The longest names matching here, by entity.
    let bestLength = 0;
    let found = new Map<string, Pattern>();
    for (const p of list) {
      if (p.keys.length < bestLength || i + p.keys.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < p.keys.length && ok; k++) {
        const t = tokens[i + k]!;
        if (t.key !== p.keys[k]) ok = false;
        else if (p.caps[k] && !t.cap) ok = false;
        else if (k > 0 && !gapOk(tokens[i + k - 1]!, t)) ok = false;
      }
      if (!ok) continue;
      if (p.keys.length > bestLength) {
        bestLength = p.keys.length;
        found = new Map();
      }
      found.set(p.entity.id, p);
    }
    if (bestLength === 0) continue;
    let chosen = [...found.values()];
    if (chosen.length > 1) chosen = chosen.filter((p) => inDocument.has(p.entity.id));
    const first = tokens[i]!;
    const last = tokens[i + bestLength - 1]!;
    const p = chosen.length === 1 ? chosen[0]! : null;
    const afterInstitution = bestLength === 1 && i > 0 && options.institutionWord !== undefined && options.institutionWord(tokens[i - 1]!.surface) && /^[ \u00a0\u200c]{1,2}$/.test(text.slice(tokens[i - 1]!.end, first.start));
    // Mentions strictly inside a longer known name of their own type, which it may take over.
    const inside = p && bestLength >= 2 && options.extendable ? names.filter((m) => m.start < last.end && m.end > first.start) : [];
    const takesOver =
      inside.length > 0 &&
      inside.every((m) => m.start >= first.start && m.end <= last.end && m.end - m.start < last.end - first.start && m.type === p!.entity.type && options.extendable!(m));
    if (p && (takesOver || !covered(first.start, last.end)) && !afterInstitution && !partOfLongerName(text, tokens, i, bestLength)) {
      const hit: AliasHit = { start: first.start, end: last.end, text: text.slice(first.start, last.end), type: p.entity.type, entityId: p.entity.id, name: p.name };
      if (takesOver) hit.covers = inside;
      hits.push(hit);
      inDocument.add(p.entity.id);
    }
    i += bestLength - 1;
  }

  // Bare surnames: the one person of the document with that surname.
  const persons = new Map<string, Set<string>>();
  const addSurname = (key: string, id: string) => {
    const s = persons.get(key) ?? new Set<string>();
    s.add(id);
    persons.set(key, s);
  };
  for (const e of entities) {
    if (e.type !== 'PERSON' || !inDocument.has(e.id)) continue;
    for (const n of e.names) {
      for (const k of surnameKeys(n)) addSurname(k, e.id);
      const toks = aliasTokens(n);
      if (toks.length === 1) addSurname(toks[0]!.key, e.id);
    }
  }
  const taken = (s: number, e: number) => covered(s, e) || hits.some((h) => h.start < e && h.end > s);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const ids = persons.get(t.key);
    if (!ids || ids.size !== 1) continue;
    if (!t.arabic && !t.cap) continue;
    if (taken(t.start, t.end)) continue;
    const prev = i > 0 ? tokens[i - 1] : undefined;
    const next = tokens[i + 1];
    const adjacent = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && /^[ \u00a0\u200c]{1,2}$/.test(text.slice(a.end, b.start));
    if (adjacent(prev, t)) {
      // "Golnar Kalantari" (another person), "سه کلانتری" (three police stations).
      if (looksLikeGivenName(prev!.surface) && !sentenceInitial(text, prev!.start)) continue;
      if (t.arabic && looksLikeGivenName(prev!.surface)) continue;
      if (isNumberWord(prev!.surface)) continue;
    }
    // A rank before it («سردار رستمی», "Gen. Rostami") may say another person: left to the extractor and to people.
    if (prev && /^\.?[ \u00a0\u200c]{1,2}$/.test(text.slice(prev.end, t.start)) && isRankTitle(prev.surface, t.surface)) continue;
    // A Latin-script surname followed by another capitalized word: a longer, unknown name.
    if (!t.arabic && adjacent(t, next) && next!.cap) continue;
    // A word in another script than the text around it is quoted, not a person.
    if ((prev && prev.arabic !== t.arabic) || (next && next.arabic !== t.arabic)) continue;
    const id = [...ids][0]!;
    hits.push({ start: t.start, end: t.end, text: t.surface, type: 'PERSON', entityId: id, name: t.surface });
  }
  return hits.sort((a, b) => a.start - b.start);
}

// Titles that say nothing against the one person of the document with that surname.
const PLAIN_TITLES = new Set(['mr', 'mrs', 'ms', 'sir', 'agha', 'khanum', 'seyed', 'haji', 'doctor', 'engineer']);

/** A rank or office title ("General", «سردار», "Ayatollah"): the surname after it may be someone else's. */
function isRankTitle(word: string, surname: string): boolean {
  const titles = ARABIC.test(word) ? analyzeName(`${word} ${surname}`, 'PERSON').titles : titlesOf(`${word} Xa Ya`);
  return titles.some((t) => !PLAIN_TITLES.has(t));
}

/** A one-word Latin organization or place name right beside another capitalized word belongs to a longer name. */
function partOfLongerName(text: string, tokens: Token[], i: number, length: number): boolean {
  if (length !== 1) return false;
  const t = tokens[i]!;
  if (t.arabic) return false;
  const next = tokens[i + 1];
  if (next && next.cap && /^[ \u00a0]$/.test(text.slice(t.end, next.start))) return true;
  const prev = tokens[i - 1];
  if (prev && prev.cap && /^[ \u00a0]$/.test(text.slice(prev.end, t.start)) && !sentenceInitial(text, prev.start)) return true;
  return false;
}

/** Blocking keys to ask the store for the entities a text may name (see resolve-run). */
export function aliasLookupTokens(text: string): string[] {
  const out = new Set<string>();
  for (const t of aliasTokens(text)) if (t.arabic || t.cap) out.add(t.surface);
  return [...out];
}

/** Vowels cost little across scripts: Persian script leaves short vowels out. */
const CROSS_VOWEL_COST = 0.2;

/**
 * Spellings of known names in the other script found in a text: «گلمرز» for a place
 * known as "Golmarz", «کاوه سهرابی» for "Kaveh Sohrabi" (and Latin spellings of names
 * known only in Persian script). Returns extra names per entity id, to be matched by
 * findAliasMentions like the entity's own. One word must agree in its consonant
 * skeleton and closely in sound; a person needs given name and surname both.
 */
export function crossScriptNames(text: string, entities: KnownEntity[]): Map<string, string[]> {
  const tokens = aliasTokens(text).filter((t) => t.arabic || t.cap);
  const out = new Map<string, string[]>();
  const add = (id: string, name: string) => {
    const list = out.get(id) ?? [];
    if (!list.includes(name)) list.push(name);
    out.set(id, list);
  };
  const wordsOf = (s: string, type: NameType) => analyzeName(s, type).words;
  // The text's two-word spans (one script, name gap between) and its single words, each
  // analyzed once and found by the skeleton they must share with a name's (last) word,
  // so a document costs its words plus its entities' names, not their product.
  // Built per script on first need: a Latin text's pairs only for names in Persian script.
  const pairs = new Map<boolean, Map<string, { i: number; tw: string[] }[]>>();
  const pairsBySkeleton = (arabic: boolean) => {
    let bySk = pairs.get(arabic);
    if (bySk) return bySk;
    bySk = new Map();
    for (let i = 0; i + 1 < tokens.length; i++) {
      const a = tokens[i]!;
      const b = tokens[i + 1]!;
      if (a.arabic !== arabic || b.arabic !== arabic || !GAP.test(text.slice(a.end, b.start))) continue;
      const tw = wordsOf(`${a.surface} ${b.surface}`, 'PERSON');
      if (tw.length !== 2) continue;
      const sk = skeletonOf(tw[1]!);
      const list = bySk.get(sk) ?? [];
      list.push({ i, tw });
      bySk.set(sk, list);
    }
    pairs.set(arabic, bySk);
    return bySk;
  };
  const singles = new Map<string, Map<string, { t: Token; w: string }[]>>();
  const singlesBySkeleton = (type: NameType, arabic: boolean) => {
    let bySk = singles.get(`${type}:${arabic}`);
    if (bySk) return bySk;
    bySk = new Map();
    for (const t of tokens) {
      if (t.arabic !== arabic || [...t.surface].length < 4) continue;
      const tw = wordsOf(t.surface, type);
      if (tw.length !== 1) continue;
      const sk = skeletonOf(tw[0]!);
      const list = bySk.get(sk) ?? [];
      list.push({ t, w: tw[0]! });
      bySk.set(sk, list);
    }
    singles.set(`${type}:${arabic}`, bySk);
    return bySk;
  };
  for (const e of entities) {
    for (const name of new Set(e.names)) {
      const arabic = ARABIC.test(name);
      const nw = wordsOf(name, e.type);
      if (e.type === 'PERSON') {
        if (nw.length !== 2) continue;
        for (const { i, tw } of pairsBySkeleton(!arabic).get(skeletonOf(nw[1]!)) ?? []) {
          if (wordSimilarity(tw[0]!, nw[0]!, CROSS_VOWEL_COST) >= 0.75 && wordSimilarity(tw[1]!, nw[1]!, CROSS_VOWEL_COST) >= 0.8) {
            add(e.id, text.slice(tokens[i]!.start, tokens[i + 1]!.end));
          }
        }
      } else {
        if (nw.length !== 1) continue;
        const sk = skeletonOf(nw[0]!);
        if (sk.length < 3) continue;
        for (const { t, w } of singlesBySkeleton(e.type, !arabic).get(sk) ?? []) {
          if (wordSimilarity(w, nw[0]!, CROSS_VOWEL_COST) >= 0.9) add(e.id, t.surface);
        }
      }
    }
  }
  return out;
}

/**
 * Word sequences (2 to 6 words of one script, the first capitalized in Latin) that may
 * translate an organization's name: those holding an institution word ("Ministry", «دیدبان»).
 */
export function translationSpans(text: string, institutionWord: (word: string) => boolean): { text: string; start: number; end: number; words: number }[] {
  const tokens = aliasTokens(text);
  const institution = tokens.map((t) => institutionWord(t.surface));
  const out: { text: string; start: number; end: number; words: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!;
    if (!first.arabic && !first.cap) continue;
    let has = institution[i]!;
    for (let n = 2; n <= 6 && i + n <= tokens.length; n++) {
      const last = tokens[i + n - 1]!;
      if (last.arabic !== first.arabic || !GAP.test(text.slice(tokens[i + n - 2]!.end, last.start))) break;
      has ||= institution[i + n - 1]!;
      if (has) out.push({ text: text.slice(first.start, last.end), start: first.start, end: last.end, words: n });
    }
  }
  return out;
}

// After an organization's name, words that say what follows is another name of it:
// "— the Grey Coats", "also known as", «— همان خاکستری‌پوشان», «معروف به».
const STATED = /^[ \u00a0]*(?:[—–][ \u00a0]*(?:the[ \u00a0]+)?(?:همان[ \u00a0]+)?|,?[ \u00a0]*(?:(?:also|better|commonly|widely)[ \u00a0]+)?(?:known|referred to)[ \u00a0]+as[ \u00a0]+(?:the[ \u00a0]+)?|,?[ \u00a0]*a\.?k\.?a\.?[ \u00a0]+(?:the[ \u00a0]+)?|[ \u00a0]*[،,]?[ \u00a0]*(?:معروف به|موسوم به|مشهور به)[ \u00a0]+)/iu;

/**
 * Other names the text gives an organization right after naming it: "the Internal Guard
 * Corps — the Grey Coats, as people call them" -> "Grey Coats". A Latin name is a run of
 * capitalized words (up to four), a Persian-script one up to two words before punctuation.
 */
export function statedNames(text: string, orgs: { end: number; entityId: string }[]): { start: number; end: number; text: string; entityId: string }[] {
  const out: { start: number; end: number; text: string; entityId: string }[] = [];
  for (const o of orgs) {
    const rest = text.slice(o.end, o.end + 80);
    const m = STATED.exec(rest);
    if (!m || m[0].length === 0) continue;
    const after = rest.slice(m[0].length);
    const name = ARABIC.test(after[0] ?? '') ? /^[\u0600-\u06ff\u200c]+(?:[ \u00a0][\u0600-\u06ff\u200c]+)?(?=[ \u00a0]*[،,.؛:)\n—–])/u.exec(after) : /^\p{Lu}[\p{L}’'-]*(?:[ \u00a0]\p{Lu}[\p{L}’'-]*){0,3}/u.exec(after);
    if (!name) continue;
    const start = o.end + m[0].length;
    out.push({ start, end: start + name[0].length, text: name[0], entityId: o.entityId });
  }
  return out;
}
