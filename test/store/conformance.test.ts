// One suite for every backend: the PostgreSQL backend must pass it unchanged.
import { describe, expect, it, onTestFinished } from 'vitest';
import { BACKENDS, LOG, makeDocument, openTestStore } from '../helpers/store.js';
import type { Store } from '../../src/store/store.js';
import { leafHashOf } from '../../src/pipeline/workspace.js';

async function fresh(backend: (typeof BACKENDS)[number]): Promise<Store> {
  const store = await openTestStore(backend);
  onTestFinished(() => store.close());
  return store;
}

for (const backend of BACKENDS) {
  describe(`${backend} store`, () => {
    it('keeps one document per SHA-256 and reports the second put as present', async () => {
      const store = await fresh(backend);
      const { doc, passages } = makeDocument('First paragraph.\n\nSecond paragraph.');
      expect(await store.putDocument(doc, passages, { ...LOG, subject: doc.id })).toBe('added');
      expect(await store.putDocument(doc, passages, { ...LOG, subject: doc.id })).toBe('present');
      expect(await store.countDocuments()).toBe(1);
      expect(await store.logSize()).toBe(1); // the second put wrote nothing, not even a log entry
    });

    it('returns the document and passages as stored, offsets intact', async () => {
      const store = await fresh(backend);
      const text = 'Alpha beta.\n\nگزارش دوم با «نقل‌قول».\n\nGamma.';
      const { doc, passages } = makeDocument(text, { title: 'T', published: { value: '2019-03-03', evidence: 'meta', confidence: 0.9 } });
      await store.putDocument(doc, passages, LOG);
      const back = await store.getDocument(doc.id);
      expect(back).toEqual(doc);
      const ps = await store.getPassages(doc.id);
      expect(ps.map((p) => text.slice(p.start, p.end))).toEqual(['Alpha beta.', 'گزارش دوم با «نقل‌قول».', 'Gamma.']);
    });

    it('finds documents by a unique id prefix', async () => {
      const store = await fresh(backend);
      const a = makeDocument('one');
      const b = makeDocument('two');
      await store.putDocument(a.doc, a.passages, LOG);
      await store.putDocument(b.doc, b.passages, LOG);
      expect(await store.findDocumentIds(a.doc.id.slice(0, 10))).toEqual([a.doc.id]);
      expect(await store.findDocumentIds('')).toHaveLength(2);
      expect(await store.findDocumentIds('zz')).toEqual([]);
    });

    it('ranks a document that mentions the words more often higher and highlights them', async () => {
      const store = await fresh(backend);
      const weak = makeDocument('The camp was mentioned once. Many other words follow here about weather and roads.');
      const strong = makeDocument('Varzaneh camp detainees.\n\nThe Varzaneh camp held detainees; the camp at Varzaneh grew.', { title: 'Varzaneh camp' });
      await store.putDocument(weak.doc, weak.passages, LOG);
      await store.putDocument(strong.doc, strong.passages, LOG);
      const hits = await store.search({ text: 'varzaneh camp' });
      expect(hits.map((h) => h.documentId)).toEqual([strong.doc.id]);
      expect(hits[0]!.snippet).toContain('[[Varzaneh]] [[camp]]');
      const both = await store.search({ text: 'camp' });
      expect(both.map((h) => h.documentId)).toEqual([strong.doc.id, weak.doc.id]);
    });

    it('matches phrases only in order', async () => {
      const store = await fresh(backend);
      const a = makeDocument('the red house stood');
      const b = makeDocument('the house was red');
      await store.putDocument(a.doc, a.passages, LOG);
      await store.putDocument(b.doc, b.passages, LOG);
      expect((await store.search({ text: '"red house"' })).map((h) => h.documentId)).toEqual([a.doc.id]);
      expect(await store.search({ text: 'red house' })).toHaveLength(2);
    });

    it('folds Arabic and Persian letter variants, ZWNJ and digits on both sides', async () => {
      const store = await fresh(backend);
      // Persian yeh/keheh, ZWNJ and Persian digits in the text …
      const { doc, passages } = makeDocument('کمیته‌ی پیگیری در سال ۲۰۱۹ گزارش داد که یک کتاب منتشر شد.', { language: 'fa' });
      await store.putDocument(doc, passages, LOG);
      // … found by Arabic yeh/kaf, no ZWNJ, ASCII digits in the query.
      expect((await store.search({ text: 'كتاب' })).map((h) => h.documentId)).toEqual([doc.id]);
      expect((await store.search({ text: 'كميتهي' })).map((h) => h.documentId)).toEqual([doc.id]);
      expect((await store.search({ text: '2019' })).map((h) => h.documentId)).toEqual([doc.id]);
      // and the other way round: a Persian-digit query finds ASCII digits.
      const en = makeDocument('In 2019 the report appeared.');
      await store.putDocument(en.doc, en.passages, LOG);
      expect((await store.search({ text: '۲۰۱۹', language: 'en' })).map((h) => h.documentId)).toEqual([en.doc.id]);
      const hit = (await store.search({ text: 'كتاب' }))[0]!;
      expect(hit.snippet).toContain('[[کتاب]]'); // highlighted as written, not as folded
    });

    it('filters by language, site and publication date range', async () => {
      const store = await fresh(backend);
      const mk = (site: string, date: string, language: 'en' | 'fa') =>
        makeDocument(`flood report from ${site} ${date}`, { site, language, published: { value: date, evidence: 'meta', confidence: 1 } });
      const a = mk('Arvand Daily', '2019-03-01', 'en');
      const b = mk('Sahel News', '2019-06-15', 'en');
      const c = mk('Sahel News', '2020-01-10', 'fa');
      for (const d of [a, b, c]) await store.putDocument(d.doc, d.passages, LOG);
      const ids = async (q: object) => (await store.search({ text: 'flood', ...q })).map((h) => h.documentId).sort();
      expect(await ids({ site: 'Sahel News' })).toEqual([b.doc.id, c.doc.id].sort());
      expect(await ids({ language: 'fa' })).toEqual([c.doc.id]);
      expect(await ids({ from: '2019-04-01', to: '2019-12-31' })).toEqual([b.doc.id]);
      expect(await ids({ to: '2019-03-01' })).toEqual([a.doc.id]);
    });

    it('treats query syntax characters as plain text', async () => {
      const store = await fresh(backend);
      const { doc, passages } = makeDocument('NOT a problem: AND OR near(x) "quoted"');
      await store.putDocument(doc, passages, LOG);
      for (const q of ['NOT', 'near(x', 'AND OR', '"', '*', '^']) await expect(store.search({ text: q })).resolves.toBeDefined();
      expect(await store.search({ text: 'NOT' })).toHaveLength(1);
    });

    it('keeps curated mentions when extraction runs again', async () => {
      const store = await fresh(backend);
      const { doc, passages } = makeDocument('Dariush Kalantari spoke in Arvand.');
      await store.putDocument(doc, passages, LOG);
      const base = { documentId: doc.id, attributes: {}, extractor: 'ner@1', confidence: 0.9, entityId: null, value: null };
      await store.putMentions(doc.id, [
        { ...base, id: 'm1', start: 0, end: 17, type: 'PERSON', text: 'Dariush Kalantari', status: 'confirmed' },
        { ...base, id: 'm2', start: 27, end: 33, type: 'PLACE', text: 'Arvand', status: 'suggested' },
      ]);
      // A re-run that proposes nothing keeps the confirmed mention and drops the suggestion.
      await store.putMentions(doc.id, []);
      const left = await store.getMentions(doc.id);
      expect(left.map((m) => [m.id, m.status])).toEqual([['m1', 'confirmed']]);
      expect((await store.mentionCounts('PERSON'))[0]).toMatchObject({ text: 'Dariush Kalantari', count: 1, documents: 1 });
    });

    it('numbers log entries from 0 and hashes each as an RFC 6962 leaf', async () => {
      const store = await fresh(backend);
      const e0 = await store.appendLog({ ...LOG, subject: 'a' });
      const e1 = await store.appendLog({ ...LOG, subject: 'b' });
      expect([e0.seq, e1.seq]).toEqual([0, 1]);
      const { leafHash, ...rest } = e1;
      expect(leafHash).toBe(leafHashOf(rest));
      expect(await store.getLog({ from: 1 })).toEqual([e1]);
    });

    it('round-trips every record through export and import', async () => {
      const a = await fresh(backend);
      const d1 = makeDocument('Paragraph one.\n\nParagraph two about Arvand.', { title: 'One' });
      const d2 = makeDocument('متن فارسی درباره‌ی اروند.', { language: 'fa' });
      await a.putDocument(d1.doc, d1.passages, { ...LOG, subject: d1.doc.id });
      await a.putDocument(d2.doc, d2.passages, { ...LOG, subject: d2.doc.id });
      await a.putMentions(d1.doc.id, [
        { id: 'm', documentId: d1.doc.id, start: 37, end: 43, type: 'PLACE', text: 'Arvand', value: null, attributes: { k: 1 }, extractor: 'x@1', confidence: 0.5, status: 'suggested', entityId: 'e1' },
      ]);
      await a.putEntities([{ id: 'e1', type: 'PLACE', name: 'Arvand', aliases: [{ name: 'اروند', script: 'arabic', source: 'extracted' }], attributes: {}, sensitivity: 'public' }]);
      await a.putActions([{ id: 'a1', operation: 'merge', actor: 'x', at: '2026-01-01T00:00:00Z', reason: null, payload: {}, undoneBy: null }]);
      const first: unknown[] = [];
      for await (const r of a.exportRecords()) first.push(r);
      const b = await fresh(backend);
      await b.importRecords(first as never);
      const second: unknown[] = [];
      for await (const r of b.exportRecords()) second.push(r);
      expect(second).toEqual(first);
      expect(first.map((r) => (r as { kind: string }).kind)).toEqual(['document', 'document', 'passage', 'passage', 'passage', 'mention', 'entity', 'action', 'log', 'log']);
      expect((await b.search({ text: 'اروند' })).length).toBe(1); // the index is rebuilt on import
    });
  });
}
