import { describe, expect, it } from 'vitest';
import { readText } from '../../../src/ingest/text/read-text.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';

// Text saved from a web page: the line that says when the copy was made is not the
// publication date; the byline under the headline is. All text here is fictional.
const read = (text: string) => readText({ bytes: new TextEncoder().encode(text), fileName: 'saved.txt', limits: DEFAULT_READ_LIMITS });

const STORY = [
  'Orlenby, 15 Apr (OT) – Fishermen said the harbour authority had closed the northern quay without warning, leaving forty boats unable to land their catch.',
  'The authority said the quay wall had shifted after the winter storms and that divers would inspect it before any boat was allowed to moor there again.',
  'Traders at the fish market said prices had doubled within two days, and the fishermen’s cooperative asked the town council for an emergency meeting.',
];

describe('readText: saved-on line against the byline date', () => {
  it('takes the byline date, not the later "Saved from … on" date above the headline', async () => {
    const text = [
      'NOTICE — this copy was kept for the harbour archive; the story below is reproduced as it was saved.',
      'ORLENBY TIDINGS — harbour news',
      'Home | Harbour | Town | Weather | Subscriber login',
      'Saved from https://tidings.example/harbour/quay-closed on 22 November 2031, 10:41',
      'Home > Harbour',
      '',
      'Harbour authority closes northern quay without warning',
      'By Tessa Marlow | 15 April 2030 | 09:12 local',
      '',
      ...STORY,
      '',
      'More from the harbour',
      '· Ferry timetable changes for the summer season',
      '© 2031 Orlenby Tidings. All rights reserved.',
    ].join('\n');
    const r = await read(text);
    expect(r.metadata.flags).toContain('webpage_text');
    expect(r.metadata.published?.value).toBe('2030-04-15');
    expect(r.metadata.published?.evidence).toBe('text byline date');
    expect(r.metadata.title).toBe('Harbour authority closes northern quay without warning');
    // The story starts at the headline: the saved-on line and the menu are gone.
    expect(r.text).not.toContain('Saved from');
    expect(r.text).toContain(STORY[0]!);
  });

  it('does not take a "Today:" date line for the publication date', async () => {
    const text = [
      'Home | Harbour | Town | Weather',
      'Today: 21 November 2031',
      'Search | Login | Subscribe',
      '',
      'Harbour authority closes northern quay without warning',
      'Tessa Marlow — 3 March 2030',
      '',
      ...STORY,
      '',
      '© 2031 Orlenby Tidings. All rights reserved.',
    ].join('\n');
    const r = await read(text);
    expect(r.metadata.published?.value).toBe('2030-03-03');
  });

  it('takes the date line under the headline over a later bare date line just above it', async () => {
    const text = [
      'Home',
      'Harbour',
      'Town',
      'Monday, 22 November 2031',
      'Harbour authority closes northern quay without warning',
      'Tessa Marlow — 3 March 2030',
      '',
      ...STORY,
      '',
      '© 2031 Orlenby Tidings. All rights reserved.',
    ].join('\n');
    const r = await read(text);
    expect(r.metadata.title).toBe('Harbour authority closes northern quay without warning');
    expect(r.metadata.published?.value).toBe('2030-03-03');
  });

  it('leaves the date empty when the only date is the saved-on line', async () => {
    const text = [
      'Home | Harbour | Town | Weather',
      'Saved on 22 November 2031',
      'Search | Login | Subscribe',
      '',
      'Harbour authority closes northern quay without warning',
      '',
      ...STORY,
      '',
      '© 2031 Orlenby Tidings. All rights reserved.',
    ].join('\n');
    const r = await read(text);
    expect(r.metadata.published).toBeNull();
  });
});
