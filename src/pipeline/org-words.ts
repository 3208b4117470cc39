// Organization names across English and Persian: the same body is often named by a
// word-for-word translation ("Ministry of the Interior" / «وزارت کشور», "Golmarz
// Farmers' Union" / «اتحادیهٔ کشاورزان گلمرز»). Common institutional words map to one
// concept id in both languages; other words (proper names) become phonetic skeletons,
// so «وهرستان» and "Vahrestan" meet. Two names with the same bag of concepts and
// skeletons (two or more of them) are taken as translations of each other.
// Pure; belongs with the matchers in src/resolve/ (kept here until that folder's
// owner takes it: see the issue 5 report).
import { isMostlyArabicScript, normalizeText } from '../text/normalize.js';
import { foldScript } from '../resolve/arabic-script-key.js';
import { anyScriptWords } from '../resolve/name-record.js';
import { skeletonOf } from '../resolve/phonetic-key.js';

// concept: [English words], [Persian words]. Generic vocabulary of institutions, not names.
const CONCEPTS: [string, string[], string[]][] = [
  ['ministry', ['ministry', 'department'], ['وزارت', 'وزارتخانه']],
  ['interior', ['interior', 'home'], ['کشور']],
  ['justice', ['justice'], ['دادگستری']],
  ['foreign', ['foreign'], ['خارجه']],
  ['defense', ['defense', 'defence'], ['دفاع']],
  ['intelligence', ['intelligence'], ['اطلاعات']],
  ['court', ['court', 'tribunal'], ['دادگاه']],
  ['special', ['special'], ['ویژه', 'ویژهٔ']],
  ['security', ['security'], ['امنیت', 'امنیتی']],
  ['revolutionary', ['revolutionary', 'revolution'], ['انقلاب', 'انقلابی']],
  ['corps', ['corps'], ['سپاه']],
  ['guard', ['guard', 'guards', 'guardians'], ['نگهبانی', 'نگهبان', 'پاسداران', 'گارد']],
  ['internal', ['internal'], ['داخلی']],
  ['police', ['police'], ['پلیس', 'انتظامی']],
  ['force', ['force', 'forces'], ['نیروی', 'نیرو', 'نیروهای']],
  ['army', ['army'], ['ارتش']],
  ['prison', ['prison', 'prisons', 'jail'], ['زندان', 'زندانها', 'زندان‌ها']],
  ['organization', ['organization', 'organisation', 'authority', 'agency', 'administration'], ['سازمان']],
  ['water', ['water'], ['آب']],
  ['power', ['power', 'electricity'], ['برق']],
  ['monitor', ['monitor', 'watch', 'observatory'], ['دیدبان', 'ناظر']],
  ['rights', ['rights'], ['حقوق']],
  ['human', ['human'], ['بشر']],
  ['union', ['union', 'syndicate'], ['اتحادیه', 'اتحادیهٔ', 'سندیکا', 'سندیکای']],
  ['farmers', ['farmers', 'farmer', 'peasants'], ['کشاورزان', 'کشاورز', 'دهقانان']],
  ['workers', ['workers', 'labour', 'labor'], ['کارگران', 'کارگری']],
  ['teachers', ['teachers'], ['معلمان', 'فرهنگیان']],
  ['students', ['students'], ['دانشجویان', 'دانشجویی']],
  ['women', ['women', "women's"], ['زنان']],
  ['alliance', ['alliance', 'coalition'], ['ائتلاف', 'اتحاد']],
  ['civic', ['civic', 'civil'], ['مدنی']],
  ['front', ['front'], ['جبهه', 'جبههٔ']],
  ['national', ['national'], ['ملی']],
  ['renewal', ['renewal', 'reconstruction', 'renovation'], ['نوسازی', 'بازسازی']],
  ['committee', ['committee'], ['کمیته', 'کمیتهٔ']],
  ['missing', ['missing', 'disappeared'], ['مفقودان', 'ناپدیدشدگان', 'گمشدگان']],
  ['persons', ['persons', 'people'], ['افراد']],
  ['free', ['free'], ['آزاد']],
  ['news', ['news'], ['خبر', 'خبری']],
  ['agency', ['wire'], ['خبرگزاری']],
  ['newspaper', ['newspaper', 'daily', 'herald', 'times'], ['روزنامه', 'روزنامهٔ']],
  ['party', ['party'], ['حزب']],
  ['council', ['council'], ['شورا', 'شورای']],
  ['parliament', ['parliament', 'assembly'], ['مجلس']],
  ['foundation', ['foundation'], ['بنیاد']],
  ['association', ['association', 'society'], ['انجمن', 'کانون']],
  ['university', ['university'], ['دانشگاه']],
  ['hospital', ['hospital'], ['بیمارستان']],
  ['red', ['red'], ['سرخ', 'احمر']],
  ['crescent', ['crescent'], ['هلال']],
  ['cross', ['cross'], ['صلیب']],
  ['international', ['international'], ['بین‌المللی', 'بین‌الملل', 'بینالمللی']],
  ['republic', ['republic'], ['جمهوری']],
  ['islamic', ['islamic'], ['اسلامی']],
  ['high', ['high', 'supreme'], ['عالی']],
  ['commission', ['commission', 'commissioner'], ['کمیسیون', 'کمیساریای']],
  ['refugees', ['refugees'], ['پناهندگان']],
  ['center', ['center', 'centre'], ['مرکز']],
  ['office', ['office', 'bureau'], ['دفتر']],
  ['governorate', ['governorate', 'governor', "governor's"], ['استانداری']],
  ['province', ['province', 'provincial'], ['استان']],
  ['prosecutor', ['prosecutor', "prosecutor's"], ['دادستانی']],
];

const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'و', 'در', 'به', 'از', 'برای']);

const byWord = new Map<string, string>();
for (const [concept, en, fa] of CONCEPTS) {
  for (const w of en) byWord.set(w, concept);
  for (const w of fa) byWord.set(foldScript(w), concept);
}

function conceptOf(word: string): string | undefined {
  return byWord.get(word) ?? byWord.get(word.replace(/ی$/u, '')) ?? byWord.get(word.replace(/[’']s?$/u, ''));
}

// The head nouns of organization names (not "water", "free", "national"…).
const INSTITUTIONS = new Set(['ministry', 'court', 'corps', 'police', 'army', 'organization', 'monitor', 'union', 'alliance', 'front', 'committee', 'party', 'council', 'parliament', 'foundation', 'association', 'university', 'hospital', 'commission', 'center', 'office', 'agency', 'newspaper', 'prosecutor']);

/** Whether a word is the head noun of an organization name ("Union", «خبرگزاری», «بیمارستان»). */
export function isInstitutionWord(word: string): boolean {
  const c = conceptOf(isMostlyArabicScript(word) ? foldScript(normalizeText(word)) : word.toLowerCase());
  return c !== undefined && INSTITUTIONS.has(c);
}

/**
 * The language-independent key of an organization name, or null when it has fewer
 * than two meaningful words. translationKey("Ministry of the Interior") ===
 * translationKey("وزارت کشور") === "interior ministry".
 */
export function translationKey(original: string): string | null {
  const name = normalizeText(original); // Arabic yeh and kaf -> Persian
  const arabic = isMostlyArabicScript(name);
  const raw = name
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s\u00a0]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}\u200c\u0654]+$/gu, ''))
    .filter((w) => w.length > 0);
  const tokens: string[] = [];
  for (const word of raw) {
    const lower = arabic ? foldScript(word) : word.toLowerCase();
    if (FUNCTION_WORDS.has(lower)) continue;
    const concept = conceptOf(lower);
    if (concept) {
      tokens.push(concept);
      continue;
    }
    const phon = anyScriptWords(word);
    if (phon.length === 0) continue;
    const sk = phon.map(skeletonOf).join('');
    if (sk.length < 2) return null; // too little to go on
    tokens.push('~' + sk);
  }
  if (tokens.length < 2) return null;
  return [...new Set(tokens)].sort().join(' ');
}
