// The one data model of Daftar (DESIGN.md "Data model"). Storage, the JSON Lines
// export and the HTTP API derive their shapes from these schemas; add a field here
// first, then teach the store to keep it.
import { z } from 'zod';

/** Lower-case hex SHA-256 of a document's original bytes; it is the document id. */
export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lower-case hex SHA-256');
export const DocumentId = Sha256;
export type DocumentId = z.infer<typeof DocumentId>;

export const Sensitivity = z.enum(['public', 'restricted', 'protected']);
export type Sensitivity = z.infer<typeof Sensitivity>;

export const DocumentKind = z.enum(['article', 'report', 'testimony', 'media', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** What the bytes turned out to be (sniffed from content, never from the file name). */
export const MediaType = z.enum(['html', 'pdf', 'docx', 'text', 'markdown', 'image', 'video', 'other']);
export type MediaType = z.infer<typeof MediaType>;

export const Language = z.enum(['en', 'fa', 'other']);
export type Language = z.infer<typeof Language>;

/**
 * A publication date with the place it was read from. `value` is an ISO date
 * (YYYY-MM-DD) or a coarser ISO prefix (YYYY-MM, YYYY); `evidence` names the
 * source, e.g. "meta[article:published_time]", "json-ld datePublished", "byline text".
 */
export const PublishedDate = z.object({
  value: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
  evidence: z.string(),
  confidence: z.number().min(0).max(1),
});
export type PublishedDate = z.infer<typeof PublishedDate>;

export const DocumentMetadata = z.object({
  title: z.string().nullable(),
  authors: z.array(z.string()),
  site: z.string().nullable(),          // site or publisher name
  url: z.string().nullable(),           // canonical URL when the document states one
  language: Language,
  published: PublishedDate.nullable(),
  flags: z.array(z.string()),           // e.g. "needs_ocr", "encrypted_extraction_allowed", "has_javascript"
  extra: z.record(z.string(), z.unknown()), // reader-specific facts (EXIF, PDF info), JSON only
});
export type DocumentMetadata = z.infer<typeof DocumentMetadata>;

export const Section = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  title: z.string().nullable(),
  published: PublishedDate.nullable(),
});
export type Section = z.infer<typeof Section>;

// Record fields never use the name `kind`: in the JSON Lines export `kind` names the
// record's schema type ("document", "log", …), so documentKind / operation instead.
export const Document = z.object({
  id: DocumentId,
  documentKind: DocumentKind,
  mediaType: MediaType,
  sizeBytes: z.number().int().nonnegative(),
  fileName: z.string().nullable(),      // the name it was ingested under (first seen)
  text: z.string(),                     // NFC-normalized extracted text; offsets index into it
  metadata: DocumentMetadata,
  /** Separate posts of an archive/tag page, each with its own title and date; [] otherwise. */
  sections: z.array(Section),
  sensitivity: Sensitivity,
  ingestedAt: z.string(),               // ISO timestamp
});
export type Document = z.infer<typeof Document>;

export const Passage = z.object({
  documentId: DocumentId,
  index: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(), // UTF-16 index into Document.text
  end: z.number().int().nonnegative(),
  page: z.number().int().positive().nullable(), // PDF page number for citation
});
export type Passage = z.infer<typeof Passage>;

export const MentionType = z.enum(['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'QUANTITY']);
export type MentionType = z.infer<typeof MentionType>;

export const ReviewStatus = z.enum(['suggested', 'confirmed', 'rejected']);
export type ReviewStatus = z.infer<typeof ReviewStatus>;

export const Mention = z.object({
  id: z.string(),
  documentId: DocumentId,
  start: z.number().int().nonnegative(), // UTF-16 index into the normalized text
  end: z.number().int().positive(),
  type: MentionType,
  text: z.string(),                       // text.slice(start, end)
  value: z.string().nullable(),           // ISO date/interval or number; null = not understood
  attributes: z.record(z.string(), z.unknown()), // title, granularity, qualifier, unit, calendar…
  extractor: z.string(),                  // "name@version"
  confidence: z.number().min(0).max(1),
  status: ReviewStatus,
  entityId: z.string().nullable(),
});
export type Mention = z.infer<typeof Mention>;

export const EntityType = z.enum(['PERSON', 'ORG', 'PLACE']);
export type EntityType = z.infer<typeof EntityType>;

export const Alias = z.object({
  name: z.string(),
  script: z.enum(['latin', 'arabic', 'other']),
  source: z.enum(['extracted', 'curated', 'imported']),
});
export type Alias = z.infer<typeof Alias>;

export const Entity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(Alias),
  attributes: z.record(z.string(), z.unknown()), // coordinates for places, dates for people
  sensitivity: Sensitivity,
});
export type Entity = z.infer<typeof Entity>;

export const Event = z.object({
  id: z.string(),
  label: z.string(),
  date: z.string().nullable(),          // ISO date or interval "A/B"
  placeEntityId: z.string().nullable(),
  participants: z.array(z.object({ entityId: z.string(), role: z.string() })),
  mentionIds: z.array(z.string()),
});
export type Event = z.infer<typeof Event>;

export const Claim = z.object({
  id: z.string(),
  documentId: DocumentId,
  start: z.number().int().nonnegative(), // the sentence that states it
  end: z.number().int().nonnegative(),
  quantityMentionId: z.string().nullable(),
  value: z.number().nullable(),
  valueMax: z.number().nullable(),
  qualifier: z.enum(['exact', 'approximately', 'at_least', 'at_most']),
  counted: z.string().nullable(),       // the counted thing ("detainees")
  predicate: z.string().nullable(),
  date: z.string().nullable(),
  place: z.string().nullable(),
  groupId: z.string().nullable(),
});
export type Claim = z.infer<typeof Claim>;

export const ReuseLink = z.object({
  id: z.string(),
  sourceDocumentId: DocumentId,         // the likely origin (earlier publication) when known
  sourceStart: z.number().int().nonnegative(),
  sourceEnd: z.number().int().nonnegative(),
  targetDocumentId: DocumentId,
  targetStart: z.number().int().nonnegative(),
  targetEnd: z.number().int().nonnegative(),
  similarity: z.number().min(0).max(1),
  direction: z.enum(['source_earlier', 'same_date', 'unknown']),
  clusterId: z.string().nullable(),
  boilerplate: z.boolean(),             // the same site's template text, not reuse between outlets
});
export type ReuseLink = z.infer<typeof ReuseLink>;

/** A curation decision by a person: merge, split, rename, alias, confirm, reject, protect. */
export const Action = z.object({
  id: z.string(),
  operation: z.string(),                // merge, split, rename, add_alias, remove_alias, confirm, reject, protect, undo
  actor: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()),
  undoneBy: z.string().nullable(),
});
export type Action = z.infer<typeof Action>;

/** An append-only record; `seq` is its leaf index in the workspace's Merkle log. */
export const LogEntry = z.object({
  seq: z.number().int().nonnegative(),
  at: z.string(),
  actor: z.string(),
  operation: z.enum(['ingest', 'action', 'extract', 'export', 'import', 'checkpoint']),
  subject: z.string(),                  // document id, action id, …
  details: z.record(z.string(), z.unknown()),
  leafHash: Sha256,                     // SHA-256(0x00 || canonical JSON of the entry without leafHash)
});
export type LogEntry = z.infer<typeof LogEntry>;

/** Claims about one thing (src/claims): figures, conflict, independent source groups; recomputed, not curated. */
export const ClaimGroup = z.object({
  id: z.string(),
  counted: z.string().nullable(),
  predicate: z.string().nullable(),
  date: z.string().nullable(),          // years of its claims, "2025" or "2024/2025"
  place: z.string().nullable(),
  conflict: z.boolean(),                // figures that do not agree within their qualifiers
  positions: z.array(z.object({ values: z.string(), claimIds: z.array(z.string()) })),
  documents: z.number().int().nonnegative(),
  independentGroups: z.array(
    z.object({
      earliest: z.object({ documentId: DocumentId, published: z.string().nullable(), site: z.string().nullable() }),
      documents: z.array(DocumentId),
    }),
  ),
  statements: z.array(
    z.object({
      claimId: z.string(),
      documentId: DocumentId,
      start: z.number().int().nonnegative(),
      end: z.number().int().nonnegative(),
      sentence: z.string(),
      text: z.string().nullable(),
      value: z.number().nullable(),
      valueMax: z.number().nullable(),
      qualifier: z.enum(['exact', 'approximately', 'at_least', 'at_most']),
      date: z.string().nullable(),
      place: z.string().nullable(),
    }),
  ),
});
export type ClaimGroup = z.infer<typeof ClaimGroup>;

/** Kinds of records in the JSON Lines export (docs/export-format.md). */
export const ExportKind = z.enum(['document', 'passage', 'mention', 'entity', 'event', 'claim', 'claim_group', 'reuse', 'action', 'log']);
export type ExportKind = z.infer<typeof ExportKind>;
