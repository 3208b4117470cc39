// A small bilingual lexicon (English and Persian) of counted things and predicates, so
// that "4,000 people detained", "۴٬۰۰۰ نفر از بازداشت‌شدگان" and "taken to Chalkhan camp"
// land on one key. Keys are matched on text folded as in search (foldForSearch).
import { foldForSearch, foldWithOffsets } from '../text/normalize.js';

export type Predicate = 'detained' | 'killed' | 'injured' | 'missing' | 'displaced' | 'marched' | 'sentenced';

/** Patterns over folded, lower-case text; Persian ones are plain substrings. */
const PREDICATES: { predicate: Predicate; en: RegExp; fa: string[] }[] = [
  {
    predicate: 'detained',
    en: /\b(detain\w*|held|arrest\w*|imprison\w*|jailed|taken to|passed through|behind the wire|in custody)\b/g,
    fa: ['بازداشت', 'زندانی', 'برده شده', 'گذشتهاند', 'دستگیر', 'نگهداری شده'],
  },
  { predicate: 'killed', en: /\b(killed|dead|died|deaths?|shot dead|lost their lives)\b/g, fa: ['کشته', 'جان باخت', 'جان سپرد'] },
  { predicate: 'injured', en: /\b(injur\w*|wounded|treated for)\b/g, fa: ['مجروح', 'زخمی'] },
  { predicate: 'missing', en: /\b(missing|whereabouts|disappeared|do not know where)\b/g, fa: ['ناپدید', 'مفقود', 'بیخبر'] },
  { predicate: 'displaced', en: /\b(moved out|resettled|displaced|relocated|evicted|moved from)\b/g, fa: ['جابهجا', 'جابجا', 'آواره', 'کوچانده'] },
  { predicate: 'marched', en: /\b(marched|march|rally|gathering|gathered|demonstrat\w*|crowd|drew|took to the streets)\b/g, fa: ['راهپیمایی', 'تجمع', 'گرد آمدند'] },
  { predicate: 'sentenced', en: /\b(sentenced|convicted|defendants)\b/g, fa: ['محکوم'] },
];

/** Counted things: a canonical name and the folded word stems that name it. */
const COUNTED: { counted: string; en: RegExp; fa: string[]; implies?: Predicate }[] = [
  // Before "people": «شانزده نفر از نیروهای امنیتی» counts security forces, not protesters.
  { counted: 'security forces', en: /^(police\w*|officers?|guards(men)?|soldiers?|troops|forces|agents)$/, fa: ['نیروهای', 'نیروی', 'ماموران', 'پلیس', 'سرباز'] },
  { counted: 'families', en: /^(famil|household)/, fa: ['خانوار', 'خانواده'] },
  { counted: 'farmers', en: /^farmer/, fa: ['کشاورز'] },
  { counted: 'people', en: /^detainee/, fa: ['بازداشتی', 'بازداشتشدگان', 'بازداشتشده', 'زندانی'], implies: 'detained' },
  { counted: 'people', en: /^(defendant|convict)/, fa: ['متهم'], implies: 'sentenced' },
  { counted: 'people', en: /^(protester|demonstrator|marcher)/, fa: ['معترض', 'تظاهرکننده'] },
  {
    counted: 'people',
    en: /^(people|person|residents?|citizens?|men|women|children|students|workers|civilians|villagers|individuals)$/,
    fa: ['نفر', 'نفری', 'مردم', 'تن', 'شهروند', 'ساکن'],
  },
];

/** Units that measure rather than count people or things someone reports about. */
const MEASURES = /^(kilomet\w*|km|miles?|metres?|meters?|rials?|tomans?|dollars?|euros?|years?|months?|weeks?|days?|hours?|minutes?|instalments?|times|percent|%)$/;
const MEASURES_FA = ['کیلومتر', 'ریال', 'تومان', 'دلار', 'سال', 'ماه', 'هفته', 'روز', 'ساعت', 'دقیقه', 'قسط', 'درصد', 'بار', 'تخت'];

export interface CountedThing {
  counted: string;
  implies: Predicate | null;
}

/** The counted thing named by a unit ("people", "خانوار") or the quantity's own surface ("۴۰۰۰ نفر از …"). */
export function countedThing(unit: string | null, surface: string): CountedThing | 'measure' | null {
  const words = [unit, surface].filter((s): s is string => Boolean(s)).map((s) => foldForSearch(s).toLowerCase());
  for (const w of words) {
    for (const token of w.split(/\s+/)) {
      if (MEASURES.test(token)) return 'measure';
      if (MEASURES_FA.some((m) => token.startsWith(m))) return 'measure';
    }
  }
  for (const c of COUNTED) {
    for (const w of words) {
      for (const token of w.split(/\s+/)) {
        if (c.en.test(token)) return { counted: c.counted, implies: c.implies ?? null };
      }
      if (c.fa.some((f) => w.includes(foldForSearch(f)))) return { counted: c.counted, implies: c.implies ?? null };
    }
  }
  // Units outside the lexicon are often not the counted noun at all ("4,000 reported",
  // «سه کلانتری»): they count as a bare number.
  return null;
}

/**
 * The predicate nearest to [start, end) within `text` (a sentence), preferring words after
 * the figure ("4,000 people detained") to words before it ("a gathering of some forty thousand").
 */
export function nearestPredicate(text: string, start: number, end: number): Predicate | null {
  const lower = text.toLowerCase();
  const { folded, offsets } = foldWithOffsets(text);
  let best: { predicate: Predicate; distance: number } | null = null;
  const consider = (predicate: Predicate, at: number, len: number) => {
    const distance = at >= end ? at - end : at + len <= start ? (start - (at + len)) * 1.5 : 0;
    if (!best || distance < best.distance) best = { predicate, distance };
  };
  for (const p of PREDICATES) {
    p.en.lastIndex = 0;
    for (let m = p.en.exec(lower); m; m = p.en.exec(lower)) consider(p.predicate, m.index, m[0].length);
    for (const f of p.fa) {
      const key = foldForSearch(f);
      for (let at = folded.indexOf(key); at >= 0; at = folded.indexOf(key, at + 1)) {
        consider(p.predicate, offsets[at]!, offsets[at + key.length]! - offsets[at]!);
      }
    }
  }
  return (best as { predicate: Predicate } | null)?.predicate ?? null;
}
