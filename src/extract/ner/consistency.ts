// Document-level consistency (Persian): a name the tagger found once in a document is
// tagged again where it recurs untagged, and a person's surname alone ("کلانتری" after
// "داریوش کلانتری") counts as that person. The tagger sees one sentence at a time, and a
// name written without a cue ("آقای", "سازمان") in a later sentence is often missed there.
// Only untagged tokens are touched: the tagger's own spans are never retyped or cut.
import type { Token } from '../tokenize/tokenize.js';
import type { EntityType, WorkingEntity } from './extract.js';
import { persianCue } from './persian.js';
import { isTitleToken } from './titles.js';
import { foldWord } from './word-info.js';

/** Longest name (in tokens) carried over. */
const MAX_TOKENS = 5;
/** A carried-over mention is a little less sure than the one it copies. */
const CONFIDENCE_FACTOR = 0.9;

interface Known {
  votes: Map<EntityType, number>;
  confidence: number;
}

/** Whether a token can be part of a copied name: letters only, no punctuation or digits. */
function isNameToken(text: string): boolean {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 0x0621 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || (c >= 0x06fa && c <= 0x06ff) || c === 0x200c || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x064b && c <= 0x0655);
    if (!letter) return false;
  }
  return true;
}

/**
 * Add entities for untagged recurrences of names tagged elsewhere in the same document
 * (exact token sequence after letter folding; longest first), and for the surname of a
 * tagged person (its last word) standing alone. Returns the entities sorted by start.
 */
export function carryNamesThroughDocument(tokens: readonly Token[], entities: WorkingEntity[]): WorkingEntity[] {
  if (entities.length === 0) return entities;
  const n = tokens.length;
  const folded: Array<string | null> = new Array<string | null>(n).fill(null);
  const fold = (k: number): string => {
    let f = folded[k];
    if (f === null) {
      f = foldWord(tokens[k]!.text);
      folded[k] = f;
    }
    return f;
  };
  const known = new Map<string, Known>();
  const firstWords = new Set<string>(); // first word of every known name: most tokens stop here
  const note = (key: string, type: EntityType, confidence: number): void => {
    const space = key.indexOf(' ');
    firstWords.add(space < 0 ? key : key.slice(0, space));
    let k = known.get(key);
    if (!k) known.set(key, (k = { votes: new Map(), confidence: 0 }));
    k.votes.set(type, (k.votes.get(type) ?? 0) + 1);
    k.confidence = Math.max(k.confidence, confidence);
  };
  let longest = 0;
  for (const e of entities) {
    const len = e.end - e.start;
    if (len > MAX_TOKENS) continue;
    let ok = true;
    const parts: string[] = [];
    for (let k = e.start; k < e.end && ok; k++) {
      ok = isNameToken(tokens[k]!.text);
      parts.push(fold(k));
    }
    if (!ok) continue;
    // a lone word must look like a name, not a short function word or a title
    if (len === 1 && (parts[0]!.length < 3 || isTitleToken(tokens, e.start, 'fa') || persianCue(parts[0]!) !== 0)) continue;
    note(parts.join(' '), e.type, e.confidence);
    longest = Math.max(longest, len);
    if (e.type === 'PERSON' && len >= 2) {
      const last = e.end - 1;
      const surname = fold(last);
      if (surname.length >= 3 && !isTitleToken(tokens, last, 'fa') && persianCue(surname) === 0) {
        note(surname, 'PERSON', e.confidence);
        longest = Math.max(longest, 1);
      }
    }
  }
  if (known.size === 0) return entities;
  const covered = new Uint8Array(n);
  for (const e of entities) covered.fill(1, e.start, e.end);
  const added: WorkingEntity[] = [];
  for (let i = 0; i < n; i++) {
    if (covered[i] || !firstWords.has(fold(i)) || !isNameToken(tokens[i]!.text)) continue;
    for (let len = Math.min(longest, n - i); len >= 1; len--) {
      let free = true;
      for (let k = i; k < i + len && free; k++) free = covered[k] === 0;
      if (!free) continue;
      let key = fold(i);
      for (let k = i + 1; k < i + len; k++) key += ' ' + fold(k);
      const hit = known.get(key);
      if (!hit) continue;
      let type: EntityType = 'MISC';
      let best = 0;
      for (const [t, v] of hit.votes) {
        if (v > best) {
          best = v;
          type = t;
        }
      }
      added.push({ start: i, end: i + len, type, confidence: hit.confidence * CONFIDENCE_FACTOR });
      covered.fill(1, i, i + len);
      i += len - 1;
      break;
    }
  }
  if (added.length === 0) return entities;
  return [...entities, ...added].sort((a, b) => a.start - b.start);
}
