// Anchoring rules for dates written without a year, weekdays and bare month names. They use the
// publication date only (never the clock). A future-tense cue in the clause before the expression
// ("will meet on Friday", "is scheduled for March 3") turns the search forward.
import { addDays, isValidYmd, toDayNumber, weekday, type Ymd } from './calendar.js';
import type { Context } from './engine.js';

// The nearest tense marker before the expression, in the same sentence, decides: "said Tuesday"
// is past, "will vote Tuesday" is future. Without any marker the expression is taken as past.
const TENSE_EN = /\b(?:(will|won't|'ll|shall|going to|plans? to|planned|scheduled|slated|set to|is to|are to|expects?|expected|upcoming|would|wants? to|hopes? to|intends? to|until|through|as soon as|as early as|payable|of record|effective|due|expires?|matures?|to (?:resume|begin|start|meet|leave|arrive|visit|hold|open|vote|return))|(was|were|had|did|said|says|ago|told|[a-z]{3,}ed))\b/gi;
const TENSE_FA = /(خواهد|خواهند|خواهیم|خواهم|خواهی|قرار است|قرار بود|می\u200c?شود|برگزار می|آینده)|(بود|بودند|شد|شدند|کرد|کردند|گفت|گذشته|پیش)/g;

/** True when the clause before the expression talks about the future. */
export function hasFutureCue(ctx: Context, lang: 'en' | 'fa'): boolean {
  if (lang === 'fa') {
    // Persian puts the verb last: the first tense marker after the expression, in its clause,
    // decides («جلسه ۲۰ خرداد برگزار می‌شود»); without one, the clause before it does.
    let after = ctx.folded.slice(ctx.end, ctx.end + 60);
    const stop = after.search(/[.!?؟؛\n]/);
    if (stop >= 0) after = after.slice(0, stop);
    TENSE_FA.lastIndex = 0;
    const m = TENSE_FA.exec(after);
    if (m) return m[1] !== undefined;
  }
  let before = ctx.folded.slice(Math.max(0, ctx.start - 70), ctx.start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('. '));
  if (stop >= 0) before = before.slice(stop + 1);
  const re = lang === 'en' ? TENSE_EN : TENSE_FA;
  re.lastIndex = 0;
  let future = false;
  for (let m = re.exec(before); m; m = re.exec(before)) future = m[1] !== undefined;
  return future;
}

const NEAR_FUTURE_DAYS = 10;
const FUTURE_SLACK_DAYS = 15;

/**
 * A day written without a year. With a weekday, the year (from the anchor year +1 down to -10)
 * whose date falls on that weekday, nearest the anchor; without one, the anchor year if that puts
 * the date at or before publication (or at most 10 days after it), else the previous year; under
 * a future cue, the next occurrence.
 */
export function resolveYearlessDay(month: number, day: number, wd: number | null, ctx: Context, future: boolean): Ymd | null {
  const a = ctx.anchor;
  if (!a) return null;
  if (wd !== null) {
    let best: Ymd | null = null;
    let bestDist = Infinity;
    for (let y = a.y + 1; y >= a.y - 10; y--) {
      if (!isValidYmd(y, month, day)) continue;
      const cand = { y, m: month, d: day };
      if (weekday(cand) !== wd) continue;
      const dist = Math.abs(toDayNumber(cand) - toDayNumber(a));
      if (dist < bestDist) {
        best = cand;
        bestDist = dist;
      }
    }
    if (best) return best;
  }
  if (ctx.anchorPrecision === 'year') return isValidYmd(a.y, month, day) ? { y: a.y, m: month, d: day } : null;
  const anchorDay = toDayNumber(a);
  const near = (y: number): number => (isValidYmd(y, month, day) ? toDayNumber({ y, m: month, d: day }) - anchorDay : NaN);
  if (future) {
    // The next occurrence, unless the date was only just before publication ("will appeal the Oct. 19 ruling").
    for (const y of [a.y - 1, a.y, a.y + 1]) if (near(y) >= -FUTURE_SLACK_DAYS) return { y, m: month, d: day };
    return null;
  }
  // At or before publication, except a date a few days after it ("Jan. 14" in a paper of Jan. 7),
  // which is nearer than the same day a year before.
  for (const y of [a.y + 1, a.y, a.y - 1, a.y - 2]) {
    const diff = near(y);
    if (diff <= NEAR_FUTURE_DAYS) return isValidYmd(y, month, day) ? { y, m: month, d: day } : null;
  }
  return null;
}

/** A month name without a year: this year's if not after publication, else last year's (or forward under a future cue). */
export function resolveBareMonth(month: number, ctx: Context, future: boolean): number | null {
  const a = ctx.anchor;
  if (!a) return null;
  if (ctx.anchorPrecision === 'year') return a.y;
  if (future) return month < a.m ? a.y + 1 : a.y;
  return month > a.m ? a.y - 1 : a.y;
}

/** A weekday name: the nearest such day at or before publication, or after it under a future cue. */
export function resolveWeekday(wd: number, ctx: Context, future: boolean): Ymd | null {
  const a = ctx.anchor;
  if (!a || ctx.anchorPrecision !== 'day') return null;
  const diff = (wd - weekday(a) + 7) % 7;
  if (future) return addDays(a, diff);
  return addDays(a, diff === 0 ? 0 : diff - 7);
}
