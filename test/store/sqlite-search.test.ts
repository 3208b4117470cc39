// The SQLite search's shortcuts at scale (a window of newest matches, bm25 on the
// rarer phrases only, title-first for very common words), exercised at a small scale
// by shrinking its knobs: each must keep results matching the whole query.
import { describe, expect, it, onTestFinished } from 'vitest';
import { LOG, makeDocument, openTestStore } from '../helpers/store.js';
import { DEFAULT_TUNING, searchDocuments, type SearchTuning } from '../../src/store/sqlite/sqlite-search.js';
import type { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Document } from '../../src/model/schema.js';

async function storeWith(docs: { text: string; meta?: Partial<Document['metadata']> }[]): Promise<{ store: SqliteStore; ids: string[] }> {
  const store = (await openTestStore('sqlite')) as SqliteStore;
  onTestFinished(() => store.close());
  const ids: string[] = [];
  for (const d of docs) {
    const { doc, passages } = makeDocument(d.text, d.meta);
    await store.putDocument(doc, passages, { ...LOG, subject: doc.id });
    ids.push(doc.id);
  }
  return { store, ids };
}

const filler = (i: number) => `Report ${i} on weather and roads in the north.`;
// A 20-match window; every phrase may be weighed by bm25 (budget above the corpus size).
const SMALL_WINDOW: SearchTuning = { ...DEFAULT_TUNING, rankWindow: 20, olderTitleHits: 5, probe: 5 };
// As SMALL_WINDOW, but only phrases in at most ~10 documents are weighed.
const TIGHT_BUDGET: SearchTuning = { ...SMALL_WINDOW, idfBudget: 10, phraseIdfBudget: 10 };

describe('sqlite search at scale', () => {
  it('still ranks first a strongly matching document older than the window', async () => {
    const strong = { text: 'Varzaneh camp.\n\nThe Varzaneh camp held detainees; Varzaneh grew.', meta: { title: 'Varzaneh camp' } };
    const newer = Array.from({ length: 60 }, (_, i) => ({ text: `${filler(i)} A note mentions Varzaneh once.` }));
    const { store, ids } = await storeWith([strong, ...newer]);
    const hits = searchDocuments(store.db, { text: 'varzaneh', limit: 5 }, SMALL_WINDOW);
    expect(hits[0]!.documentId).toBe(ids[0]);
    expect(hits).toHaveLength(5);
    // Within the window, bm25 still orders: the newest documents are not simply first.
    expect(searchDocuments(store.db, { text: 'varzaneh', limit: 5 }, { ...SMALL_WINDOW, olderTitleHits: 0 })[0]!.documentId).not.toBe(ids[0]);
  });

  it('applies filters before the window, so an older document of the right language is found', async () => {
    const fa = { text: 'Flood in Ahvaz, says the report.', meta: { language: 'fa' as const, site: 'fa.example' } };
    const newer = Array.from({ length: 40 }, (_, i) => ({ text: `${filler(i)} Flood warning.`, meta: { site: 'en.example' } }));
    const { store, ids } = await storeWith([fa, ...newer]);
    expect(searchDocuments(store.db, { text: 'flood', language: 'fa' }, SMALL_WINDOW).map((h) => h.documentId)).toEqual([ids[0]]);
    expect(searchDocuments(store.db, { text: 'flood', site: 'fa.example' }, SMALL_WINDOW).map((h) => h.documentId)).toEqual([ids[0]]);
    expect(searchDocuments(store.db, { text: 'flood', site: 'en.example' }, SMALL_WINDOW)).toHaveLength(20);
  });

  it('weighs only the rare words when the common ones are over budget, yet every hit has every word', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ text: `${filler(i)} The minister spoke.` }));
    docs[3] = { text: `${filler(3)} The minister spoke of Kalantari.` };
    docs[7] = { text: `${filler(7)} The minister spoke of Kalantari, Kalantari and Kalantari again.` };
    docs[9] = { text: `${filler(9)} Kalantari was absent.` }; // no "minister": must not be a hit
    const { store, ids } = await storeWith(docs);
    const hits = searchDocuments(store.db, { text: 'minister kalantari' }, TIGHT_BUDGET);
    expect(hits.map((h) => h.documentId)).toEqual([ids[7], ids[3]]);
    expect(hits[0]!.snippet).toContain('[[minister]]');
  });

  it('walks the whole query when the common word is too rare to check on the best hits', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ text: `${filler(i)}${i % 3 === 0 ? ' The minister spoke.' : ''}` }));
    docs[3] = { text: `${filler(3)} The minister spoke of Kalantari.` };
    docs[6] = { text: `${filler(6)} The minister spoke of Kalantari, Kalantari and Kalantari again.` };
    docs[20] = { text: `${filler(20)} Kalantari was absent.` }; // no "minister": must not be a hit
    const { store, ids } = await storeWith(docs);
    expect(searchDocuments(store.db, { text: 'minister kalantari' }, TIGHT_BUDGET).map((h) => h.documentId)).toEqual([ids[6], ids[3]]);
  });

  it('ranks a phrase too costly for bm25 by its rarer word, matching only the phrase', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({
      text: `${filler(i)} A house by the road.${i % 4 === 1 ? ' The house was scarlet.' : ''}`,
    }));
    docs[1] = { text: `${filler(1)} The scarlet house, the scarlet house, the scarlet house and its scarlet door.` };
    docs[9] = { text: `${filler(9)} They saw the scarlet house.` };
    docs[17] = { text: `${filler(17)} The scarlet house stood by the road.` };
    const { store, ids } = await storeWith(docs);
    const hits = searchDocuments(store.db, { text: '"scarlet house"', limit: 50 }, TIGHT_BUDGET).map((h) => h.documentId);
    expect(hits[0]).toBe(ids[1]); // the oldest: ranked, not merely newest first
    expect([...hits].sort()).toEqual([ids[1], ids[9], ids[17]].sort());
  });

  it('puts title matches first when every word is too common for bm25', async () => {
    const docs = Array.from({ length: 40 }, (_, i) => ({ text: `${filler(i)} The minister spoke.` }));
    docs[5] = { text: `${filler(5)} The minister spoke.`, meta: { title: 'Minister resigns' } };
    docs[6] = { text: `${filler(6)} Nothing about it.` };
    const { store, ids } = await storeWith(docs);
    const hits = searchDocuments(store.db, { text: 'minister', limit: 50 }, TIGHT_BUDGET);
    expect(hits[0]!.documentId).toBe(ids[5]);
    expect(hits).toHaveLength(39);
    expect(hits.map((h) => h.documentId)).not.toContain(ids[6]);
    // the rest newest first
    expect(hits[1]!.documentId).toBe(ids[39]);
  });

  it('keeps phrases as phrases and folds Persian spellings on every path', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({ text: `${filler(i)} The red house and the house of red bricks. کتاب خانه` }));
    docs[2] = { text: `${filler(2)} He sold the house that was red. كتاب` };
    const { store, ids } = await storeWith(docs);
    for (const tuning of [{ ...SMALL_WINDOW, rankWindow: 50 }, TIGHT_BUDGET]) {
      const phrase = searchDocuments(store.db, { text: '"red house"', limit: 50 }, tuning).map((h) => h.documentId);
      expect(phrase).toHaveLength(29);
      expect(phrase).not.toContain(ids[2]);
      // Arabic kaf in the query, Persian keheh in the text, and the reverse
      expect(searchDocuments(store.db, { text: 'كتاب', limit: 50 }, tuning)).toHaveLength(30);
      expect(searchDocuments(store.db, { text: '"کتاب خانه"', limit: 50 }, tuning)).toHaveLength(29);
    }
  });

  it('pages through the ranked results without repeats', async () => {
    const docs = Array.from({ length: 30 }, (_, i) => ({ text: `${filler(i)} ${'flood '.repeat(1 + (i % 4))}` }));
    const { store } = await storeWith(docs);
    const all = searchDocuments(store.db, { text: 'flood', limit: 30 }, SMALL_WINDOW).map((h) => h.documentId);
    const pages = [0, 10, 20].flatMap((offset) => searchDocuments(store.db, { text: 'flood', limit: 10, offset }, SMALL_WINDOW).map((h) => h.documentId));
    expect(pages).toEqual(all);
    expect(new Set(pages).size).toBe(all.length);
  });
});
