// English date rules. Values follow TimeML (TempEval-3) where it has a form, and ISO 8601 otherwise.
// The rules live in en-absolute.ts and en-relative.ts; their order breaks ties between equal spans.
import { EN_ABSOLUTE_RULES } from './en-absolute.js';
import { EN_RELATIVE_RULES } from './en-relative.js';
import type { Rule } from './engine.js';

export const EN_RULES: Rule[] = [...EN_ABSOLUTE_RULES, ...EN_RELATIVE_RULES];
