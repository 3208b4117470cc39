// extractEntities: text -> PERSON / ORG / PLACE / MISC spans, for English and Persian.
// Pipeline: tokenize -> sentences -> statistical tagger (models/ner-<lang>.bin.gz) ->
// (Persian) names found once carried to their untagged recurrences in the document ->
// titles moved out of person spans -> acronyms defined in parentheses linked to their
// long form, and later bare uses of the acronym tagged too.
import { splitSentences } from '../tokenize/sentences.js';
import { tokenize, type Token } from '../tokenize/tokenize.js';
import { acronymSpans } from './acronyms.js';
import { carryNamesThroughDocument } from './consistency.js';
import { loadNerModel, type NerLanguage } from './load.js';
import { tagTokens, type TokenEntity } from './tagger.js';
import { attachTitles } from './titles.js';

export type EntityType = 'PERSON' | 'ORG' | 'PLACE' | 'MISC';

/** A named-entity mention: text.slice(start, end) === text (UTF-16 offsets). */
export interface EntitySpan {
  start: number;
  end: number;
  type: EntityType;
  text: string;
  /** 0..1; a suggestion's strength, not a calibrated probability. */
  confidence: number;
  /** Honorific or rank written before a person's name, kept out of the span: "Gen.", "آیت‌الله". */
  title?: string;
  /** For an acronym ("PFA"), the span of its long form ("People's Front of Arvand"). */
  acronymOf?: { start: number; end: number };
}

/** Version of each language's extractor; bump when the code or model changes its output. */
export const EXTRACTOR_VERSION: Readonly<Record<NerLanguage, string>> = { en: 'ner-en@1', fa: 'ner-fa@4' };

/**
 * Model labels -> Daftar types. CoNLL: PER ORG LOC MISC. Arman: pers org loc, fac
 * (airports, prisons, universities, roads) -> PLACE since places of detention and
 * events matter as places here; pro (products, laws, newspapers) and event -> MISC.
 */
export const DAFTAR_TYPE: Readonly<Record<NerLanguage, Readonly<Record<string, EntityType>>>> = {
  en: { PER: 'PERSON', ORG: 'ORG', LOC: 'PLACE', MISC: 'MISC' },
  fa: { pers: 'PERSON', org: 'ORG', loc: 'PLACE', fac: 'PLACE', pro: 'MISC', event: 'MISC' },
};

/** An entity over token indices while the passes below adjust it. */
export interface WorkingEntity {
  start: number; // token index
  end: number; // token index, exclusive
  type: EntityType;
  confidence: number;
  title?: { start: number; end: number }; // char offsets
  acronymOf?: { start: number; end: number }; // char offsets
}

/**
 * Named entities of a text in English or Persian.
 * @example extractEntities('Gen. Darius Varan visited Tabriz.', 'en')
 * // [{ type: 'PERSON', text: 'Darius Varan', title: 'Gen.', ... }, { type: 'PLACE', text: 'Tabriz', ... }]
 */
export function extractEntities(text: string, lang: NerLanguage): EntitySpan[] {
  if (text.length === 0) return [];
  const model = loadNerModel(lang);
  const tokens = tokenize(text, lang);
  if (tokens.length === 0) return [];
  const sentences = splitSentences(text, tokens, lang);
  const words = tokens.map((t) => t.text);
  const tagged = tagTokens(model, words, sentences);
  let entities: WorkingEntity[] = tagged.map((e: TokenEntity) => ({
    start: e.start,
    end: e.end,
    type: DAFTAR_TYPE[lang][e.type] ?? 'MISC',
    confidence: e.confidence,
  }));
  if (lang === 'fa') entities = carryNamesThroughDocument(tokens, entities);
  entities = attachTitles(tokens, entities, lang);
  entities = acronymSpans(tokens, entities, lang);
  return entities.map((e) => toSpan(text, tokens, e));
}

function toSpan(text: string, tokens: readonly Token[], e: WorkingEntity): EntitySpan {
  const start = tokens[e.start]!.start;
  const end = tokens[e.end - 1]!.end;
  const span: EntitySpan = { start, end, type: e.type, text: text.slice(start, end), confidence: Math.round(e.confidence * 1000) / 1000 };
  if (e.title) span.title = text.slice(e.title.start, e.title.end);
  if (e.acronymOf) span.acronymOf = e.acronymOf;
  return span;
}
