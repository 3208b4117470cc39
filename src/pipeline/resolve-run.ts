// Joins the pure resolver (src/resolve/) to the store: the name mentions of some
// documents become entities. Within a document, `resolveMentions` groups the mentions
// (spelling variants, a bare surname under the one full name it can belong to, an
// acronym under its long form). Each group then meets the existing entities only
// through their blocking keys (entity_key), so adding documents costs in proportion
// to their mentions, not to the workspace. Scores in the automatic band link; the
// review band makes a new entity and a review candidate; below, a new entity.
// Automatic runs only ever attach unlinked mentions: a person's merge, split or
// rejection is never overturned, because linked mentions and curated entities are
// never touched (a rebuild drops only uncurated entities).
import { createHash } from 'node:crypto';
import type { DocumentId, Entity, Mention } from '../model/schema.js';
import { ALIAS_MATCH_EXTRACTOR, aliasLookupTokens, type PresentMention, crossScriptNames, findAliasMentions, statedNames, translationSpans, type KnownEntity } from '../resolve/alias-match.js';
import { blockingKeys } from '../resolve/duplicates.js';
import { lookupPlace } from '../resolve/gazetteer.js';
import { resolveMentions, wordBefore, type MentionInput, type ResolvedCluster } from '../resolve/mentions.js';
import { analyzeName, type NameRecord, type NameType } from '../resolve/name-record.js';
import { skeletonOf } from '../resolve/phonetic-key.js';
import { AUTOMATIC_THRESHOLD, REVIEW_THRESHOLD, scoreNamePair, type PairSignals } from '../resolve/score.js';
import { wordSimilarity } from '../resolve/similarity.js';
import type { EntityChange, KeyedEntity, ReviewCandidate, Store } from '../store/store.js';
import { isMostlyArabicScript } from '../text/normalize.js';
import { isInstitutionWord, translationKey } from './org-words.js';
import { logDraft } from './workspace.js';

export interface ResolveRunOptions {
  /** Resolve only these documents' unlinked mentions (an ingest batch); default: every document that has some. */
  documentIds?: DocumentId[];
  /** Drop every entity no person has curated and resolve all mentions again. */
  rebuild?: boolean;
  /** Documents per transaction (default 200). */
  batchSize?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

export interface ResolveReport {
  documents: number;
  mentions: number;
  /** Mentions linked to an entity that existed before their document was resolved. */
  linkedToExisting: number;
  entitiesCreated: number;
  reviewCandidates: number;
  /** Entities dropped by --rebuild. */
  entitiesDropped: number;
  /** Mentions added where a known entity's name was found but not extracted (alias-match@1). */
  aliasMentions: number;
  seconds: number;
}

/** Blocks larger than this say nothing (a common given name): skipped. */
const MAX_BLOCK = 200;
/** At most this many entities, those sharing the most keys, are scored per group. */
const MAX_SCORED = 12;
/** Names of an entity used for keys and scoring; more aliases are kept but not indexed. */
const MAX_INDEXED_NAMES = 8;

const NAME_TYPES = new Set(['PERSON', 'ORG', 'PLACE']);

/** "latin" or "arabic" (Persian/Arabic script) for an alias. */
export function scriptOf(name: string): 'latin' | 'arabic' | 'other' {
  if (isMostlyArabicScript(name)) return 'arabic';
  return /\p{Script=Latin}/u.test(name) ? 'latin' : 'other';
}

/** A short stable id from some text: "ent-" + 16 hex digits of its SHA-256. */
export function stableId(prefix: string, text: string): string {
  return `${prefix}-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
}

/** A person's name of one word ("Kalantari") is a bare surname: never a key or a scoring name. */
export function isFullName(name: string, type: NameType): boolean {
  if (type !== 'PERSON') return true;
  return analyzeName(name, type).words.length >= 2;
}

/** The names of an entity that stand for it in blocking and scoring: its name, then full-name aliases. */
export function indexedNames(e: Pick<Entity, 'name' | 'aliases' | 'type'>): string[] {
  // Spellings with the same phonetic words ("Dariush Kalantari" / "Daryoush Kalantary")
  // add nothing to blocking or scoring: one stands for all, so a popular person's
  // hundred variants cost like a few.
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of [e.name, ...e.aliases.map((a) => a.name)]) {
    if (!isFullName(n, e.type)) continue;
    const key = analyzeName(n, e.type).words.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
    if (out.length >= MAX_INDEXED_NAMES) break;
  }
  return out.length > 0 ? out : [e.name];
}

/**
 * Blocking keys of a name record, prefixed by its type: pairs of word skeletons
 * ("PERSON:drysh|klntr", from duplicates.ts) and single word skeletons ("PERSON:w:klntr")
 * so that "Chalkhan" meets "Chalkhan camp" and a bare surname meets its full names.
 */
export function recordKeys(record: NameRecord, type: NameType): string[] {
  const keys = new Set(blockingKeys(record).map((k) => `${type}:${k}`));
  for (const name of [record.name, ...(record.aliases ?? [])]) {
    if (type === 'ORG') {
      const t = translationKey(name);
      if (t) keys.add(`ORG:t:${t}`);
    }
    const words = analyzeName(name, type).words;
    for (const w of words) {
      const sk = skeletonOf(w);
      if (sk.length >= 2) keys.add(`${type}:w:${sk}`);
    }
    // Two words written as one elsewhere: "Mir-Sadeghi" meets "Mirsadeghi" (and «میرصادقی»).
    for (let i = 0; i + 1 < words.length; i++) {
      const sk = skeletonOf(words[i]! + words[i + 1]!);
      if (sk.length >= 4) keys.add(`${type}:w:${sk}`);
    }
  }
  return [...keys];
}

/** Blocking keys of an entity (see recordKeys). */
export function entityKeys(e: Pick<Entity, 'name' | 'aliases' | 'type'>): string[] {
  return recordKeys(entityRecord(e), e.type);
}

/** The record an entity is scored as. */
export function entityRecord(e: Pick<Entity, 'name' | 'aliases' | 'type'>): NameRecord {
  const [name, ...aliases] = indexedNames(e);
  return { name: name!, aliases, type: e.type };
}

/** Gazetteer attributes of a place: coordinates when one place fits, candidates when several do. */
export function placeAttributes(name: string): Record<string, unknown> {
  const found = lookupPlace(name);
  if (found.length === 0) return {};
  const brief = (p: (typeof found)[number]) => ({ name: p.name, kind: p.kind, country: p.country, lat: p.lat, lon: p.lon, population: p.population, source: p.source });
  if (found.length === 1) return { lat: found[0]!.lat, lon: found[0]!.lon, gazetteer: brief(found[0]!) };
  // Ambiguous: a person decides; nothing is guessed.
  return { placeCandidates: found.slice(0, 8).map(brief) };
}

function toInputs(mentions: Mention[], text?: string): MentionInput[] {
  const bySpan = new Map(mentions.map((m) => [`${m.start}-${m.end}`, m]));
  return mentions.map((m) => {
    const input: MentionInput = { id: m.id, text: m.text, type: m.type as NameType, documentId: m.documentId, start: m.start, end: m.end };
    if (typeof m.attributes.title === 'string') input.title = m.attributes.title;
    const ac = m.attributes.acronymOf as { start?: number; end?: number } | undefined;
    if (ac && typeof ac.start === 'number') {
      const long = bySpan.get(`${ac.start}-${ac.end}`);
      if (long) input.acronymOf = long.text;
    }
    if (text !== undefined && (m.type === 'PERSON' || !/\s/.test(m.text.trim()))) {
      const before = wordBefore(text, m.start);
      if (before !== undefined) input.before = before;
    }
    return input;
  });
}

/** The largest block a run asks for (MAX_BLOCK): key lists are cached up to one more id. */
const CACHED_BLOCK = 200;

/**
 * The store as one run sees it, with what the run reads again and again kept: the
 * entity ids of each blocking key (a common word's key is asked for by most documents)
 * and parsed entities. The run is the workspace's only writer while it lasts, and every
 * write goes through applyEntityChange here, which keeps the cache true: keys an entity
 * gains are added to their cached lists; a deletion or a key replacement drops the key
 * cache; a written entity is read again. Results are the store's, only cheaper.
 */
export function runCache(store: Store): Store {
  // Ids of a key sorted as the store returns them (by id); CACHED_BLOCK + 1 ids means "more".
  const keyIds = new Map<string, string[]>();
  const entities = new Map<string, Entity>();
  // The cached keys whose lists hold an entity (may name keys dropped since).
  const cachedKeys = new Map<string, Set<string>>();
  const keysOf = (id: string) => {
    let set = cachedKeys.get(id);
    if (!set) cachedKeys.set(id, (set = new Set()));
    return set;
  };
  const findEntitiesByKeys = async (keys: string[], maxBlock: number): Promise<Map<string, string[]>> => {
    if (maxBlock > CACHED_BLOCK) return store.findEntitiesByKeys(keys, maxBlock);
    const missing = [...new Set(keys)].filter((k) => !keyIds.has(k));
    if (missing.length > 0) {
      const found = await store.findEntitiesByKeys(missing, CACHED_BLOCK);
      // An empty answer is an empty block or one larger than CACHED_BLOCK: asked again in full.
      const empty = missing.filter((k) => (found.get(k) ?? []).length === 0);
      const full = empty.length > 0 ? await store.findEntitiesByKeys(empty, 1_000_000_000) : new Map<string, string[]>();
      for (const k of missing) {
        const ids = (found.get(k)?.length ? found.get(k)! : (full.get(k) ?? [])).slice(0, CACHED_BLOCK + 1);
        keyIds.set(k, ids);
        for (const id of ids) keysOf(id).add(k);
      }
    }
    const out = new Map<string, string[]>();
    for (const k of new Set(keys)) {
      const ids = keyIds.get(k)!;
      out.set(k, ids.length > maxBlock ? [] : ids.slice(0, maxBlock));
    }
    return out;
  };
  const getEntities = async (ids: string[]): Promise<Entity[]> => {
    const missing = ids.filter((id) => !entities.has(id));
    if (missing.length > 0) for (const e of await store.getEntities(missing)) entities.set(e.id, e);
    const out: Entity[] = [];
    for (const id of ids) {
      const e = entities.get(id);
      if (e) out.push(e);
    }
    return out;
  };
  const applyEntityChange: Store['applyEntityChange'] = async (change) => {
    const result = await store.applyEntityChange(change);
    if ((change.putEntities ?? []).some((p) => !p.keepKeys)) {
      keyIds.clear();
      cachedKeys.clear();
    }
    for (const id of change.deleteEntityIds ?? []) {
      entities.delete(id);
      // A deleted entity leaves its keys' lists. A full list (more than CACHED_BLOCK ids)
      // holding it may now be the whole block or still too large: asked again.
      for (const k of cachedKeys.get(id) ?? []) {
        const ids = keyIds.get(k);
        const at = ids ? ids.indexOf(id) : -1;
        if (at < 0) continue;
        if (ids!.length > CACHED_BLOCK) keyIds.delete(k);
        else ids!.splice(at, 1);
      }
      cachedKeys.delete(id);
    }
    for (const { entity, keys } of change.putEntities ?? []) {
      entities.delete(entity.id);
      for (const k of keys) {
        const ids = keyIds.get(k);
        if (!ids || ids.length > CACHED_BLOCK) continue;
        let lo = 0;
        let hi = ids.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (ids[mid]! < entity.id) lo = mid + 1;
          else hi = mid;
        }
        if (ids[lo] !== entity.id) {
          ids.splice(lo, 0, entity.id);
          keysOf(entity.id).add(k);
        }
      }
    }
    return result;
  };
  const overrides: Partial<Store> = { findEntitiesByKeys, getEntities, applyEntityChange };
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && prop in overrides) return overrides[prop as keyof Store];
      const v = Reflect.get(target, prop, receiver) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/** Entities being written in this batch, visible to the next documents before the commit. */
class Overlay {
  readonly entities = new Map<string, Entity>();
  readonly changed = new Set<string>();
  readonly keys = new Map<string, Set<string>>();
  /** Keys each changed entity gained in this batch (keys are only ever added by a run). */
  private readonly gained = new Map<string, Set<string>>();
  links: { id: string; entityId: string }[] = [];
  candidates: ReviewCandidate[] = [];

  constructor(private readonly store: Store) {}

  async load(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.entities.has(id));
    for (const e of await this.store.getEntities(missing)) this.entities.set(e.id, e);
  }

  /** Writes an entity; `previous` is its version before (null when new), to index only new keys. */
  put(e: Entity, previous: Entity | null): void {
    this.entities.set(e.id, e);
    this.changed.add(e.id);
    const before = previous ? indexedNames(previous) : [];
    const after = indexedNames(e);
    if (previous && before.length === after.length && before.every((n, i) => n === after[i])) return;
    const old = new Set(previous ? entityKeys(previous) : []);
    const gained = this.gained.get(e.id) ?? new Set<string>();
    for (const k of entityKeys(e)) {
      if (old.has(k)) continue;
      gained.add(k);
      const s = this.keys.get(k) ?? new Set<string>();
      s.add(e.id);
      this.keys.set(k, s);
    }
    this.gained.set(e.id, gained);
  }

  change(): EntityChange {
    const putEntities: KeyedEntity[] = [...this.changed].map((id) => ({ entity: this.entities.get(id)!, keys: [...(this.gained.get(id) ?? [])], keepKeys: true }));
    return { putEntities, mentions: this.links, putCandidates: this.candidates };
  }

  reset(): void {
    this.entities.clear();
    this.changed.clear();
    this.keys.clear();
    this.gained.clear();
    this.links = [];
    this.candidates = [];
  }
}

function addAliases(e: Entity, names: Iterable<string>): boolean {
  const have = new Set([e.name, ...e.aliases.map((a) => a.name)]);
  let added = false;
  for (const n of names) {
    if (have.has(n)) continue;
    e.aliases.push({ name: n, script: scriptOf(n), source: 'extracted' });
    have.add(n);
    added = true;
  }
  return added;
}

interface Scored {
  entity: Entity;
  score: number;
  signals: PairSignals;
}

const UNSCORED = {} as PairSignals;

/** Single-word blocks of a person's full name larger than this are skipped (a common given name): the pair keys find its matches. */
const MAX_WORD_BLOCK = 40;

async function candidatesFor(store: Store, overlay: Overlay, record: NameRecord, type: NameType, keys = recordKeys(record, type), score = true): Promise<Scored[]> {
  // Single-word keys of a person's full name catch what pair keys miss (a Persian-script
  // spelling whose skeleton differs in one word), but their blocks can be as large as a
  // common given name: asked with a small limit.
  const multiWordPerson = type === 'PERSON' && analyzeName(record.name, type).words.length >= 2;
  const wordKeys = multiWordPerson ? keys.filter((k) => k.startsWith('PERSON:w:')) : [];
  const stored = await store.findEntitiesByKeys(multiWordPerson ? keys.filter((k) => !k.startsWith('PERSON:w:')) : keys, MAX_BLOCK);
  for (const [k, ids] of await store.findEntitiesByKeys(wordKeys, MAX_WORD_BLOCK)) stored.set(k, ids);
  const shared = new Map<string, number>();
  for (const k of keys) {
    const ids = new Set([...(stored.get(k) ?? []), ...(overlay.keys.get(k) ?? [])]);
    if (ids.size > MAX_BLOCK) continue;
    for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
  }
  // A person's full name must share two keys with an entity (a word pair, or two
  // words) to be scored against it: one shared given name is not a lead.
  // (Places and organizations: "Tirab River" must still meet "Tirab".)
  const need = multiWordPerson ? 2 : 1;
  const top = [...shared.entries()]
    .filter(([, n]) => n >= need)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_SCORED)
    .map(([id]) => id);
  await overlay.load(top);
  const out: Scored[] = [];
  for (const id of top) {
    const entity = overlay.entities.get(id);
    if (!entity || entity.type !== type) continue;
    // Unscored (score 0, in block order) for a caller that only looks at the names.
    if (!score) {
      out.push({ entity, score: 0, signals: UNSCORED });
      continue;
    }
    const s = scoreNamePair(record, entityRecord(entity));
    out.push({ entity, score: s.score, signals: s.signals });
  }
  return out.sort((a, b) => b.score - a.score);
}

/**
 * Resolves the name mentions of some documents (or of every document with unlinked
 * ones) into entities, incrementally: resolveWorkspace(ws, { documentIds: report.added.map((a) => a.id) }).
 */
export async function resolveWorkspace(ws: { store: Store }, options: ResolveRunOptions = {}): Promise<ResolveReport> {
  const started = performance.now();
  const store = runCache(ws.store);
  const now = (options.now ?? new Date()).toISOString();
  const report: ResolveReport = { documents: 0, mentions: 0, linkedToExisting: 0, entitiesCreated: 0, reviewCandidates: 0, entitiesDropped: 0, aliasMentions: 0, seconds: 0 };

  if (options.rebuild) {
    const drop = await store.listUncuratedEntityIds();
    const unlink: { id: string; entityId: null }[] = [];
    for (const id of drop) for (const m of await store.mentionsOfEntity(id, 1_000_000)) if (m.status !== 'confirmed') unlink.push({ id: m.id, entityId: null });
    await store.applyEntityChange({ deleteEntityIds: drop, mentions: unlink });
    report.entitiesDropped = drop.length;
  }

  const documentIds = options.documentIds ?? (await store.listDocumentsWithUnlinkedMentions());
  const batchSize = options.batchSize ?? 200;
  const overlay = new Overlay(store);
  const created: string[] = [];
  for (let i = 0; i < documentIds.length; i += batchSize) {
    const batch = documentIds.slice(i, i + batchSize);
    const mentions = await store.listNameMentions({ documentIds: batch });
    const byDocument = new Map<string, Mention[]>();
    for (const m of mentions) {
      if (!NAME_TYPES.has(m.type)) continue;
      // Found by name earlier and unlinked since (a rebuild): found again below.
      if (m.extractor === ALIAS_MATCH_EXTRACTOR && m.entityId === null) continue;
      const list = byDocument.get(m.documentId) ?? [];
      list.push(m);
      byDocument.set(m.documentId, list);
    }
    for (const [, docMentions] of byDocument) {
      if (!docMentions.some((m) => m.entityId === null)) continue;
      report.documents++;
      await resolveDocument(store, overlay, docMentions, now, report, created);
    }
    await store.applyEntityChange(overlay.change());
    overlay.reset();
    options.onProgress?.(Math.min(i + batchSize, documentIds.length), documentIds.length);
  }
  await consolidateTypes(store, created);
  // Then the names of known entities are looked for where extraction missed them.
  // (A rebuild looks in every document, those without any extracted name too.)
  const scan = options.rebuild && !options.documentIds ? await allDocumentIds(store) : documentIds;
  for (const id of scan) report.aliasMentions += await propagateAliases(store, id);
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

/**
 * An entity made in this run whose name is, word for word, the name of the one entity
 * of another type (the recognizer typed "Arsavan" a person in one sentence, a place in
 * another, and the place came later) joins that entity; of two made in this run, the one
 * with fewer mentions joins the other. Costs in proportion to the entities made.
 */
export async function consolidateTypes(store: Store, created: string[]): Promise<void> {
  const made = new Set(created);
  const gone = new Set<string>();
  for (const id of created) {
    if (gone.has(id)) continue;
    const [e] = await store.getEntities([id]);
    if (!e) continue;
    const overlay = new Overlay(store);
    const other = await otherTypeMatch(store, overlay, [e.name], e.type);
    if (!other || gone.has(other.id)) continue;
    const mine = await store.mentionsOfEntity(e.id);
    if (made.has(other.id) && (await store.mentionsOfEntity(other.id, mine.length + 1)).length < mine.length) continue;
    if (mine.some((m) => m.status !== 'suggested')) continue;
    const target: Entity = { ...other, aliases: [...other.aliases] };
    addAliases(target, [e.name, ...e.aliases.map((a) => a.name)]);
    await store.applyEntityChange({
      deleteEntityIds: [e.id],
      putEntities: [{ entity: target, keys: entityKeys(target), keepKeys: true }],
      mentions: mine.map((m) => ({ id: m.id, entityId: other.id })),
    });
    gone.add(e.id);
  }
}

async function allDocumentIds(store: Store): Promise<DocumentId[]> {
  const out: DocumentId[] = [];
  for (let after: DocumentId | undefined; ; ) {
    const page = await store.listDocuments({ after, limit: 500 });
    if (page.length === 0) return out;
    for (const d of page) out.push(d.id);
    after = page[page.length - 1]!.id;
  }
}

// The word keys a surface word is looked up by, per word (the same words recur in every document).
const lookupKeys = new Map<string, string[]>();

function wordLookupKeys(surface: string): string[] {
  let keys = lookupKeys.get(surface);
  if (keys) return keys;
  keys = [];
  for (const type of ['PERSON', 'PLACE', 'ORG'] as const) {
    for (const w of analyzeName(surface, type).words) {
      const sk = skeletonOf(w);
      if (sk.length >= 2) keys.push(`${type}:w:${sk}`);
    }
  }
  if (lookupKeys.size >= 200_000) lookupKeys.clear();
  lookupKeys.set(surface, keys);
  return keys;
}

/** A word skeleton shared by more entities than this finds none (too common to say which). */
const ALIAS_BLOCK = 50;

/**
 * Alias propagation for one document: the entities whose word keys its capitalized
 * (Latin) or Persian-script words carry are loaded, and their names found in the text
 * become mentions (alias-match@1, suggested) linked to them. Earlier alias-match
 * mentions a person has not decided on are replaced. Costs in proportion to the
 * document: one key lookup per distinct word. Returns the number of mentions added.
 */
export async function propagateAliases(store: Store, documentId: DocumentId): Promise<number> {
  const doc = await store.getDocument(documentId);
  if (!doc) return 0;
  const mentions = await store.getMentions(documentId);
  let keep = mentions.filter((m) => !(m.extractor === ALIAS_MATCH_EXTRACTOR && m.status === 'suggested'));
  const dropped = mentions.length - keep.length;
  const keys = new Set<string>();
  for (const surface of aliasLookupTokens(doc.text)) for (const k of wordLookupKeys(surface)) keys.add(k);
  // A person's name has two words or more: a person sharing one word key with the text
  // (a common given name) is not loaded; organizations and places may have one.
  const hits = new Map<string, number>();
  for (const [key, list] of await store.findEntitiesByKeys([...keys], ALIAS_BLOCK)) {
    const person = key.startsWith('PERSON:');
    for (const id of list) hits.set(id, (hits.get(id) ?? 0) + (person ? 1 : 2));
  }
  const ids = new Set<string>();
  for (const [id, n] of hits) if (n >= 2) ids.add(id);
  for (const m of keep) if (m.entityId !== null) ids.add(m.entityId);
  // Translations of a known organization's name: «دیدبان حقوق وهرستان» for "Vahrestan Rights Monitor".
  const translated = new Map<string, string[]>();
  const spanKeys = new Map<string, string>();
  for (const span of translationSpans(doc.text, isInstitutionWord)) {
    const key = translationKey(span.text);
    if (key === null || spanKeys.has(span.text)) continue;
    // A span whose last word adds nothing to the key ("… گلمرز برای") is the shorter one.
    const shorter = span.words > 2 ? translationKey(span.text.slice(0, span.text.lastIndexOf(' ', span.text.length - 1))) : null;
    if (shorter === key) continue;
    spanKeys.set(span.text, `ORG:t:${key}`);
  }
  const byKey = await store.findEntitiesByKeys([...new Set(spanKeys.values())], 1);
  const unmatched: [string, string][] = [];
  for (const [surface, key] of spanKeys) {
    const found = byKey.get(key) ?? [];
    if (found.length !== 1) {
      unmatched.push([surface, key]);
      continue;
    }
    ids.add(found[0]!);
    translated.set(found[0]!, [...(translated.get(found[0]!) ?? []), surface]);
  }
  const entities = await store.getEntities([...ids]);
  // A short form of an organization the document names in full, in words of the same
  // concepts: «دیدبان حقوق» where «دیدبان حقوق وهرستان» is named (the document's own usage).
  const inDocument = new Set<string>([...keep.map((m) => m.entityId).filter((x): x is string => x !== null), ...translated.keys()]);
  const orgConcepts = entities
    .filter((e) => e.type === 'ORG' && inDocument.has(e.id))
    .map((e) => ({ id: e.id, keys: [e.name, ...e.aliases.map((a) => a.name)].map(translationKey).filter((k): k is string => k !== null).map((k) => new Set(k.split(' '))) }));
  for (const [surface, key] of unmatched) {
    const words = key.slice('ORG:t:'.length).split(' ');
    if (words.some((w) => w.startsWith('~'))) continue;
    const owners = orgConcepts.filter((o) => o.keys.some((k) => k.size > words.length && words.every((w) => k.has(w))));
    if (owners.length !== 1) continue;
    translated.set(owners[0]!.id, [...(translated.get(owners[0]!.id) ?? []), surface]);
  }
  const known: KnownEntity[] = entities.map((e) => ({ id: e.id, type: e.type, names: [e.name, ...e.aliases.map((a) => a.name), ...(translated.get(e.id) ?? [])] }));
  for (const [id, names] of crossScriptNames(doc.text, known)) known.find((k) => k.id === id)?.names.push(...names);
  // An organization mention the recognizer cut short inside a known longer name of one
  // organization («سپاه» of «سپاه نگهبانی داخلی») is that organization's: relinked, its span kept.
  const extendable = (m: PresentMention) => {
    const x = m as Mention;
    return x.type === 'ORG' && x.status === 'suggested' && x.extractor !== ALIAS_MATCH_EXTRACTOR;
  };
  const aliasHits = findAliasMentions(doc.text, known, keep, { institutionWord: isInstitutionWord, extendable });
  const relinked = new Map<string, string>(); // mention id -> entity id
  const left = new Set<string>(); // entities some relinked mention leaves
  const coveredIds = [...new Set(aliasHits.flatMap((h) => (h.covers ?? []).map((m) => m.entityId)).filter((x): x is string => x !== null))];
  // A person's entity keeps its mentions (curation is never overturned).
  const curatedIds = new Set(coveredIds.length ? (await store.getEntities(coveredIds)).filter((e) => e.attributes.curated).map((e) => e.id) : []);
  for (const h of aliasHits) {
    for (const m of h.covers ?? []) {
      const x = m as Mention;
      if (x.entityId === h.entityId || (x.entityId !== null && curatedIds.has(x.entityId))) continue;
      relinked.set(x.id, h.entityId);
      if (x.entityId !== null) left.add(x.entityId);
    }
  }
  if (relinked.size > 0) keep = keep.map((m) => (relinked.has(m.id) ? { ...m, entityId: relinked.get(m.id)! } : m));
  const found: { start: number; end: number; text: string; type: NameType; entityId: string; name: string }[] = aliasHits.filter((h) => h.covers === undefined);
  // Names the text itself gives an organization ("— the Grey Coats", «همان خاکستری‌پوشان»)
  // become mentions here and aliases of the entity, so other documents find them too.
  const orgSpans = [...keep.filter((m) => m.type === 'ORG' && m.entityId !== null && m.status !== 'rejected'), ...found.filter((h) => h.type === 'ORG')].map((m) => ({ end: m.end, entityId: m.entityId! }));
  const taken = (a: number, b: number) => keep.some((m) => m.start < b && m.end > a) || found.some((h) => h.start < b && h.end > a);
  const newAliases = new Map<string, string[]>();
  for (const st of statedNames(doc.text, orgSpans)) {
    if (taken(st.start, st.end)) continue;
    found.push({ ...st, type: 'ORG', name: st.text });
    newAliases.set(st.entityId, [...(newAliases.get(st.entityId) ?? []), st.text]);
  }
  for (const [id, names] of newAliases) {
    const [e] = await store.getEntities([id]);
    if (!e) continue;
    const copy: Entity = { ...e, aliases: [...e.aliases] };
    if (addAliases(copy, names)) await store.applyEntityChange({ putEntities: [{ entity: copy, keys: entityKeys(copy), keepKeys: true }] });
  }
  found.sort((a, b) => a.start - b.start);
  if (found.length === 0 && dropped === 0 && relinked.size === 0) return 0;
  const added: Mention[] = found.map((h) => ({
    id: `${documentId.slice(0, 16)}:${h.start}-${h.end}:${h.type}`,
    documentId,
    start: h.start,
    end: h.end,
    type: h.type,
    text: h.text,
    value: null,
    attributes: { matchedName: h.name },
    extractor: ALIAS_MATCH_EXTRACTOR,
    confidence: 0.6,
    status: 'suggested',
    entityId: h.entityId,
  }));
  await store.putMentions(documentId, [...keep, ...added]);
  // An entity no person made or curated, left without a mention by the relinking, goes.
  if (left.size > 0) {
    const gone: string[] = [];
    for (const id of left) if ((await store.mentionsOfEntity(id, 1)).length === 0) gone.push(id);
    if (gone.length > 0) await store.applyEntityChange({ deleteEntityIds: gone });
  }
  return added.length;
}

// Between two organization names, text that says the second is another name of the
// first: "the Internal Guard Corps — the Grey Coats, as people call them", "(IGC)",
// "also known as", «سپاه نگهبانی داخلی — همان خاکستری‌پوشان», «معروف به».
const ALIAS_GAP = /^\s*(?:[—–(]|,?\s*(?:(?:also|better|commonly|widely)\s+)?(?:known|referred to)\s+as|,?\s*a\.?k\.?a\.?|[—–(]?\s*(?:همان|معروف به|موسوم به|مشهور به))\s*(?:the\s+)?$/iu;

// The same, in words that can only introduce a name: "— the", "known as", «همان»; a bare
// dash or bracket may introduce a place ("the Interior Ministry (Arsavan)").
const NAMING_GAP = /^\s*(?:[—–(]\s*the|,?\s*(?:(?:also|better|commonly|widely)\s+)?(?:known|referred to)\s+as|,?\s*a\.?k\.?a\.?|[—–(]?\s*(?:همان|معروف به|موسوم به|مشهور به))\s*(?:the\s+)?$/iu;

/**
 * Pairs of mentions the text itself calls one organization ("X — the Y", "X, also known as
 * Y"): both organizations, or the second typed a place by the recognizer ("the Internal
 * Guard Corps — the Grey Coats") when the words between can only introduce a name.
 */
export function statedAliases(text: string, mentions: Pick<Mention, 'id' | 'start' | 'end' | 'type'>[]): [string, string][] {
  const names = mentions.filter((m) => m.type === 'ORG' || m.type === 'PLACE').sort((a, b) => a.start - b.start);
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < names.length; i++) {
    const a = names[i]!;
    const b = names[i + 1]!;
    if (a.type !== 'ORG' || b.start < a.end || b.start - a.end > 40) continue;
    const gap = text.slice(a.end, b.start);
    if (b.type === 'ORG' ? ALIAS_GAP.test(gap) : NAMING_GAP.test(gap)) out.push([a.id, b.id]);
  }
  return out;
}

async function resolveDocument(store: Store, overlay: Overlay, docMentions: Mention[], now: string, report: ResolveReport, created: string[]): Promise<void> {
  const byId = new Map(docMentions.map((m) => [m.id, m]));
  let mustLink: [string, string][] = [];
  let text: string | undefined;
  // The text is read for stated aliases between organizations, and for the word before a
  // one-word person mention (a given name there means the mention was cut from a full name).
  const bareSurname = docMentions.some((m) => m.type === 'PERSON' && analyzeName(m.text, 'PERSON').words.length === 1);
  // A one-word organization or place that may be "the Herald" of "The Arsavan Herald".
  const orgWords = new Set(docMentions.filter((m) => m.type === 'ORG' && /\s/.test(m.text.trim())).flatMap((m) => m.text.split(/\s+/)));
  const shortOrg = docMentions.some((m) => (m.type === 'ORG' && /^the\s/i.test(m.text)) || ((m.type === 'ORG' || m.type === 'PLACE') && orgWords.has(m.text.trim())));
  const orgs = docMentions.filter((m) => m.type === 'ORG').length;
  // (A place of two words or more may be an organization's other name: "— the Grey Coats".)
  if (bareSurname || shortOrg || orgs >= 2 || (orgs === 1 && docMentions.some((m) => m.type === 'PLACE' && /\s/.test(m.text.trim())))) {
    const doc = await store.getDocument(docMentions[0]!.documentId);
    text = doc?.text;
    if (doc) mustLink = statedAliases(doc.text, docMentions);
  }
  const clusters = resolveMentions(toInputs(docMentions, text), { mustLink });
  for (const c of clusters) {
    const members = c.mentionIds.map((id) => byId.get(id)!).filter(Boolean);
    const unlinked = members.filter((m) => m.entityId === null);
    if (unlinked.length === 0) continue;
    report.mentions += unlinked.length;
    // Part of the group is linked already (re-extraction, a document resolved before):
    // the rest joins the entity most of it is linked to.
    const linkedCounts = new Map<string, number>();
    for (const m of members) if (m.entityId) linkedCounts.set(m.entityId, (linkedCounts.get(m.entityId) ?? 0) + 1);
    if (linkedCounts.size > 0) {
      const target = [...linkedCounts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
      await overlay.load([target]);
      const e = overlay.entities.get(target);
      if (e) {
        link(overlay, e, unlinked);
        report.linkedToExisting += unlinked.length;
        continue;
      }
    }
    await resolveCluster(store, overlay, c, unlinked, now, report, created);
  }
}

function link(overlay: Overlay, e: Entity, mentions: Mention[]): void {
  for (const m of mentions) overlay.links.push({ id: m.id, entityId: e.id });
  const copy: Entity = { ...e, aliases: [...e.aliases] };
  if (addAliases(copy, mentions.map((m) => m.text))) overlay.put(copy, e);
  else overlay.entities.set(e.id, e);
}

// Words naming the kind of a place around its proper name: after it in English ("Tirab
// River", "Chalkhan camp"), before it in Persian («رود تیراب», «اردوگاه چالخان»).
const FEATURE_AFTER = new Set(['river', 'dam', 'lake', 'camp', 'mountain', 'mountains', 'valley', 'bridge', 'reservoir', 'canal', 'prison', 'desert', 'plain', 'island', 'bay']);
const FEATURE_BEFORE = new Set(['رود', 'رودخانه', 'سد', 'دریاچه', 'اردوگاه', 'کوه', 'کوههای', 'دره', 'پل', 'زندان', 'کویر', 'دشت', 'جزیره', 'خلیج']);

/** A place name without its feature word: "Sepidband Dam" -> "Sepidband", «سد سپیدبند» -> «سپیدبند»; null when it has none. */
export function withoutFeatureWord(name: string): string | null {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return null;
  if (FEATURE_AFTER.has(words[words.length - 1]!.toLowerCase())) return words.slice(0, -1).join(' ');
  if (FEATURE_BEFORE.has(words[0]!.replace(/\u200c/g, ''))) return words.slice(1).join(' ');
  return null;
}

/** A place named by one word of a longer place name ("Tirab" / "Tirab River") scores about 0.67-0.71. */
const PLACE_LINK_SCORE = 0.65;

/**
 * Whether a group of mentions is the scored entity. Beyond the automatic band, two
 * cases the scorer leaves in review link here: the same person across scripts (Persian
 * script drops short vowels, so "شبنم یگانه" / "Shabnam Yeganeh" scores ~0.6 while its
 * given name and surname both agree), and a place whose one best candidate shares its
 * distinctive word. Different people sharing a surname have given-name agreement 0.
 */
export function isLink(best: Scored, second: Scored | undefined, type: NameType): boolean {
  if (best.score >= AUTOMATIC_THRESHOLD) return true;
  const sig = best.signals;
  const crossScript = scriptOf(sig.bestPair[0]) !== scriptOf(sig.bestPair[1]);
  if (type === 'PERSON' && crossScript && sig.nameSimilarity >= 0.8 && (sig.givenAgreement ?? 0) >= 0.65 && (sig.surnameAgreement ?? 0) >= 0.65) return true;
  if (type === 'PLACE' && best.score >= PLACE_LINK_SCORE && (second === undefined || second.score < PLACE_LINK_SCORE)) return true;
  return false;
}

/**
 * The one entity of another type whose name is, word for word, one of `names`: the
 * recognizer gave the same name different types in different sentences ("Free Vahrestan"
 * as a person here, an organization there). Only exact phonetic agreement counts, and
 * only when a single such entity exists.
 */
async function otherTypeMatch(store: Store, overlay: Overlay, names: string[], type: NameType): Promise<Entity | null> {
  const found = new Map<string, Entity>();
  for (const other of ['PERSON', 'ORG', 'PLACE'] as const) {
    if (other === type) continue;
    const own = new Set(names.map((n) => analyzeName(n, other).words.join(' ')).filter((k) => k.length > 0));
    if (own.size === 0) continue;
    const [name, ...aliases] = names;
    const record: NameRecord = { name: name!, aliases, type: other };
    for (const cand of await candidatesFor(store, overlay, record, other, recordKeys(record, other), false)) {
      const e = cand.entity;
      if ([e.name, ...e.aliases.map((a) => a.name)].some((n) => own.has(analyzeName(n, other).words.join(' ')))) found.set(e.id, e);
    }
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

/** Entities whose surname is this one word ("Kalantari"), by the single-word keys. */
async function surnameCandidates(store: Store, overlay: Overlay, word: string): Promise<Entity[]> {
  const key = skeletonOf(word);
  if (key.length < 2) return [];
  const scored = await candidatesFor(store, overlay, { name: word, type: 'PERSON' }, 'PERSON', [`PERSON:w:${key}`]);
  return scored
    .map((c) => c.entity)
    .filter((e) =>
      indexedNames(e).some((n) => {
        const an = analyzeName(n, 'PERSON');
        return an.words.length >= 2 && an.surname.some((i) => wordSimilarity(an.words[i]!, word) >= 0.85);
      }),
    );
}

async function resolveCluster(store: Store, overlay: Overlay, c: ResolvedCluster, mentions: Mention[], now: string, report: ResolveReport, created: string[]): Promise<void> {
  const type = c.type;
  const fullNames = [...new Set(c.aliases.filter((n) => isFullName(n, type)))].sort((a, b) => b.length - a.length);
  let review: Scored[] = [];
  if (fullNames.length > 0) {
    // Longest name first: it carries the most words to agree on.
    const ordered = fullNames.slice(0, MAX_INDEXED_NAMES);
    const titles = mentions.map((m) => m.attributes.title).filter((t): t is string => typeof t === 'string');
    const record: NameRecord = { name: ordered[0]!, aliases: ordered.slice(1), type, titles: titles.length ? titles : undefined };
    if (type === 'ORG') {
      // A translation of a known organization's name ("وزارت کشور" / "Ministry of the Interior"):
      // the same concepts word for word, so it goes before a near spelling in the same script
      // («سپاه نگهبانی داخلی» is the Internal Guard Corps, not «سپاه نگهبانی» met first).
      const tkeys = [...new Set(ordered.map(translationKey).filter((t): t is string => t !== null))].map((t) => `ORG:t:${t}`);
      const stored = await store.findEntitiesByKeys(tkeys, MAX_BLOCK);
      const ids = new Set(tkeys.flatMap((k) => [...(stored.get(k) ?? []), ...(overlay.keys.get(k) ?? [])]));
      if (ids.size === 1) {
        const id = [...ids][0]!;
        await overlay.load([id]);
        const e = overlay.entities.get(id);
        if (e && e.type === 'ORG') {
          link(overlay, e, mentions);
          report.linkedToExisting += mentions.length;
          return;
        }
      }
    }
    const scored = await candidatesFor(store, overlay, record, type);
    if (scored[0] && isLink(scored[0], scored[1], type)) {
      link(overlay, scored[0].entity, mentions);
      report.linkedToExisting += mentions.length;
      return;
    }
    review = scored.filter((x) => x.score >= REVIEW_THRESHOLD).slice(0, 3);
    {
      // "Sepidband Dam" / «سد سپیدبند» where the one entity named "Sepidband" has another type.
      const bare = type === 'PLACE' ? ordered.map(withoutFeatureWord).filter((n): n is string => n !== null) : [];
      const other = (await otherTypeMatch(store, overlay, ordered, type)) ?? (bare.length > 0 ? await otherTypeMatch(store, overlay, bare, type) : null);
      if (other) {
        link(overlay, other, mentions);
        report.linkedToExisting += mentions.length;
        return;
      }
    }
  } else if (type === 'PERSON') {
    // A bare surname in a document that never names the person in full is not linked
    // across documents: the one Kalantari known today may not be the one meant (a
    // namesake can be resolved first). Every known person with that surname becomes a
    // review candidate instead.
    const word = analyzeName(c.name, 'PERSON').words[0];
    const found = word ? await surnameCandidates(store, overlay, word) : [];
    if (found.length === 0) {
      // "Arsavan" read as a person's name where a place of that very name is known.
      const other = await otherTypeMatch(store, overlay, [c.name], type);
      if (other) {
        link(overlay, other, mentions);
        report.linkedToExisting += mentions.length;
        return;
      }
    }
    review = found.slice(0, 5).map((entity) => ({ entity, score: REVIEW_THRESHOLD, signals: scoreNamePair({ name: c.name, type }, entityRecord(entity)).signals }));
  }
  // A new entity named by the group's longest full name (or its bare surname when that is all there is).
  const name = fullNames[0] ?? c.name;
  let id = stableId('ent', c.mentionIds[0]!);
  await overlay.load([id]);
  for (let k = 1; overlay.entities.has(id); k++) id = stableId('ent', `${c.mentionIds[0]}#${k}`);
  const entity: Entity = {
    id,
    type,
    name,
    aliases: [],
    attributes: type === 'PLACE' ? placeAttributes(name) : {},
    sensitivity: 'public',
  };
  addAliases(entity, [name, ...c.aliases]);
  overlay.put(entity, null);
  for (const m of mentions) overlay.links.push({ id: m.id, entityId: entity.id });
  report.entitiesCreated++;
  created.push(entity.id);
  for (const r of review) {
    overlay.candidates.push(reviewCandidate(entity.id, r.entity.id, r.score, { origin: 'resolve', signals: r.signals, names: [name, r.entity.name] }, now));
    report.reviewCandidates++;
  }
}

/** A review candidate for a pair of entities, ordered so that one pair has one id. */
export function reviewCandidate(x: string, y: string, score: number, evidence: Record<string, unknown>, now: string): ReviewCandidate {
  const [a, b] = x < y ? [x, y] : [y, x];
  return {
    id: stableId('rc', `${a}|${b}`),
    entityA: a,
    entityB: b,
    score: Math.round(score * 1000) / 1000,
    band: score >= AUTOMATIC_THRESHOLD ? 'automatic' : 'review',
    evidence,
    status: 'open',
    createdAt: now,
  };
}

/** Appends the log entry of a `daftar resolve` run. */
export async function logResolveRun(store: Store, report: ResolveReport, rebuild: boolean): Promise<void> {
  const { seconds: _seconds, ...counts } = report;
  await store.appendLog(logDraft('extract', 'resolve', { stage: 'resolve', rebuild, ...counts }));
}
