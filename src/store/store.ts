// The storage interface. Every backend (sqlite/, later postgres/) implements it and
// passes the same conformance suite in test/store/. Methods are async although
// better-sqlite3 is synchronous, so both backends share one shape.
import type {
  Action,
  Claim,
  Document,
  DocumentId,
  Entity,
  Event,
  ExportKind,
  Language,
  LogEntry,
  Mention,
  MentionType,
  Passage,
  ReuseLink,
  Sensitivity,
} from '../model/schema.js';
import type { MentionColumns } from './mention-columns.js';

export interface SearchQuery {
  text: string;           // words, "quoted phrases"; folded like the index
  language?: Language;
  site?: string;
  from?: string;          // ISO date, inclusive, on the publication date
  to?: string;
  limit?: number;         // default 20
  offset?: number;
}

export interface SearchHit {
  documentId: DocumentId;
  title: string | null;
  site: string | null;
  language: Language;
  publishedOn: string | null;
  score: number;          // higher is better
  snippet: string;        // passage text with matches wrapped in [[ ]]
  snippetStart: number;   // offset of the snippet's passage in the document text
}

export interface StoreStats {
  documents: number;
  passages: number;
  mentions: number;
  entities: number;
  logEntries: number;
  textBytes: number;
  byLanguage: Record<string, number>;
  byKind: Record<string, number>;
  bySite: Record<string, number>;
}

/** One document of a batch written in one transaction (Store.putDocuments). */
export interface DocumentBatchItem {
  doc: Document;
  passages: Passage[];
  log: LogEntryDraft;
  mentions?: Mention[];
  /** foldForSearch(title) and foldForSearch(text), when the caller made them already (off the main thread). */
  searchText?: { title: string; body: string };
  /** More mentions, in columns (made off the main thread; see mention-columns.ts). */
  mentionColumns?: MentionColumns;
  /**
   * Rows this program's ingest pipeline built from its own types: the store may skip schema
   * validation (kept for imports and API callers).
   */
  trusted?: boolean;
}

/** A log entry before the store gives it its place (seq) in the log. */
export type LogEntryDraft = Omit<LogEntry, 'seq' | 'leafHash'>;

/** Computes a leaf hash for an entry once its seq is known (integrity/ owns the encoding). */
export type LeafHasher = (entry: Omit<LogEntry, 'leafHash'>) => string;

export interface ExportRecord {
  kind: ExportKind;
  record: Record<string, unknown>;
}

// resolution and curation (issue 5)
/** A pair of entities that may be one, waiting for a person (or reported by a register import). */
export interface ReviewCandidate {
  id: string;
  entityA: string; // entityA < entityB
  entityB: string;
  score: number; // 0..1
  band: 'automatic' | 'review';
  evidence: Record<string, unknown>;
  status: 'open' | 'accepted' | 'rejected';
  createdAt: string;
}

/** A person's decision that automatic runs respect: these two entities are different. */
export interface ResolutionConstraint {
  kind: 'must_not_link';
  entityA: string;
  entityB: string;
  actionId: string;
}

/** An entity to write with the blocking keys it is found under. */
export interface KeyedEntity {
  entity: Entity;
  keys: string[];
  /** Add `keys` to the entity's stored keys instead of replacing them. */
  keepKeys?: boolean;
}

/** Everything one resolution batch or one curation action changes, written in one transaction. */
export interface EntityChange {
  putEntities?: KeyedEntity[];
  deleteEntityIds?: string[];
  /** Mention links and statuses to set. */
  mentions?: { id: string; entityId: string | null; status?: Mention['status'] }[];
  addConstraints?: ResolutionConstraint[];
  removeConstraintsOfAction?: string[];
  putCandidates?: ReviewCandidate[];
  candidateStatus?: { id: string; status: ReviewCandidate['status'] }[];
  actions?: Action[];
  log?: LogEntryDraft;
}

export interface Store {
  readonly backend: string;

  hasDocument(id: DocumentId): Promise<boolean>;
  /**
   * Adds a document, its passages, its extracted mentions and its log entry in one transaction.
   * Returns 'present' and changes nothing when the id is already stored.
   */
  putDocument(doc: Document, passages: Passage[], log: LogEntryDraft, mentions?: Mention[]): Promise<'added' | 'present'>;
  /**
   * putDocument for several documents in one transaction (all or nothing), in order; an id
   * already stored, or earlier in the batch, comes back 'present' and writes nothing.
   */
  putDocuments(items: DocumentBatchItem[]): Promise<('added' | 'present')[]>;
  getDocument(id: DocumentId): Promise<Document | null>;
  /** Full ids that start with a prefix (for `daftar show <prefix>`), at most `limit`. */
  findDocumentIds(prefix: string, limit?: number): Promise<DocumentId[]>;
  listDocuments(options: { after?: DocumentId; limit: number }): Promise<Document[]>;
  countDocuments(): Promise<number>;
  getPassages(id: DocumentId): Promise<Passage[]>;
  search(query: SearchQuery): Promise<SearchHit[]>;

  /** Replaces the mentions of a document made by extractors (keeps curated statuses by span). */
  putMentions(documentId: DocumentId, mentions: Mention[]): Promise<void>;
  getMentions(documentId: DocumentId): Promise<Mention[]>;
  mentionCounts(type?: MentionType): Promise<{ type: MentionType; text: string; count: number; documents: number }[]>;

  appendLog(entry: LogEntryDraft): Promise<LogEntry>;
  getLog(options?: { from?: number; limit?: number }): Promise<LogEntry[]>;
  logSize(): Promise<number>;

  stats(): Promise<StoreStats>;

  /** Every record in a stable order, for the JSON Lines export. */
  exportRecords(): AsyncIterable<ExportRecord>;
  /** Writes records as they are (a restore: no new log entries). Ignores records already present. */
  importRecords(records: ExportRecord[]): Promise<void>;

  // Records of later stages; kept here so export/import is lossless from day one.
  putEntities(entities: Entity[]): Promise<void>;
  putEvents(events: Event[]): Promise<void>;
  putClaims(claims: Claim[]): Promise<void>;
  putReuseLinks(links: ReuseLink[]): Promise<void>;
  putActions(actions: Action[]): Promise<void>;

  close(): Promise<void>;

  // integrity (issue 8)
  /** id, size and media type of every document, by id (cheap: no text). */
  listDocumentSizes(): Promise<{ id: DocumentId; sizeBytes: number; mediaType: Document['mediaType']; sensitivity: Sensitivity }[]>;
  getEntity(id: string): Promise<Entity | null>;
  listEntities(filter?: { sensitivity?: Sensitivity; type?: Entity['type'] }): Promise<Entity[]>;
  /** Sets a document's or entity's sensitivity, records the action and its log entry, in one transaction. */
  setSensitivity(target: { document?: DocumentId; entity?: string }, level: Sensitivity, action: Action, log: LogEntryDraft): Promise<LogEntry>;
  putImageFingerprint(documentId: DocumentId, version: string, phash: string, fingerprint: unknown): Promise<void>;
  listImageFingerprints(): Promise<{ documentId: DocumentId; version: string; phash: string; fingerprint: unknown }[]>;
  putIndicators(setName: string, indicators: { type: string; value: string; sourceId: string | null }[]): Promise<number>;
  listIndicators(): Promise<{ setName: string; type: string; value: string; sourceId: string | null }[]>;

  // resolution and curation (issue 5)
  /** PERSON/ORG/PLACE mentions not rejected, of some documents (all when omitted); `unlinkedOnly` skips linked ones. */
  listNameMentions(options: { documentIds?: DocumentId[]; unlinkedOnly?: boolean }): Promise<Mention[]>;
  /** Documents that hold name mentions without an entity (what `daftar resolve` has left to do). */
  listDocumentsWithUnlinkedMentions(): Promise<DocumentId[]>;
  getMention(id: string): Promise<Mention | null>;
  getEntities(ids: string[]): Promise<Entity[]>;
  /** Entity ids under each of the keys; a key with more than `maxBlock` entities comes back empty (too common). */
  findEntitiesByKeys(keys: string[], maxBlock: number): Promise<Map<string, string[]>>;
  /** Every key of one entity type prefix ("PERSON:"), for bulk blocking (register imports). */
  listEntityKeys(prefix: string): Promise<{ key: string; entityId: string }[]>;
  mentionsOfEntity(entityId: string, limit?: number): Promise<Mention[]>;
  /** Entities mentioned in the same documents as this one, with how many documents they share. */
  cooccurringEntities(entityId: string, limit?: number): Promise<{ entityId: string; documents: number }[]>;
  entityMentionCounts(): Promise<Map<string, { mentions: number; documents: number }>>;
  applyEntityChange(change: EntityChange): Promise<LogEntry | null>;
  listConstraints(entityIds?: string[]): Promise<ResolutionConstraint[]>;
  listReviewCandidates(options?: { status?: ReviewCandidate['status']; entityId?: string; limit?: number }): Promise<ReviewCandidate[]>;
  getAction(id: string): Promise<Action | null>;
  /** Curation actions whose payload names this entity (payload.entityIds), oldest first. */
  listActionsForEntity(entityId: string): Promise<Action[]>;
  /** Entities no person has curated (attributes.curated not true), for `daftar resolve --rebuild`. */
  listUncuratedEntityIds(): Promise<string[]>;

  // reuse and claims (issue 6)
  /** Reuse links with a side in one of these documents (every link when omitted), by id. */
  listReuseLinks(options?: { documentIds?: DocumentId[] }): Promise<ReuseLink[]>;
  /** Claims, all or of one group or document, by id. */
  listClaims(options?: { groupId?: string; documentId?: DocumentId }): Promise<Claim[]>;
  getClaim(id: string): Promise<Claim | null>;
  /** Replaces every claim and claim group (claims are recomputed over the workspace). */
  replaceClaims(claims: Claim[], groups: ClaimGroupRecord[]): Promise<void>;
  listClaimGroups(): Promise<ClaimGroupRecord[]>;
  getClaimGroup(id: string): Promise<ClaimGroupRecord | null>;

  // api (issue 7)
  /**
   * One page of entities in id order: those after `after` (exclusive), of one type,
   * whose name or an alias contains `q` (case-insensitive); at most `limit`.
   */
  pageEntities(options: { type?: Entity['type']; q?: string; after?: string; limit: number }): Promise<Entity[]>;
}

/** A group of claims about one thing, with its corroboration (src/claims); JSON, not yet in the schema. */
export type ClaimGroupRecord = { id: string } & Record<string, unknown>;
