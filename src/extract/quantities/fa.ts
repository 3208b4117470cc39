// Persian quantities: "۱٬۲۰۰", "۳۰ هزار", "سی هزار", "صدها", "ده‌ها هزار", with qualifiers
// (بیش از، حدود، نزدیک به، کمتر از) and the counted noun (نفر، زندانی، «۳۰ نفر از زندانیان»).
// Runs on foldArabicScript(text): ASCII digits, Persian yeh/keheh, same offsets.
import { FA_NUMBER_PHRASE, parsePersianNumber } from './number-words.js';
import type { Qualifier, QuantitySpan } from './types.js';

const J = '[ \\t\\u00a0\\u200c]*'; // never across a line break
const SCALE = '(?:هزار|میلیون|ملیون|میلیارد)';
const DIGITS = `(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)(?:${J}${SCALE})*`;
const VAGUE = `(?:(?:ده|صد|هزار|میلیون)${J}ها(?:${J}${SCALE})?|هزاران|صدها|میلیون${J}ها|چند${J}(?:صد|هزار|میلیون|ده)(?:${J}${SCALE})?|چندین${J}(?:صد|هزار|میلیون)(?:${J}${SCALE})?)`;
const WORDS = `(?:${FA_NUMBER_PHRASE})(?:${J}و${J}${FA_NUMBER_PHRASE})*(?:${J}${SCALE})*`;
const CORE = `(?:${VAGUE}|${DIGITS}|${WORDS})`;
// Arabic-script letters and marks without the punctuation (، ؛ ؟), so «چهار هزار،» ends at the comma.
const AL = '\\u0610-\\u061a\\u0620-\\u065f\\u066e-\\u06d3\\u06d5-\\u06ff';
const NUMBER = new RegExp(`(?<![${AL}\\w.,/:]|[A-Za-z]-)(${CORE})(?![${AL}]|\\u200c[${AL}]|[.,/:]\\d|\\d)`, 'g');
const RANGE_TAIL = new RegExp(`^${J}(?:تا|الی|-|–|یا)${J}(${CORE})(?![${AL}]|\\u200c[${AL}]|\\d)`);

const QUALIFIERS: [RegExp, Qualifier][] = [
  [new RegExp(`(?:بیش${J}از|بیشتر${J}از|افزون${J}بر|بالغ${J}بر|حداقل|دست${J}کم|متجاوز${J}از|بالای|بالاتر${J}از)${J}$`), 'at_least'],
  [new RegExp(`(?:کمتر${J}از|حداکثر|کم${J}تر${J}از|زیر|تا${J}سقف|نهایتا)${J}$`), 'at_most'],
  [new RegExp(`(?:حدود|حدودا|در${J}حدود|نزدیک${J}به|قریب${J}به|تقریبا|بین|حدودی|مثلا|شاید)${J}$`), 'approximately'],
];

const VAGUE_RANGES: [RegExp, number, number][] = [
  [new RegExp(`^ده${J}ها${J}هزار$`), 20000, 90000],
  [new RegExp(`^صد${J}ها${J}هزار$`), 200000, 900000],
  [new RegExp(`^ده${J}ها${J}میلیون$`), 20e6, 90e6],
  [new RegExp(`^(?:ده${J}ها)$`), 20, 90],
  [new RegExp(`^(?:صد${J}ها)$`), 200, 999],
  [new RegExp(`^(?:هزاران|هزار${J}ها)$`), 2000, 9999],
  [new RegExp(`^(?:میلیون${J}ها)$`), 2e6, 9.99e6],
  [new RegExp(`^(?:چند|چندین)${J}صد$`), 200, 900],
  [new RegExp(`^(?:چند|چندین)${J}هزار$`), 2000, 9000],
  [new RegExp(`^(?:چند|چندین)${J}ده$`), 20, 90],
  [new RegExp(`^(?:چند|چندین)${J}میلیون$`), 2e6, 9e6],
  [new RegExp(`^(?:چند|چندین)${J}صد${J}هزار$`), 200000, 900000],
];

const TIME_UNIT = /^[\s\u200c]*(?:ثانیه|دقیقه|ساعت|روز|شب|هفته|ماه|سال|دهه|قرن|فروردین|اردیبهشت|خرداد|تیر|مرداد|امرداد|شهریور|مهر|ابان|اذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|اوریل|مه|می|ژوئن|ژوئیه|جولای|اوت|اگوست|سپتامبر|اکتبر|نوامبر|دسامبر|محرم|صفر|ربیع|جمادی|رجب|شعبان|رمضان|شوال|ذی|ام|م|مین|ین|هجری|شمسی|میلادی|قمری|خورشیدی)(?![\u0600-\u06ff])/;
const MONTH_BEFORE = /(?:فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|ابان|اذر|دی|بهمن|اسفند|ژانویه|فوریه|مارس|اوریل|ژوئن|ژوئیه|جولای|اوت|اگوست|سپتامبر|اکتبر|نوامبر|دسامبر)(?:[ \u200c]*ماه)?[ \u200c]*(?:سال[ \u200c]*)?$/;
const foldedUnit = (u: string): string => u.replace(/\u064a/g, '\u06cc').replace(/\u0643/g, '\u06a9');
const CLASSIFIER = /^(?:نفر|تن|عدد|مورد|فقره|دستگاه|راس|قطعه|جلد|باب|واحد|خانوار|خانواده)$/;
const STOP = new Set(['و', 'در', 'از', 'به', 'که', 'را', 'با', 'تا', 'هم', 'این', 'ان', 'نیز', 'بر', 'برای', 'است', 'بود', 'شد', 'شده', 'اند', 'بودند', 'شدند', 'یا', 'هر', 'ها', 'های', 'می', 'نمی', 'کرد', 'کردند', 'دیگر', 'تن', 'یک', 'بیش', 'کمتر', 'حدود', 'هیچ', 'انان', 'انها', 'ایشان', 'اینان', 'ما', 'شما']);

function vagueRange(core: string): [number, number] | null {
  for (const [re, lo, hi] of VAGUE_RANGES) if (re.test(core.trim())) return [lo, hi];
  return null;
}

/** "1,200" -> 1200, "30 هزار" -> 30000, "سی هزار" -> 30000 (folded input). */
export function parsePersianAmount(core: string): number | null {
  const c = core.replace(/,(?=\d{3})/g, '').replace(/ملیون/g, 'میلیون').trim();
  return parsePersianNumber(c);
}

const WORD = new RegExp(`^([ \\t\\u00a0\\u200c]+)([${AL}][${AL}\\u200c]*)`);

/** "۳۰ نفر از زندانیان" -> "زندانیان"; "۱۲۰۰ زندانی" -> "زندانی"; "۳۰ نفر" -> "نفر". */
function countedNoun(after: string, original: string): { unit: string | null; length: number } {
  const pct = /^[\s\u200c]*(?:درصد|٪|%)/.exec(after);
  if (pct) return { unit: 'percent', length: pct[0].length };
  const w1 = WORD.exec(after);
  if (!w1) return { unit: null, length: 0 };
  const word1 = w1[2].replace(/\u200c$/, '');
  if (STOP.has(word1) && word1 !== 'تن') return { unit: null, length: 0 };
  const len1 = w1[1].length + word1.length;
  if (CLASSIFIER.test(word1)) {
    const of = new RegExp(`^[ \\t\\u200c]+از[ \\t\\u200c]+([${AL}][${AL}\\u200c]*)`).exec(after.slice(len1));
    if (of && !STOP.has(of[1])) {
      const len = len1 + of[0].length - (of[1].endsWith('\u200c') ? 1 : 0);
      return { unit: original.slice(len - of[1].replace(/\u200c$/, '').length, len), length: len };
    }
    return { unit: original.slice(w1[1].length, len1), length: len1 };
  }
  return { unit: original.slice(w1[1].length, len1), length: len1 };
}

export function extractPersianQuantities(text: string, folded: string): QuantitySpan[] {
  const out: QuantitySpan[] = [];
  NUMBER.lastIndex = 0;
  let consumedUntil = 0;
  for (let m = NUMBER.exec(folded); m; m = NUMBER.exec(folded)) {
    if (m.index < consumedUntil) continue;
    const core = m[1];
    let start = m.index;
    let end = m.index + m[0].length;
    const before = folded.slice(Math.max(0, start - 20), start);
    let after = folded.slice(end, end + 50);
    if (TIME_UNIT.test(after)) continue;
    if (/(?:سال|ساعت|شماره|ماده|بند|اصل|قطعنامه|صفحه|کد|پلاک|تاریخ|مورخ)[\s\u200c]*(?:های[\s\u200c]*)?$/.test(before)) continue;
    // "آبان ۱۳۹۸", "۲۴ آبان ۱۳۹۸": the number after a month name is a year.
    if (MONTH_BEFORE.test(before)) continue;
    if (/^\d{4}$/.test(core) && ((Number(core) >= 1250 && Number(core) < 1500) || (Number(core) >= 1900 && Number(core) <= 2100))) {
      // A year-like number counts only with a classifier or a plural noun: "۱۴۰۰ نفر", "۱۳۰۰ زندانیان".
      const cn = countedNoun(after, text.slice(end, end + 50));
    // «نه» is also "no / not" («شاید نه», «نه با زبان زور»): nine only before a counted noun.
    if (core.trim() === 'نه' && !(cn.unit && (CLASSIFIER.test(foldedUnit(cn.unit)) || /(?:ها|ان|ین|ی)$/.test(foldedUnit(cn.unit))))) continue;
      const unit = cn.unit ? foldedUnit(cn.unit) : '';
      if (!unit || unit === 'percent' || !(CLASSIFIER.test(unit) || /(?:ها|های|ان|ین)$/.test(unit)) || /^(?:هزاران|صدها|میلیون ها)$/.test(unit)) continue;
    }
    const vr = vagueRange(core);
    let value: number | null = vr ? vr[0] : parsePersianAmount(core);
    let valueMax: number | null = vr ? vr[1] : null;
    if (value === null) continue;
    if (!vr && /^(?:یک|یه)$/.test(core.trim())) continue; // "یک": mostly the article "a"
    let qualifier: Qualifier = vr ? 'approximately' : 'exact';
    const rt = RANGE_TAIL.exec(after);
    if (rt) {
      const hi = parsePersianAmount(rt[1]);
      if (hi !== null && hi > value && !TIME_UNIT.test(folded.slice(end + rt[0].length, end + rt[0].length + 12))) {
        let lo = value;
        if (/^\d+(?:\.\d+)?$/.test(core.trim()) && hi >= 1000 && lo < hi / 100) {
          const scale = /هزار|میلیون|میلیارد/.exec(rt[1]);
          if (scale) lo *= { هزار: 1e3, میلیون: 1e6, میلیارد: 1e9 }[scale[0] as 'هزار'];
        }
        value = lo;
        valueMax = hi;
        end += rt[0].length;
        after = folded.slice(end, end + 50);
        qualifier = 'approximately';
      }
    }
    for (const [re, q] of QUALIFIERS) {
      const qm = re.exec(before);
      if (qm) {
        if (/^بین/.test(qm[0]) && valueMax === null) break;
        qualifier = q;
        start -= qm[0].length;
        break;
      }
    }
    const cn = countedNoun(after, text.slice(end, end + 50));
    // «نه» is also "no / not" («شاید نه», «نه با زبان زور»): nine only before a counted noun.
    if (core.trim() === 'نه' && !(cn.unit && (CLASSIFIER.test(foldedUnit(cn.unit)) || /(?:ها|ان|ین|ی)$/.test(foldedUnit(cn.unit))))) continue;
    let unit: string | null = null;
    if (cn.unit) {
      unit = cn.unit;
      end += cn.length;
    }
    const tail = /^[\s\u200c]*(?:و[\s\u200c]*(?:بیشتر|بالاتر)|به[\s\u200c]*بالا)/.exec(folded.slice(end, end + 20));
    if (tail) {
      qualifier = 'at_least';
      end += tail[0].length;
    }
    consumedUntil = end;
    out.push({ start, end, text: text.slice(start, end), value, valueMax, qualifier, unit, confidence: unit ? 0.8 : 0.6 });
  }
  return out;
}
