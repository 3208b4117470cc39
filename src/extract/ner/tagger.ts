// Running a model over tokens: pre-tokenized sentences (evaluation) or a document's
// tokens with sentence ranges (extraction).
import { bilouSpans } from './decode.js';
import type { NerModel, TaggedTokens } from './model.js';

/** A tagged entity over token indices [start, end), typed with the model's own labels. */
export interface TokenEntity {
  start: number;
  end: number;
  type: string;
  confidence: number;
}

/** Tag a document's tokens given sentence ranges in token indices. */
export function tagTokens(model: NerModel, words: readonly string[], sentences: ReadonlyArray<{ tokenStart: number; tokenEnd: number }>): TokenEntity[] {
  const n = words.length;
  const doc = model.prepare(words);
  const out: TaggedTokens = { tags: new Int32Array(n), confidence: new Float32Array(n) };
  for (const s of sentences) model.tagSentence(doc, s.tokenStart, s.tokenEnd, out);
  const types = model.header.types;
  const entities: TokenEntity[] = [];
  for (const s of sentences) {
    const len = s.tokenEnd - s.tokenStart;
    for (const sp of bilouSpans(out.tags.subarray(s.tokenStart, s.tokenEnd), len)) {
      let conf = 1;
      for (let k = s.tokenStart + sp.start; k < s.tokenStart + sp.end; k++) conf = Math.min(conf, out.confidence[k]!);
      const calibrated = model.header.confidenceFloor + model.header.confidenceSpan * conf;
      entities.push({ start: s.tokenStart + sp.start, end: s.tokenStart + sp.end, type: types[sp.type]!, confidence: Math.min(1, Math.max(0, calibrated)) });
    }
  }
  return entities;
}

/** Tag one pre-tokenized sentence. */
export function tagSentenceWords(model: NerModel, words: readonly string[]): TokenEntity[] {
  return tagTokens(model, words, [{ tokenStart: 0, tokenEnd: words.length }]);
}
