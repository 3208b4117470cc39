// Lazy, once-per-process loading of the trained NER models from models/ner-<lang>.bin.gz.
// The only file access of the NER stage: the weights are data shipped with the code.
// Found by walking up from this module, so it works from src/ (tsx) and dist/src/ (tsc).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DaftarError } from '../../model/errors.js';
import { decodeModel, type NerModel } from './model.js';

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

/** The language's model, read and decoded on first use. */
export function loadNerModel(lang: NerLanguage): NerModel {
  let model = loaded.get(lang);
  if (!model) {
    const path = join(modelsDir(), modelFileName(lang));
    if (!existsSync(path)) throw new DaftarError('not_found', `${path}: NER model missing; run npm run train`);
    model = decodeModel(readFileSync(path), path);
    loaded.set(lang, model);
  }
  return model;
}

/** Use this model for `lang` from now on (tests, or a model trained in memory). */
export function setNerModel(lang: NerLanguage, model: NerModel): void {
  loaded.set(lang, model);
}
