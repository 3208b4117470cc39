// Mentions of one new document in columns: what a reader thread sends for the store to
// write. A few typed arrays and string lists clone in a fraction of the time of ~100
// small objects each, and the store writes rows from them without building Mentions.
// Only for mentions the pipeline made itself: status suggested, no entity, derived ids.
import type { Mention, MentionType } from '../model/schema.js';

export const COLUMN_TYPES: readonly MentionType[] = ['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'QUANTITY'];
const TYPE_INDEX = new Map<string, number>(COLUMN_TYPES.map((t, i) => [t, i]));

export interface MentionColumns {
  count: number;
  /** start, end of mention i at 2i, 2i + 1 (UTF-16 offsets into the document text). */
  spans: Int32Array;
  /** Index into COLUMN_TYPES. */
  types: Uint8Array;
  confidences: Float64Array;
  /** The extractor names of this document; `extractorIndex[i]` points into it. */
  extractors: string[];
  extractorIndex: Uint16Array;
  values: (string | null)[];
  /** JSON.stringify(attributes), null for {}. */
  attributes: (string | null)[];
  /** The mention's text when it is not the document text at [start, end), else null. */
  texts: (string | null)[];
}

/** The mentions' kind the columns hold: suggested, no entity, id derived from the span. */
export type ColumnMention = Omit<Mention, 'id' | 'documentId' | 'status' | 'entityId'>;

export function toMentionColumns(text: string, mentions: readonly ColumnMention[]): MentionColumns {
  const n = mentions.length;
  const c: MentionColumns = {
    count: n,
    spans: new Int32Array(2 * n),
    types: new Uint8Array(n),
    confidences: new Float64Array(n),
    extractors: [],
    extractorIndex: new Uint16Array(n),
    values: new Array<string | null>(n),
    attributes: new Array<string | null>(n),
    texts: new Array<string | null>(n),
  };
  const extractor = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const m = mentions[i]!;
    const type = TYPE_INDEX.get(m.type);
    if (type === undefined) throw new Error(`mention type ${m.type} is not one of ${COLUMN_TYPES.join(', ')}`);
    c.spans[2 * i] = m.start;
    c.spans[2 * i + 1] = m.end;
    // What the schema (Mention) checks, here where it is cheap: the store takes columns unparsed.
    if (c.spans[2 * i] !== m.start || c.spans[2 * i + 1] !== m.end || m.start < 0 || m.end < 1) {
      throw new Error(`mention span ${m.start}-${m.end} is not a pair of offsets`);
    }
    if (!(m.confidence >= 0 && m.confidence <= 1)) throw new Error(`mention confidence ${m.confidence} is not between 0 and 1`);
    c.types[i] = type;
    c.confidences[i] = m.confidence;
    let e = extractor.get(m.extractor);
    if (e === undefined) {
      extractor.set(m.extractor, (e = c.extractors.length));
      c.extractors.push(m.extractor);
    }
    c.extractorIndex[i] = e;
    c.values[i] = m.value;
    const json = JSON.stringify(m.attributes);
    c.attributes[i] = json === '{}' ? null : json;
    c.texts[i] = text.slice(m.start, m.end) === m.text ? null : m.text;
  }
  return c;
}

/** The columns back as Mentions of `documentId` (ids by `idOf`, the pipeline's mentionId). */
export function fromMentionColumns(
  c: MentionColumns,
  documentId: string,
  text: string,
  idOf: (documentId: string, start: number, end: number, type: string) => string,
): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < c.count; i++) {
    const start = c.spans[2 * i]!;
    const end = c.spans[2 * i + 1]!;
    const type = COLUMN_TYPES[c.types[i]!]!;
    const attributes = c.attributes[i];
    out.push({
      id: idOf(documentId, start, end, type),
      documentId,
      start,
      end,
      type,
      text: c.texts[i] ?? text.slice(start, end),
      value: c.values[i]!,
      attributes: attributes == null ? {} : (JSON.parse(attributes) as Record<string, unknown>),
      extractor: c.extractors[c.extractorIndex[i]!]!,
      confidence: c.confidences[i]!,
      status: 'suggested',
      entityId: null,
    });
  }
  return out;
}
