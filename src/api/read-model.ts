// What the API reads beyond a document's own rows: entities, claims, reuse links,
// events, actions, and corpus-wide lists (timeline, map, facets). One entity's page
// reads the store (getEntities, mentionsOfEntity, listActionsForEntity), and so does
// the entity list (pageEntities); for the other lists (claims, reuse links of a
// document, timeline, facets) `ExportScanReadModel` builds an in-memory snapshot from
// `store.exportRecords()`; swap in store methods as they land.
import type { Action, Claim, DocumentId, DocumentKind, Entity, Event, Language, Mention, MediaType, ReuseLink } from '../model/schema.js';
import type { Store } from '../store/store.js';

/** A document without its text: enough for lists, facets, timeline and map. */
export interface DocumentSummary {
  id: DocumentId;
  title: string | null;
  site: string | null;
  language: Language;
  documentKind: DocumentKind;
  mediaType: MediaType;
  publishedOn: string | null;
  gps: { lat: number; lon: number } | null;
}

export interface Facets {
  language: Record<string, number>;
  site: Record<string, number>;
  kind: Record<string, number>;
  year: Record<string, number>;
}

export interface TimelineEntry {
  date: string;              // ISO date or prefix (YYYY, YYYY-MM)
  source: 'published' | 'mention';
  documentId: DocumentId;
  title: string | null;
  site: string | null;
  text: string | null;       // the DATE mention's words
  mentionId: string | null;
}

export interface PlacePoint {
  entity: Entity;
  lat: number;
  lon: number;
  documentIds: DocumentId[];
}

export interface ApiReadModel {
  summary(id: DocumentId): Promise<DocumentSummary | null>;
  workspaceFacets(): Promise<Facets>;
  listEntities(options: { type?: Entity['type']; q?: string; after?: string; limit: number }): Promise<Entity[]>;
  getEntity(id: string): Promise<Entity | null>;
  mentionsOfEntity(id: string, limit: number): Promise<Mention[]>;
  listClaims(): Promise<Claim[]>;
  getClaim(id: string): Promise<Claim | null>;
  reuseLinksOf(documentId: DocumentId): Promise<ReuseLink[]>;
  listReuseLinks(options: { after?: string; limit: number }): Promise<ReuseLink[]>;
  listEvents(options: { after?: string; limit: number }): Promise<Event[]>;
  /** Curation actions naming this entity, oldest first. */
  actionsAbout(entityId: string): Promise<Action[]>;
  timeline(options: { from?: string; to?: string }): Promise<TimelineEntry[]>;
  places(): Promise<PlacePoint[]>;
  geotagged(): Promise<DocumentSummary[]>;
  /** Tells the model the workspace changed (after an upload). */
  invalidate(): void;
}

interface Snapshot {
  builtAt: number;
  fingerprint: string;
  summaries: Map<DocumentId, DocumentSummary>;
  facets: Facets;
  entities: Entity[]; // by id
  entityById: Map<string, Entity>;
  mentionsByEntity: Map<string, Mention[]>;
  dateMentions: Mention[];
  claims: Claim[];
  reuse: ReuseLink[];
  reuseByDocument: Map<DocumentId, ReuseLink[]>;
  events: Event[];
  actions: Action[];
  /** Derived lists, computed on first use per snapshot. */
  memo: { timeline?: TimelineEntry[]; geotagged?: DocumentSummary[]; places?: PlacePoint[] };
}

/** Reads the document kind under its current name (`documentKind`) or the older `kind`. */
export function documentKindOf(d: object): DocumentKind {
  const r = d as { documentKind?: DocumentKind; kind?: DocumentKind };
  return r.documentKind ?? r.kind ?? 'other';
}

export function yearOf(date: string | null): string | null {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** Coordinates of a place entity, from whichever shape its attributes use. */
export function coordinatesOf(attributes: Record<string, unknown>): { lat: number; lon: number } | null {
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const a = attributes;
  const pairs: [unknown, unknown][] = [
    [a.lat, a.lon],
    [a.latitude, a.longitude],
  ];
  const c = a.coordinates;
  if (Array.isArray(c)) pairs.push([c[1], c[0]]); // GeoJSON order: [lon, lat]
  else if (c && typeof c === 'object') pairs.push([(c as Record<string, unknown>).lat, (c as Record<string, unknown>).lon]);
  for (const [la, lo] of pairs) {
    const lat = num(la);
    const lon = num(lo);
    if (lat !== null && lon !== null && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) return { lat, lon };
  }
  return null;
}

function count(rec: Record<string, number>, key: string | null): void {
  const k = key ?? '(unknown)';
  rec[k] = (rec[k] ?? 0) + 1;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads everything once through the export, keeps what the API needs (no document
 * text), and rebuilds when invalidated or older than `maxAgeMs` (stale data is served
 * while the rebuild runs, so a large workspace never stalls a request).
 */
export class ExportScanReadModel implements ApiReadModel {
  private snapshot: Snapshot | null = null;
  private building: Promise<Snapshot> | null = null;
  private dirty = false;
  private checkedAt = Date.now();

  constructor(
    private readonly store: Store,
    private readonly maxAgeMs = 15_000,
  ) {}

  invalidate(): void {
    this.dirty = true;
  }

  private async current(): Promise<Snapshot> {
    if (!this.snapshot || this.dirty) {
      this.dirty = false;
      this.snapshot = await this.rebuild();
      return this.snapshot;
    }
    const now = Date.now();
    if (now - this.checkedAt > this.maxAgeMs && !this.building) {
      this.checkedAt = now;
      // Rescan only when the workspace moved on (documents or log), or after a long
      // while for writers that add entities without a log entry.
      const fingerprint = await this.fingerprint();
      if (fingerprint !== this.snapshot.fingerprint || now - this.snapshot.builtAt > 20 * this.maxAgeMs) {
        void this.rebuild().then(
          (s) => (this.snapshot = s),
          () => undefined,
        );
      }
    }
    return this.snapshot;
  }

  private async fingerprint(): Promise<string> {
    return `${await this.store.countDocuments()}/${await this.store.logSize()}`;
  }

  private rebuild(): Promise<Snapshot> {
    if (this.building) return this.building;
    this.building = this.scan().finally(() => (this.building = null));
    return this.building;
  }

  private async scan(): Promise<Snapshot> {
    const s: Snapshot = {
      builtAt: Date.now(),
      fingerprint: await this.fingerprint(),
      summaries: new Map(),
      facets: { language: {}, site: {}, kind: {}, year: {} },
      entities: [],
      entityById: new Map(),
      mentionsByEntity: new Map(),
      dateMentions: [],
      claims: [],
      reuse: [],
      reuseByDocument: new Map(),
      events: [],
      actions: [],
      memo: {},
    };
    let n = 0;
    for await (const { kind, record } of this.store.exportRecords()) {
      // Let requests in between: a scan of a large workspace takes seconds.
      if (++n % 2000 === 0) await new Promise((r) => setImmediate(r));
      switch (kind) {
        case 'document': {
          const d = record as unknown as import('../model/schema.js').Document;
          const gps = d.metadata.extra?.gps as { lat?: unknown; lon?: unknown } | undefined;
          const sum: DocumentSummary = {
            id: d.id,
            title: d.metadata.title,
            site: d.metadata.site,
            language: d.metadata.language,
            documentKind: documentKindOf(d),
            mediaType: d.mediaType,
            publishedOn: d.metadata.published?.value ?? null,
            gps: gps ? coordinatesOf(gps as Record<string, unknown>) : null,
          };
          s.summaries.set(d.id, sum);
          count(s.facets.language, sum.language);
          count(s.facets.site, sum.site);
          count(s.facets.kind, sum.documentKind);
          count(s.facets.year, yearOf(sum.publishedOn));
          break;
        }
        case 'mention': {
          const m = record as unknown as Mention;
          if (m.status === 'rejected') break;
          if (m.entityId) pushTo(s.mentionsByEntity, m.entityId, m);
          if (m.type === 'DATE' && m.value && /^\d{4}(-\d{2}(-\d{2})?)?/.test(m.value)) s.dateMentions.push(m);
          break;
        }
        case 'entity': {
          const e = record as unknown as Entity;
          s.entities.push(e);
          s.entityById.set(e.id, e);
          break;
        }
        case 'claim':
          s.claims.push(record as unknown as Claim);
          break;
        case 'reuse': {
          const l = record as unknown as ReuseLink;
          s.reuse.push(l);
          pushTo(s.reuseByDocument, l.sourceDocumentId, l);
          if (l.targetDocumentId !== l.sourceDocumentId) pushTo(s.reuseByDocument, l.targetDocumentId, l);
          break;
        }
        case 'event':
          s.events.push(record as unknown as Event);
          break;
        case 'action':
          s.actions.push(record as unknown as Action);
          break;
        default:
          break; // passages and log entries are read from the store directly
      }
    }
    return s;
  }

  async summary(id: DocumentId): Promise<DocumentSummary | null> {
    return (await this.current()).summaries.get(id) ?? null;
  }

  async workspaceFacets(): Promise<Facets> {
    return (await this.current()).facets;
  }

  // Entities come from the store page by page (pageEntities), so a curation action shows at once.
  async listEntities(options: { type?: Entity['type']; q?: string; after?: string; limit: number }): Promise<Entity[]> {
    return this.store.pageEntities(options);
  }

  // One entity's page reads the store directly (fresh after a resolve run, no scan).
  async getEntity(id: string): Promise<Entity | null> {
    return (await this.store.getEntities([id]))[0] ?? null;
  }

  async mentionsOfEntity(id: string, limit: number): Promise<Mention[]> {
    return (await this.store.mentionsOfEntity(id, limit)).filter((m) => m.status !== 'rejected');
  }

  async listClaims(): Promise<Claim[]> {
    return (await this.current()).claims;
  }

  async getClaim(id: string): Promise<Claim | null> {
    return (await this.current()).claims.find((c) => c.id === id) ?? null;
  }

  async reuseLinksOf(documentId: DocumentId): Promise<ReuseLink[]> {
    return (await this.current()).reuseByDocument.get(documentId) ?? [];
  }

  async listReuseLinks(options: { after?: string; limit: number }): Promise<ReuseLink[]> {
    const list = (await this.current()).reuse;
    return afterId(list, options.after, options.limit);
  }

  async listEvents(options: { after?: string; limit: number }): Promise<Event[]> {
    return afterId((await this.current()).events, options.after, options.limit);
  }

  async actionsAbout(entityId: string): Promise<Action[]> {
    return this.store.listActionsForEntity(entityId);
  }

  async timeline(options: { from?: string; to?: string }): Promise<TimelineEntry[]> {
    const s = await this.current();
    const all = (s.memo.timeline ??= buildTimeline(s));
    if (!options.from && !options.to) return all;
    const from = options.from ?? '';
    const to = options.to ?? '\uffff';
    return all.filter((e) => e.date.slice(0, 10) >= from && e.date.slice(0, 10) <= to);
  }

  async places(): Promise<PlacePoint[]> {
    const s = await this.current();
    if (s.memo.places) return s.memo.places;
    const out: PlacePoint[] = [];
    for (const e of s.entities) {
      if (e.type !== 'PLACE') continue;
      const c = coordinatesOf(e.attributes);
      if (!c) continue;
      const docs = [...new Set((s.mentionsByEntity.get(e.id) ?? []).map((m) => m.documentId))];
      out.push({ entity: e, ...c, documentIds: docs });
    }
    return (s.memo.places = out);
  }

  async geotagged(): Promise<DocumentSummary[]> {
    const s = await this.current();
    return (s.memo.geotagged ??= [...s.summaries.values()].filter((d) => d.gps !== null));
  }
}

/** Publication dates and DATE mentions, oldest first; an interval "A/B" is placed at A. */
function buildTimeline(s: Snapshot): TimelineEntry[] {
  const out: TimelineEntry[] = [];
  for (const d of s.summaries.values()) {
    if (d.publishedOn) out.push({ date: d.publishedOn, source: 'published', documentId: d.id, title: d.title, site: d.site, text: null, mentionId: null });
  }
  for (const m of s.dateMentions) {
    const date = m.value!.split('/')[0]!.slice(0, 10);
    const d = s.summaries.get(m.documentId);
    out.push({ date, source: 'mention', documentId: m.documentId, title: d?.title ?? null, site: d?.site ?? null, text: m.text, mentionId: m.id });
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.documentId < b.documentId ? -1 : a.documentId > b.documentId ? 1 : 0));
  return out;
}

function afterId<T extends { id: string }>(list: T[], after: string | undefined, limit: number): T[] {
  const sorted = list; // exportRecords yields these ordered by id
  const start = after === undefined ? 0 : sorted.findIndex((x) => x.id > after);
  return start < 0 ? [] : sorted.slice(start, start + limit);
}
