// Mentions sent in columns (what the readers send at ingest) are stored exactly as the same
// mentions sent as objects: same records, same order, same rule for a span given twice.
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Mention } from '../../src/model/schema.js';
import { leafHashOf } from '../../src/pipeline/workspace.js';
import { mentionId, toMentions, type MentionDraft } from '../../src/pipeline/prepare.js';
import { fromMentionColumns, toMentionColumns } from '../../src/store/mention-columns.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';

const TEXT = '🙂 Dariush Kalantari met the UNHCR in Talvareh on 3 May 2024. 40 houses fell; Kalantari left.';

function drafts(text: string): MentionDraft[] {
  const at = (s: string, from = 0) => [text.indexOf(s, from), text.indexOf(s, from) + s.length] as const;
  const d = (s: string, type: Mention['type'], extra: Partial<MentionDraft> = {}, from = 0): MentionDraft => {
    const [start, end] = at(s, from);
    return { start, end, type, text: text.slice(start, end), value: null, attributes: {}, extractor: 'ner-en@3', confidence: 0.873, ...extra };
  };
  return [
    d('Dariush Kalantari', 'PERSON', { attributes: { title: 'Mr' } }),
    d('UNHCR', 'ORG', { attributes: { acronymOf: { start: 1, end: 3 } }, confidence: 0.8734512 }),
    d('3 May 2024', 'DATE', { value: '2024-05-03', extractor: 'dates@2', attributes: { granularity: 'day' }, confidence: 1 }),
    d('Talvareh', 'PLACE', { text: 'Talvareh (sic)' }), // a text that is not the document's slice is kept
    d('40 houses', 'QUANTITY', { value: '40', extractor: 'quantities@1', attributes: { unit: 'house' }, confidence: 0 }),
    // The same span and type again: stored once, where the first was, with this one's data.
    d('Dariush Kalantari', 'PERSON', { confidence: 0.5, extractor: 'gazetteer@1' }),
    d('Kalantari', 'PERSON', {}, TEXT.indexOf('left') - 12),
    d('Kalantari', 'ORG', { confidence: 0.2 }, TEXT.indexOf('left') - 12), // same span, other type: both kept
  ];
}

async function stored(viaColumns: boolean): Promise<{ mentions: Mention[]; log: unknown[] }> {
  const store = openSqliteStore(join(tempDir(), 'daftar.db'), leafHashOf);
  onTestFinished(() => store.close());
  const { doc, passages } = makeDocument(TEXT);
  const list = drafts(doc.text);
  await store.putDocuments([
    viaColumns
      ? { doc, passages, log: { ...LOG, subject: doc.id }, mentionColumns: toMentionColumns(doc.text, list), trusted: true }
      : { doc, passages, log: { ...LOG, subject: doc.id }, mentions: toMentions(doc.id, list) },
  ]);
  return { mentions: await store.getMentions(doc.id), log: await store.getLog() };
}

describe('mentions in columns', () => {
  it('round-trips every field', () => {
    const { doc } = makeDocument(TEXT);
    const list = drafts(doc.text);
    expect(fromMentionColumns(toMentionColumns(doc.text, list), doc.id, doc.text, mentionId)).toEqual(toMentions(doc.id, list));
  });

  it('are stored as the same mentions sent as objects', async () => {
    const columns = await stored(true);
    const objects = await stored(false);
    expect(columns).toEqual(objects);
    const kalantari = columns.mentions.filter((m) => m.text === 'Dariush Kalantari');
    expect(kalantari.map((m) => [m.extractor, m.confidence])).toEqual([['gazetteer@1', 0.5]]);
    expect(columns.mentions.find((m) => m.type === 'PLACE')?.text).toBe('Talvareh (sic)');
    expect(columns.mentions.find((m) => m.type === 'ORG' && m.text === 'UNHCR')?.confidence).toBe(0.8734512);
    expect(columns.mentions).toHaveLength(drafts(TEXT).length - 1);
  });

  it('refuse what the schema would: a span that is not a pair of whole offsets, a confidence outside 0-1', () => {
    const first = drafts(TEXT)[0]!;
    expect(() => toMentionColumns(TEXT, [{ ...first, end: 3.5 }])).toThrow(/not a pair of offsets/);
    expect(() => toMentionColumns(TEXT, [{ ...first, start: -1 }])).toThrow(/not a pair of offsets/);
    expect(() => toMentionColumns(TEXT, [{ ...first, confidence: 1.2 }])).toThrow(/not between 0 and 1/);
    expect(() => toMentionColumns(TEXT, [{ ...first, confidence: Number.NaN }])).toThrow(/not between 0 and 1/);
  });
});
