// Numbers written in words, English and Persian. Shared by the quantity and date extractors.
// Parsers take a matched phrase and return its value, or null when it is not a number.

export const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
export const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const EN_SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
};
export const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9,
  tenth: 10, eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15,
  sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};

/** Regex source for one English cardinal word (no scales). */
export const EN_NUMBER_WORD = `(?:${[...Object.keys(EN_UNITS), ...Object.keys(EN_TENS)].sort((a, b) => b.length - a.length).join('|')})`;
/** Regex source for a cardinal phrase in words: "two hundred and fifty", "forty-two thousand". */
export const EN_NUMBER_PHRASE = `(?:${EN_NUMBER_WORD}(?:[- ]${EN_NUMBER_WORD})?(?:(?:[- ]| and )(?:hundred|thousand|million|billion|${EN_NUMBER_WORD}))*)`;

/** "two hundred and fifty" -> 250, "forty-two" -> 42, "1.5 million" -> 1500000, "a quarter-million" -> 250000. */
export function parseEnglishNumber(phrase: string): number | null {
  const words = phrase.toLowerCase().replace(/,(?=\d{3})/g, '').split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const w of words) {
    if (/^\d+(\.\d+)?$/.test(w)) {
      current += Number(w);
      seen = true;
    } else if (w === 'a' || w === 'an') {
      current += 1;
      seen = true;
    } else if (w === 'half') {
      current = (current || 1) * 0.5;
      seen = true;
    } else if (w === 'quarter') {
      current = (current || 1) * 0.25;
      seen = true;
    } else if (w === 'dozen') {
      current = (current || 1) * 12;
      seen = true;
    } else if (w in EN_UNITS) {
      current += EN_UNITS[w];
      seen = true;
    } else if (w in EN_TENS) {
      current += EN_TENS[w];
      seen = true;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      seen = true;
    } else if (w in EN_SCALES) {
      total += (current || 1) * EN_SCALES[w];
      current = 0;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? round(total + current) : null;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

// Persian words after letter folding (Persian yeh and keheh).
export const FA_UNITS: Record<string, number> = {
  صفر: 0, یک: 1, یه: 1, دو: 2, سه: 3, چهار: 4, پنج: 5, شش: 6, شیش: 6, هفت: 7, هشت: 8, نه: 9,
  ده: 10, یازده: 11, دوازده: 12, سیزده: 13, چهارده: 14, پانزده: 15, پونزده: 15, شانزده: 16,
  شونزده: 16, هفده: 17, هجده: 18, هیجده: 18, نوزده: 19,
};
export const FA_TENS: Record<string, number> = {
  بیست: 20, سی: 30, چهل: 40, پنجاه: 50, شصت: 60, هفتاد: 70, هشتاد: 80, نود: 90,
};
export const FA_HUNDREDS: Record<string, number> = {
  صد: 100, یکصد: 100, دویست: 200, سیصد: 300, چهارصد: 400, پانصد: 500, پونصد: 500, ششصد: 600,
  هفتصد: 700, هشتصد: 800, نهصد: 900,
};
export const FA_SCALES: Record<string, number> = { هزار: 1e3, میلیون: 1e6, ملیون: 1e6, میلیارد: 1e9 };

/** Ordinals: "دوم" -> 2, "سومین" -> 3, "اول"/"نخست" -> 1 (after folding). */
export const FA_ORDINAL_SPECIAL: Record<string, number> = { اول: 1, اولین: 1, نخست: 1, نخستین: 1, یکم: 1, سوم: 3, سومین: 3 };

const FA_ALL: Record<string, number> = { ...FA_UNITS, ...FA_TENS, ...FA_HUNDREDS };

/** Regex source for one Persian cardinal word (units, tens, hundreds). */
export const FA_NUMBER_WORD = `(?:${Object.keys(FA_ALL).sort((a, b) => b.length - a.length).join('|')})`;
/** "دو هزار و بیست و دو": words joined by " و " or by a scale. */
export const FA_NUMBER_PHRASE = `(?:${FA_NUMBER_WORD}(?:(?: و |[ \\u200c])(?:${FA_NUMBER_WORD}|هزار|میلیون|میلیارد))*)`;

/** "دو هزار و بیست و دو" -> 2022, "سی هزار" -> 30000, "۳۰ هزار" (digits folded) -> 30000. */
export function parsePersianNumber(phrase: string): number | null {
  const words = phrase.replace(/[\u200c]/g, ' ').split(/\s+/).filter((w) => w && w !== 'و');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  let lastChunk = 0; // the amount the last scale word produced, for stacked scales
  let seen = false;
  for (const w of words) {
    if (/^\d+([.\u066b/]\d+)?$/.test(w)) {
      current += Number(w.replace(/[\u066b/]/, '.'));
      seen = true;
    } else if (w in FA_ALL) {
      current += FA_ALL[w];
      seen = true;
    } else if (w in FA_SCALES) {
      if (current === 0 && lastChunk > 0 && FA_SCALES[w] > 1) {
        // Stacked scales multiply: "۲٫۴ هزار میلیارد" = 2.4 × 1000 × 10^9.
        total += lastChunk * (FA_SCALES[w] - 1);
        lastChunk *= FA_SCALES[w];
      } else {
        lastChunk = (current || 1) * FA_SCALES[w];
        total += lastChunk;
        current = 0;
      }
      seen = true;
    } else if (w === 'نیم') {
      current += 0.5;
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? round(total + current) : null;
}

/** Persian ordinal word to number: "دوم" -> 2, "بیست و سومین" -> 23, "چهل و سومین" -> 43. */
export function parsePersianOrdinal(phrase: string): number | null {
  const p = phrase.trim();
  if (p in FA_ORDINAL_SPECIAL) return FA_ORDINAL_SPECIAL[p];
  const stem = p.replace(/(?:مین|م)$/, '');
  if (stem === p) return null;
  const parts = stem.split(/\s+و\s+/);
  const last = parts[parts.length - 1];
  const lastValue = last === 'سو' ? 3 : last === 'سی' ? 30 : FA_ALL[last];
  if (lastValue === undefined) return null;
  const head = parts.slice(0, -1).join(' و ');
  const headValue = head ? parsePersianNumber(head) : 0;
  return headValue === null ? null : headValue + lastValue;
}
