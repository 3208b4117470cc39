// Named-entity extraction for English and Persian: the public surface of this stage.
export { extractEntities, EXTRACTOR_VERSION, DAFTAR_TYPE, type EntitySpan, type EntityType } from './extract.js';
export { adoptNerWeights, loadNerModel, sharedNerWeights, type NerLanguage } from './load.js';
export type { SharedNerWeights } from './model-file.js';
export { tokenize, type Token, type TokenLanguage } from '../tokenize/tokenize.js';
export { splitSentences, type Sentence } from '../tokenize/sentences.js';
