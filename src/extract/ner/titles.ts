// Titles, ranks and honorifics before a person's name are kept OUT of the name span and
// recorded as its `title`, so "Gen. Darius Varan" and "Darius Varan" resolve to one person.
import type { Token } from '../tokenize/tokenize.js';
import type { WorkingEntity } from './extract.js';
import type { NerLanguage } from './load.js';
import { foldWord } from './word-info.js';

// Folded (lower-case, Persian letters unified, ZWNJ dropped) title words. Multi-word titles
// ("Prime Minister", "آیت الله", "حجت الاسلام و المسلمین") are runs of these words.
const TITLE_WORDS_EN = [
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'dr', 'dr.', 'prof', 'prof.', 'professor', 'gen', 'gen.', 'general', 'col', 'col.',
  'colonel', 'lt', 'lt.', 'lieutenant', 'maj', 'maj.', 'major', 'sgt', 'sgt.', 'sergeant', 'capt', 'capt.', 'captain', 'adm', 'adm.',
  'admiral', 'brig', 'brig.', 'brigadier', 'cmdr', 'cmdr.', 'commander', 'marshal', 'field', 'gov', 'gov.', 'governor', 'sen', 'sen.',
  'senator', 'rep', 'rep.', 'president', 'vice', 'prime', 'minister', 'foreign', 'interior', 'defence', 'defense', 'deputy',
  'chancellor', 'secretary', 'ayatollah', 'grand', 'hojatoleslam', 'hojjatoleslam', 'sheikh', 'shaikh', 'sheik', 'mullah', 'imam',
  'king', 'queen', 'prince', 'princess', 'emir', 'sultan', 'judge', 'justice', 'sir', 'dame', 'lord', 'lady', 'rev', 'rev.',
  'reverend', 'father', 'bishop', 'archbishop', 'pope', 'cardinal', 'rabbi', 'haji', 'hajji', 'engineer', 'eng.', 'mayor',
  'supreme', 'leader', 'ambassador', 'chief', 'sayyid', 'seyed', 'mirza', 'mme', 'mme.', 'mlle', 'mlle.',
];
const TITLE_WORDS_FA = [
  'آقای', 'آقا', 'خانم', 'بانو', 'دکتر', 'مهندس', 'استاد', 'سردار', 'سرتیپ', 'سرتیپ‌دوم', 'سرلشکر', 'سرهنگ', 'سرگرد', 'سروان',
  'ستوان', 'ارتشبد', 'دریادار', 'دریابان', 'سپهبد', 'آیت‌الله', 'آیت', 'الله', 'آیت‌الله‌العظمی', 'العظمی', 'حجت‌الاسلام', 'حجت',
  'الاسلام', 'المسلمین', 'حجت‌الاسلام‌والمسلمین', 'شیخ', 'حاج', 'حاجی', 'رئیس‌جمهور', 'رئیس‌جمهوری', 'وزیر', 'نخست‌وزیر',
  'سرکار', 'جناب', 'مرحوم', 'شهید', 'امام',
];

const TITLES: Record<NerLanguage, ReadonlySet<string>> = {
  en: new Set(TITLE_WORDS_EN.map(foldWord)),
  fa: new Set([...TITLE_WORDS_FA, ...TITLE_WORDS_EN].map(foldWord)),
};

// Words that only glue titles together: "حجت الاسلام و المسلمین", "Minister of Defence"
const TITLE_GLUE: ReadonlySet<string> = new Set(['و', 'of', '-']);

// These head a title run on their own; "Vice", "Prime", "Grand", "Field", "Foreign" etc.
// only count when followed by another title word.
const NEEDS_HEAD: ReadonlySet<string> = new Set(['vice', 'prime', 'grand', 'field', 'foreign', 'interior', 'defence', 'defense', 'deputy', 'supreme', 'chief', 'آیت', 'حجت']);

/** Whether token k is a title word in `lang`. */
export function isTitleToken(tokens: readonly Token[], k: number, lang: NerLanguage): boolean {
  const f = foldWord(tokens[k]!.text);
  return TITLES[lang].has(f) || (lang === 'fa' && TITLES.en.has(f));
}

/** Move leading title tokens out of PERSON spans and record the title run before each. */
export function attachTitles(tokens: readonly Token[], entities: WorkingEntity[], lang: NerLanguage): WorkingEntity[] {
  const out: WorkingEntity[] = [];
  let prevEnd = 0; // token index after the previous entity: a title never reaches into it
  for (const e of entities) {
    if (e.type !== 'PERSON') {
      out.push(e);
      prevEnd = e.end;
      continue;
    }
    let start = e.start;
    while (start < e.end - 1 && isTitleToken(tokens, start, lang)) start++;
    if (start === e.end - 1 && isTitleToken(tokens, start, lang)) {
      // the whole span is a title ("President"): not a name
      continue;
    }
    // the title run ends right before the name (the stripped part, or the tokens before it)
    let tStart = start;
    let k = start - 1;
    while (k >= prevEnd) {
      const f = foldWord(tokens[k]!.text);
      if (isTitleToken(tokens, k, lang)) {
        tStart = k;
        k--;
        continue;
      }
      if (TITLE_GLUE.has(f) && k - 1 >= prevEnd && isTitleToken(tokens, k - 1, lang)) {
        k--;
        continue;
      }
      break;
    }
    // a run made only of modifiers ("Prime", "Grand") is not a title
    while (tStart < start && NEEDS_HEAD.has(foldWord(tokens[tStart]!.text)) && tStart + 1 === start) tStart = start;
    const next: WorkingEntity = { ...e, start };
    if (tStart < start) next.title = { start: tokens[tStart]!.start, end: tokens[start - 1]!.end };
    out.push(next);
    prevEnd = next.end;
  }
  return out;
}
