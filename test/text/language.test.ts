import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/text/language.js';

// The detector counts in one pass what these patterns count; they are the reference here.
const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'is', 'that', 'for', 'was', 'on', 'with', 'as', 'by', 'said', 'were', 'has', 'have', 'it', 'from', 'at', 'he', 'she', 'they', 'are', 'an', 'be', 'this', 'which', 'their', 'his', 'her', 'not', 'had']);
function byPatterns(text: string): string {
  const sample = text.slice(0, 20_000);
  const arabic = sample.match(/[\u0621-\u064a\u066e-\u06d3]/g)?.length ?? 0;
  const persian = sample.match(/[\u067e\u0686\u0698\u06af\u06a9\u06cc]/g)?.length ?? 0;
  const words = sample.match(/\b[a-z]+\b/gi) ?? [];
  const latin = words.reduce((n, w) => n + w.length, 0);
  if (arabic + persian > latin) return persian >= 0.02 * (arabic + persian) ? 'fa' : 'other';
  if (words.length === 0) return 'other';
  return words.filter((w) => ENGLISH.has(w.toLowerCase())).length / words.length >= 0.08 ? 'en' : 'other';
}

const CASES: [string, string][] = [
  ['The mayor said that the bridge was closed on Monday.', 'en'],
  ['the1 the2 the3 _the the_ xqz vwk jjd plm rrt zzk qqw ppo', 'other'], // letters beside digits or _ are no words
  ['THE The tHe qqq www eee rrr ttt yyy uuu iii ooo', 'en'],
  ['Der Bürgermeister sagte am Montag, dass die Brücke geschlossen sei.', 'other'],
  ['éthe théé the—the «the» the', 'en'],
  ['شهردار روز دوشنبه گفت که پل بسته شده است.', 'fa'],
  ['قال رئيس البلدية يوم الاثنين إن الجسر أغلق.', 'other'],
  ['قال رئيس البلدية یوم الاثنين إن الجسر أغلق. abc', 'fa'],
  ['ab cd ef شه', 'other'],
  ['', 'other'],
  ['12345 !!! ...', 'other'],
];

describe('detectLanguage', () => {
  it.each(CASES)('%s -> %s', (text, lang) => {
    expect(byPatterns(text)).toBe(lang);
    expect(detectLanguage(text)).toBe(lang);
  });
  it('looks at the first 20,000 characters only', () => {
    const text = 'x'.repeat(19_990) + ' the of and ' + 'شهردار '.repeat(5000);
    expect(detectLanguage(text)).toBe(byPatterns(text));
  });
});
