// Person registers (memorial lists, victim registers): a CSV file becomes PERSON
// entities with their source. Possible duplicates, inside the list and against the
// entities already in the workspace, are stored as review candidates with their
// evidence and never merged silently: a register is a person's work, and two rows
// with one name may well be two people.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { DaftarError } from '../model/errors.js';
import type { Entity } from '../model/schema.js';
import { findDuplicateCandidates } from '../resolve/duplicates.js';
import type { NameRecord } from '../resolve/name-record.js';
import { REVIEW_THRESHOLD, scoreNamePair } from '../resolve/score.js';
import type { KeyedEntity, ReviewCandidate, Store } from '../store/store.js';
import { normalizeText } from '../text/normalize.js';
import { entityRecord, recordKeys, reviewCandidate, scriptOf, stableId } from './resolve-run.js';
import { logDraft } from './workspace.js';

/** Fields a register column can fill; any other mapped field lands in attributes under its own name. */
export const REGISTER_FIELDS = ['name', 'name_fa', 'born', 'died', 'place', 'source', 'notes'] as const;

export interface ImportListReport {
  rows: number;
  entities: number;
  skipped: { row: number; message: string }[];
  /** Review candidates between two rows of the list. */
  duplicatesInList: number;
  /** Review candidates between a row and an entity already in the workspace. */
  duplicatesInCorpus: number;
  seconds: number;
}

/**
 * RFC 4180 CSV: quoted fields with "" escapes and line breaks, CRLF or LF, a UTF-8 BOM ignored.
 * parseCsv('a,"b ""c"""\n') -> [["a", 'b "c"']]
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += ch;
  }
  if (quoted) throw new DaftarError('invalid_input', 'CSV: a quoted field is not closed before the end of the file');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** "name=Name,name_fa=نام" -> { name: "Name", name_fa: "نام" }. */
export function parseColumnMap(spec: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    if (!part.trim()) continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new DaftarError('usage', `--map ${part}: expected field=Column`);
    out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  if (!out.name && !out.name_fa) throw new DaftarError('usage', '--map: map name= or name_fa= to a column');
  return out;
}

/**
 * Imports a register: one PERSON entity per row (ids stable per file and row, so a
 * second import of the same file changes nothing), then duplicate candidates.
 */
export async function importRegister(
  ws: { store: Store },
  input: { bytes: Uint8Array; fileName: string },
  map: Record<string, string>,
  options: { now?: Date } = {},
): Promise<ImportListReport> {
  const started = performance.now();
  const now = (options.now ?? new Date()).toISOString();
  const sha = createHash('sha256').update(input.bytes).digest('hex');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes);
  } catch (err) {
    throw new DaftarError('invalid_input', `${input.fileName}: not UTF-8 text; save the list as UTF-8 CSV`, { cause: err });
  }
  const rows = parseCsv(text);
  if (rows.length === 0) throw new DaftarError('empty_file', `${input.fileName}: no header row`);
  const header = rows[0]!.map((h) => normalizeText(h).trim());
  const column: Record<string, number> = {};
  for (const [field, col] of Object.entries(map)) {
    const idx = header.indexOf(normalizeText(col).trim());
    if (idx < 0) throw new DaftarError('usage', `--map ${field}=${col}: no column "${col}" in ${input.fileName} (columns: ${header.join(', ')})`);
    column[field] = idx;
  }
  const report: ImportListReport = { rows: rows.length - 1, entities: 0, skipped: [], duplicatesInList: 0, duplicatesInCorpus: 0, seconds: 0 };
  const cell = (r: string[], field: string) => {
    const idx = column[field];
    if (idx === undefined) return null;
    const v = normalizeText(r[idx] ?? '').trim();
    return v === '' ? null : v;
  };

  const entities: Entity[] = [];
  const records: NameRecord[] = [];
  for (let k = 1; k < rows.length; k++) {
    const r = rows[k]!;
    const name = cell(r, 'name');
    const nameFa = cell(r, 'name_fa');
    const primary = name ?? nameFa;
    if (!primary) {
      report.skipped.push({ row: k + 1, message: 'no name' });
      continue;
    }
    const attributes: Record<string, unknown> = {
      // Rows of a register are a person's record, not a machine's guess: a rebuild keeps them.
      curated: true,
      register: { file: basename(input.fileName), sha256: sha, row: k + 1 },
    };
    for (const field of Object.keys(column)) {
      if (field === 'name' || field === 'name_fa') continue;
      const v = cell(r, field);
      if (v !== null) attributes[field] = v;
    }
    const names = [...new Set([primary, ...(nameFa && nameFa !== primary ? [nameFa] : [])])];
    const entity: Entity = {
      id: stableId('ent', `register:${sha}:${k + 1}`),
      type: 'PERSON',
      name: primary,
      aliases: names.map((n) => ({ name: n, script: scriptOf(n), source: 'imported' as const })),
      attributes,
      sensitivity: 'public',
    };
    entities.push(entity);
    records.push({ name: primary, aliases: names.slice(1), type: 'PERSON' });
  }

  // Against the workspace: the entities there before this import, through their keys.
  // Each row's keys and record are computed once (the keys are stored with the entity too).
  const rowRecords = entities.map((e) => entityRecord(e));
  const rowKeys = rowRecords.map((r) => recordKeys(r, 'PERSON'));
  const existingKeys = new Map<string, string[]>();
  for (const { key, entityId } of await ws.store.listEntityKeys('PERSON:')) {
    const list = existingKeys.get(key);
    if (list) list.push(entityId);
    else existingKeys.set(key, [entityId]);
  }
  const mine = new Set(entities.map((e) => e.id));
  const candidates: ReviewCandidate[] = [];
  if (existingKeys.size > 0) {
    // Per row, the existing entities sharing a blocking key (a pair of words, or the
    // surname within one letter beside the initial: what leads inside the list too) or two
    // single-word keys; a given name alone or a surname alone is not a lead. The ten sharing most.
    const wanted: string[][] = [];
    const shared = new Map<string, number>();
    for (let r = 0; r < entities.length; r++) {
      shared.clear();
      for (const k of rowKeys[r]!) {
        const ids = existingKeys.get(k);
        if (!ids || ids.length > 200) continue;
        const weight = k.startsWith('PERSON:w:') ? 1 : 2;
        for (const id of ids) if (!mine.has(id)) shared.set(id, (shared.get(id) ?? 0) + weight);
      }
      const top: [string, number][] = [];
      for (const entry of shared) if (entry[1] >= 2) top.push(entry);
      top.sort((a, b) => b[1] - a[1]);
      wanted.push(top.slice(0, 10).map(([id]) => id));
    }
    // The existing entities are read in batches, once each, and their records built once.
    const otherRecord = new Map<string, NameRecord>();
    const ids = [...new Set(wanted.flat())];
    for (let k = 0; k < ids.length; k += 500) {
      for (const other of await ws.store.getEntities(ids.slice(k, k + 500))) otherRecord.set(other.id, entityRecord(other));
    }
    for (let r = 0; r < entities.length; r++) {
      const e = entities[r]!;
      for (const id of wanted[r]!) {
        const other = otherRecord.get(id);
        if (!other) continue;
        const s = scoreNamePair(rowRecords[r]!, other);
        if (s.score < REVIEW_THRESHOLD) continue;
        candidates.push(reviewCandidate(e.id, id, s.score, { origin: 'import', against: 'workspace', names: s.signals.bestPair, signals: s.signals, row: (e.attributes.register as { row: number }).row }, now));
        report.duplicatesInCorpus++;
      }
    }
  }
  // Inside the list.
  for (const c of findDuplicateCandidates(records)) {
    const a = entities[c.a]!;
    const b = entities[c.b]!;
    const rowOf = (e: Entity) => (e.attributes.register as { row: number }).row;
    candidates.push(reviewCandidate(a.id, b.id, c.score, { origin: 'import', against: 'list', names: c.signals.bestPair, signals: c.signals, rows: [rowOf(a), rowOf(b)] }, now));
    report.duplicatesInList++;
  }

  const putEntities: KeyedEntity[] = entities.map((entity, r) => ({ entity, keys: rowKeys[r]! }));
  await ws.store.applyEntityChange({
    putEntities,
    putCandidates: candidates,
    log: logDraft('import', sha, { register: basename(input.fileName), rows: report.rows, entities: entities.length, skipped: report.skipped.length, duplicatesInList: report.duplicatesInList, duplicatesInCorpus: report.duplicatesInCorpus }, new Date(now)),
  });
  report.entities = entities.length;
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
