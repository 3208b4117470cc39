// Runs the extraction stages (issue 4) on a document's text: named entities, time
// expressions anchored on the publication date, quantities. Each archive-page section
// is anchored on its own date. Pure apart from the lazily loaded NER weights.
import { extractDates, EXTRACTOR_VERSION as DATES_VERSION } from '../extract/dates/index.js';
import { extractEntities, EXTRACTOR_VERSION as NER_VERSION } from '../extract/ner/extract.js';
import { extractQuantities, EXTRACTOR_VERSION as QUANTITIES_VERSION } from '../extract/quantities/index.js';
import type { DocumentMetadata, Section } from '../model/schema.js';
import type { MentionDraft } from './prepare.js';

export interface AnalyzeInput {
  text: string;
  metadata: Pick<DocumentMetadata, 'language' | 'published'>;
  sections: Section[];
}

/** The extractor versions a document in this language is analysed with (for `extract --redo`). */
export function extractorVersions(language: string): string[] {
  if (language !== 'en' && language !== 'fa') return [];
  return [NER_VERSION[language], DATES_VERSION, QUANTITIES_VERSION].sort();
}

export function extractMentionDrafts(doc: AnalyzeInput): MentionDraft[] {
  const lang = doc.metadata.language;
  if ((lang !== 'en' && lang !== 'fa') || doc.text.length === 0) return [];
  const parts = doc.sections.length
    ? doc.sections.map((s) => ({ start: s.start, end: s.end, anchor: s.published?.value ?? doc.metadata.published?.value ?? null }))
    : [{ start: 0, end: doc.text.length, anchor: doc.metadata.published?.value ?? null }];
  const out: MentionDraft[] = [];
  for (const part of parts) {
    const text = doc.text.slice(part.start, part.end);
    const at = part.start;
    for (const e of extractEntities(text, lang)) {
      const attributes: Record<string, unknown> = {};
      if (e.title) attributes.title = e.title;
      if (e.acronymOf) attributes.acronymOf = { start: e.acronymOf.start + at, end: e.acronymOf.end + at };
      out.push({ start: e.start + at, end: e.end + at, type: e.type, text: e.text, value: null, attributes, extractor: NER_VERSION[lang], confidence: clamp(e.confidence) });
    }
    for (const d of extractDates(text, lang, { date: part.anchor })) {
      const attributes: Record<string, unknown> = { granularity: d.granularity, calendar: d.calendar };
      if (d.original) attributes.original = d.original;
      if (d.timeml) attributes.timeml = d.timeml;
      out.push({ start: d.start + at, end: d.end + at, type: 'DATE', text: d.text, value: d.value, attributes, extractor: DATES_VERSION, confidence: clamp(d.confidence) });
    }
    for (const q of extractQuantities(text, lang)) {
      out.push({
        start: q.start + at,
        end: q.end + at,
        type: 'QUANTITY',
        text: q.text,
        value: q.value === null ? null : String(q.value),
        attributes: { valueMax: q.valueMax, qualifier: q.qualifier, unit: q.unit },
        extractor: QUANTITIES_VERSION,
        confidence: clamp(q.confidence),
      });
    }
  }
  return out;
}

function clamp(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
