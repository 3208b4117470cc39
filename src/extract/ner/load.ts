// Lazy, once-per-process loading of the trained NER models from models/ner-<lang>.bin.gz.
// The only file access of the NER stage: the weights are data shipped with the code.
// Found by walking up from this module, so it works from src/ (tsx) and dist/src/ (tsc).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DaftarError } from '../../model/errors.js';
import { decodeModel, modelFromSharedWeights, type NerModel, type SharedNerWeights } from './model.js';

export type NerLanguage = 'en' | 'fa';

const loaded = new Map<NerLanguage, NerModel>();

/** File name of a language's model inside models/. */
export function modelFileName(lang: NerLanguage): string {
  return `ner-${lang}.bin.gz`;
}

/** The models/ directory of this checkout or install. */
export function modelsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(candidate, modelFileName('en'))) || existsSync(join(candidate, modelFileName('fa')))) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new DaftarError('not_found', 'NER models not found (models/ner-en.bin.gz); run npm run train');
}

function readModel(lang: NerLanguage, shared: boolean): NerModel {
  const path = join(modelsDir(), modelFileName(lang));
  if (!existsSync(path)) throw new DaftarError('not_found', `${path}: NER model missing; run npm run train`);
  return decodeModel(readFileSync(path), path, { shared });
}

/** The language's model, read and decoded on first use (or adopted, see adoptNerWeights). */
export function loadNerModel(lang: NerLanguage): NerModel {
  let model = loaded.get(lang);
  if (!model) {
    model = readModel(lang, false);
    loaded.set(lang, model);
  }
  return model;
}

/**
 * The language's model weights in shared memory, for other threads to adopt with
 * adoptNerWeights instead of decoding their own copy (~0.1-0.3 s and 10-25 MB each).
 * Decodes the model into a SharedArrayBuffer on first call (or moves an already loaded
 * model there); this thread then tags with the shared arrays too. The result can be sent
 * in workerData or postMessage: the buffer is shared, not copied.
 */
export function sharedNerWeights(lang: NerLanguage): SharedNerWeights {
  let model = loaded.get(lang);
  let shared = model?.sharedWeights();
  if (!model || !shared) {
    model = model ? model.toShared() : readModel(lang, true);
    loaded.set(lang, model);
    shared = model.sharedWeights()!;
  }
  return shared;
}

/**
 * Tag `lang` with weights another thread shared (sharedNerWeights); nothing is copied.
 * The word cache stays per thread. Throws when `shared` is another language's or was
 * built for another feature version.
 */
export function adoptNerWeights(lang: NerLanguage, shared: SharedNerWeights): void {
  if (shared.header.lang !== lang) throw new DaftarError('invalid_input', `shared NER weights are for '${shared.header.lang}', not '${lang}'`);
  loaded.set(lang, modelFromSharedWeights(shared));
}

/** Use this model for `lang` from now on (tests, or a model trained in memory). */
export function setNerModel(lang: NerLanguage, model: NerModel): void {
  loaded.set(lang, model);
}
