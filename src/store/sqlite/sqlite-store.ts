// The embedded backend: one SQLite file in WAL mode with a contentless FTS5 index.
import Database from 'better-sqlite3';
import {
  Action,
  Claim,
  ClaimGroup,
  Document,
  Entity,
  Event,
  LogEntry,
  Mention,
  Passage,
  ReuseLink,
  type DocumentId,
  type MentionType,
} from '../../model/schema.js';
import { DaftarError } from '../../model/errors.js';
import { foldForSearch } from '../../text/normalize.js';
import type {
  ClaimGroupRecord,
  EntityChange,
  ExportRecord,
  DocumentBatchItem,
  LeafHasher,
  ResolutionConstraint,
  ReviewCandidate,
  LogEntryDraft,
  SearchHit,
  SearchQuery,
  Store,
  StoreStats,
} from '../store.js';
import { COLUMN_TYPES, fromMentionColumns, type MentionColumns } from '../mention-columns.js';
import { MIGRATIONS } from './migrations.js';
import { searchDocuments } from './sqlite-search.js';

interface DocumentRow {
  seq: number;
  id: string;
  kind: string;
  media_type: string;
  size_bytes: number;
  file_name: string | null;
  text: string;
  title: string | null;
  site: string | null;
  language: string;
  published_on: string | null;
  metadata: string;
  sections: string;
  sensitivity: string;
  ingested_at: string;
}

/** The primary key of a mention row (migration 6). */
interface MentionKey {
  document_seq: number;
  start: number;
  end: number;
  type: number;
  k: number;
}

/** A row of the compact mention table (migrations 5 and 6). */
interface MentionRow extends MentionKey {
  status: number;
  extractor: number;
  confidence: number; // >= 2: (confidence - 2) / 1000
  value: string | null;
  attributes: number | string | null; // null = {}; number: mention_attributes.code
  entity_id: string | null;
  text: string | null; // null = the document text at [start, end)
  id: string | null; // null = the derived id
}

/** Confidences that are whole thousandths (all of today's extractors) take 1-2 bytes. */
function encodeConfidence(c: number): number {
  const k = Math.round(c * 1000);
  return k / 1000 === c ? k + 2 : c;
}

function decodeConfidence(v: number): number {
  return v >= 2 ? (v - 2) / 1000 : v;
}

const MAX_SHARED_ATTRIBUTES_LENGTH = 80;
const MAX_SHARED_ATTRIBUTES = 50_000;

// Codes sort like the names (migration 5), so ORDER BY type keeps the old order.
const MENTION_TYPES: readonly MentionType[] = ['DATE', 'MISC', 'ORG', 'PERSON', 'PLACE', 'QUANTITY'];
const TYPE_CODE = new Map<string, number>(MENTION_TYPES.map((t, i) => [t, i]));
const NAME_TYPES_SQL = 'type BETWEEN 2 AND 4'; // ORG, PERSON, PLACE
const STATUSES: readonly Mention['status'][] = ['suggested', 'confirmed', 'rejected'];
const STATUS_CODE = new Map<string, number>(STATUSES.map((t, i) => [t, i]));
const REJECTED = 2;
const DERIVED_ID = /^([0-9a-f]{16}):(\d+)-(\d+):([A-Z]+)$/;

/** The id a mention gets from its span (the same rule as src/pipeline/prepare.ts mentionId). */
function derivedMentionId(documentId: string, start: number, end: number, type: string): string {
  return `${documentId.slice(0, 16)}:${start}-${end}:${type}`;
}

interface LogRow {
  seq: number;
  at: string;
  actor: string;
  kind: string;
  subject: string;
  details: string;
  leaf_hash: string;
}

export function openSqliteStore(path: string, leafHasher: LeafHasher): SqliteStore {
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (err) {
    throw new DaftarError('workspace_missing', `${path}: cannot open the workspace database (${(err as Error).message})`, { cause: err });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL'); // WAL + NORMAL: a crash loses at most the last commits, never corrupts
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return new SqliteStore(db, leafHasher);
}

function migrate(db: Database.Database): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > MIGRATIONS.length) {
    throw new DaftarError('workspace_missing', `workspace schema version ${version} is newer than this daftar (${MIGRATIONS.length}); upgrade daftar`);
  }
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

function toDocument(r: DocumentRow): Document {
  return {
    id: r.id,
    documentKind: r.kind as Document['documentKind'],
    mediaType: r.media_type as Document['mediaType'],
    sizeBytes: r.size_bytes,
    fileName: r.file_name,
    text: r.text,
    metadata: JSON.parse(r.metadata),
    sections: JSON.parse(r.sections),
    sensitivity: r.sensitivity as Document['sensitivity'],
    ingestedAt: r.ingested_at,
  };
}


function toLogEntry(r: LogRow): LogEntry {
  return {
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    operation: r.kind as LogEntry['operation'],
    subject: r.subject,
    details: JSON.parse(r.details),
    leafHash: r.leaf_hash,
  };
}

export class SqliteStore implements Store {
  readonly backend = 'sqlite';
  private readonly stmt;

  constructor(
    readonly db: Database.Database,
    private readonly leafHasher: LeafHasher,
  ) {
    this.stmt = {
      hasDoc: db.prepare('SELECT 1 FROM document WHERE id = ?').pluck(),
      docSeq: db.prepare('SELECT seq FROM document WHERE id = ?').pluck(),
      getDoc: db.prepare('SELECT * FROM document WHERE id = ?'),
      insertDoc: db.prepare(`INSERT INTO document
        (id, kind, media_type, size_bytes, file_name, text, title, site, language, published_on, metadata, sections, sensitivity, ingested_at)
        VALUES (@id, @kind, @mediaType, @sizeBytes, @fileName, @text, @title, @site, @language, @publishedOn, @metadata, @sections, @sensitivity, @ingestedAt)`),
      insertFts: db.prepare('INSERT INTO document_fts (rowid, title, body) VALUES (?, ?, ?)'),
      insertPassage: db.prepare('INSERT INTO passage (document_seq, idx, start, end, page) VALUES (?, ?, ?, ?, ?)'),
      passages: db.prepare('SELECT p.idx, p.start, p.end, p.page FROM passage p WHERE p.document_seq = ? ORDER BY p.idx'),
      insertLog: db.prepare('INSERT INTO log_entry (seq, at, actor, kind, subject, details, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      logSize: db.prepare('SELECT count(*) FROM log_entry').pluck(),
      logNext: db.prepare('SELECT coalesce(max(seq) + 1, 0) FROM log_entry').pluck(),
      insertMention: db.prepare(`INSERT INTO mention
        (document_seq, start, end, type, k, status, extractor, confidence, value, attributes, entity_id, text, id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
      mentions: db.prepare('SELECT * FROM mention WHERE document_seq = ? ORDER BY start, end, type, k'),
      docIdText: db.prepare('SELECT id, text FROM document WHERE seq = ?'),
      docSeqsByPrefix: db.prepare('SELECT seq FROM document WHERE id >= ? AND id < ?').pluck(),
      mentionByExplicitId: db.prepare('SELECT document_seq, start, end, type, k FROM mention WHERE id = ?'),
      mentionBySpan: db.prepare('SELECT document_seq, start, end, type, k FROM mention WHERE document_seq = ? AND start = ? AND end = ? AND type = ? AND id IS NULL'),
      mentionByKey: db.prepare('SELECT * FROM mention WHERE document_seq = ? AND start = ? AND end = ? AND type = ? AND k = ?'),
      deleteMention: db.prepare('DELETE FROM mention WHERE document_seq = ? AND start = ? AND end = ? AND type = ? AND k = ?'),
      nextK: db.prepare('SELECT coalesce(max(k) + 1, 0) FROM mention WHERE document_seq = ? AND start = ? AND end = ? AND type = ?').pluck(),
      anyExplicitId: db.prepare('SELECT EXISTS (SELECT 1 FROM mention WHERE id IS NOT NULL)').pluck(),
      extractors: db.prepare('SELECT code, name FROM mention_extractor'),
      addExtractor: db.prepare('INSERT INTO mention_extractor (name) VALUES (?)'),
      sharedAttributes: db.prepare('SELECT code, json FROM mention_attributes'),
      addSharedAttributes: db.prepare('INSERT INTO mention_attributes (json) VALUES (?)'),
    };
  }

  // Mentions (compact rows, migration 5). Extractor names are a small table cached here;
  // the cache is dropped whenever a transaction that may have added one fails.
  private extractorCodes: Map<string, number> | null = null;
  private extractorNames: Map<number, string> | null = null;
  private attributeCodes: Map<string, number> | null = null;
  private attributeJson: Map<number, string> | null = null;

  private loadAttributes(): void {
    const rows = this.stmt.sharedAttributes.all() as { code: number; json: string }[];
    this.attributeCodes = new Map(rows.map((r) => [r.json, r.code]));
    this.attributeJson = new Map(rows.map((r) => [r.code, r.json]));
  }

  /** What the attributes column holds for this JSON: NULL for {}, a shared code, or the JSON. */
  private encodeAttributes(json: string): number | string | null {
    if (json === '{}') return null;
    if (!this.attributeCodes) this.loadAttributes();
    let code = this.attributeCodes!.get(json);
    if (code === undefined && json.length <= MAX_SHARED_ATTRIBUTES_LENGTH && this.attributeCodes!.size < MAX_SHARED_ATTRIBUTES) {
      code = Number(this.stmt.addSharedAttributes.run(json).lastInsertRowid);
      this.attributeCodes!.set(json, code);
      this.attributeJson!.set(code, json);
    }
    return code ?? json;
  }

  private decodeAttributes(v: number | string | null): Record<string, unknown> {
    if (v === null) return {};
    if (typeof v === 'string') return JSON.parse(v);
    let json = this.attributeJson?.get(v);
    if (json === undefined) {
      this.loadAttributes();
      json = this.attributeJson!.get(v);
    }
    if (json === undefined) throw new DaftarError('conflict', `mention attributes code ${v} is not in the workspace`);
    return JSON.parse(json);
  }

  private loadExtractors(): void {
    const rows = this.stmt.extractors.all() as { code: number; name: string }[];
    this.extractorCodes = new Map(rows.map((r) => [r.name, r.code]));
    this.extractorNames = new Map(rows.map((r) => [r.code, r.name]));
  }

  private extractorCode(name: string): number {
    if (!this.extractorCodes) this.loadExtractors();
    let code = this.extractorCodes!.get(name);
    if (code === undefined) {
      code = Number(this.stmt.addExtractor.run(name).lastInsertRowid);
      this.extractorCodes!.set(name, code);
      this.extractorNames!.set(code, name);
    }
    return code;
  }

  private extractorName(code: number): string {
    let name = this.extractorNames?.get(code);
    if (name === undefined) {
      this.loadExtractors();
      name = this.extractorNames!.get(code);
    }
    if (name === undefined) throw new DaftarError('conflict', `mention extractor code ${code} is not in the workspace`);
    return name;
  }

  /** Runs a write transaction; on failure the extractor cache may hold codes that were rolled back. */
  private write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (err) {
      this.extractorCodes = null;
      this.extractorNames = null;
      this.attributeCodes = null;
      this.attributeJson = null;
      throw err;
    }
  }

  /** Turns rows into Mentions; rows of one document in a row share one read of its id and text. */
  private mentionReader(): (r: MentionRow) => Mention {
    let seq = -1;
    let doc: { id: string; text: string } | undefined;
    return (r) => {
      if (r.document_seq !== seq) {
        seq = r.document_seq;
        doc = this.stmt.docIdText.get(seq) as { id: string; text: string } | undefined;
        if (!doc) throw new DaftarError('conflict', `mention refers to a missing document (seq ${seq})`);
      }
      const type = MENTION_TYPES[r.type]!;
      return {
        id: r.id ?? derivedMentionId(doc!.id, r.start, r.end, type),
        documentId: doc!.id,
        start: r.start,
        end: r.end,
        type,
        text: r.text ?? doc!.text.slice(r.start, r.end),
        value: r.value,
        attributes: this.decodeAttributes(r.attributes),
        extractor: this.extractorName(r.extractor),
        confidence: decodeConfidence(r.confidence),
        status: STATUSES[r.status]!,
        entityId: r.entity_id,
      };
    };
  }

  private toMentions(rows: MentionRow[]): Mention[] {
    const read = this.mentionReader();
    return rows.map(read);
  }

  /** The key of the mention with this id (stored, or derived from its span), if any. */
  private mentionKey(id: string): MentionKey | undefined {
    const explicit = this.stmt.mentionByExplicitId.get(id) as MentionKey | undefined;
    if (explicit !== undefined) return explicit;
    const p = DERIVED_ID.exec(id);
    const type = p ? TYPE_CODE.get(p[4]!) : undefined;
    if (!p || type === undefined) return undefined;
    for (const seq of this.stmt.docSeqsByPrefix.all(p[1], p[1] + 'g') as number[]) {
      const key = this.stmt.mentionBySpan.get(seq, Number(p[2]), Number(p[3]), type) as MentionKey | undefined;
      if (key !== undefined) return key;
    }
    return undefined;
  }

  /**
   * Writes one mention of a document (seq, id, text); a mention with the same id is
   * replaced. Without `k` (the caller's count of earlier mentions of this span and type in
   * a new document), stored mentions are looked up: the same id, and the next free k.
   */
  private insertMentionSync(seq: number, documentId: string, text: string, m: Mention, k?: number): void {
    const type = TYPE_CODE.get(m.type)!;
    if (k === undefined) {
      const old = this.mentionKey(m.id);
      if (old !== undefined) this.stmt.deleteMention.run(old.document_seq, old.start, old.end, old.type, old.k);
      k = this.stmt.nextK.get(seq, m.start, m.end, type) as number;
    }
    this.stmt.insertMention.run(
      seq,
      m.start,
      m.end,
      type,
      k,
      STATUS_CODE.get(m.status)!,
      this.extractorCode(m.extractor),
      encodeConfidence(m.confidence),
      m.value,
      this.encodeAttributes(JSON.stringify(m.attributes)),
      m.entityId,
      text.slice(m.start, m.end) === m.text ? null : m.text,
      m.id === derivedMentionId(documentId, m.start, m.end, m.type) ? null : m.id,
    );
  }

  async hasDocument(id: DocumentId): Promise<boolean> {
    return this.stmt.hasDoc.get(id) !== undefined;
  }

  async putDocument(doc: Document, passages: Passage[], log: LogEntryDraft, mentions: Mention[] = []): Promise<'added' | 'present'> {
    return (await this.putDocuments([{ doc, passages, log, mentions }]))[0]!;
  }

  async putDocuments(items: DocumentBatchItem[]): Promise<('added' | 'present')[]> {
    // Rows the ingest pipeline built itself skip the schema (validated at imports and the API).
    const parsed = items.map((it) =>
      it.trusted ? { ...it, mentions: it.mentions ?? [] } : { ...it, doc: Document.parse(it.doc), mentions: (it.mentions ?? []).map((m) => Mention.parse(m)) },
    );
    return this.write(() => {
      // Mentions of a new document can only meet stored ones through ids stored verbatim
      // (imports); without any, only duplicates inside the list need replacing.
      const replace = this.stmt.anyExplicitId.get() === 1;
      return parsed.map((it): 'added' | 'present' => {
        if (this.stmt.hasDoc.get(it.doc.id) !== undefined) return 'present';
        const seq = this.insertDocumentRows(it.doc, it.passages, it.searchText);
        const columns = it.mentionColumns;
        if (columns && !replace && it.mentions.length === 0) {
          this.insertMentionColumns(seq, columns);
        } else {
          const mentions = columns ? [...it.mentions, ...fromMentionColumns(columns, it.doc.id, it.doc.text, derivedMentionId)] : it.mentions;
          if (replace) {
            for (const m of mentions) this.insertMentionSync(seq, it.doc.id, it.doc.text, m);
          } else {
            const spans = new Map<string, number>();
            for (const m of new Map(mentions.map((m) => [m.id, m])).values()) {
              const span = `${m.start}-${m.end}:${m.type}`;
              const k = spans.get(span) ?? 0;
              spans.set(span, k + 1);
              this.insertMentionSync(seq, it.doc.id, it.doc.text, m, k);
            }
          }
        }
        this.appendLogSync(it.log);
        return 'added';
      });
    });
  }

  /**
   * The mentions of a new document from columns, as putDocuments writes a list of them:
   * the same span and type twice (the same derived id) is written once, at the first one's
   * place with the last one's data.
   */
  private insertMentionColumns(seq: number, c: MentionColumns): void {
    const extractors = c.extractors.map((name) => this.extractorCode(name));
    const types = COLUMN_TYPES.map((t) => TYPE_CODE.get(t)!);
    const { spans } = c;
    // Duplicates are rare: a numeric key finds whether there are any (a collision of two
    // different spans only sends the document down the exact path), strings only then.
    const seen = new Set<number>();
    let duplicates = false;
    for (let i = 0; i < c.count && !duplicates; i++) {
      const key = (spans[2 * i]! * 65536 + spans[2 * i + 1]!) * 8 + c.types[i]!;
      duplicates = seen.has(key);
      seen.add(key);
    }
    let rows: Iterable<number>;
    if (duplicates) {
      const last = new Map<string, number>();
      for (let i = 0; i < c.count; i++) last.set(`${spans[2 * i]}-${spans[2 * i + 1]}:${c.types[i]}`, i);
      rows = last.values();
    } else {
      rows = Array.from({ length: c.count }, (_, i) => i);
    }
    const insert = this.stmt.insertMention;
    for (const i of rows) {
      const attributes = c.attributes[i]!;
      insert.run(
        seq,
        spans[2 * i],
        spans[2 * i + 1],
        types[c.types[i]!],
        0,
        0, // suggested
        extractors[c.extractorIndex[i]!],
        encodeConfidence(c.confidences[i]!),
        c.values[i],
        attributes === null ? null : this.encodeAttributes(attributes),
        null,
        c.texts[i],
        null, // the derived id
      );
    }
  }

  private insertDocumentRows(doc: Document, passages: Passage[], searchText?: { title: string; body: string }): number {
    const info = this.stmt.insertDoc.run({
      id: doc.id,
      kind: doc.documentKind,
      mediaType: doc.mediaType,
      sizeBytes: doc.sizeBytes,
      fileName: doc.fileName,
      text: doc.text,
      title: doc.metadata.title,
      site: doc.metadata.site,
      language: doc.metadata.language,
      publishedOn: doc.metadata.published?.value ?? null,
      metadata: JSON.stringify(doc.metadata),
      sections: JSON.stringify(doc.sections),
      sensitivity: doc.sensitivity,
      ingestedAt: doc.ingestedAt,
    });
    const seq = Number(info.lastInsertRowid);
    this.stmt.insertFts.run(seq, searchText?.title ?? foldForSearch(doc.metadata.title ?? ''), searchText?.body ?? foldForSearch(doc.text));
    for (const p of passages) this.stmt.insertPassage.run(seq, p.index, p.start, p.end, p.page);
    return seq;
  }

  async getDocument(id: DocumentId): Promise<Document | null> {
    const row = this.stmt.getDoc.get(id) as DocumentRow | undefined;
    return row ? toDocument(row) : null;
  }

  async findDocumentIds(prefix: string, limit = 10): Promise<DocumentId[]> {
    const p = prefix.toLowerCase();
    if (!/^[0-9a-f]*$/.test(p)) return [];
    // Range scan on the unique index: ids are lower-case hex.
    return this.db
      .prepare('SELECT id FROM document WHERE id >= ? AND id < ? ORDER BY id LIMIT ?')
      .pluck()
      .all(p, p + 'g', limit) as string[];
  }

  async listDocuments(options: { after?: DocumentId; limit: number }): Promise<Document[]> {
    const rows = this.db
      .prepare('SELECT * FROM document WHERE id > ? ORDER BY id LIMIT ?')
      .all(options.after ?? '', options.limit) as DocumentRow[];
    return rows.map(toDocument);
  }

  async countDocuments(): Promise<number> {
    return this.db.prepare('SELECT count(*) FROM document').pluck().get() as number;
  }

  async getPassages(id: DocumentId): Promise<Passage[]> {
    const seq = this.stmt.docSeq.get(id) as number | undefined;
    if (seq === undefined) return [];
    const rows = this.stmt.passages.all(seq) as { idx: number; start: number; end: number; page: number | null }[];
    return rows.map((r) => ({ documentId: id, index: r.idx, start: r.start, end: r.end, page: r.page }));
  }

  async search(query: SearchQuery): Promise<SearchHit[]> {
    return searchDocuments(this.db, query);
  }

  async putMentions(documentId: DocumentId, mentions: Mention[]): Promise<void> {
    const seq = this.stmt.docSeq.get(documentId) as number | undefined;
    if (seq === undefined) throw new DaftarError('not_found', `document ${documentId} is not in the workspace`);
    const parsed = mentions.map((m) => Mention.parse(m));
    this.write(() => {
      // A person's decision outlives re-extraction: curated mentions are kept.
      this.db.prepare('DELETE FROM mention WHERE document_seq = ? AND status = 0').run(seq);
      const doc = this.stmt.docIdText.get(seq) as { id: string; text: string };
      const kept = new Set(this.toMentions(this.stmt.mentions.all(seq) as MentionRow[]).map((m) => m.id));
      for (const m of parsed) {
        if (kept.has(m.id)) continue;
        this.insertMentionSync(seq, doc.id, doc.text, m);
      }
    });
  }

  async getMentions(documentId: DocumentId): Promise<Mention[]> {
    const seq = this.stmt.docSeq.get(documentId) as number | undefined;
    if (seq === undefined) return [];
    return this.toMentions(this.stmt.mentions.all(seq) as MentionRow[]);
  }

  async mentionCounts(type?: MentionType) {
    // Grouped here rather than in SQL: most rows keep their text only as offsets.
    const rows = this.db
      .prepare(`SELECT * FROM mention WHERE status != ${REJECTED} ${type ? 'AND type = ?' : ''} ORDER BY document_seq`)
      .iterate(...(type ? [TYPE_CODE.get(type) ?? -1] : [])) as IterableIterator<MentionRow>;
    const read = this.mentionReader();
    const groups = new Map<string, { type: MentionType; text: string; count: number; documents: number; lastSeq: number }>();
    for (const r of rows) {
      const m = read(r);
      const key = `${m.type}\u0000${m.text}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { type: m.type, text: m.text, count: 0, documents: 0, lastSeq: -1 }));
      g.count++;
      if (g.lastSeq !== r.document_seq) (g.documents++, (g.lastSeq = r.document_seq));
    }
    // count desc, then text in SQLite's binary (UTF-8 byte) order
    return [...groups.values()]
      .sort((a, b) => b.count - a.count || Buffer.compare(Buffer.from(a.text), Buffer.from(b.text)))
      .slice(0, 1000)
      .map(({ type, text, count, documents }) => ({ type, text, count, documents }));
  }

  private appendLogSync(draft: LogEntryDraft): LogEntry {
    // max + 1 on the primary key, not count(*): a count walks the whole table per entry.
    const seq = this.stmt.logNext.get() as number;
    const entry = { ...draft, seq };
    const leafHash = this.leafHasher(entry);
    this.stmt.insertLog.run(seq, entry.at, entry.actor, entry.operation, entry.subject, JSON.stringify(entry.details), leafHash);
    return { ...entry, leafHash };
  }

  async appendLog(draft: LogEntryDraft): Promise<LogEntry> {
    return this.db.transaction(() => this.appendLogSync(draft)).immediate();
  }

  async getLog(options: { from?: number; limit?: number } = {}): Promise<LogEntry[]> {
    const rows = this.db
      .prepare('SELECT * FROM log_entry WHERE seq >= ? ORDER BY seq LIMIT ?')
      .all(options.from ?? 0, options.limit ?? -1) as LogRow[];
    return rows.map(toLogEntry);
  }

  async logSize(): Promise<number> {
    return this.stmt.logSize.get() as number;
  }

  async stats(): Promise<StoreStats> {
    const one = (sql: string) => this.db.prepare(sql).pluck().get() as number;
    const group = (sql: string) =>
      Object.fromEntries((this.db.prepare(sql).raw().all() as [string | null, number][]).map(([k, v]) => [k ?? '(unknown)', v]));
    return {
      documents: one('SELECT count(*) FROM document'),
      passages: one('SELECT count(*) FROM passage'),
      mentions: one('SELECT count(*) FROM mention'),
      entities: one('SELECT count(*) FROM entity'),
      logEntries: one('SELECT count(*) FROM log_entry'),
      textBytes: one('SELECT coalesce(sum(length(CAST(text AS BLOB))), 0) FROM document'),
      byLanguage: group('SELECT language, count(*) FROM document GROUP BY language ORDER BY 2 DESC'),
      byKind: group('SELECT kind, count(*) FROM document GROUP BY kind ORDER BY 2 DESC'),
      bySite: group('SELECT site, count(*) FROM document GROUP BY site ORDER BY 2 DESC LIMIT 20'),
    };
  }

  async *exportRecords(): AsyncIterable<ExportRecord> {
    const docs = this.db.prepare('SELECT * FROM document ORDER BY id').iterate() as IterableIterator<DocumentRow>;
    const seqs: [number, string][] = [];
    for (const r of docs) {
      seqs.push([r.seq, r.id]);
      yield { kind: 'document', record: toDocument(r) };
    }
    for (const [seq, id] of seqs) {
      for (const p of this.stmt.passages.all(seq) as { idx: number; start: number; end: number; page: number | null }[]) {
        yield { kind: 'passage', record: { documentId: id, index: p.idx, start: p.start, end: p.end, page: p.page } };
      }
    }
    for (const [seq] of seqs) {
      for (const m of this.toMentions(this.stmt.mentions.all(seq) as MentionRow[])) yield { kind: 'mention', record: m };
    }
    const json = (sql: string) => (this.db.prepare(sql).pluck().all() as string[]).map((d) => JSON.parse(d));
    for (const e of json('SELECT data FROM entity ORDER BY id')) yield { kind: 'entity', record: e };
    for (const e of json('SELECT data FROM event ORDER BY id')) yield { kind: 'event', record: e };
    for (const c of json('SELECT data FROM claim ORDER BY id')) yield { kind: 'claim', record: c };
    for (const g of json('SELECT data FROM claim_group_record ORDER BY id')) yield { kind: 'claim_group', record: g };
    for (const l of json('SELECT data FROM reuse_link ORDER BY id')) yield { kind: 'reuse', record: l };
    for (const a of json('SELECT data FROM action ORDER BY at, id')) yield { kind: 'action', record: a };
    for (const r of this.db.prepare('SELECT * FROM log_entry ORDER BY seq').iterate() as IterableIterator<LogRow>) {
      yield { kind: 'log', record: toLogEntry(r) };
    }
  }

  async importRecords(records: ExportRecord[]): Promise<void> {
    const passagesByDoc = new Map<string, Passage[]>();
    for (const r of records) {
      if (r.kind === 'passage') {
        const p = Passage.parse(r.record);
        const list = passagesByDoc.get(p.documentId) ?? [];
        list.push(p);
        passagesByDoc.set(p.documentId, list);
      }
    }
    this.write(() => {
      for (const r of records) {
        switch (r.kind) {
          case 'document': {
            const doc = Document.parse(r.record);
            if (this.stmt.hasDoc.get(doc.id) === undefined) this.insertDocumentRows(doc, passagesByDoc.get(doc.id) ?? []);
            break;
          }
          case 'passage':
            break; // written with their document
          case 'mention': {
            const m = Mention.parse(r.record);
            const seq = this.stmt.docSeq.get(m.documentId) as number | undefined;
            if (seq === undefined) throw new DaftarError('invalid_input', `mention ${m.id} refers to a document that is not in the import`);
            const doc = this.stmt.docIdText.get(seq) as { id: string; text: string };
            this.insertMentionSync(seq, doc.id, doc.text, m);
            break;
          }
          case 'entity':
            this.putEntitiesSync([Entity.parse(r.record)]);
            break;
          case 'event':
            this.putJsonSync('event', [Event.parse(r.record)]);
            break;
          case 'claim':
            this.putClaimsSync([Claim.parse(r.record)]);
            break;
          case 'claim_group': {
            const g = ClaimGroup.parse(r.record);
            this.db.prepare('INSERT OR IGNORE INTO claim_group_record (id, data) VALUES (?, ?)').run(g.id, JSON.stringify(g));
            break;
          }
          case 'reuse':
            this.putReuseSync([ReuseLink.parse(r.record)]);
            break;
          case 'action':
            this.putActionsSync([Action.parse(r.record)]);
            break;
          case 'log': {
            const e = LogEntry.parse(r.record);
            const exists = this.db.prepare('SELECT leaf_hash FROM log_entry WHERE seq = ?').pluck().get(e.seq) as string | undefined;
            if (exists === undefined) {
              this.stmt.insertLog.run(e.seq, e.at, e.actor, e.operation, e.subject, JSON.stringify(e.details), e.leafHash);
            } else if (exists !== e.leafHash) {
              throw new DaftarError('conflict', `log entry ${e.seq} differs from the one in this workspace; import into a new workspace`);
            }
            break;
          }
        }
      }
    });
  }

  private putEntitiesSync(entities: Entity[]): void {
    const st = this.db.prepare('INSERT OR REPLACE INTO entity (id, type, name, data) VALUES (?, ?, ?, ?)');
    for (const e of entities) st.run(e.id, e.type, e.name, JSON.stringify(e));
  }

  private putJsonSync(table: 'event', rows: { id: string }[]): void {
    const st = this.db.prepare(`INSERT OR REPLACE INTO ${table} (id, data) VALUES (?, ?)`);
    for (const r of rows) st.run(r.id, JSON.stringify(r));
  }

  private putClaimsSync(claims: Claim[]): void {
    const st = this.db.prepare('INSERT OR REPLACE INTO claim (id, document_id, group_id, data) VALUES (?, ?, ?, ?)');
    for (const c of claims) st.run(c.id, c.documentId, c.groupId, JSON.stringify(c));
  }

  private putReuseSync(links: ReuseLink[]): void {
    const st = this.db.prepare('INSERT OR REPLACE INTO reuse_link (id, source_document_id, target_document_id, data) VALUES (?, ?, ?, ?)');
    for (const l of links) st.run(l.id, l.sourceDocumentId, l.targetDocumentId, JSON.stringify(l));
  }

  private putActionsSync(actions: Action[]): void {
    const st = this.db.prepare('INSERT OR REPLACE INTO action (id, at, data) VALUES (?, ?, ?)');
    for (const a of actions) st.run(a.id, a.at, JSON.stringify(a));
  }

  async putEntities(entities: Entity[]): Promise<void> {
    this.db.transaction(() => this.putEntitiesSync(entities.map((e) => Entity.parse(e))))();
  }
  async putEvents(events: Event[]): Promise<void> {
    this.db.transaction(() => this.putJsonSync('event', events.map((e) => Event.parse(e))))();
  }
  async putClaims(claims: Claim[]): Promise<void> {
    this.db.transaction(() => this.putClaimsSync(claims.map((c) => Claim.parse(c))))();
  }
  async putReuseLinks(links: ReuseLink[]): Promise<void> {
    this.db.transaction(() => this.putReuseSync(links.map((l) => ReuseLink.parse(l))))();
  }
  async putActions(actions: Action[]): Promise<void> {
    this.db.transaction(() => this.putActionsSync(actions.map((a) => Action.parse(a))))();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  // integrity (issue 8)
  async listDocumentSizes() {
    const rows = this.db.prepare('SELECT id, size_bytes, media_type, sensitivity FROM document ORDER BY id').all() as {
      id: string;
      size_bytes: number;
      media_type: string;
      sensitivity: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      sizeBytes: r.size_bytes,
      mediaType: r.media_type as Document['mediaType'],
      sensitivity: r.sensitivity as Document['sensitivity'],
    }));
  }

  async getEntity(id: string): Promise<Entity | null> {
    const data = this.db.prepare('SELECT data FROM entity WHERE id = ?').pluck().get(id) as string | undefined;
    return data === undefined ? null : (JSON.parse(data) as Entity);
  }

  async listEntities(filter: { sensitivity?: Document['sensitivity']; type?: Entity['type'] } = {}): Promise<Entity[]> {
    const rows = this.db.prepare(`SELECT data FROM entity ${filter.type ? 'WHERE type = ?' : ''} ORDER BY id`).pluck().all(...(filter.type ? [filter.type] : [])) as string[];
    const all = rows.map((d) => JSON.parse(d) as Entity);
    return filter.sensitivity ? all.filter((e) => e.sensitivity === filter.sensitivity) : all;
  }

  async setSensitivity(
    target: { document?: DocumentId; entity?: string },
    level: Document['sensitivity'],
    action: Action,
    log: LogEntryDraft,
  ): Promise<LogEntry> {
    const parsedAction = Action.parse(action);
    return this.db.transaction((): LogEntry => {
      if (target.document !== undefined) {
        const info = this.db.prepare('UPDATE document SET sensitivity = ? WHERE id = ?').run(level, target.document);
        if (info.changes === 0) throw new DaftarError('not_found', `document ${target.document} is not in the workspace`);
      } else if (target.entity !== undefined) {
        const data = this.db.prepare('SELECT data FROM entity WHERE id = ?').pluck().get(target.entity) as string | undefined;
        if (data === undefined) throw new DaftarError('not_found', `entity ${target.entity} is not in the workspace`);
        this.putEntitiesSync([{ ...(JSON.parse(data) as Entity), sensitivity: level }]);
      } else {
        throw new DaftarError('usage', 'setSensitivity: name a document or an entity');
      }
      this.putActionsSync([parsedAction]);
      return this.appendLogSync(log);
    }).immediate();
  }

  async putImageFingerprint(documentId: DocumentId, version: string, phash: string, fingerprint: unknown): Promise<void> {
    this.db
      .prepare('INSERT OR REPLACE INTO image_fingerprint (document_id, version, phash, data) VALUES (?, ?, ?, ?)')
      .run(documentId, version, phash, JSON.stringify(fingerprint));
  }

  async listImageFingerprints() {
    const rows = this.db.prepare('SELECT document_id, version, phash, data FROM image_fingerprint ORDER BY document_id').all() as {
      document_id: string;
      version: string;
      phash: string;
      data: string;
    }[];
    return rows.map((r) => ({ documentId: r.document_id, version: r.version, phash: r.phash, fingerprint: JSON.parse(r.data) as unknown }));
  }

  async putIndicators(setName: string, indicators: { type: string; value: string; sourceId: string | null }[]): Promise<number> {
    const st = this.db.prepare('INSERT OR IGNORE INTO indicator (set_name, type, value, source_id) VALUES (?, ?, ?, ?)');
    return this.db.transaction(() => {
      let added = 0;
      for (const i of indicators) added += st.run(setName, i.type, i.value, i.sourceId).changes;
      return added;
    })();
  }

  async listIndicators() {
    const rows = this.db.prepare('SELECT set_name, type, value, source_id FROM indicator ORDER BY set_name, type, value').all() as {
      set_name: string;
      type: string;
      value: string;
      source_id: string | null;
    }[];
    return rows.map((r) => ({ setName: r.set_name, type: r.type, value: r.value, sourceId: r.source_id }));
  }

  // resolution and curation (issue 5)
  private readonly cachedStatements = new Map<string, Database.Statement>();
  private sql(text: string): Database.Statement {
    let st = this.cachedStatements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.cachedStatements.set(text, st);
    }
    return st;
  }

  async listNameMentions(options: { documentIds?: DocumentId[]; unlinkedOnly?: boolean }): Promise<Mention[]> {
    const where = `${NAME_TYPES_SQL} AND status != ${REJECTED}${options.unlinkedOnly ? ' AND entity_id IS NULL' : ''}`;
    const base = `SELECT * FROM mention WHERE ${where}`;
    if (options.documentIds === undefined) {
      return this.toMentions(this.sql(`${base} ORDER BY document_seq, start, end, type, k`).all() as MentionRow[]);
    }
    const out: Mention[] = [];
    const st = this.sql(`${base} AND document_seq = ? ORDER BY start, end, type, k`);
    const read = this.mentionReader();
    for (const id of options.documentIds) {
      const seq = this.stmt.docSeq.get(id) as number | undefined;
      if (seq !== undefined) for (const r of st.all(seq) as MentionRow[]) out.push(read(r));
    }
    return out;
  }

  async listDocumentsWithUnlinkedMentions(): Promise<DocumentId[]> {
    return this.sql(
      `SELECT d.id FROM document d WHERE d.seq IN (SELECT DISTINCT document_seq FROM mention
       WHERE ${NAME_TYPES_SQL} AND status != ${REJECTED} AND entity_id IS NULL) ORDER BY d.seq`,
    )
      .pluck()
      .all() as string[];
  }

  async getMention(id: string): Promise<Mention | null> {
    const key = this.mentionKey(id);
    const r = key === undefined ? undefined : (this.stmt.mentionByKey.get(key.document_seq, key.start, key.end, key.type, key.k) as MentionRow | undefined);
    return r ? this.mentionReader()(r) : null;
  }

  async getEntities(ids: string[]): Promise<Entity[]> {
    const st = this.sql('SELECT data FROM entity WHERE id = ?').pluck();
    const out: Entity[] = [];
    for (const id of ids) {
      const data = st.get(id) as string | undefined;
      if (data !== undefined) out.push(JSON.parse(data) as Entity);
    }
    return out;
  }

  async findEntitiesByKeys(keys: string[], maxBlock: number): Promise<Map<string, string[]>> {
    const st = this.sql('SELECT entity_id FROM entity_key WHERE key = ? LIMIT ?').pluck();
    const out = new Map<string, string[]>();
    for (const k of new Set(keys)) {
      const ids = st.all(k, maxBlock + 1) as string[];
      out.set(k, ids.length > maxBlock ? [] : ids);
    }
    return out;
  }

  async listEntityKeys(prefix: string): Promise<{ key: string; entityId: string }[]> {
    // Keys sort by prefix: a range scan on the primary key.
    const rows = this.sql('SELECT key, entity_id FROM entity_key WHERE key >= ? AND key < ?').all(prefix, prefix + '\uffff') as { key: string; entity_id: string }[];
    return rows.map((r) => ({ key: r.key, entityId: r.entity_id }));
  }

  async mentionsOfEntity(entityId: string, limit = 10_000): Promise<Mention[]> {
    const rows = this.sql('SELECT * FROM mention WHERE entity_id = ? ORDER BY document_seq, start LIMIT ?').all(entityId, limit) as MentionRow[];
    return this.toMentions(rows);
  }

  async cooccurringEntities(entityId: string, limit = 20): Promise<{ entityId: string; documents: number }[]> {
    const rows = this.sql(
      `SELECT o.entity_id AS entity_id, count(DISTINCT o.document_seq) AS documents FROM mention o
       WHERE o.document_seq IN (SELECT document_seq FROM mention WHERE entity_id = ?) AND o.entity_id IS NOT NULL AND o.entity_id != ?
       GROUP BY o.entity_id ORDER BY documents DESC, o.entity_id LIMIT ?`,
    ).all(entityId, entityId, limit) as { entity_id: string; documents: number }[];
    return rows.map((r) => ({ entityId: r.entity_id, documents: r.documents }));
  }

  async entityMentionCounts(): Promise<Map<string, { mentions: number; documents: number }>> {
    const rows = this.sql('SELECT entity_id, count(*) AS mentions, count(DISTINCT document_seq) AS documents FROM mention WHERE entity_id IS NOT NULL GROUP BY entity_id').all() as {
      entity_id: string;
      mentions: number;
      documents: number;
    }[];
    return new Map(rows.map((r) => [r.entity_id, { mentions: r.mentions, documents: r.documents }]));
  }

  async applyEntityChange(change: EntityChange): Promise<LogEntry | null> {
    const actions = (change.actions ?? []).map((a) => Action.parse(a));
    return this.write((): LogEntry | null => {
      const delKeys = this.sql('DELETE FROM entity_key WHERE entity_id = ?');
      const addKey = this.sql('INSERT OR IGNORE INTO entity_key (key, entity_id) VALUES (?, ?)');
      for (const id of change.deleteEntityIds ?? []) {
        this.sql('DELETE FROM entity WHERE id = ?').run(id);
        delKeys.run(id);
        this.sql("DELETE FROM review_candidate WHERE status = 'open' AND (entity_a = ? OR entity_b = ?)").run(id, id);
      }
      if (change.putEntities?.length) {
        this.putEntitiesSync(change.putEntities.map((k) => k.entity));
        for (const { entity, keys, keepKeys } of change.putEntities) {
          if (!keepKeys) delKeys.run(entity.id);
          for (const k of keys) addKey.run(k, entity.id);
        }
      }
      const where = 'WHERE document_seq = ? AND start = ? AND end = ? AND type = ? AND k = ?';
      const setMention = this.sql(`UPDATE mention SET entity_id = ? ${where}`);
      const setMentionStatus = this.sql(`UPDATE mention SET entity_id = ?, status = ? ${where}`);
      for (const m of change.mentions ?? []) {
        const key = this.mentionKey(m.id);
        if (key === undefined) continue; // as before: an unknown id changes nothing
        const at = [key.document_seq, key.start, key.end, key.type, key.k];
        const status = m.status === undefined ? undefined : STATUS_CODE.get(m.status);
        if (m.status !== undefined && status === undefined) throw new DaftarError('invalid_input', `mention status ${m.status} is not one of ${STATUSES.join(', ')}`);
        if (status === undefined) setMention.run(m.entityId, ...at);
        else setMentionStatus.run(m.entityId, status, ...at);
      }
      for (const actionId of change.removeConstraintsOfAction ?? []) this.sql('DELETE FROM resolution_constraint WHERE action_id = ?').run(actionId);
      const addConstraint = this.sql('INSERT OR IGNORE INTO resolution_constraint (kind, entity_a, entity_b, action_id) VALUES (?, ?, ?, ?)');
      for (const c of change.addConstraints ?? []) {
        const [a, b] = c.entityA < c.entityB ? [c.entityA, c.entityB] : [c.entityB, c.entityA];
        addConstraint.run(c.kind, a, b, c.actionId);
      }
      const putCandidate = this.sql(
        `INSERT INTO review_candidate (id, entity_a, entity_b, score, band, evidence, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (entity_a, entity_b) DO UPDATE SET score = excluded.score, band = excluded.band, evidence = excluded.evidence WHERE status = 'open'`,
      );
      for (const c of change.putCandidates ?? []) putCandidate.run(c.id, c.entityA, c.entityB, c.score, c.band, JSON.stringify(c.evidence), c.status, c.createdAt);
      const setCandidate = this.sql('UPDATE review_candidate SET status = ? WHERE id = ?');
      for (const c of change.candidateStatus ?? []) setCandidate.run(c.status, c.id);
      if (actions.length) this.putActionsSync(actions);
      return change.log ? this.appendLogSync(change.log) : null;
    });
  }

  async listConstraints(entityIds?: string[]): Promise<ResolutionConstraint[]> {
    type Row = { kind: string; entity_a: string; entity_b: string; action_id: string };
    let rows: Row[];
    if (entityIds === undefined) rows = this.sql('SELECT * FROM resolution_constraint').all() as Row[];
    else {
      const st = this.sql('SELECT * FROM resolution_constraint WHERE entity_a = ? OR entity_b = ?');
      const seen = new Set<string>();
      rows = [];
      for (const id of entityIds) {
        for (const r of st.all(id, id) as Row[]) {
          const k = `${r.kind}|${r.entity_a}|${r.entity_b}|${r.action_id}`;
          if (!seen.has(k)) rows.push(r);
          seen.add(k);
        }
      }
    }
    return rows.map((r) => ({ kind: r.kind as ResolutionConstraint['kind'], entityA: r.entity_a, entityB: r.entity_b, actionId: r.action_id }));
  }

  async listReviewCandidates(options: { status?: ReviewCandidate['status']; entityId?: string; limit?: number } = {}): Promise<ReviewCandidate[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (options.status) {
      where.push('status = ?');
      args.push(options.status);
    }
    if (options.entityId) {
      where.push('(entity_a = ? OR entity_b = ?)');
      args.push(options.entityId, options.entityId);
    }
    const rows = this.db
      .prepare(`SELECT * FROM review_candidate ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY score DESC, id LIMIT ?`)
      .all(...args, options.limit ?? -1) as { id: string; entity_a: string; entity_b: string; score: number; band: string; evidence: string; status: string; created_at: string }[];
    return rows.map((r) => ({
      id: r.id,
      entityA: r.entity_a,
      entityB: r.entity_b,
      score: r.score,
      band: r.band as ReviewCandidate['band'],
      evidence: JSON.parse(r.evidence) as Record<string, unknown>,
      status: r.status as ReviewCandidate['status'],
      createdAt: r.created_at,
    }));
  }

  async getAction(id: string): Promise<Action | null> {
    const data = this.sql('SELECT data FROM action WHERE id = ?').pluck().get(id) as string | undefined;
    return data === undefined ? null : (JSON.parse(data) as Action);
  }

  async listActionsForEntity(entityId: string): Promise<Action[]> {
    // Actions are few next to mentions: a substring scan, then an exact check on the payload.
    const rows = this.sql("SELECT data FROM action WHERE instr(data, ?) > 0 ORDER BY at, id").pluck().all(JSON.stringify(entityId)) as string[];
    return rows
      .map((d) => JSON.parse(d) as Action)
      .filter((a) => Array.isArray(a.payload.entityIds) && (a.payload.entityIds as unknown[]).includes(entityId));
  }

  async listUncuratedEntityIds(): Promise<string[]> {
    return this.sql("SELECT id FROM entity WHERE coalesce(json_extract(data, '$.attributes.curated'), 0) != 1 ORDER BY id").pluck().all() as string[];
  }

  // reuse and claims (issue 6)
  async listReuseLinks(options: { documentIds?: DocumentId[] } = {}): Promise<ReuseLink[]> {
    if (!options.documentIds) return (this.db.prepare('SELECT data FROM reuse_link ORDER BY id').pluck().all() as string[]).map((d) => JSON.parse(d) as ReuseLink);
    const bySource = this.sql('SELECT data FROM reuse_link WHERE source_document_id = ?').pluck();
    const byTarget = this.sql('SELECT data FROM reuse_link WHERE target_document_id = ?').pluck();
    const out = new Map<string, ReuseLink>();
    for (const id of new Set(options.documentIds)) {
      for (const d of [...(bySource.all(id) as string[]), ...(byTarget.all(id) as string[])]) {
        const l = JSON.parse(d) as ReuseLink;
        out.set(l.id, l);
      }
    }
    return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  async listClaims(options: { groupId?: string; documentId?: DocumentId } = {}): Promise<Claim[]> {
    const where: string[] = [];
    const args: string[] = [];
    if (options.groupId !== undefined) (where.push('group_id = ?'), args.push(options.groupId));
    if (options.documentId !== undefined) (where.push('document_id = ?'), args.push(options.documentId));
    const sql = `SELECT data FROM claim${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
    return (this.db.prepare(sql).pluck().all(...args) as string[]).map((d) => JSON.parse(d) as Claim);
  }

  async getClaim(id: string): Promise<Claim | null> {
    const d = this.sql('SELECT data FROM claim WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? null : (JSON.parse(d) as Claim);
  }

  async replaceClaims(claims: Claim[], groups: ClaimGroupRecord[]): Promise<void> {
    const parsed = claims.map((c) => Claim.parse(c));
    this.db.transaction(() => {
      this.db.exec('DELETE FROM claim; DELETE FROM claim_group_record;');
      this.putClaimsSync(parsed);
      const st = this.db.prepare('INSERT OR REPLACE INTO claim_group_record (id, data) VALUES (?, ?)');
      for (const g of groups) st.run(g.id, JSON.stringify(g));
    })();
  }

  async listClaimGroups(): Promise<ClaimGroupRecord[]> {
    return (this.sql('SELECT data FROM claim_group_record ORDER BY id').pluck().all() as string[]).map((d) => JSON.parse(d) as ClaimGroupRecord);
  }

  async getClaimGroup(id: string): Promise<ClaimGroupRecord | null> {
    const d = this.sql('SELECT data FROM claim_group_record WHERE id = ?').pluck().get(id) as string | undefined;
    return d === undefined ? null : (JSON.parse(d) as ClaimGroupRecord);
  }

  // api (issue 7)
  async pageEntities(options: { type?: Entity['type']; q?: string; after?: string; limit: number }): Promise<Entity[]> {
    const where: string[] = [];
    const args: string[] = [];
    if (options.after !== undefined) (where.push('id > ?'), args.push(options.after));
    if (options.type) (where.push('type = ?'), args.push(options.type));
    const sql = `SELECT data FROM entity${where.length ? ' WHERE ' + where.join(' AND ') : ''} ORDER BY id`;
    const q = options.q?.trim().toLowerCase();
    const out: Entity[] = [];
    if (options.limit <= 0) return out;
    // Walks rows in id order and stops at the page's end (the name test needs the JSON).
    for (const d of this.db.prepare(sql).pluck().iterate(...args) as Iterable<string>) {
      const e = JSON.parse(d) as Entity;
      if (q && !e.name.toLowerCase().includes(q) && !e.aliases.some((a) => a.name.toLowerCase().includes(q))) continue;
      out.push(e);
      if (out.length >= options.limit) break;
    }
    return out;
  }
}
