// English quantities: "1,200", "a quarter-million", "some forty thousand", "tens of thousands",
// with qualifiers ("more than", "about", "up to") and the counted noun that follows.
import { EN_NUMBER_PHRASE, parseEnglishNumber } from './number-words.js';
import type { Qualifier, QuantitySpan } from './types.js';

const SCALE = '(?:hundred|thousand|million|billion|trillion)';
const DIGITS = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:[- ]${SCALE}\\b)*`;
const WORDS = `(?:${EN_NUMBER_PHRASE})(?:[- ]${SCALE}\\b)*`;
const FRACTION = `(?:(?:a|one)[- ](?:quarter|half|third)[- ](?:of[- ]a[- ])?(?:million|billion|thousand)|half[- ]a[- ](?:million|billion|dozen)|an?[- ](?:hundred|thousand|million|billion|dozen)(?:[- ]${SCALE})*)`;
const VAGUE = `(?:(?:tens|hundreds|thousands|millions|dozens|scores)(?:\\s+of\\s+(?:thousands|millions))?|(?:several|a few|a couple of|some|many)\\s+(?:hundred|thousand|million|dozen)(?:\\s+thousand)?|(?:several|a few|some|many)\\s+hundreds\\s+of\\s+thousands)`;
const CORE = `(?:${FRACTION}|${VAGUE}|${DIGITS}|${WORDS})`;

const NUMBER = new RegExp(`(?<![\\w.,/:\u2013-])(\\$\\s?|US\\$\\s?|£\\s?|€\\s?)?(${CORE})(?![\\w]|[.,]\\d|:\\d|/\\d)`, 'gi');
const RANGE_TAIL = new RegExp(`^\\s*(?:-|–|to|or|and)\\s*(?:\\$\\s?)?(${CORE})(?![\\w]|[.,]\\d)`, 'i');

const QUALIFIERS: [RegExp, Qualifier][] = [
  [/\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|not less than|a minimum of|exceeding|over and above)\s+$/i, 'at_least'],
  [/\b(?:up to|fewer than|less than|at most|no more than|not more than|as many as|under|a maximum of|below|as much as)\s+$/i, 'at_most'],
  [/\b(?:about|around|some|nearly|roughly|approximately|almost|close to|an estimated|estimated|circa|approx\.|around about|perhaps|possibly|reportedly|just over|just under|more or less|between|from)\s+$/i, 'approximately'],
];

/** Vague amounts: the range each stands for. */
const VAGUE_RANGES: [RegExp, number, number][] = [
  [/^tens of thousands$/i, 20000, 90000],
  [/^hundreds of thousands$/i, 200000, 900000],
  [/^tens of millions$/i, 20e6, 90e6],
  [/^hundreds of millions$/i, 200e6, 900e6],
  [/^(?:several|a few|some|many) hundreds of thousands$/i, 200000, 900000],
  [/^dozens$/i, 24, 99],
  [/^scores$/i, 40, 99],
  [/^hundreds$/i, 200, 999],
  [/^thousands$/i, 2000, 9999],
  [/^millions$/i, 2e6, 9.99e6],
  [/^tens$/i, 20, 90],
  [/^(?:a couple of|a few) hundred$/i, 200, 500],
  [/^(?:a couple of|a few) thousand$/i, 2000, 5000],
  [/^(?:several|some|many) hundred$/i, 300, 900],
  [/^(?:several|some|many) thousand$/i, 3000, 9000],
  [/^(?:a few|several|some|many) million$/i, 2e6, 9e6],
  [/^(?:a few|several|some|many) dozen$/i, 24, 99],
  [/^(?:several|a few|some|many) hundred thousand$/i, 200000, 900000],
];

const TIME_UNIT = /^(?:seconds?|minutes?|hours?|days?|weeks?|weekends?|months?|years?|decades?|centuries|century|a\.m\.?|p\.m\.?|am|pm|o'clock|GMT|EST|EDT|BST|UTC|years?-old|st|nd|rd|th)\b/i;
// Gregorian months, and Solar Hijri months in Latin letters ("26 Tir 1362"; capitalised, as names).
const SH_LATIN = 'Farvardin|Ordibehesht|Ardibehesht|Khordad|Tir|Mordad|Amordad|Shahrivar|Mehr|Aban|Azar|Dey|Bahman|Esfand|Isfand';
const MONTH = new RegExp(`^(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|${SH_LATIN})\\b\\.?`);
const MONTH_BEFORE = new RegExp(`\\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|${SH_LATIN})\\.?\\s+(?:\\d{1,2},?\\s+)?$`);
const UNIT_WORDS = 'one|two|three|four|five|six|seven|eight|nine';
/** "one five-minute call": two unit words in a row are two numbers, not their sum. */
const TWO_UNITS = new RegExp(`\\b(?:${UNIT_WORDS})[- ](?:${UNIT_WORDS})\\b`, 'i');

const STOP = new Set(['and', 'or', 'of', 'in', 'on', 'at', 'to', 'the', 'a', 'an', 'were', 'was', 'are', 'is', 'be', 'been', 'have', 'has', 'had', 'who', 'which', 'that', 'by', 'for', 'from', 'with', 'as', 'than', 'per', 'said', 'more', 'have', 'will', 'would', 'could', 'in', 'into', 'out', 'up', 'it', 'they', 'he', 'she', 'we', 'you', 'i', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'other', 'others', 'times', 'each', 'about', 'around', 'nearly', 'almost', 'roughly', 'approximately', 'some', 'over', 'under', 'whom', 'whose', 'what', 'all', 'both', 'remained', 'remain', 'among', 'since', 'after', 'before', 'during', 'while', 'when', 'where', 'if', 'but', 'so', 'not', 'no']);

function vagueRange(core: string): [number, number] | null {
  const c = core.replace(/\s+/g, ' ').trim();
  for (const [re, lo, hi] of VAGUE_RANGES) if (re.test(c)) return [lo, hi];
  return null;
}

/** "1,200" -> 1200, "1.5 million" -> 1500000, "a quarter-million" -> 250000, "forty thousand" -> 40000. */
export function parseEnglishAmount(core: string): number | null {
  const c = core.toLowerCase().replace(/,(?=\d{3})/g, '').trim();
  const frac = /^(?:a|one)[- ](quarter|half|third)[- ](?:of[- ]a[- ])?(million|billion|thousand)$/.exec(c);
  if (frac) return { quarter: 0.25, half: 0.5, third: 1 / 3 }[frac[1] as 'half'] * { thousand: 1e3, million: 1e6, billion: 1e9 }[frac[2] as 'million'];
  const half = /^half[- ]a[- ](million|billion|dozen)$/.exec(c);
  if (half) return 0.5 * { million: 1e6, billion: 1e9, dozen: 12 }[half[1] as 'million'];
  return parseEnglishNumber(c);
}

/** The counted noun after a number: "1,200 political prisoners" -> "prisoners". */
function countedNoun(after: string): { unit: string | null; length: number } {
  const pct = /^\s*(?:%|percent\b|per cent\b)/i.exec(after);
  if (pct) return { unit: 'percent', length: pct[0].length };
  const m = /^([ \t]+(?:of[ \t]+(?:the[ \t]+|these[ \t]+|those[ \t]+|their[ \t]+)?)?)((?:[A-Za-z][a-z'-]*)(?:[ \t]+[a-z][a-z'-]*){0,2})/.exec(after);
  if (!m) return { unit: null, length: 0 };
  const words = m[2].split(/\s+/);
  let taken = 0;
  let unit: string | null = null;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (STOP.has(lw) || /^[A-Z]/.test(w)) break;
    taken++;
    if (/(?:s|people|men|children|police|staff|personnel|militia|clergy|livestock|cattle|population)$/.test(lw) && !/(?:ous|ss|us|is)$/.test(lw)) {
      unit = lw;
      break;
    }
    if (taken === 1 && words.length === 1) unit = lw;
  }
  if (!unit && taken > 0) unit = words[0].toLowerCase();
  if (!unit) return { unit: null, length: 0 };
  const idx = m[2].toLowerCase().indexOf(unit);
  return { unit, length: m[1].length + idx + unit.length };
}

export function extractEnglishQuantities(text: string): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  NUMBER.lastIndex = 0;
  let consumedUntil = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    if (m.index < consumedUntil) continue;
    const currency = m[1]?.trim() ?? null;
    const core = m[2];
    let start = m.index;
    let end = m.index + m[0].length;
    const before = text.slice(Math.max(0, start - 30), start);
    let after = text.slice(end, end + 60);
    // Dates, times and ordinals are not quantities.
    if (TIME_UNIT.test(after.trimStart()) && !/^\s*(?:of\s)/.test(after)) continue;
    if (/^(?:'?s)\b/.test(after)) continue; // "1990s"
    if (MONTH.test(after.trimStart()) && /^\d{1,2}$/.test(core) && /^\s/.test(after)) continue;
    if (MONTH_BEFORE.test(before) && /^\d{1,4}$/.test(core)) continue;
    if (/(?:No\.|#|number|page|article|section|chapter|room|flight|route|resolution|paragraph|Article|Resolution)\s*$/i.test(before)) continue;
    // "1358 (1979–80)": a year with its Gregorian equivalent; "five-minute": a duration.
    if (/^\d{4}$/.test(core) && /^\s*\(\d{4}/.test(after)) continue;
    if (/^-(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\b/i.test(after)) continue;
    if (TWO_UNITS.test(core)) continue;
    if (/^\d{4}$/.test(core) && Number(core) >= 1600 && Number(core) <= 2100 && !currency) {
      const cn = countedNoun(after);
      // "2003 results", "the 2005 target": a year used as an adjective. Only a plural noun of
      // people or things ("1500 troops") makes a four-digit year-like number a count.
      if (!cn.unit || cn.unit === 'percent' || !/(?:s|people|men|children|police)$/.test(cn.unit)) continue;
      if (/^(?:results|profits|figures|sales|earnings|elections|levels|prices|rates|accounts|games|olympics|protests|talks|finals|awards|accords|riots|events|games|models|figures|numbers|statistics|losses|revenues|returns|exams|polls)$/.test(cn.unit)) continue;
    }
    const vr = vagueRange(core);
    let value: number | null = vr ? vr[0] : parseEnglishAmount(core);
    let valueMax: number | null = vr ? vr[1] : null;
    if (value === null) continue;
    if (!vr && /^(?:one|a|an)$/i.test(core)) continue; // "one of", "a": not a count worth a claim
    // A range: "20 to 30", "20-30", "between 20 and 30".
    const rt = RANGE_TAIL.exec(after);
    let qualifier: Qualifier = vr ? 'approximately' : 'exact';
    if (rt && (!/^\s*and/i.test(rt[0]) || /\bbetween\s+$/i.test(before))) {
      const hi = parseEnglishAmount(rt[1]);
      if (hi !== null && hi > value) {
        let lo = value;
        // "20 to 30 thousand": the scale of the high end applies to the low end too.
        if (/^\d+(?:\.\d+)?$/.test(core) && hi >= 1000 && lo < hi / 100) {
          const scale = /thousand|million|billion/i.exec(rt[1]);
          if (scale) lo *= { thousand: 1e3, million: 1e6, billion: 1e9 }[scale[0].toLowerCase() as 'thousand'];
        }
        value = lo;
        valueMax = hi;
        end += rt[0].length;
        after = text.slice(end, end + 60);
        qualifier = 'approximately';
        if (MONTH.test(after.trimStart()) && /^\s/.test(after)) continue; // "between 15 and 18 November": dates
      }
    }
    // "a quarter-million", "half a million": a fraction of a large scale is a round estimate.
    if (qualifier === 'exact' && /^(?:a|one|half)[- ](?:quarter|half|third|a)[- ](?:of[- ]a[- ])?(?:thousand|million|billion)$/i.test(core)) qualifier = 'approximately';
    // The longest qualifier wins: "no more than" (at most) over "more than" (at least).
    let best: [RegExpExecArray, Qualifier] | null = null;
    for (const [re, q] of QUALIFIERS) {
      const qm = re.exec(before);
      if (qm && (!best || qm[0].length > best[0][0].length)) best = [qm, q];
    }
    if (best) {
      const [qm, q] = best;
      qualifier = q === 'approximately' && /between|from/i.test(qm[0]) && valueMax === null ? qualifier : q;
      if (!(/between|from/i.test(qm[0]) && valueMax === null)) start -= qm[0].length;
    }
    if (/^\s*(?:or more|and more|plus|or so)\b/i.test(after)) {
      const om = /^\s*(?:or more|and more|plus|or so)\b/i.exec(after)!;
      qualifier = /so/.test(om[0]) ? 'approximately' : 'at_least';
      end += om[0].length;
      after = text.slice(end, end + 60);
    }
    if (/\+$/.test(text.slice(end, end + 1))) {
      qualifier = 'at_least';
      end += 1;
      after = text.slice(end, end + 60);
    }
    let unit: string | null = currency ? currency.replace(/\s/g, '') : null;
    if (!unit) {
      const cn = countedNoun(after);
      if (cn.unit && TIME_UNIT.test(cn.unit)) continue;
      if (cn.unit) {
        unit = cn.unit;
        end += cn.length;
      }
    }
    consumedUntil = end;
    out.push({ start, end, text: text.slice(start, end), value, valueMax, qualifier, unit, confidence: unit ? 0.8 : 0.6 });
  }
  return out;
}
