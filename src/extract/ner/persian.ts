// Persian word analysis for the NER features: a light stemmer (clitics and affixes
// stripped, so "ایران‌ها", "ایرانی" and "ایران" share a stem feature), the ZWNJ-separated
// parts of a word, verb prefixes (می، نمی) and cue-word classes (titles before a person's
// name; words that head organization or place names). Rules, not a lexicon: the stem is a
// feature next to the full word, so a wrong cut costs little.
//
// Input is the folded form (see word-info.ts foldWord) with ZWNJ kept as U+200C.

const ZWNJ = '\u200c';

// Longest first; only cut when at least MIN_STEM letters stay.
const SUFFIXES = ['هایی', 'های', 'ها', 'ترین', 'تر', 'یان', 'ان', 'ای', 'ام', 'اش', 'ات', 'مان', 'تان', 'شان', 'را', 'ی', 'ش'];
const MIN_STEM = 3;

/** Cue-word classes (bit numbers in PERSIAN_CUE). */
export const CUE_TITLE = 1;
export const CUE_ORG = 2;
export const CUE_LOC = 4;
export const CUE_PERS_VERB = 8;

const CUE_WORDS: Array<[number, string[]]> = [
  [
    CUE_TITLE,
    [
      'آقای', 'آقا', 'خانم', 'بانو', 'دکتر', 'مهندس', 'استاد', 'سردار', 'سرتیپ', 'سرلشکر', 'سرهنگ', 'سرگرد', 'سروان', 'ستوان',
      'دریادار', 'سپهبد', 'آیت‌الله', 'آیت', 'آیت‌الله‌العظمی', 'حجت‌الاسلام', 'حجت‌الاسلام‌والمسلمین', 'والمسلمین', 'المسلمین',
      'شیخ', 'حاج', 'حاجی', 'وزیر', 'رئیس', 'رییس', 'رئیس‌جمهور', 'رئیس‌جمهوری', 'نخست‌وزیر', 'جناب', 'مرحوم', 'شهید', 'امام',
      'سخنگوی', 'معاون', 'نماینده', 'دبیرکل', 'مدیرکل', 'مدیرعامل', 'فرمانده', 'سفیر', 'استاندار', 'فرماندار', 'شهردار',
      'دادستان', 'قاضی', 'مربی', 'بازیکن', 'کاپیتان', 'سرمربی', 'نویسنده', 'شاعر', 'کارگردان', 'بازیگر', 'خواننده', 'همسر', 'پسر',
      'دختر', 'برادر', 'خواهر', 'پدر', 'مادر', 'حضرت', 'پیامبر', 'سید', 'میرزا', 'ملا', 'پرفسور', 'پروفسور', 'مشاور', 'هنرمند',
    ],
  ],
  [
    CUE_ORG,
    [
      'سازمان', 'وزارت', 'دانشگاه', 'شرکت', 'حزب', 'بانک', 'مجلس', 'دادگاه', 'اداره', 'ستاد', 'شورای', 'شورا', 'کمیته', 'کمیسیون',
      'انجمن', 'موسسه', 'مؤسسه', 'بنیاد', 'خبرگزاری', 'روزنامه', 'هفته‌نامه', 'ماهنامه', 'نشریه', 'باشگاه', 'تیم', 'اتحادیه',
      'فدراسیون', 'جبهه', 'جنبش', 'گروه', 'سپاه', 'ارتش', 'نیروی', 'قرارگاه', 'دفتر', 'مرکز', 'پژوهشگاه', 'پژوهشکده', 'دانشکده',
      'آژانس', 'صندوق', 'کانون', 'جامعه', 'هیئت', 'هیات', 'مجمع', 'اتاق', 'بورس', 'شبکه', 'تلویزیون', 'رادیو', 'خبرگزاریهای',
      'قوه', 'دولت', 'کارخانه', 'مجتمع', 'گروهک', 'سایت', 'پایگاه',
    ],
  ],
  [
    CUE_LOC,
    [
      'استان', 'شهر', 'شهرستان', 'خیابان', 'میدان', 'روستای', 'روستا', 'کشور', 'کشورهای', 'منطقه', 'بندر', 'جزیره', 'جزایر',
      'دریای', 'دریاچه', 'کوه', 'رود', 'رودخانه', 'بخش', 'محله', 'بزرگراه', 'جاده', 'پایتخت', 'قاره', 'خلیج', 'تنگه', 'صحرای',
      'ایالت', 'شمال', 'جنوب', 'شرق', 'غرب', 'مرز', 'مرزهای', 'سفر', 'اهل', 'ساکن', 'بلوار', 'کوچه', 'فرودگاه', 'بیمارستان',
      'مسجد', 'حرم', 'زندان', 'ورزشگاه', 'پارک', 'کاخ',
    ],
  ],
  [CUE_PERS_VERB, ['گفت', 'افزود', 'اظهار', 'تصریح', 'کرد', 'گفته', 'اعلام', 'خاطرنشان', 'یادآور', 'ادامه', 'داد']],
];

let cueTable: Map<string, number> | null = null;

function fold(s: string): string {
  return s.replace(/ي|ى|ئ/g, 'ی').replace(/ك/g, 'ک').replace(/ة|ۀ/g, 'ه').replace(/أ|إ|ٱ/g, 'ا').replace(/\u200c/g, '');
}

/** Cue class bits of a folded word (ZWNJ dropped), 0 for none. */
export function persianCue(foldedNoZwnj: string): number {
  if (cueTable === null) {
    cueTable = new Map();
    for (const [bit, words] of CUE_WORDS) for (const w of words) cueTable.set(fold(w), (cueTable.get(fold(w)) ?? 0) | bit);
  }
  return cueTable.get(foldedNoZwnj) ?? 0;
}

export interface PersianParts {
  /** The word with clitics and affixes cut (ZWNJ dropped). */
  stem: string;
  /** The cut suffix ("" when none). */
  suffix: string;
  /** Verb prefix: "می", "نمی" or "". */
  prefix: string;
  /** First and last ZWNJ-separated part ("" when the word has no ZWNJ). */
  firstPart: string;
  lastPart: string;
}

/** Split a folded Persian word (ZWNJ kept) into the parts the features use. */
export function persianParts(folded: string): PersianParts {
  let firstPart = '';
  let lastPart = '';
  let word = folded;
  if (folded.includes(ZWNJ)) {
    const parts = folded.split(ZWNJ).filter((p) => p.length > 0);
    if (parts.length > 1) {
      firstPart = parts[0]!;
      lastPart = parts[parts.length - 1]!;
    }
  }
  let prefix = '';
  const plain = word.replace(/\u200c/g, '');
  word = plain;
  if (word.startsWith('نمی') && word.length >= 6) prefix = 'نمی';
  else if (word.startsWith('می') && word.length >= 5) prefix = 'می';
  let stem = word;
  let suffix = '';
  if (firstPart && lastPart && lastPart.length <= 4 && firstPart.length >= MIN_STEM && !firstPart.startsWith('می') && !firstPart.startsWith('نمی')) {
    // "کتاب‌ها", "دولت‌های": the part before the ZWNJ is the stem
    stem = firstPart;
    suffix = plain.slice(firstPart.length);
  } else {
    for (const s of SUFFIXES) {
      if (word.length - s.length >= MIN_STEM && word.endsWith(s)) {
        stem = word.slice(0, word.length - s.length);
        suffix = s;
        break;
      }
    }
  }
  if (prefix && stem.length - prefix.length >= 2) stem = stem.slice(prefix.length);
  return { stem, suffix, prefix, firstPart, lastPart };
}
