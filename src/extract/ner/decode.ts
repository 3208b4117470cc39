// BILOU tag set and constrained first-order Viterbi decoding.
// Tag 0 is O; entity type k has B = 1+4k, I = 2+4k, L = 3+4k, U = 4+4k.

export const TAG_O = 0;

export function tagCount(types: number): number {
  return 1 + 4 * types;
}

/** 0 B, 1 I, 2 L, 3 U, -1 O. */
export function tagPart(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) & 3;
}

export function tagType(tag: number): number {
  return tag === 0 ? -1 : (tag - 1) >> 2;
}

/** Whether tag `cur` may follow `prev` (-1 = sentence start). */
export function allowedTransition(prev: number, cur: number): boolean {
  const pp = prev < 0 ? -1 : tagPart(prev);
  const cp = tagPart(cur);
  if (pp === 0 || pp === 1) return (cp === 1 || cp === 2) && tagType(prev) === tagType(cur); // after B/I: I or L of the same type
  return cp === -1 || cp === 0 || cp === 3; // after O/L/U/start: O, B or U
}

export function allowedEnd(tag: number): boolean {
  const p = tagPart(tag);
  return p === -1 || p === 2 || p === 3;
}

/** Allowed BILOU moves: for each tag, the list of tags that may precede it. */
export interface MoveTable {
  T: number;
  startAllowed: Uint8Array; // T
  predOffsets: Int32Array; // T + 1
  preds: Int32Array;
}

/** The table of allowed moves for T tags. */
export function allowedTable(T: number): MoveTable {
  const startAllowed = new Uint8Array(T);
  const predOffsets = new Int32Array(T + 1);
  const preds: number[] = [];
  for (let t = 0; t < T; t++) {
    startAllowed[t] = allowedTransition(-1, t) ? 1 : 0;
    predOffsets[t] = preds.length;
    for (let p = 0; p < T; p++) if (allowedTransition(p, t)) preds.push(p);
  }
  predOffsets[T] = preds.length;
  return { T, startAllowed, predOffsets, preds: Int32Array.from(preds) };
}

/**
 * Best tag sequence under emission scores `em` (n x T, row-major), transition scores
 * `trans` (T x T, prev-major), start and end scores; invalid BILOU moves are excluded.
 * Writes tags into `out`. `back` is scratch of at least n*T bytes.
 */
export function viterbi(
  em: Float32Array,
  n: number,
  T: number,
  trans: Float32Array,
  start: Float32Array,
  end: Float32Array,
  moves: MoveTable,
  out: Int32Array,
  back: Uint8Array,
  cur: Float64Array,
  prev: Float64Array,
): void {
  if (n === 0) return;
  const po = moves.predOffsets;
  const pl = moves.preds;
  for (let t = 0; t < T; t++) prev[t] = moves.startAllowed[t] ? start[t]! + em[t]! : -Infinity;
  for (let i = 1; i < n; i++) {
    const row = i * T;
    for (let t = 0; t < T; t++) {
      let best = -Infinity;
      let arg = 0;
      for (let q = po[t]!; q < po[t + 1]!; q++) {
        const p = pl[q]!;
        const s = prev[p]! + trans[p * T + t]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      cur[t] = best + em[row + t]!;
      back[row + t] = arg;
    }
    for (let t = 0; t < T; t++) prev[t] = cur[t]!;
  }
  finishPath(prev, end, back, out, n, T);
}

/** Scratch of viterbiBilou for T tags, reusable across sentences. */
export interface BilouScratch {
  /** Highest transition score into each tag from any tag that may precede an O, B or U. */
  maxIn: Float64Array;
  cur: Float64Array;
  prev: Float64Array;
}

/** Scratch for viterbiBilou; `trans` is the model's T x T transition table. */
export function bilouScratch(T: number, trans: Float32Array): BilouScratch {
  const maxIn = new Float64Array(T).fill(-Infinity);
  for (let t = 0; t < T; t++) {
    for (let p = 0; p < T; p++) {
      // the tags after which O, B and U may come: O, L and U (p = 0, 3, 4, 7, 8, ...)
      if (p !== 0 && ((p - 1) & 3) < 2) continue;
      maxIn[t] = Math.max(maxIn[t]!, trans[p * T + t]!);
    }
  }
  return { maxIn, cur: new Float64Array(T), prev: new Float64Array(T) };
}

/**
 * The same tags as `viterbi` with the BILOU move table of tagCount(types) tags, ties
 * included, with less work: O, B and U follow O, L or U (one shared set of 1 + 2 x types
 * tags), I and L follow the B or I of their own type. For O, B and U the best previous
 * tag is nearly always the best-scoring one so far; the others are skipped when even the
 * highest transition into the tag cannot lift them to its score (sums of doubles round
 * monotonically, so a skipped tag is strictly worse, never a tie).
 */
export function viterbiBilou(
  em: Float32Array,
  n: number,
  T: number,
  trans: Float32Array,
  start: Float32Array,
  end: Float32Array,
  out: Int32Array,
  back: Uint8Array,
  scratch: BilouScratch,
): void {
  if (n === 0) return;
  const maxIn = scratch.maxIn;
  let prev = scratch.prev;
  let cur = scratch.cur;
  for (let t = 0; t < T; t++) {
    const part = t === 0 ? -1 : (t - 1) & 3;
    prev[t] = part === -1 || part === 0 || part === 3 ? start[t]! + em[t]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const row = i * T;
    // best and second-best previous score among O, L and U (first best on ties, as viterbi)
    let p1 = 0;
    let v1 = prev[0]!;
    let v2 = -Infinity;
    for (let p = 3; p < T; p += 4) {
      const a = prev[p]!;
      if (a > v1) {
        v2 = v1;
        v1 = a;
        p1 = p;
      } else if (a > v2) v2 = a;
      const b = prev[p + 1]!;
      if (b > v1) {
        v2 = v1;
        v1 = b;
        p1 = p + 1;
      } else if (b > v2) v2 = b;
    }
    const p1Row = p1 * T;
    for (let t = 0; t < T; t++) {
      const part = t === 0 ? -1 : (t - 1) & 3;
      let best = -Infinity;
      let arg = 0;
      if (part === -1 || part === 0 || part === 3) {
        const s1 = v1 + trans[p1Row + t]!;
        if (v2 + maxIn[t]! < s1) {
          best = s1;
          arg = p1;
        } else {
          // the full scan in viterbi's order: O, then L and U of each type
          let s = prev[0]! + trans[t]!;
          if (s > best) best = s;
          for (let p = 3; p < T; p += 4) {
            s = prev[p]! + trans[p * T + t]!;
            if (s > best) {
              best = s;
              arg = p;
            }
            s = prev[p + 1]! + trans[(p + 1) * T + t]!;
            if (s > best) {
              best = s;
              arg = p + 1;
            }
          }
        }
      } else {
        // I or L: after the B or I of the same type
        const b = t - part;
        const s = prev[b]! + trans[b * T + t]!;
        if (s > best) {
          best = s;
          arg = b;
        }
        const s2 = prev[b + 1]! + trans[(b + 1) * T + t]!;
        if (s2 > best) {
          best = s2;
          arg = b + 1;
        }
      }
      cur[t] = best + em[row + t]!;
      back[row + t] = arg;
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  finishPath(prev, end, back, out, n, T);
}

/** Convert IOB2 labels of one type set to BILOU tag ids ("B-PER" -> B of PER's index). */
export function iobToBilou(labels: readonly string[], typeIndex: (type: string) => number): Int32Array {
  const n = labels.length;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const lab = labels[i]!;
    if (lab === 'O' || lab.length < 3) continue;
    const k = typeIndex(lab.slice(2));
    if (k < 0) continue;
    const isBegin = lab[0] === 'B' || i === 0 || labels[i - 1] === 'O' || labels[i - 1]!.slice(2) !== lab.slice(2);
    const next = i + 1 < n ? labels[i + 1]! : 'O';
    const continues = next[0] === 'I' && next.slice(2) === lab.slice(2);
    const part = isBegin ? (continues ? 0 : 3) : continues ? 1 : 2;
    out[i] = 1 + 4 * k + part;
  }
  return out;
}

/** Entity spans [start, end) in token indices with their type, from BILOU tags. */
export function bilouSpans(tags: ArrayLike<number>, n: number): Array<{ start: number; end: number; type: number }> {
  const spans: Array<{ start: number; end: number; type: number }> = [];
  let open = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i]!;
    const part = tagPart(t);
    if (part === 3) spans.push({ start: i, end: i + 1, type: tagType(t) });
    else if (part === 0) open = i;
    else if (part === 2 && open >= 0) {
      spans.push({ start: open, end: i + 1, type: tagType(t) });
      open = -1;
    } else if (part === -1) open = -1;
  }
  return spans;
}

/** Picks the best last tag that may end a sentence (first of equals), then follows `back` to the start. */
function finishPath(prev: Float64Array, end: Float32Array, back: Uint8Array, out: Int32Array, n: number, T: number): void {
  let best = -Infinity;
  let arg = 0;
  for (let t = 0; t < T; t++) {
    if (!allowedEnd(t)) continue;
    const s = prev[t]! + end[t]!;
    if (s > best) {
      best = s;
      arg = t;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]!]!;
}
