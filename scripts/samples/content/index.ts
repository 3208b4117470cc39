import type { Article } from '../types.js';
import { FREEV } from './freev.js';
import { FREEV_FA } from './freev-fa.js';
import { GOLMARZ } from './golmarz.js';
import { HERALD } from './herald.js';
import { PAYAM } from './payam.js';
import { HERALD_ABOUT } from './shared.js';
import { TODAY } from './today.js';
import { WIRE } from './wire.js';

// The Herald prints its "About the Herald" paragraph under every article.
const herald = HERALD.map((a) => ({ ...a, paras: [...a.paras, HERALD_ABOUT] }));

export const ARTICLES: Article[] = [...WIRE, ...herald, ...TODAY, ...FREEV, ...FREEV_FA, ...GOLMARZ, ...PAYAM];
