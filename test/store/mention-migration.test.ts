// Migration 5 (compact mentions): a workspace written with the old mention table opens
// with every mention intact (same records, same order, same export), and the compact rows
// really drop what they can derive. Also: putDocuments is all or nothing.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Mention } from '../../src/model/schema.js';
import { leafHashOf } from '../../src/pipeline/workspace.js';
import { MIGRATIONS } from '../../src/store/sqlite/migrations.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';

const OLD_STEPS = 4; // the mention table of migration 1, before the compact one

function oldWorkspace(): { path: string; db: Database.Database } {
  const path = join(tempDir(), 'daftar.db');
  const db = new Database(path);
  for (let v = 0; v < OLD_STEPS; v++) db.exec(MIGRATIONS[v]!);
  db.pragma(`user_version = ${OLD_STEPS}`);
  return { path, db };
}

function insertOldDocument(db: Database.Database, text: string, title = 'T'): { seq: number; id: string } {
  const { doc } = makeDocument(text, { title });
  const info = db
    .prepare(`INSERT INTO document (id, kind, media_type, size_bytes, file_name, text, title, site, language, published_on, metadata, sections, sensitivity, ingested_at)
      VALUES (?, 'article', 'text', ?, 'x.txt', ?, ?, NULL, 'en', NULL, ?, '[]', 'public', '2026-01-01T00:00:00.000Z')`)
    .run(doc.id, doc.sizeBytes, text, title, JSON.stringify(doc.metadata));
  return { seq: Number(info.lastInsertRowid), id: doc.id };
}

const derivedId = (docId: string, start: number, end: number, type: string) => `${docId.slice(0, 16)}:${start}-${end}:${type}`;

describe('migration 5: compact mentions', () => {
  it('upgrades an old workspace with every mention intact and derives what it no longer stores', async () => {
    const { path, db } = oldWorkspace();
    const a = insertOldDocument(db, 'Dariush Kalantari met the UNHCR in Talvareh on 3 May. 40 houses fell.');
    // Characters outside the BMP before the spans: UTF-16 offsets differ from SQL's code points.
    const b = insertOldDocument(db, '🙂🙂 Report: Sara Ahmadi of ACME spoke. 🙂 Sara Ahmadi again.');
    const put = db.prepare(`INSERT INTO mention (id, document_seq, start, end, type, text, value, attributes, extractor, confidence, status, entity_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const textA = 'Dariush Kalantari met the UNHCR in Talvareh on 3 May. 40 houses fell.';
    const textB = '🙂🙂 Report: Sara Ahmadi of ACME spoke. 🙂 Sara Ahmadi again.';
    const span = (t: string, s: string, from = 0) => [t.indexOf(s, from), t.indexOf(s, from) + s.length] as const;
    const rows: [string, number, number, number, string, string, string | null, string, string, number, string, string | null][] = [];
    const add = (doc: { seq: number; id: string }, text: string, s: string, type: string, extra: Partial<{ id: string; text: string; value: string; attributes: string; extractor: string; confidence: number; status: string; entity: string; from: number }> = {}) => {
      const [start, end] = span(text, s, extra.from);
      rows.push([
        extra.id ?? derivedId(doc.id, start, end, type),
        doc.seq,
        start,
        end,
        type,
        extra.text ?? text.slice(start, end),
        extra.value ?? null,
        extra.attributes ?? '{}',
        extra.extractor ?? 'ner-en@3',
        extra.confidence ?? 0.8734512,
        extra.status ?? 'suggested',
        extra.entity ?? null,
      ]);
    };
    add(a, textA, 'Dariush Kalantari', 'PERSON', { status: 'confirmed', entity: 'ent-1', attributes: '{"title":"Mr"}' });
    add(a, textA, 'UNHCR', 'ORG', { confidence: 1 });
    add(a, textA, 'Talvareh', 'PLACE', { status: 'rejected' });
    add(a, textA, '3 May', 'DATE', { value: '2026-05-03', attributes: '{"granularity":"day","calendar":"gregorian"}', extractor: 'dates@2' });
    add(a, textA, '40', 'QUANTITY', { value: '40', attributes: '{"valueMax":null,"qualifier":"exact","unit":null}', extractor: 'quantities@1', confidence: 0 });
    add(a, textA, 'UNHCR', 'MISC', { id: 'imported-mention-7' }); // an id not of the derived form
    add(a, textA, 'UNHCR', 'MISC', { id: 'imported-mention-8' }); // and a second one on the same span and type
    add(a, textA, 'Talvareh', 'ORG', { text: 'Talvareh (town)' }); // text that is not the slice
    add(b, textB, 'Sara Ahmadi', 'PERSON', { entity: 'ent-2' });
    add(b, textB, 'ACME', 'ORG');
    add(b, textB, 'Sara Ahmadi', 'PERSON', { from: 30, entity: 'ent-2' });
    // inserted out of order: the old table's rowid order is not the reading order
    for (const r of [...rows].reverse()) put.run(...r);

    const oldMentions = (seq: number): Mention[] =>
      (db.prepare('SELECT m.*, d.id AS document_id FROM mention m JOIN document d ON d.seq = m.document_seq WHERE m.document_seq = ? ORDER BY m.start, m.end, m.type').all(seq) as Record<string, unknown>[]).map((r) => ({
        id: r.id as string,
        documentId: r.document_id as string,
        start: r.start as number,
        end: r.end as number,
        type: r.type as Mention['type'],
        text: r.text as string,
        value: r.value as string | null,
        attributes: JSON.parse(r.attributes as string),
        extractor: r.extractor as string,
        confidence: r.confidence as number,
        status: r.status as Mention['status'],
        entityId: r.entity_id as string | null,
      }));
    const beforeA = oldMentions(a.seq);
    const beforeB = oldMentions(b.seq);
    expect(beforeA).toHaveLength(8);
    expect(beforeB).toHaveLength(3);
    db.close();

    const store = openSqliteStore(path, leafHashOf);
    onTestFinished(() => store.close());
    expect(await store.getMentions(a.id)).toEqual(beforeA);
    expect(await store.getMentions(b.id)).toEqual(beforeB);
    // The astral-plane document keeps its texts right (UTF-16 offsets).
    expect((await store.getMentions(b.id)).map((m) => m.text)).toEqual(['Sara Ahmadi', 'ACME', 'Sara Ahmadi']);
    for (const m of [...beforeA, ...beforeB]) expect(await store.getMention(m.id)).toEqual(m);
    expect(await store.mentionsOfEntity('ent-2')).toEqual(beforeB.filter((m) => m.entityId === 'ent-2'));
    expect((await store.mentionCounts('PERSON')).find((c) => c.text === 'Sara Ahmadi')).toEqual({ type: 'PERSON', text: 'Sara Ahmadi', count: 2, documents: 1 });
    const names = await store.listNameMentions({ unlinkedOnly: true });
    expect(names.map((m) => m.text).sort()).toEqual(['ACME', 'Talvareh (town)', 'UNHCR']);

    // Compact rows: derivable ids and texts are not stored, codes instead of names.
    const raw = store.db.prepare('SELECT * FROM mention').all() as Record<string, unknown>[];
    expect(raw).toHaveLength(11);
    expect(raw.filter((r) => r.id !== null).map((r) => r.id)).toEqual(['imported-mention-8', 'imported-mention-7']); // old insertion order kept
    expect(raw.filter((r) => r.text !== null).map((r) => r.text)).toEqual(['Talvareh (town)', 'Sara Ahmadi', 'ACME', 'Sara Ahmadi']);
    expect(raw.every((r) => typeof r.type === 'number' && typeof r.status === 'number' && typeof r.extractor === 'number')).toBe(true);
    expect(raw.filter((r) => r.attributes === null)).toHaveLength(8);
    // Whole thousandths as small integers (c * 1000 + 2), anything else as it was.
    expect(raw.map((r) => r.confidence).sort((x, y) => (x as number) - (y as number))).toEqual([...Array(9).fill(0.8734512), 2, 1002]);
    // Rows of one span and type are told apart by k; no separate index on the document.
    expect(raw.filter((r) => r.k !== 0).map((r) => r.id)).toEqual(['imported-mention-7']);
    expect(store.db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'mention' AND sql IS NOT NULL").pluck().get()).toBe(2);

    // Changes by id reach the right rows, derived or stored ids alike.
    const unhcr = beforeA.find((m) => m.type === 'ORG' && m.text === 'UNHCR')!;
    expect(unhcr.id).toBe(derivedId(a.id, unhcr.start, unhcr.end, 'ORG'));
    await store.applyEntityChange({ mentions: [{ id: unhcr.id, entityId: 'ent-9', status: 'confirmed' }, { id: 'imported-mention-7', entityId: 'ent-9' }] });
    const after = await store.getMentions(a.id);
    expect(after.filter((m) => m.entityId === 'ent-9').map((m) => m.id).sort()).toEqual([unhcr.id, 'imported-mention-7'].sort());
    expect(after.find((m) => m.id === unhcr.id)!.status).toBe('confirmed');
    expect(after.find((m) => m.id === 'imported-mention-7')!.status).toBe('suggested');
  });

  it('exports the same records before and after the upgrade, and round-trips through import', async () => {
    const { path, db } = oldWorkspace();
    const text = 'Kaveh Rahimi visited Borzabad twice.';
    const d = insertOldDocument(db, text);
    db.prepare(`INSERT INTO mention (id, document_seq, start, end, type, text, value, attributes, extractor, confidence, status, entity_id)
      VALUES (?, ?, 0, 12, 'PERSON', 'Kaveh Rahimi', NULL, '{}', 'ner-en@3', 0.5, 'suggested', NULL)`).run(derivedId(d.id, 0, 12, 'PERSON'), d.seq);
    db.prepare(`INSERT INTO mention (id, document_seq, start, end, type, text, value, attributes, extractor, confidence, status, entity_id)
      VALUES (?, ?, 21, 29, 'PLACE', 'Borzabad', NULL, '{"x":[1,2]}', 'ner-en@3', 0.25, 'confirmed', 'e1')`).run(derivedId(d.id, 21, 29, 'PLACE'), d.seq);
    const old = (db.prepare('SELECT * FROM mention ORDER BY start').all() as Record<string, unknown>[]).map((r) => JSON.stringify(r));
    expect(old).toHaveLength(2);
    db.close();

    const store = openSqliteStore(path, leafHashOf);
    onTestFinished(() => store.close());
    const lines = async (s: typeof store) => {
      const out: string[] = [];
      for await (const r of s.exportRecords()) out.push(JSON.stringify({ kind: r.kind, ...r.record }));
      return out;
    };
    const first = await lines(store);
    const mentionLines = first.filter((l) => l.startsWith('{"kind":"mention"'));
    expect(mentionLines).toEqual([
      JSON.stringify({ kind: 'mention', id: derivedId(d.id, 0, 12, 'PERSON'), documentId: d.id, start: 0, end: 12, type: 'PERSON', text: 'Kaveh Rahimi', value: null, attributes: {}, extractor: 'ner-en@3', confidence: 0.5, status: 'suggested', entityId: null }),
      JSON.stringify({ kind: 'mention', id: derivedId(d.id, 21, 29, 'PLACE'), documentId: d.id, start: 21, end: 29, type: 'PLACE', text: 'Borzabad', value: null, attributes: { x: [1, 2] }, extractor: 'ner-en@3', confidence: 0.25, status: 'confirmed', entityId: 'e1' }),
    ]);
    const copy = openSqliteStore(join(tempDir(), 'daftar.db'), leafHashOf);
    onTestFinished(() => copy.close());
    const records = [];
    for await (const r of store.exportRecords()) records.push(r);
    await copy.importRecords(records);
    expect(await lines(copy)).toEqual(first);
  });

  it('writes a batch of documents in one transaction: one bad item and nothing is stored', async () => {
    const store = openSqliteStore(join(tempDir(), 'daftar.db'), leafHashOf);
    onTestFinished(() => store.close());
    const one = makeDocument('First document of the batch.');
    const two = makeDocument('Second document of the batch.');
    const bad = makeDocument('Third, with a mention that is not valid.');
    const badMention = { id: 'x', documentId: bad.doc.id, start: 0, end: 5, type: 'PERSON', text: 'Third', value: null, attributes: {}, extractor: 'ner-en@3', confidence: 2, status: 'suggested', entityId: null } as Mention;
    await expect(
      store.putDocuments([
        { doc: one.doc, passages: one.passages, log: { ...LOG, subject: one.doc.id } },
        { doc: two.doc, passages: two.passages, log: { ...LOG, subject: two.doc.id } },
        { doc: bad.doc, passages: bad.passages, log: { ...LOG, subject: bad.doc.id }, mentions: [badMention] },
      ]),
    ).rejects.toThrow();
    expect(await store.countDocuments()).toBe(0);
    expect(await store.logSize()).toBe(0);

    const outcome = await store.putDocuments([
      { doc: one.doc, passages: one.passages, log: { ...LOG, subject: one.doc.id } },
      { doc: one.doc, passages: one.passages, log: { ...LOG, subject: one.doc.id } },
      { doc: two.doc, passages: two.passages, log: { ...LOG, subject: two.doc.id } },
    ]);
    expect(outcome).toEqual(['added', 'present', 'added']);
    expect(await store.logSize()).toBe(2);
    expect((await store.getLog()).map((e) => [e.seq, e.subject])).toEqual([
      [0, one.doc.id],
      [1, two.doc.id],
    ]);
  });
});
