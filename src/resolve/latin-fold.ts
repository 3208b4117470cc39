// The first matching key: a name folded to lower-case ASCII words, with honorifics
// taken off and kept aside (a title says something about the person, so scoring
// uses it, but "Dr. X" and "X" are the same spelling of the name).

/** A name split into its folded words and the titles found in front of or inside it. */
export interface FoldedName {
  /** Folded words in their written order: "Dr. Dāriūsh Kalantari" -> ["dariush", "kalantari"]. */
  tokens: string[];
  /** Canonical titles, e.g. ["doctor"], in the order found. */
  titles: string[];
}

// Folded spelling -> canonical title. Religious and military ranks of Iran and
// the Arab world, and common English ones. Multi-word titles are matched first.
const TITLE_WORDS: Record<string, string> = {
  mr: 'mr', mister: 'mr', mrs: 'mrs', ms: 'ms', miss: 'ms', madam: 'mrs', madame: 'mrs', sir: 'sir',
  dr: 'doctor', doctor: 'doctor', prof: 'professor', professor: 'professor', eng: 'engineer', engineer: 'engineer', mohandes: 'engineer',
  gen: 'general', general: 'general', brig: 'brigadier', brigadier: 'brigadier', maj: 'major', major: 'major',
  col: 'colonel', colonel: 'colonel', lt: 'lieutenant', lieutenant: 'lieutenant', capt: 'captain', captain: 'captain',
  adm: 'admiral', admiral: 'admiral', cmdr: 'commander', commander: 'commander', sgt: 'sergeant', sergeant: 'sergeant',
  sardar: 'general', sarlashkar: 'general', sartip: 'brigadier', sarhang: 'colonel', sargord: 'major',
  ayatollah: 'ayatollah', ayatullah: 'ayatollah', ayatolah: 'ayatollah', ayat: 'ayatollah',
  hojatoleslam: 'hojatoleslam', hojjatoleslam: 'hojatoleslam', hojatolislam: 'hojatoleslam', hujjatulislam: 'hojatoleslam',
  hojjat: 'hojatoleslam', hojat: 'hojatoleslam',
  haji: 'haji', hajji: 'haji', hadji: 'haji', hajj: 'haji', haj: 'haji', hajjeh: 'haji', hajieh: 'haji', hajiyeh: 'haji',
  sheikh: 'sheikh', shaikh: 'sheikh', shaykh: 'sheikh', sheik: 'sheikh', shaik: 'sheikh', shaykhah: 'sheikh', sheikha: 'sheikh',
  seyed: 'seyed', seyyed: 'seyed', sayed: 'seyed', sayyed: 'seyed', sayyid: 'seyed', sayid: 'seyed', seid: 'seyed',
  syed: 'seyed', sayyida: 'seyed', seyedeh: 'seyed', seyyedeh: 'seyed', sadat: 'seyed',
  mullah: 'mullah', mulla: 'mullah', molla: 'mullah', mollah: 'mullah', maulana: 'maulana', mawlana: 'maulana', molana: 'maulana',
  mawlawi: 'maulvi', maulvi: 'maulvi', molvi: 'maulvi', mawlavi: 'maulvi',
  imam: 'imam', emam: 'imam', hafiz: 'hafiz', qazi: 'qazi', qadi: 'qazi',
  agha: 'agha', aqa: 'agha', aga: 'agha', khanum: 'khanum', khanom: 'khanum', banu: 'khanum',
  president: 'president', minister: 'minister', judge: 'judge', prosecutor: 'prosecutor',
};
// Titles that are also common given names or surnames ("Said", "Hafez", "Agha",
// "Imam"): taken as a title only when another word follows and the name keeps
// at least two words, so "Hafez" alone or "Ali Agha" is left intact.
const AMBIGUOUS_TITLES = new Set(['agha', 'aga', 'aqa', 'hafiz', 'imam', 'emam', 'sadat', 'banu', 'general', 'major', 'judge', 'qazi', 'qadi', 'haj', 'seid', 'hojat', 'hojjat', 'ayat', 'eng', 'col', 'gen', 'miss', 'sir']);
const MULTI_WORD_TITLES: [string[], string][] = [
  [['grand', 'ayatollah'], 'ayatollah'],
  [['hojjat', 'al', 'islam'], 'hojatoleslam'],
  [['hojjat', 'ol', 'eslam'], 'hojatoleslam'],
  [['hojat', 'ol', 'eslam'], 'hojatoleslam'],
  [['brigadier', 'general'], 'brigadier'],
  [['major', 'general'], 'general'],
  [['lieutenant', 'general'], 'general'],
  [['lt', 'gen'], 'general'],
  [['maj', 'gen'], 'general'],
  [['brig', 'gen'], 'brigadier'],
  [['second', 'brigadier', 'general'], 'brigadier'],
];

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** Folds one piece of Latin-script text: "Ḥusayn al-Ṭūsī’s" -> "husayn al tusis". */
export function foldLatinText(s: string): string {
  // Plain ASCII (most names): no diacritics or special letters to fold, the same result cheaper.
  if (ASCII.test(s)) return s.toLowerCase().replace(/([a-z])['`]+(?=[a-z])/g, '$1').replace(/[^a-z0-9]+/g, ' ').trim();
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[ıı]/g, 'i')
    .replace(/[đ]/g, 'd')
    .replace(/[ł]/g, 'l')
    // Ain and hamza marks vanish inside a word: "Sa'id" -> "said", "Ma`ruf" -> "maruf".
    .replace(/(\p{L})['’‘`ʿʾʻʼ´]+(?=\p{L})/gu, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ARTICLE_WORDS = new Set(['al', 'el', 'ul', 'ol']);

/**
 * Case, diacritics, punctuation and titles removed; titles recorded separately.
 * `otherWords`: words of the same name outside `name` (the surname of "RASHID, Hafiz
 * Abdul" when only the given part is passed), so that "Hafiz" there reads as a title.
 * "Gen. Qasem SOLEIMANI" -> { tokens: ["qasem", "soleimani"], titles: ["general"] }.
 */
export function splitTitles(name: string, otherWords = 0): FoldedName {
  const words = foldLatinText(name).split(' ').filter((w) => w.length > 0 && !/^\d+$/.test(w));
  const tokens: string[] = [];
  const titles: string[] = [];
  let i = 0;
  while (i < words.length) {
    let matched = false;
    for (const [seq, title] of MULTI_WORD_TITLES) {
      if (seq.every((w, k) => words[i + k] === w) && words.length - seq.length >= 1) {
        titles.push(title);
        i += seq.length;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const w = words[i];
    const title = TITLE_WORDS[w];
    const remaining = words.length - i - 1;
    // A part is never left with no word but an article ("AL-SAYYID" is a surname).
    const kept = tokens.length - (tokens.length > 0 && tokens.every((t) => ARTICLE_WORDS.has(t)) ? tokens.length : 0);
    const isTitle =
      title !== undefined &&
      remaining + kept >= 1 &&
      (!AMBIGUOUS_TITLES.has(w) || (remaining >= 1 && remaining + kept + otherWords >= 2));
    if (isTitle) titles.push(title);
    else tokens.push(w);
    i++;
  }
  return { tokens, titles };
}

/** The folded name as one string, titles removed: "Mr. Dāriūsh KALANTARI" -> "dariush kalantari". */
export function latinFold(name: string): string {
  return splitTitles(name).tokens.join(' ');
}

/** Canonical titles in a name: "Ayatollah Seyed Ali X" -> ["ayatollah", "seyed"]. */
export function titlesOf(name: string): string[] {
  return splitTitles(name).titles;
}
