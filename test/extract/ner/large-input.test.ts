// A 10 MB single line (no sentence punctuation, no line breaks) must not crash or hang:
// the sentence splitter cuts it into bounded pieces and memory stays bounded.
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/extract/ner/extract.js';

describe('extractEntities on a 10 MB single line', () => {
  it('finishes and returns spans that match the text', () => {
    // long hyphenated tokens keep the token count (and the test time) modest: ~150k tokens
    const unit = 'lorem-ipsum-dolor-sit-amet-consectetur-adipiscing-elit Tehran-Karaj-highway-interchange Varan ';
    const text = unit.repeat(Math.ceil(10_000_000 / unit.length));
    expect(text.length).toBeGreaterThanOrEqual(10_000_000);
    const spans = extractEntities(text, 'en');
    for (let i = 0; i < spans.length; i += 997) {
      const s = spans[i]!;
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    for (const s of spans) expect(s.end).toBeLessThanOrEqual(text.length);
  });

  it('handles one 10 MB token without spaces', () => {
    const text = 'x'.repeat(10_000_000);
    const spans = extractEntities(text, 'fa');
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
