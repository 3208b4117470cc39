// Persian and Arabic script into the key space of phonetic-key.ts. The script
// writes consonants and long vowels only, so "داریوش کلانتری" becomes
// "daryush klantari": its skeleton ("drysh klntr") is the one of "Dariush Kalantari".
import { nameWords, phoneticWord } from './phonetic-key.js';

// Letters after the folds of src/text/normalize.ts (ي→ی, ك→ک, ة→ه, أإآٱ→ا, ؤ→و, ئ→ی).
const LETTERS: Record<string, string> = {
  'ب': 'b', 'پ': 'p', 'ت': 't', 'ث': 's', 'ج': 'j', 'چ': 'ch', 'ح': 'h', 'خ': 'kh', 'د': 'd', 'ذ': 'z',
  'ر': 'r', 'ز': 'z', 'ژ': 'j', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'z', 'ط': 't', 'ظ': 'z', 'غ': 'q',
  'ف': 'f', 'ق': 'q', 'ک': 'k', 'گ': 'g', 'ل': 'l', 'م': 'm', 'ن': 'n',
  'ڤ': 'v', 'ڨ': 'g', 'ڭ': 'g', 'ۆ': 'u', 'ێ': 'i', 'ڕ': 'r', 'ڵ': 'l',
};
const FOLDS: Record<string, string> = {
  'ي': 'ی', 'ى': 'ی', 'ك': 'ک', 'ة': 'ه', 'ۀ': 'ه', 'أ': 'ا', 'إ': 'ا', 'ٱ': 'ا', 'آ': 'ا', 'ؤ': 'و', 'ئ': 'ی',
};

// Titles written in Persian or Arabic script, with their canonical Latin names.
const SCRIPT_TITLES: Record<string, string> = {
  'سید': 'seyed', 'سیده': 'seyed', 'حاج': 'haji', 'حاجی': 'haji', 'حاجیه': 'haji', 'شیخ': 'sheikh', 'دکتر': 'doctor',
  'مهندس': 'engineer', 'سردار': 'general', 'سرلشکر': 'general', 'سرتیپ': 'brigadier', 'سرهنگ': 'colonel',
  'آیتالله': 'ayatollah', 'ایتالله': 'ayatollah', 'حجتالاسلام': 'hojatoleslam', 'اقای': 'mr', 'اقا': 'agha',
  'خانم': 'khanum', 'ملا': 'mullah', 'امام': 'imam', 'السید': 'seyed', 'الشیخ': 'sheikh', 'الحاج': 'haji',
  'استاد': 'professor', 'سرکار': 'khanum', 'تیمسار': 'general',
};
// Titles that are also names; dropped only when two words remain ("امام" alone may be a name).
const AMBIGUOUS_SCRIPT_TITLES = new Set(['اقا', 'امام', 'استاد']);

export function foldScript(s: string): string {
  return s
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]/g, '') // harakat, tatweel
    .replace(/ه\u200c/g, 'ە') // a word-final silent heh before ZWNJ: "خامنه‌ای"
    .replace(/[\u200c\u200d]/g, '') // ZWNJ joins the parts of one name: "حسین‌زاده"
    .replace(/[يىكةۀأإٱآؤئ]/g, (c) => FOLDS[c] ?? c);
}

/** Romanizes one folded word: "داوود" -> "davud", "زاده" -> "zada", "علی" -> "ali". */
export function romanizeWord(word: string): string {
  const cs = [...word];
  let out = '';
  const isLongVowel = (c: string | undefined) => c === 'ا' || c === 'و' || c === 'ی' || c === 'ع';
  for (let k = 0; k < cs.length; k++) {
    const c = cs[k];
    const prev = cs[k - 1];
    const next = cs[k + 1];
    const first = k === 0;
    const last = k === cs.length - 1;
    if (c === 'ا' || c === 'ع' || c === 'ە') out += 'a';
    else if (c === 'و') {
      // Consonant v at the start or next to a vowel letter, the vowel u after a consonant.
      out += first || prev === 'ا' || next === 'ا' || (next === 'ی' && !last && k + 2 < cs.length) ? 'v' : 'u';
    } else if (c === 'ی') {
      // Initial ی before a consonant is "ye"/"ya" (یگانه Yeganeh, یزد Yazd), not a vowel.
      if (first && next !== undefined && next !== 'ا' && next !== 'و' && next !== 'ی' && next !== 'ع') out += 'ya';
      else out += first || next === 'ا' || next === 'و' ? 'y' : 'i';
    } else if (c === 'ه') {
      // Final ه after a consonant (و read as v included: "کاوه" -> "kava") is the silent -e/-eh: "زاده" -> "zada".
      out += last && !first && (!isLongVowel(prev) || out.endsWith('v')) ? 'a' : 'h';
    } else if (c === 'ء') {
      // hamza: no sound of its own in romanizations
    } else {
      const l = LETTERS[c];
      if (l !== undefined) out += l;
    }
  }
  return out;
}

export interface ScriptName {
  /** Romanized words in written order, titles removed: ["daryush", "klantari"]. */
  words: string[];
  titles: string[];
}

/** Romanized words and titles of a Persian- or Arabic-script name. */
export function romanizeScriptName(name: string): ScriptName {
  const raw = foldScript(name)
    .split(/[^\u0621-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff]+/u)
    .filter((w) => w.length > 0);
  const titles: string[] = [];
  const kept: string[] = [];
  for (let k = 0; k < raw.length; k++) {
    const w = raw[k];
    const title = SCRIPT_TITLES[w];
    const remaining = raw.length - k - 1;
    if (title !== undefined && remaining + kept.length >= (AMBIGUOUS_SCRIPT_TITLES.has(w) ? 2 : 1)) {
      titles.push(title);
      continue;
    }
    // The glued Arabic article "ال", except in names that begin with it (الهام Elham, الیاس Elyas, الله).
    const bare = w.length >= 5 && w.startsWith('ال') && !/^ال[لهی]/.test(w) ? w.slice(2) : w;
    // "ابوالفضل" is Abu al-Fazl.
    if (bare.length > 5 && bare.startsWith('ابوال')) kept.push('ابو', bare.slice(5));
    else kept.push(bare);
  }
  return { words: kept.map(romanizeWord).filter((w) => w.length > 0), titles };
}

/** Phonetic keys of a script name's words, in written order. */
export function scriptPhoneticWords(name: string): string[] {
  return nameWords(romanizeScriptName(name).words).map(phoneticWord).filter((k) => k.length > 0);
}

/**
 * Order-free key of a Persian/Arabic-script name in the key space of `phoneticKey`.
 * "داریوش کلانتری" -> "daryush klantari" (skeletons "drysh klntr", as for "Dariush Kalantari").
 */
export function arabicScriptKey(name: string): string {
  return [...scriptPhoneticWords(name)].sort().join(' ');
}
