// Turns what a reader made of a file into the rows the store keeps. Pure.
import type { Document, Mention, Passage } from '../model/schema.js';
import type { ReadResult } from '../ingest/types.js';
import { foldForSearch } from '../text/normalize.js';
import { toMentionColumns, type MentionColumns } from '../store/mention-columns.js';

/** A document ready for Store.putDocuments, made in a reader thread. */
export interface PreparedDocument {
  document: Document;
  passages: Passage[];
  /**
   * The mentions, in columns: what the reader sends back clones much faster than Mention
   * objects, and the store writes rows from it directly. Ids are derived (mentionId).
   */
  mentionColumns: MentionColumns;
  /** The folded title and text for the full-text index (foldForSearch). */
  searchText: { title: string; body: string };
}

export function prepareDocument(
  read: ReadResult,
  drafts: MentionDraft[],
  file: { sha256: string; sizeBytes: number; fileName: string | null },
  ingestedAt: string,
): PreparedDocument {
  const { document, passages } = buildDocument(read, file, ingestedAt);
  return {
    document,
    passages,
    mentionColumns: toMentionColumns(document.text, drafts),
    searchText: { title: foldForSearch(document.metadata.title ?? ''), body: foldForSearch(document.text) },
  };
}

export function buildDocument(
  read: ReadResult,
  file: { sha256: string; sizeBytes: number; fileName: string | null },
  ingestedAt: string,
): { document: Document; passages: Passage[] } {
  const document: Document = {
    id: file.sha256,
    documentKind: read.kind,
    mediaType: read.mediaType,
    sizeBytes: file.sizeBytes,
    fileName: file.fileName,
    text: read.text,
    metadata: read.metadata,
    sections: read.sections,
    sensitivity: 'public',
    ingestedAt,
  };
  const passages: Passage[] = read.passages.map((p, index) => ({
    documentId: file.sha256,
    index,
    start: p.start,
    end: p.end,
    page: p.page,
  }));
  return { document, passages };
}

/** A stable mention id: the same span, type and document always get the same id. */
export function mentionId(documentId: string, start: number, end: number, type: string): string {
  return `${documentId.slice(0, 16)}:${start}-${end}:${type}`;
}

export type MentionDraft = Omit<Mention, 'id' | 'documentId' | 'status' | 'entityId'>;

export function toMentions(documentId: string, drafts: MentionDraft[]): Mention[] {
  return drafts.map((d) => ({
    ...d,
    id: mentionId(documentId, d.start, d.end, d.type),
    documentId,
    status: 'suggested',
    entityId: null,
  }));
}
