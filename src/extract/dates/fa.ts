import type { Rule } from './engine.js';
export const FA_RULES: Rule[] = [];
