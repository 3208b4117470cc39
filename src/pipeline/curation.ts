// Curation: machines suggest, people decide. Merge, split, rename, add or remove an
// alias, confirm or reject a mention, keep two entities apart, set an entity's
// sensitivity. Each is an Action (who, when, what, why) written with its log entry and
// its effects in one transaction, listed in the entity's history, and undoable: the
// action keeps the state it replaced (`payload.before`) and undo writes it back.
// Automatic runs respect these decisions: curated entities (attributes.curated) survive
// `resolve --rebuild`, linked mentions are never relinked, kept-apart pairs are stored
// as must-not-link constraints and never suggested again.
import { randomBytes } from 'node:crypto';
import { DaftarError } from '../model/errors.js';
import type { Action, Entity, Mention, Sensitivity } from '../model/schema.js';
import type { EntityChange, KeyedEntity, ResolutionConstraint, Store } from '../store/store.js';
import { entityKeys, isFullName, scriptOf, stableId } from './resolve-run.js';
import { currentActor, logDraft } from './workspace.js';

export interface CurationOptions {
  reason?: string | null;
  /** Default: DAFTAR_ACTOR or the operating-system user. */
  actor?: string;
  now?: Date;
}

/** What an action replaced, written back by undo. */
interface Before {
  entities: { id: string; entity: Entity | null }[];
  mentions: { id: string; entityId: string | null; status: Mention['status'] }[];
  candidates: { id: string; status: 'open' | 'accepted' | 'rejected' }[];
}

type WS = { store: Store };

let counter = 0;
/** Action ids sort in the order actions were taken: "act-" + time + counter + random. */
function newActionId(now: Date): string {
  counter = (counter + 1) % 10_000;
  return `act-${now.getTime().toString(36).padStart(9, '0')}-${String(counter).padStart(4, '0')}-${randomBytes(3).toString('hex')}`;
}

function keyed(e: Entity): KeyedEntity {
  return { entity: e, keys: entityKeys(e) };
}

function curated(e: Entity): Entity {
  return { ...e, aliases: [...e.aliases], attributes: { ...e.attributes, curated: true } };
}

async function requireEntity(store: Store, id: string): Promise<Entity> {
  const [e] = await store.getEntities([id]);
  if (!e) throw new DaftarError('not_found', `entity ${id} is not in the workspace; list them with \`daftar entities\``);
  return e;
}

async function commit(
  store: Store,
  operation: string,
  entityIds: string[],
  details: Record<string, unknown>,
  before: Before,
  change: EntityChange,
  options: CurationOptions,
  actionId?: string,
): Promise<Action> {
  const now = options.now ?? new Date();
  const action: Action = {
    id: actionId ?? newActionId(now),
    operation,
    actor: options.actor ?? currentActor(),
    at: now.toISOString(),
    reason: options.reason ?? null,
    payload: { entityIds: [...new Set(entityIds)], ...details, before },
    undoneBy: null,
  };
  const log = { ...logDraft('action', action.id, { operation, entityIds: action.payload.entityIds, reason: action.reason, ...details }, now), actor: action.actor };
  await store.applyEntityChange({ ...change, actions: [...(change.actions ?? []), action], log });
  return action;
}

/** Pseudo-random ids are fine for actions; entity ids made by curation derive from the action id. */
function prepareId(options: CurationOptions): { id: string; now: Date } {
  const now = options.now ?? new Date();
  return { id: newActionId(now), now };
}

/**
 * Merges entities into the first: mentions, aliases and attributes move, the others
 * go. Refused when a person kept two of them apart (undo that first).
 */
export async function mergeEntities(ws: WS, ids: string[], options: CurationOptions = {}): Promise<Action> {
  const unique = [...new Set(ids)];
  if (unique.length < 2) throw new DaftarError('usage', 'merge: name at least two different entities');
  const entities = [];
  for (const id of unique) entities.push(await requireEntity(ws.store, id));
  const type = entities[0]!.type;
  const other = entities.find((e) => e.type !== type);
  if (other) throw new DaftarError('invalid_input', `merge: ${other.id} is a ${other.type}, ${entities[0]!.id} a ${type}; only entities of one type merge`);
  const constraints = await ws.store.listConstraints(unique);
  const blocking = constraints.find((c) => unique.includes(c.entityA) && unique.includes(c.entityB));
  if (blocking) throw new DaftarError('conflict', `merge: ${blocking.entityA} and ${blocking.entityB} were kept apart by action ${blocking.actionId}; undo it first`);

  const { id: actionId, now } = prepareId(options);
  const [target, ...gone] = entities as [Entity, ...Entity[]];
  const merged = curated(target);
  const have = new Set([merged.name, ...merged.aliases.map((a) => a.name)]);
  const levels: Sensitivity[] = ['public', 'restricted', 'protected'];
  for (const g of gone) {
    for (const a of [{ name: g.name, script: scriptOf(g.name), source: 'curated' as const }, ...g.aliases]) {
      if (!have.has(a.name)) merged.aliases.push(a);
      have.add(a.name);
    }
    merged.attributes = { ...g.attributes, ...merged.attributes };
    if (levels.indexOf(g.sensitivity) > levels.indexOf(merged.sensitivity)) merged.sensitivity = g.sensitivity;
  }
  const before: Before = { entities: entities.map((e) => ({ id: e.id, entity: e })), mentions: [], candidates: [] };
  const mentions: EntityChange['mentions'] = [];
  for (const g of gone) {
    for (const m of await ws.store.mentionsOfEntity(g.id, 1_000_000)) {
      before.mentions.push({ id: m.id, entityId: m.entityId, status: m.status });
      mentions.push({ id: m.id, entityId: target.id });
    }
  }
  // Decisions about the merged-away entities now hold for the merged one.
  const addConstraints: ResolutionConstraint[] = constraints
    .filter((c) => gone.some((g) => g.id === c.entityA || g.id === c.entityB))
    .map((c) => {
      const other = gone.some((g) => g.id === c.entityA) ? c.entityB : c.entityA;
      return { kind: c.kind, entityA: target.id, entityB: other, actionId };
    });
  const candidateStatus: EntityChange['candidateStatus'] = [];
  for (const c of await ws.store.listReviewCandidates({ entityId: target.id })) {
    if (gone.some((g) => g.id === c.entityA || g.id === c.entityB)) {
      before.candidates.push({ id: c.id, status: c.status });
      candidateStatus.push({ id: c.id, status: 'accepted' });
    }
  }
  return commit(
    ws.store,
    'merge',
    unique,
    { into: target.id, merged: gone.map((g) => g.id), mentions: mentions.length },
    before,
    { putEntities: [keyed(merged)], deleteEntityIds: gone.map((g) => g.id), mentions, addConstraints, candidateStatus },
    { ...options, now },
    actionId,
  );
}

/** Moves some mentions of an entity to a new entity and keeps the two apart. Returns the action; the new id is payload.newEntityId. */
export async function splitEntity(ws: WS, entityId: string, mentionIds: string[], options: CurationOptions & { name?: string } = {}): Promise<Action> {
  const entity = await requireEntity(ws.store, entityId);
  const all = await ws.store.mentionsOfEntity(entityId, 1_000_000);
  const wanted = new Set(mentionIds);
  const moving = all.filter((m) => wanted.has(m.id));
  const missing = [...wanted].filter((id) => !moving.some((m) => m.id === id));
  if (missing.length) throw new DaftarError('invalid_input', `split: mention ${missing[0]} is not linked to ${entityId}; see \`daftar entity ${entityId}\``);
  if (moving.length === 0) throw new DaftarError('usage', 'split: name the mentions to move with --mentions');
  if (moving.length === all.length) throw new DaftarError('invalid_input', `split: that is every mention of ${entityId}; rename it instead`);

  const { id: actionId, now } = prepareId(options);
  const staying = all.filter((m) => !wanted.has(m.id));
  const texts = (ms: Mention[]) => [...new Set(ms.map((m) => m.text))];
  const pickName = (ms: Mention[]) => {
    const t = texts(ms).sort((a, b) => b.length - a.length);
    return t.find((n) => isFullName(n, entity.type)) ?? t[0]!;
  };
  const newId = stableId('ent', `split:${actionId}`);
  const name = options.name ?? pickName(moving);
  const created: Entity = {
    id: newId,
    type: entity.type,
    name,
    aliases: [...new Set([name, ...texts(moving)])].map((n) => ({ name: n, script: scriptOf(n), source: 'extracted' as const })),
    attributes: { curated: true },
    sensitivity: entity.sensitivity,
  };
  // The old entity keeps the spellings its remaining mentions use, and what people added.
  const stayingTexts = new Set(texts(staying));
  const kept = curated(entity);
  kept.aliases = entity.aliases.filter((a) => a.source !== 'extracted' || stayingTexts.has(a.name));
  if (!stayingTexts.has(kept.name) && !kept.aliases.some((a) => a.name === kept.name && a.source !== 'extracted')) kept.name = pickName(staying);
  const before: Before = {
    entities: [
      { id: entity.id, entity },
      { id: newId, entity: null },
    ],
    mentions: moving.map((m) => ({ id: m.id, entityId: m.entityId, status: m.status })),
    candidates: [],
  };
  return commit(
    ws.store,
    'split',
    [entityId, newId],
    { from: entityId, newEntityId: newId, mentionIds: moving.map((m) => m.id) },
    before,
    {
      putEntities: [keyed(kept), keyed(created)],
      // A person placed these mentions: confirmed, so re-extraction keeps them where they are.
      mentions: moving.map((m) => ({ id: m.id, entityId: newId, status: 'confirmed' as const })),
      addConstraints: [{ kind: 'must_not_link', entityA: entityId, entityB: newId, actionId }],
    },
    { ...options, now },
    actionId,
  );
}

/** Renames an entity; the old name stays as an alias. */
export async function renameEntity(ws: WS, entityId: string, name: string, options: CurationOptions = {}): Promise<Action> {
  const entity = await requireEntity(ws.store, entityId);
  const clean = name.trim();
  if (!clean) throw new DaftarError('usage', 'rename: the new name is empty');
  const next = curated(entity);
  next.name = clean;
  if (!next.aliases.some((a) => a.name === entity.name)) next.aliases.push({ name: entity.name, script: scriptOf(entity.name), source: 'curated' });
  if (!next.aliases.some((a) => a.name === clean)) next.aliases.push({ name: clean, script: scriptOf(clean), source: 'curated' });
  return commit(ws.store, 'rename', [entityId], { from: entity.name, to: clean }, { entities: [{ id: entityId, entity }], mentions: [], candidates: [] }, { putEntities: [keyed(next)] }, options);
}

export async function addAlias(ws: WS, entityId: string, alias: string, options: CurationOptions = {}): Promise<Action> {
  const entity = await requireEntity(ws.store, entityId);
  const clean = alias.trim();
  if (!clean) throw new DaftarError('usage', 'alias: the alias is empty');
  if (entity.name === clean || entity.aliases.some((a) => a.name === clean)) throw new DaftarError('conflict', `alias: ${entityId} already has the name "${clean}"`);
  const next = curated(entity);
  next.aliases.push({ name: clean, script: scriptOf(clean), source: 'curated' });
  return commit(ws.store, 'add_alias', [entityId], { alias: clean }, { entities: [{ id: entityId, entity }], mentions: [], candidates: [] }, { putEntities: [keyed(next)] }, options);
}

export async function removeAlias(ws: WS, entityId: string, alias: string, options: CurationOptions = {}): Promise<Action> {
  const entity = await requireEntity(ws.store, entityId);
  if (!entity.aliases.some((a) => a.name === alias)) throw new DaftarError('not_found', `alias: ${entityId} has no alias "${alias}"`);
  const next = curated(entity);
  next.aliases = next.aliases.filter((a) => a.name !== alias);
  return commit(ws.store, 'remove_alias', [entityId], { alias }, { entities: [{ id: entityId, entity }], mentions: [], candidates: [] }, { putEntities: [keyed(next)] }, options);
}

/** Confirms a mention (it is right, and belongs to its entity) or rejects it (not a name, or not this one: it is unlinked and never resolved again). */
export async function reviewMention(ws: WS, mentionId: string, decision: 'confirmed' | 'rejected', options: CurationOptions = {}): Promise<Action> {
  const m = await ws.store.getMention(mentionId);
  if (!m) throw new DaftarError('not_found', `mention ${mentionId} is not in the workspace; see \`daftar entity <id>\` for mention ids`);
  const entityId = decision === 'rejected' ? null : m.entityId;
  return commit(
    ws.store,
    decision === 'confirmed' ? 'confirm' : 'reject',
    m.entityId ? [m.entityId] : [],
    { mentionId, text: m.text, documentId: m.documentId },
    { entities: [], mentions: [{ id: m.id, entityId: m.entityId, status: m.status }], candidates: [] },
    { mentions: [{ id: m.id, entityId, status: decision }] },
    options,
  );
}

/** Records that two entities are different (a rejected review candidate): they are never merged or suggested again. */
export async function keepApart(ws: WS, a: string, b: string, options: CurationOptions = {}): Promise<Action> {
  if (a === b) throw new DaftarError('usage', 'keep-apart: name two different entities');
  const ea = await requireEntity(ws.store, a);
  const eb = await requireEntity(ws.store, b);
  const { id: actionId, now } = prepareId(options);
  const before: Before = { entities: [{ id: a, entity: ea }, { id: b, entity: eb }], mentions: [], candidates: [] };
  const candidateStatus: EntityChange['candidateStatus'] = [];
  for (const c of await ws.store.listReviewCandidates({ entityId: a })) {
    if (c.entityA === b || c.entityB === b) {
      before.candidates.push({ id: c.id, status: c.status });
      candidateStatus.push({ id: c.id, status: 'rejected' });
    }
  }
  return commit(
    ws.store,
    'keep_apart',
    [a, b],
    {},
    before,
    { putEntities: [keyed(curated(ea)), keyed(curated(eb))], addConstraints: [{ kind: 'must_not_link', entityA: a, entityB: b, actionId }], candidateStatus },
    { ...options, now },
    actionId,
  );
}

/** Sets an entity's sensitivity (protected: pseudonymized in every export). */
export async function setEntitySensitivity(ws: WS, entityId: string, level: Sensitivity, options: CurationOptions = {}): Promise<Action> {
  const entity = await requireEntity(ws.store, entityId);
  const next = { ...curated(entity), sensitivity: level };
  return commit(ws.store, 'protect', [entityId], { from: entity.sensitivity, to: level }, { entities: [{ id: entityId, entity }], mentions: [], candidates: [] }, { putEntities: [keyed(next)] }, options);
}

/**
 * Undoes an action by writing back what it replaced. Refused when a later action,
 * not undone, touched the same entities (undo that one first).
 */
export async function undoAction(ws: WS, actionId: string, options: CurationOptions = {}): Promise<Action> {
  const action = await ws.store.getAction(actionId);
  if (!action) throw new DaftarError('not_found', `action ${actionId} is not in the workspace; see the history in \`daftar entity <id>\``);
  if (action.undoneBy) throw new DaftarError('conflict', `action ${actionId} was already undone by ${action.undoneBy}`);
  const before = action.payload.before as Before | undefined;
  if (action.operation === 'undo' || !before) throw new DaftarError('invalid_input', `action ${actionId} (${action.operation}) cannot be undone; take a new action instead`);
  const entityIds = (action.payload.entityIds as string[]) ?? [];
  for (const id of entityIds) {
    const later = (await ws.store.listActionsForEntity(id)).find((a) => a.id > action.id && a.undoneBy === null && a.operation !== 'undo');
    if (later) throw new DaftarError('conflict', `action ${actionId}: ${id} was changed later by ${later.id} (${later.operation}); undo that first`);
  }
  const putEntities = before.entities.filter((e) => e.entity !== null).map((e) => keyed(e.entity!));
  const deleteEntityIds = before.entities.filter((e) => e.entity === null).map((e) => e.id);
  const { id: undoId, now } = prepareId(options);
  return commit(
    ws.store,
    'undo',
    entityIds,
    { undoes: actionId, undoneOperation: action.operation },
    { entities: [], mentions: [], candidates: [] },
    {
      putEntities,
      deleteEntityIds,
      mentions: before.mentions.map((m) => ({ id: m.id, entityId: m.entityId, status: m.status })),
      removeConstraintsOfAction: [actionId],
      candidateStatus: before.candidates,
      actions: [{ ...action, undoneBy: undoId }],
    },
    { ...options, now },
    undoId,
  );
}

/** An entity by id, id prefix, or exact name or alias (any script); ambiguous names are refused with the choices. */
export async function findEntity(ws: WS, idOrName: string): Promise<Entity> {
  const [byId] = await ws.store.getEntities([idOrName]);
  if (byId) return byId;
  const all = await ws.store.listEntities();
  const byPrefix = all.filter((e) => e.id.startsWith(idOrName));
  if (byPrefix.length === 1 && idOrName.startsWith('ent-')) return byPrefix[0]!;
  const folded = idOrName.trim().toLowerCase();
  const byName = all.filter((e) => e.name.toLowerCase() === folded || e.aliases.some((a) => a.name.toLowerCase() === folded));
  const found = byName.length ? byName : byPrefix;
  if (found.length === 1) return found[0]!;
  if (found.length === 0) throw new DaftarError('not_found', `no entity "${idOrName}"; list them with \`daftar entities\``);
  throw new DaftarError('ambiguous_id', `"${idOrName}" names ${found.length} entities (${found.slice(0, 5).map((e) => `${e.id} ${e.name}`).join(', ')}); give an id`);
}
