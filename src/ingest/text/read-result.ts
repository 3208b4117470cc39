// Small builders shared by the readers, so every ReadResult has the same shape.
import type { DocumentKind, DocumentMetadata, MediaType } from '../../model/schema.js';
import { detectLanguage } from '../../text/language.js';
import { splitParagraphs } from '../../text/segment.js';
import type { PassageSpan, ReadResult } from '../types.js';

export function emptyMetadata(): DocumentMetadata {
  return { title: null, authors: [], site: null, url: null, language: 'other', published: null, flags: [], extra: {} };
}

/** Paragraph passages of a normalized text, all on one page (or none). */
export function paragraphPassages(text: string, page: number | null = null, offset = 0): PassageSpan[] {
  return splitParagraphs(text).map((s) => ({ start: s.start + offset, end: s.end + offset, page }));
}

/** A ReadResult for a normalized text; language detected from it unless given. */
export function textResult(mediaType: MediaType, kind: DocumentKind, text: string, metadata: Partial<DocumentMetadata>, passages?: PassageSpan[]): ReadResult {
  const base = emptyMetadata();
  const merged: DocumentMetadata = { ...base, ...metadata, language: metadata.language ?? (text ? detectLanguage(text) : 'other') };
  return { mediaType, kind, text, passages: passages ?? paragraphPassages(text), metadata: merged, sections: [] };
}

/** Stored as a blob only: no text, nothing parsed. */
export function blobResult(mediaType: MediaType, kind: DocumentKind, flags: string[] = [], extra: Record<string, unknown> = {}): ReadResult {
  return { mediaType, kind, text: '', passages: [], metadata: { ...emptyMetadata(), flags, extra }, sections: [] };
}
