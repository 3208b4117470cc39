import type { DocumentKind, DocumentMetadata, MediaType, Section } from '../model/schema.js';

export interface ReadLimits {
  /** Largest file a reader will parse; larger files are stored as blobs of kind other. */
  maxParseBytes: number;
  /** Wall-clock budget for one reader, so a hostile file cannot hang a batch. */
  timeoutMs: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxParseBytes: 64 * 1024 * 1024, timeoutMs: 30_000 };

export interface ReadInput {
  bytes: Uint8Array;
  fileName: string | null;
  limits: ReadLimits;
}

export interface PassageSpan {
  start: number; // UTF-16 offsets into ReadResult.text
  end: number;
  page: number | null; // PDF page, 1-based
}

/** What a reader makes of one file's bytes. Pure: no file system, clock or network. */
export interface ReadResult {
  mediaType: MediaType;
  kind: DocumentKind;
  text: string; // normalizeText()-ed; passages index into it
  passages: PassageSpan[];
  metadata: DocumentMetadata;
  sections: Section[];
}

export type Reader = (input: ReadInput) => Promise<ReadResult>;

/** Thrown by a reader that stops because the read stage's time limit ran out. */
export class ReadAborted extends Error {}
