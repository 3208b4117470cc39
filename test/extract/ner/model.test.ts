import { describe, expect, it } from 'vitest';
import { allowedTable, bilouScratch, bilouSpans, iobToBilou, tagCount, viterbi, viterbiBilou } from '../../../src/extract/ner/decode.js';
import { FeatureBuffer, sentenceFeatures } from '../../../src/extract/ner/features.js';
import { loadNerModel } from '../../../src/extract/ner/load.js';
import { decodeModel, encodeModel, NerModel, prepareTokens } from '../../../src/extract/ner/model.js';
import { tagSentenceWords } from '../../../src/extract/ner/tagger.js';
import { WordInfoCache } from '../../../src/extract/ner/word-info.js';
import { tokenize } from '../../../src/extract/tokenize/tokenize.js';

/** Tags by the training-time path: every feature hashed and looked up one by one. */
function referenceTags(model: NerModel, words: string[]): Int32Array {
  const n = words.length;
  const T = model.T;
  const { infos, gaz, dict } = prepareTokens(words, model.header.lang, model.gazetteer, model.dictionary, model.header.types.length, new WordInfoCache(), model.clusters);
  const buf = new FeatureBuffer();
  sentenceFeatures(infos, gaz, dict, 0, n, buf);
  const em = new Float32Array(n * T);
  for (let i = 0; i < n; i++) {
    for (let k = buf.offsets[i]!; k < buf.offsets[i + 1]!; k++) {
      const r = model.row(buf.hashes[k]!);
      if (r < 0) continue;
      for (let t = 0; t < T; t++) em[i * T + t] += model.weight(r, t);
    }
  }
  const out = new Int32Array(n);
  viterbi(em, n, T, model.trans, model.start, model.end, allowedTable(T), out, new Uint8Array(n * T), new Float64Array(T), new Float64Array(T));
  return out;
}

describe('NER model', () => {
  it('tags with cached per-word score groups exactly as the full feature path does', () => {
    for (const [lang, text] of [
      ['en', 'Gen. Darius Varan told the Northern Brigade in Paris that Mr. Tomas Ebbeling of Freedonia Mining Corp left'],
      ['fa', 'سردار بهرام کیانپور روز دوشنبه در تهران با نمایندگان سازمان ملل متحد دیدار کرد'],
    ] as const) {
      const model = loadNerModel(lang);
      const words = tokenize(text, lang).map((t) => t.text);
      const doc = model.prepare(words);
      const out = { tags: new Int32Array(words.length), confidence: new Float32Array(words.length) };
      model.tagSentence(doc, 0, words.length, out);
      expect(Array.from(out.tags)).toEqual(Array.from(referenceTags(model, words)));
      expect(out.tags.some((t) => t !== 0)).toBe(true);
    }
  });

  it('tags the same after its word store is cleared, and refuses tokens prepared before the clear', () => {
    const model = loadNerModel('en');
    const small = new NerModel(model.tables, { wordCapacity: 40 }); // cleared every few sentences
    const texts = [
      'Gen. Darius Varan told the Northern Brigade in Paris that Mr. Tomas Ebbeling of Freedonia Mining Corp left.',
      'The People\'s Front of Arvand said on Monday that talks in Geneva with the United Nations had failed.',
      'Varan and Ebbeling met again in Paris; the Brigade denied it, according to Reuters and the BBC.',
    ];
    for (let round = 0; round < 3; round++) {
      for (const text of texts) {
        const words = tokenize(text, 'en').map((t) => t.text);
        expect(JSON.stringify(tagSentenceWords(small, words))).toBe(JSON.stringify(tagSentenceWords(model, words)));
      }
    }
    const words = tokenize(texts[0]!, 'en').map((t) => t.text);
    const stale = small.prepare(words);
    small.prepare(tokenize(texts[1]! + ' ' + texts[2]!, 'en').map((t) => t.text)); // over capacity: the next prepare clears
    small.prepare(words);
    const out = { tags: new Int32Array(words.length), confidence: new Float32Array(words.length) };
    expect(() => small.tagSentence(stale, 0, words.length, out)).toThrow(/prepared before the word store was cleared/);
  });

  it('round-trips through encodeModel/decodeModel with 16-bit weights', () => {
    const types = ['PER', 'LOC'];
    const T = tagCount(types.length);
    const weights = new Float32Array(3 * T).map((_, i) => (i % 7) - 3);
    const bytes = encodeModel({
      header: { format: 1, featureVersion: loadNerModel('en').header.featureVersion, lang: 'en', types, features: 3, gazetteer: 1, dictionary: 2, weightScale: 1, confidenceScale: 0.1, confidenceFloor: 0, confidenceSpan: 1, trainedOn: 'test' },
      featureKeys: Uint32Array.from([5, 9, 0xfffffff0]),
      weights,
      trans: new Float32Array(T * T).fill(0.5),
      start: new Float32Array(T).fill(0.25),
      end: new Float32Array(T),
      gazKeys: Uint32Array.from([42]),
      gazValues: Uint8Array.from([3]),
      dictKeys: Uint32Array.from([7, 8]),
      dictValues: Uint8Array.from([1, 32]),
    });
    const m = decodeModel(bytes);
    expect(m.header.types).toEqual(types);
    expect(m.row(0xfffffff0)).toBe(2);
    expect(m.row(1234)).toBe(-1);
    for (let i = 0; i < weights.length; i++) expect(m.weight(Math.floor(i / T), i % T)).toBeCloseTo(weights[i]!, 3);
    expect(m.trans[3]).toBeCloseTo(0.5);
    expect(m.gazetteer.lookup(42)).toBe(3);
    expect(m.gazetteer.lookup(43)).toBe(0);
    expect(m.dictionary.lookup(8)).toBe(32);
  });

  it('rejects a damaged model file with a one-line error', () => {
    expect(() => decodeModel(new Uint8Array([1, 2, 3]), 'x.bin.gz')).toThrow(/x\.bin\.gz: NER model file is damaged/);
  });
});

describe('BILOU', () => {
  it('converts IOB2 to BILOU and back to spans', () => {
    const labels = ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'I-LOC', 'O', 'I-PER'];
    const types = ['PER', 'LOC'];
    const tags = iobToBilou(labels, (t) => types.indexOf(t));
    expect(bilouSpans(tags, tags.length)).toEqual([
      { start: 0, end: 2, type: 0 },
      { start: 3, end: 4, type: 1 },
      { start: 4, end: 7, type: 1 },
      { start: 8, end: 9, type: 0 },
    ]);
  });

  it('the BILOU Viterbi picks the same tags as the general one, ties included', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    let differentFromGreedy = 0;
    for (let trial = 0; trial < 3000; trial++) {
      const types = 1 + (trial % 6);
      const T = tagCount(types);
      const n = 1 + Math.floor(rand() * 12);
      // small integers make ties common; every third trial uses fractions instead
      const draw = (): number => (trial % 3 === 0 ? rand() * 10 - 5 : Math.floor(rand() * 4) - 2);
      const em = Float32Array.from({ length: n * T }, draw);
      const trans = Float32Array.from({ length: T * T }, draw);
      const start = Float32Array.from({ length: T }, draw);
      const end = Float32Array.from({ length: T }, draw);
      const want = new Int32Array(n);
      viterbi(em, n, T, trans, start, end, allowedTable(T), want, new Uint8Array(n * T), new Float64Array(T), new Float64Array(T));
      const got = new Int32Array(n);
      viterbiBilou(em, n, T, trans, start, end, got, new Uint8Array(n * T), bilouScratch(T, trans));
      expect(Array.from(got)).toEqual(Array.from(want));
      if (want.some((t, i) => t !== 0 && em[i * T + t]! < em[i * T]!)) differentFromGreedy++;
    }
    expect(differentFromGreedy).toBeGreaterThan(100); // transitions mattered in many trials
  });

  it('Viterbi never outputs an ill-formed sequence even when emissions prefer one', () => {
    const T = tagCount(1); // O B I L U
    // emissions favour I at position 0 and B at the end: both are illegal there
    const em = Float32Array.from([0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0]);
    const out = new Int32Array(3);
    viterbi(em, 3, T, new Float32Array(T * T), new Float32Array(T), new Float32Array(T), allowedTable(T), out, new Uint8Array(3 * T), new Float64Array(T), new Float64Array(T));
    expect(out[0]).not.toBe(2);
    expect(out[2]).not.toBe(1);
    expect(bilouSpans(out, 3).length).toBeLessThanOrEqual(3);
  });
});
