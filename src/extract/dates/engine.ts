// The rule engine shared by the English and Persian date extractors: every rule's regex is run
// over the text, overlapping candidates are settled longest-first, and the survivors are resolved
// left to right so that anaphoric expressions ("the following year") can see the last explicit date.
import { parseIsoAnchor, type Ymd } from './calendar.js';
import type { Calendar, DateSpan, Granularity } from './types.js';

export interface Resolved {
  value: string | null;
  granularity: Granularity;
  calendar?: Calendar;
  original?: string;
  timeml?: string;
  confidence: number;
  /** A fully specified date that later anaphoric expressions may be resolved against. */
  reference?: Ymd;
  /** Trim the span: characters to drop at the start / end of the match. */
  trimStart?: number;
  trimEnd?: number;
}

export interface Context {
  text: string;
  /** The source text with letters/digits folded one-for-one (same length), which the regexes see. */
  folded: string;
  anchor: Ymd | null;
  anchorPrecision: 'day' | 'month' | 'year' | null;
  /** The last explicit date mentioned so far (or the anchor) and how much of it was written. */
  reference: Ymd | null;
  referencePrecision: 'day' | 'month' | 'year' | null;
  /** The last fiscal quarter mentioned ("third quarter"), for "a year earlier" in earnings reports. */
  lastQuarter: { y: number; q: number } | null;
  /** Offset of the current match, for context look-ups. */
  start: number;
  end: number;
}

export interface Rule {
  name: string;
  re: RegExp; // must carry the g flag
  resolve(m: RegExpExecArray, ctx: Context): Resolved | null;
}

interface Candidate {
  start: number;
  end: number;
  rule: Rule;
  order: number;
  m: RegExpExecArray;
}

const longestFirst = (a: Candidate, b: Candidate): number => b.end - b.start - (a.end - a.start) || a.start - b.start || a.order - b.order;

export function runRules(text: string, folded: string, rules: Rule[], anchorIso: string | null): DateSpan[] {
  const cands: Candidate[] = [];
  rules.forEach((rule, order) => {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(folded); m !== null; m = rule.re.exec(folded)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++;
        continue;
      }
      cands.push({ start: m.index, end: m.index + m[0].length, rule, order, m });
    }
  });
  cands.sort(longestFirst);
  // Longest first; a candidate is kept when none of its characters is taken. Marking characters
  // keeps this linear in the matched length, even for texts with a million candidates.
  const taken = new Uint8Array(text.length);
  const chosen: Candidate[] = [];
  for (const c of cands) {
    let free = true;
    for (let i = c.start; i < c.end; i++) {
      if (taken[i]) {
        free = false;
        break;
      }
    }
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);
  const anchor = parseIsoAnchor(anchorIso);
  const ctx: Context = {
    text,
    folded,
    anchor: anchor?.ymd ?? null,
    anchorPrecision: anchor?.precision ?? null,
    reference: anchor?.ymd ?? null,
    referencePrecision: anchor?.precision ?? null,
    lastQuarter: null,
    start: 0,
    end: 0,
  };
  const out: DateSpan[] = [];
  // A rule that declines its match frees its characters for the shorter candidates under it
  // ("on 3 March and 31 May" is not a range: the two dates come back). They wait in `pending`
  // (sorted by start) and are resolved in text order with the rest.
  const rejected = new Set<Candidate>();
  const byStart = [...cands].sort((a, b) => a.start - b.start);
  let maxLen = 0;
  for (const c of cands) maxLen = Math.max(maxLen, c.end - c.start);
  const pending: Candidate[] = [];
  let next = 0;
  while (next < chosen.length || pending.length > 0) {
    const c = pending.length > 0 && (next >= chosen.length || pending[0].start <= chosen[next].start) ? pending.shift()! : chosen[next++];
    ctx.start = c.start;
    ctx.end = c.end;
    const r = c.rule.resolve(c.m, ctx);
    if (!r) {
      rejected.add(c);
      taken.fill(0, c.start, c.end);
      let lo = 0;
      let hi = byStart.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byStart[mid].start < c.start - maxLen) lo = mid + 1;
        else hi = mid;
      }
      const under: Candidate[] = [];
      for (let k = lo; k < byStart.length && byStart[k].start < c.end; k++) {
        const o = byStart[k];
        if (o.end > c.start && !rejected.has(o)) under.push(o);
      }
      under.sort(longestFirst);
      for (const o of under) {
        let free = true;
        for (let k = o.start; k < o.end; k++) {
          if (taken[k]) {
            free = false;
            break;
          }
        }
        if (!free) continue;
        taken.fill(1, o.start, o.end);
        pending.push(o);
      }
      pending.sort((a, b) => a.start - b.start);
      continue;
    }
    let start = c.start + (r.trimStart ?? 0);
    let end = c.end - (r.trimEnd ?? 0);
    // Optional joiners at the ends of a pattern can leave a space or ZWNJ inside the match.
    while (start < end && /[\s\u200c]/.test(text[start])) start++;
    while (end > start && /[\s\u200c]/.test(text[end - 1])) end--;
    if (end <= start) continue;
    if (r.reference) {
      ctx.reference = r.reference;
      ctx.referencePrecision = r.granularity === 'year' ? 'year' : r.granularity === 'month' ? 'month' : 'day';
    }
    const span: DateSpan = {
      start,
      end,
      text: text.slice(start, end),
      value: r.value,
      granularity: r.granularity,
      calendar: r.calendar ?? 'gregorian',
      confidence: r.confidence,
    };
    if (r.original !== undefined) span.original = r.original;
    if (r.timeml !== undefined) span.timeml = r.timeml;
    out.push(span);
  }
  return out.sort((a, b) => a.start - b.start);
}
