// Shared NER weights: one thread decodes the model into a SharedArrayBuffer, others adopt
// the same memory and must tag exactly as a model decoded on its own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/extract/ner/extract.js';
import { adoptNerWeights, loadNerModel, modelFileName, modelsDir, setNerModel, sharedNerWeights } from '../../../src/extract/ner/load.js';
import { decodeModel, modelFromSharedWeights, type NerModel } from '../../../src/extract/ner/model.js';
import { tagSentenceWords } from '../../../src/extract/ner/tagger.js';
import { tokenize } from '../../../src/extract/tokenize/tokenize.js';

const TEXTS = {
  en: 'Gen. Darius Varan told the Northern Brigade in Paris on Monday that Mr. Tomas Ebbeling of Freedonia Mining Corp had left for Tabriz. The People\'s Front of Arvand (PFA) denied it.',
  fa: 'سردار بهرام کیانپور روز دوشنبه در تهران با نمایندگان سازمان ملل متحد دیدار کرد. کیانپور گفت که دانشگاه تهران هم حضور داشت.',
} as const;

function ownModel(lang: 'en' | 'fa'): NerModel {
  const path = join(modelsDir(), modelFileName(lang));
  return decodeModel(readFileSync(path), path);
}

function tagged(model: NerModel, lang: 'en' | 'fa'): string {
  return JSON.stringify(tagSentenceWords(model, tokenize(TEXTS[lang], lang).map((t) => t.text)));
}

afterAll(() => {
  // leave the process-wide models as other test files expect them
  for (const lang of ['en', 'fa'] as const) setNerModel(lang, ownModel(lang));
});

describe('shared NER weights', () => {
  for (const lang of ['en', 'fa'] as const) {
    it(`a ${lang} model over adopted shared arrays tags exactly as one decoded on its own`, () => {
      const own = ownModel(lang);
      const shared = sharedNerWeights(lang);
      expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(shared.header.lang).toBe(lang);
      // the thread that shared them tags with the shared arrays too
      expect(loadNerModel(lang).tables.buffer).toBe(shared.buffer);
      expect(sharedNerWeights(lang).buffer).toBe(shared.buffer); // decoded once
      const adopted = modelFromSharedWeights(shared);
      expect(adopted.tables.buffer).toBe(shared.buffer); // views, not copies
      expect(Buffer.from(shared.buffer).equals(Buffer.from(own.tables.buffer as ArrayBuffer))).toBe(true);
      const want = tagged(own, lang);
      expect(want).not.toBe('[]');
      expect(tagged(adopted, lang)).toBe(want);
      adoptNerWeights(lang, shared);
      expect(loadNerModel(lang).tables.buffer).toBe(shared.buffer);
      setNerModel(lang, own);
      const spans = extractEntities(TEXTS[lang], lang);
      adoptNerWeights(lang, shared);
      expect(extractEntities(TEXTS[lang], lang)).toEqual(spans);
    });
  }

  it('moves an already loaded model into shared memory with the same tags', () => {
    const own = ownModel('en');
    setNerModel('en', own);
    const shared = sharedNerWeights('en');
    expect(own.sharedWeights()).toBeNull();
    expect(loadNerModel('en') === own).toBe(false); // (not.toBe would print the model's arrays)
    expect(tagged(loadNerModel('en'), 'en')).toBe(tagged(own, 'en'));
    expect(loadNerModel('en').sharedWeights()!.buffer).toBe(shared.buffer);
  });

  it('refuses weights of the other language or with arrays outside the buffer', () => {
    const shared = sharedNerWeights('en');
    expect(() => adoptNerWeights('fa', shared)).toThrow(/for 'en', not 'fa'/);
    const bad = { ...shared, layout: { ...shared.layout, weights: { byteOffset: shared.buffer.byteLength - 8, length: 1000 } } };
    expect(() => modelFromSharedWeights(bad)).toThrow(/weights lies outside the buffer/);
    expect(() => modelFromSharedWeights({ ...shared, buffer: new ArrayBuffer(8) as unknown as SharedArrayBuffer })).toThrow(/not a SharedArrayBuffer/);
  });

  it('a worker thread adopts the weights sent in workerData and tags like this thread', async () => {
    const shared = sharedNerWeights('fa');
    const want = tagged(ownModel('fa'), 'fa');
    const worker = new Worker(new URL('./fixtures/adopt-worker.mjs', import.meta.url), { workerData: { lang: 'fa', shared, text: TEXTS.fa } });
    try {
      const reply = await new Promise<{ tags: string; sameBuffer: boolean }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      });
      expect(reply.sameBuffer).toBe(true);
      expect(reply.tags).toBe(want);
    } finally {
      await worker.terminate();
    }
  }, 60_000);
});
