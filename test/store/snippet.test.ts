import { describe, expect, it } from 'vitest';
import { bestSnippet, parseQuery } from '../../src/store/search-query.js';

const title = 'Twelve held at Chalkhan camp';
const text = `${title}\n\nPolice in Talvareh said on Monday that the detainees were moved.\n\nFamilies gathered outside the Chalkhan camp gate.`;
const passages = [
  { start: 0, end: title.length },
  { start: title.length + 2, end: text.indexOf('\n\nFamilies') },
  { start: text.indexOf('Families'), end: text.length },
];

describe('bestSnippet', () => {
  it('prefers a body passage with a hit to a headline that repeats the title', () => {
    const s = bestSnippet(text, passages, parseQuery('Chalkhan camp'), 240, title);
    expect(s.snippet).toBe('Families gathered outside the [[Chalkhan]] [[camp]] gate.');
    expect(s.start).toBe(passages[2]!.start);
  });

  it('falls back to the headline when only it matches, and treats it as any passage without the title', () => {
    expect(bestSnippet(text, passages, parseQuery('twelve'), 240, title).snippet).toBe('[[Twelve]] held at Chalkhan camp');
    // Without a title to compare, the headline is an ordinary passage and wins on hits.
    expect(bestSnippet(text, passages, parseQuery('Chalkhan camp'), 240).snippet).toBe('Twelve held at [[Chalkhan]] [[camp]]');
  });
});
