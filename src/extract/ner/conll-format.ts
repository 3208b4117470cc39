// Readers for the two NER training/evaluation formats, and conlleval-style scoring.
// Pure string functions: the caller reads the file.
//  - CoNLL-2003: "token POS chunk NER" per line, IOB2, blank line between sentences,
//    "-DOCSTART-" lines between documents.
//  - Arman (ArmanPersoNERCorpus): "token tag" per line, IOB2 with lower-case types.

export interface LabelledSentence {
  words: string[];
  labels: string[]; // IOB2, e.g. "B-PER", "I-org", "O"
  /** Index of the document in the file (CoNLL); 0 for Arman. */
  doc: number;
}

/** Parse a CoNLL-2003 or Arman file; the label is the last column, the word the first. */
export function parseLabelledText(text: string): LabelledSentence[] {
  const out: LabelledSentence[] = [];
  let words: string[] = [];
  let labels: string[] = [];
  let doc = 0;
  const flush = (): void => {
    if (words.length > 0) out.push({ words, labels, doc });
    words = [];
    labels = [];
  };
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line.trim() === '') {
      flush();
      continue;
    }
    if (line.startsWith('-DOCSTART-')) {
      flush();
      doc++;
      continue;
    }
    const cut = line.lastIndexOf(' ');
    if (cut <= 0) continue; // a token with no tag: malformed line, skipped
    const first = line.indexOf(' ');
    words.push(line.slice(0, first));
    labels.push(line.slice(cut + 1));
  }
  flush();
  return out;
}

export interface TypedSpan {
  start: number;
  end: number;
  type: string;
}

/** Entity spans of IOB2 (or IOB1) labels, conlleval style: an I- after O opens an entity. */
export function iobSpans(labels: readonly string[]): TypedSpan[] {
  const spans: TypedSpan[] = [];
  let open: TypedSpan | null = null;
  for (let i = 0; i <= labels.length; i++) {
    const lab = i < labels.length ? labels[i]! : 'O';
    const type = lab.length > 2 ? lab.slice(2) : '';
    const continues = lab[0] === 'I' && open !== null && open.type === type;
    if (open && !continues) {
      open.end = i;
      spans.push(open);
      open = null;
    }
    if (!continues && (lab[0] === 'B' || lab[0] === 'I')) open = { start: i, end: i + 1, type };
  }
  return spans;
}

/** Counts for entity-level precision/recall: exact span and type. */
export interface SpanCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Add one sentence's gold and predicted spans into per-type counts (key "" = all types). */
export function countSpans(gold: readonly TypedSpan[], pred: readonly TypedSpan[], into: Map<string, SpanCounts>): void {
  const get = (k: string): SpanCounts => {
    let c = into.get(k);
    if (!c) into.set(k, (c = { tp: 0, fp: 0, fn: 0 }));
    return c;
  };
  const key = (s: TypedSpan): string => `${s.start}:${s.end}:${s.type}`;
  const goldKeys = new Set(gold.map(key));
  const predKeys = new Set(pred.map(key));
  for (const s of pred) {
    const hit = goldKeys.has(key(s));
    get('').tp += hit ? 1 : 0;
    get('').fp += hit ? 0 : 1;
    get(s.type).tp += hit ? 1 : 0;
    get(s.type).fp += hit ? 0 : 1;
  }
  for (const s of gold) {
    if (predKeys.has(key(s))) continue;
    get('').fn++;
    get(s.type).fn++;
  }
}
