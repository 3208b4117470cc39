// Witness protection (issue 8): sensitivity levels on documents and entities, and the
// pseudonymization every export applies unless the exporter asks for a full export.
//
// In a redacted export:
// - each PERSON entity marked `protected` becomes "Witness A", "Witness B", … (ordered by
//   entity id, stable within one export) with id "witness-a", …; its aliases and attributes go;
// - every occurrence of its name or aliases (any script, case-insensitive, whole words),
//   and every mention linked to it, is replaced by the pseudonym in document texts and in
//   every other string of every record; offsets (passages, mentions, claims, reuse links,
//   sections) are recomputed against the redacted text, so text.slice(start, end) still holds;
// - a surname alone (last word of a multi-word name, 4+ letters) is hidden too;
// - documents marked `protected` are left out, with every record that refers to them, and
//   other records (actions, log details) show their id as "protected-document";
// - log entries are redacted too; a redacted entry no longer matches its leafHash, so a
//   redacted export is for reading, not for verifying (bundles and --full exports are).
// The stored originals are never changed.
import { randomUUID } from 'node:crypto';
import { DaftarError } from '../model/errors.js';
import type { Action, Entity, Mention, Sensitivity } from '../model/schema.js';
import type { ExportRecord } from '../store/store.js';
import { normalizeText } from '../text/normalize.js';
import { currentActor, logDraft, type Workspace } from './workspace.js';

/** "Witness A" … "Witness Z", "Witness AA", …: bijective base-26 of the rank. */
export function pseudonymLabel(rank: number): string {
  let n = rank + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface Pseudonym {
  entityId: string;
  name: string; // "Witness A"
  id: string; // "witness-a"
  /** The entity's name and aliases, normalized, longest first. */
  spellings: string[];
}

/** Pseudonyms for the protected persons among `entities`, ordered by entity id. */
export function assignPseudonyms(entities: readonly Entity[]): Pseudonym[] {
  const protectedPersons = entities.filter((e) => e.type === 'PERSON' && e.sensitivity === 'protected').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return protectedPersons.map((e, rank) => {
    const label = pseudonymLabel(rank);
    const names = [e.name, ...e.aliases.map((a) => a.name)].map((s) => normalizeText(s));
    // A surname alone ("Kalantari said") names the witness too; hiding a namesake is
    // the safer mistake in a protected export.
    const surnames = names.map((n) => n.split(' ')).filter((w) => w.length > 1).map((w) => w[w.length - 1]!).filter((w) => w.length >= 4);
    const spellings = [...new Set([...names, ...surnames].filter((s) => s.length >= 2))].sort((a, b) => b.length - a.length);
    return { entityId: e.id, name: `Witness ${label}`, id: `witness-${label.toLowerCase()}`, spellings };
  });
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One pass over a string: every spelling of every pseudonymized person. */
export class Redactor {
  private readonly pattern: RegExp | null;
  private readonly bySpelling = new Map<string, string>();
  readonly byEntityId = new Map<string, Pseudonym>();

  /** `hiddenIds`: ids of left-out documents, shown as "protected-document" where other records name them. */
  constructor(
    readonly pseudonyms: readonly Pseudonym[],
    readonly hiddenIds: ReadonlySet<string> = new Set(),
  ) {
    const spellings: string[] = [];
    for (const p of pseudonyms) {
      this.byEntityId.set(p.entityId, p);
      for (const s of p.spellings) {
        const key = s.toLocaleLowerCase();
        if (!this.bySpelling.has(key)) {
          this.bySpelling.set(key, p.name);
          spellings.push(s);
        }
      }
    }
    spellings.sort((a, b) => b.length - a.length);
    // Whole words in any script: no letter or digit right before or after.
    this.pattern = spellings.length ? new RegExp(`(?<![\\p{L}\\p{N}\\p{M}])(?:${spellings.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}\\p{M}])`, 'giu') : null;
  }

  get active(): boolean {
    return this.pattern !== null;
  }

  /** Alias occurrences in `text` as replacements (sorted, not overlapping). */
  find(text: string): Replacement[] {
    if (!this.pattern) return [];
    const out: Replacement[] = [];
    for (const m of text.matchAll(this.pattern)) {
      out.push({ start: m.index!, end: m.index! + m[0].length, text: this.bySpelling.get(m[0].toLocaleLowerCase()) ?? 'Witness' });
    }
    return out;
  }

  redactString(text: string): string {
    return this.pattern ? applyReplacements(text, this.find(text)) : text;
  }
}

/** Merges overlapping replacements (the earlier, then longer, one wins) and sorts them. */
export function mergeReplacements(list: readonly Replacement[]): Replacement[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Replacement[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      if (r.end > last.end) last.end = r.end;
      continue;
    }
    out.push({ ...r });
  }
  return out;
}

export function applyReplacements(text: string, reps: readonly Replacement[]): string {
  let out = '';
  let at = 0;
  for (const r of reps) {
    out += text.slice(at, r.start) + r.text;
    at = r.end;
  }
  return out + text.slice(at);
}

/**
 * Maps an offset of the original text to the redacted one. An offset inside a
 * replaced span snaps to the start of the replacement (`side` 'start') or its end.
 * @example mapOffset([{ start: 4, end: 9, text: 'Witness A' }], 12, 'start') // 16
 */
export function mapOffset(reps: readonly Replacement[], pos: number, side: 'start' | 'end'): number {
  let delta = 0;
  for (const r of reps) {
    if (pos <= r.start) break;
    if (pos < r.end) return r.start + delta + (side === 'start' ? 0 : r.text.length);
    delta += r.text.length - (r.end - r.start);
  }
  return pos + delta;
}

function deepRedact(value: unknown, redactor: Redactor): unknown {
  if (typeof value === 'string') {
    const p = redactor.byEntityId.get(value);
    if (p) return p.id;
    if (redactor.hiddenIds.has(value)) return 'protected-document';
    return redactor.redactString(value);
  }
  if (Array.isArray(value)) return value.map((v) => deepRedact(v, redactor));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, deepRedact(v, redactor)]));
  }
  return value;
}

export interface RedactionContext {
  redactor: Redactor;
  /** Documents left out (sensitivity protected). */
  hiddenDocuments: Set<string>;
  /** Mentions of a document, to find spans linked to a protected person. */
  mentionsOf: (documentId: string) => Promise<Mention[]>;
}

/** Per-document replacements and redacted text, kept while the document's records stream by. */
interface DocumentRedaction {
  reps: Replacement[];
  text: string;
}

/**
 * Rewrites the export's record stream for a redacted export (see the file header).
 * Yields records in the same order, minus the hidden ones.
 */
export async function* redactRecords(records: AsyncIterable<ExportRecord>, ctx: RedactionContext): AsyncIterable<ExportRecord> {
  const { redactor, hiddenDocuments } = ctx;
  const docs = new Map<string, DocumentRedaction>();
  const refersToHidden = (...ids: unknown[]) => ids.some((id) => typeof id === 'string' && hiddenDocuments.has(id));
  const span = (docId: unknown, start: unknown, end: unknown): [number, number] | null => {
    const d = typeof docId === 'string' ? docs.get(docId) : undefined;
    if (!d || typeof start !== 'number' || typeof end !== 'number') return null;
    return [mapOffset(d.reps, start, 'start'), mapOffset(d.reps, end, 'end')];
  };
  for await (const { kind, record } of records) {
    const r = record as Record<string, any>;
    switch (kind) {
      case 'document': {
        if (hiddenDocuments.has(r.id)) continue;
        const reps = redactor.find(r.text);
        for (const m of await ctx.mentionsOf(r.id)) {
          const p = m.entityId ? redactor.byEntityId.get(m.entityId) : undefined;
          if (p) reps.push({ start: m.start, end: m.end, text: p.name });
        }
        const merged = mergeReplacements(reps);
        const { text: _t, sections, ...rest } = r;
        const out = deepRedact(rest, redactor) as Record<string, unknown>;
        if (merged.length) {
          const text = applyReplacements(r.text, merged);
          docs.set(r.id, { reps: merged, text });
          out.text = text;
          out.sections = (sections as { start: number; end: number }[]).map((s) => ({
            ...(deepRedact(s, redactor) as object),
            start: mapOffset(merged, s.start, 'start'),
            end: mapOffset(merged, s.end, 'end'),
          }));
        } else {
          out.text = r.text;
          out.sections = deepRedact(sections, redactor);
        }
        yield { kind, record: out };
        continue;
      }
      case 'passage': {
        if (refersToHidden(r.documentId)) continue;
        const s = span(r.documentId, r.start, r.end);
        yield { kind, record: s ? { ...r, start: s[0], end: s[1] } : r };
        continue;
      }
      case 'mention': {
        if (refersToHidden(r.documentId)) continue;
        const out = deepRedact(r, redactor) as Record<string, any>;
        const s = span(r.documentId, r.start, r.end);
        if (s) {
          out.start = s[0];
          out.end = s[1];
          out.text = docs.get(r.documentId)!.text.slice(s[0], s[1]);
        }
        yield { kind, record: out };
        continue;
      }
      case 'entity': {
        const p = redactor.byEntityId.get(r.id);
        if (p) {
          yield { kind, record: { ...r, id: p.id, name: p.name, aliases: [], attributes: {} } };
        } else {
          yield { kind, record: deepRedact(r, redactor) as Record<string, unknown> };
        }
        continue;
      }
      case 'claim': {
        if (refersToHidden(r.documentId)) continue;
        const out = deepRedact(r, redactor) as Record<string, any>;
        const s = span(r.documentId, r.start, r.end);
        if (s) [out.start, out.end] = s;
        yield { kind, record: out };
        continue;
      }
      case 'reuse': {
        if (refersToHidden(r.sourceDocumentId, r.targetDocumentId)) continue;
        const out = deepRedact(r, redactor) as Record<string, any>;
        const a = span(r.sourceDocumentId, r.sourceStart, r.sourceEnd);
        if (a) [out.sourceStart, out.sourceEnd] = a;
        const b = span(r.targetDocumentId, r.targetStart, r.targetEnd);
        if (b) [out.targetStart, out.targetEnd] = b;
        yield { kind, record: out };
        continue;
      }
      case 'log':
      case 'action':
      case 'event': {
        if (kind === 'log' && refersToHidden(r.subject)) continue;
        yield { kind, record: deepRedact(r, redactor) as Record<string, unknown> };
        continue;
      }
    }
  }
}

/** Builds the redaction context of a workspace, or null when nothing needs hiding. */
export async function redactionFor(ws: Workspace): Promise<RedactionContext | null> {
  const hiddenDocuments = new Set((await ws.store.listDocumentSizes()).filter((d) => d.sensitivity === 'protected').map((d) => d.id));
  const redactor = new Redactor(assignPseudonyms(await ws.store.listEntities({ type: 'PERSON', sensitivity: 'protected' })), hiddenDocuments);
  if (!redactor.active && hiddenDocuments.size === 0) return null;
  return { redactor, hiddenDocuments, mentionsOf: (id) => (redactor.active ? ws.store.getMentions(id) : Promise.resolve([])) };
}

export const SENSITIVITY_LEVELS: readonly Sensitivity[] = ['public', 'restricted', 'protected'];

/**
 * `daftar protect`: sets the sensitivity of a document (id or unique prefix) or an
 * entity (exact id), recorded as an Action with its log entry.
 */
export async function protectTarget(ws: Workspace, target: string, level: Sensitivity, reason: string, now = new Date()): Promise<{ kind: 'document' | 'entity'; id: string; previous: Sensitivity; action: Action }> {
  if (!SENSITIVITY_LEVELS.includes(level)) throw new DaftarError('usage', `--level ${level}: expected protected, restricted or public`);
  if (!reason.trim()) throw new DaftarError('usage', 'give a --reason: every protection decision is recorded with why');
  const entity = await ws.store.getEntity(target);
  let kind: 'document' | 'entity';
  let id: string;
  let previous: Sensitivity;
  if (entity) {
    kind = 'entity';
    id = entity.id;
    previous = entity.sensitivity;
  } else {
    const ids = await ws.store.findDocumentIds(target, 2);
    if (ids.length === 0) throw new DaftarError('not_found', `${target}: no document or entity with this id`);
    if (ids.length > 1) throw new DaftarError('ambiguous_id', `${target}: prefix matches several documents; give more characters`);
    kind = 'document';
    id = ids[0]!;
    previous = (await ws.store.getDocument(id))!.sensitivity;
  }
  const action: Action = {
    id: randomUUID(),
    operation: 'protect',
    actor: currentActor(),
    at: now.toISOString(),
    reason: reason.trim(),
    payload: { target: kind, id, level, previous },
    undoneBy: null,
  };
  await ws.store.setSensitivity(kind === 'document' ? { document: id } : { entity: id }, level, action, logDraft('action', action.id, { operation: 'protect', target: kind, id, level, previous, reason: action.reason }, now));
  return { kind, id, previous, action };
}
