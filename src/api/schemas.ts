// Request and response shapes of the HTTP API, built from the one model in
// src/model/schema.ts so the OpenAPI document and the store agree.
import { z } from '@hono/zod-openapi';
import { Action, Claim, Document, DocumentKind, Entity, EntityType, Event, Language, LogEntry, MediaType, Mention, Passage, ReuseLink } from '../model/schema.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
  })
  .openapi('Problem');

export const problemResponses = {
  400: { description: 'bad input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'not found', content: { 'application/problem+json': { schema: ProblemSchema } } },
} as const;

export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
export const Limit = z.coerce.number().int().min(1).max(200).optional();
export const Cursor = z.string().max(300).optional();
export const DocumentIdParam = z.object({ id: z.string().regex(/^[0-9a-f]{64}$/, 'a document id is 64 lower-case hex digits') });
export const EntityIdParam = z.object({ id: z.string().min(1).max(256) });

export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    site: z.string().nullable(),
    language: Language,
    documentKind: DocumentKind,
    mediaType: MediaType,
    publishedOn: z.string().nullable(),
    gps: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  })
  .openapi('DocumentSummary');

export const FacetsSchema = z
  .object({
    scope: z.enum(['results', 'workspace']),
    language: z.record(z.string(), z.number()),
    site: z.record(z.string(), z.number()),
    kind: z.record(z.string(), z.number()),
    year: z.record(z.string(), z.number()),
    counted: z.number().int(),
    capped: z.boolean(),
  })
  .openapi('Facets');

export const SearchQuerySchema = z.object({
  q: z.string().min(1).max(1000),
  lang: Language.optional(),
  site: z.string().max(300).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  facets: z.enum(['none', 'results', 'workspace']).optional(),
  limit: Limit,
  cursor: Cursor,
});

export const SearchHitSchema = z
  .object({
    documentId: z.string(),
    title: z.string().nullable(),
    site: z.string().nullable(),
    language: Language,
    publishedOn: z.string().nullable(),
    score: z.number(),
    snippet: z.string(),
    snippetStart: z.number().int(),
  })
  .openapi('SearchHit');

export const SearchResultSchema = z.object({
  hits: z.array(SearchHitSchema),
  nextCursor: z.string().nullable(),
  facets: FacetsSchema.nullable(),
});

export const DocumentSchema = Document;
export const PassageSchema = Passage;
export const MentionSchema = Mention;
export const EntitySchema = Entity;
export const ClaimSchema = Claim;
export const ReuseLinkSchema = ReuseLink;
export const EventSchema = Event;
export const ActionSchema = Action;
export const LogEntrySchema = LogEntry;
export { EntityType };

export const Page = <T extends z.ZodTypeAny>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const MentionInContextSchema = z.object({
  mention: MentionSchema,
  before: z.string(),
  after: z.string(),
  document: DocumentSummarySchema.nullable(),
});

export const EntityPageSchema = z.object({
  entity: EntitySchema,
  mentions: z.array(MentionInContextSchema),
  mentionCount: z.number().int(),
  documents: z.array(DocumentSummarySchema.extend({ mentions: z.number().int() })),
  history: z.array(ActionSchema),
});

export const ReuseViewSchema = z.object({
  documentId: z.string(),
  links: z.array(
    z.object({
      link: ReuseLinkSchema,
      /** The other copy, seen from the asked document. */
      other: DocumentSummarySchema.nullable(),
      otherDocumentId: z.string(),
      here: z.object({ start: z.number().int(), end: z.number().int() }),
      there: z.object({ start: z.number().int(), end: z.number().int() }),
      /** True when the other copy is the likely origin (earlier publication). */
      otherIsOrigin: z.boolean(),
    }),
  ),
  likelyOrigin: DocumentSummarySchema.nullable(),
});

export const ClaimGroupSchema = z
  .object({
    groupId: z.string(),
    counted: z.string().nullable(),
    place: z.string().nullable(),
    values: z.array(z.object({ value: z.number().nullable(), valueMax: z.number().nullable(), qualifier: z.string(), claims: z.number().int() })),
    claims: z.array(ClaimSchema.extend({ document: DocumentSummarySchema.nullable(), sentence: z.string().nullable() })),
    /** Documents that do not copy each other (no reuse link between them). */
    independentSources: z.array(z.array(z.string())),
    conflicts: z.array(z.string()),
  })
  .openapi('ClaimGroup');

export const TimelineEntrySchema = z.object({
  date: z.string(),
  source: z.enum(['published', 'mention']),
  documentId: z.string(),
  title: z.string().nullable(),
  site: z.string().nullable(),
  text: z.string().nullable(),
  mentionId: z.string().nullable(),
});

export const MapSchema = z.object({
  places: z.array(
    z.object({
      entityId: z.string(),
      name: z.string(),
      lat: z.number(),
      lon: z.number(),
      documentIds: z.array(z.string()),
      /** The first 50 documents, with titles for a list. */
      documents: z.array(z.object({ id: z.string(), title: z.string().nullable() })),
    }),
  ),
  images: z.array(z.object({ documentId: z.string(), title: z.string().nullable(), lat: z.number(), lon: z.number() })),
});

export const UploadReportSchema = z.object({
  added: z.array(z.object({ fileName: z.string(), id: z.string() })),
  present: z.array(z.object({ fileName: z.string(), id: z.string() })),
  failed: z.array(z.object({ fileName: z.string(), code: z.string(), message: z.string() })),
});

export const StatusSchema = z.object({
  documents: z.number().int(),
  logEntries: z.number().int(),
  curation: z.object({ available: z.boolean(), note: z.string() }),
  uploadLimitBytes: z.number().int(),
  version: z.string(),
});
