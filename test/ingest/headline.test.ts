import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HEADLINE_FLAG, withHeadline } from '../../src/ingest/headline.js';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS, type ReadResult } from '../../src/ingest/types.js';
import { extractMentionDrafts } from '../../src/pipeline/analyze.js';

function result(text: string, title: string | null, extra: Partial<ReadResult> = {}): ReadResult {
  const paragraphs: { start: number; end: number; page: null }[] = [];
  let at = 0;
  for (const p of text.split('\n\n')) {
    paragraphs.push({ start: at, end: at + p.length, page: null });
    at += p.length + 2;
  }
  return {
    mediaType: 'html',
    kind: 'article',
    text,
    passages: paragraphs,
    metadata: { title, authors: [], site: null, url: null, language: 'en', published: null, flags: [], extra: {} },
    sections: [],
    ...extra,
  };
}

describe('withHeadline', () => {
  it('puts the title before the text as passage 0 and shifts every passage', () => {
    const before = result('Police said twelve were held.\n\nThe court sits on Monday.', 'Twelve held in Talvareh');
    const after = withHeadline(before);
    expect(after.text).toBe('Twelve held in Talvareh\n\nPolice said twelve were held.\n\nThe court sits on Monday.');
    expect(after.passages.map((p) => after.text.slice(p.start, p.end))).toEqual(['Twelve held in Talvareh', 'Police said twelve were held.', 'The court sits on Monday.']);
    expect(after.metadata.flags).toEqual([HEADLINE_FLAG]);
    expect(before.metadata.flags).toEqual([]); // the input is not changed
  });

  it('leaves the text alone when it already opens with the headline, has no title or no text, or is an archive page', () => {
    const opens = result('Twelve held in Talvareh\n\nPolice said twelve were held.', 'Twelve held in Talvareh');
    expect(withHeadline(opens)).toBe(opens);
    const dateline = result('TALVAREH, March 2\n\nTwelve held in Talvareh\n\nPolice said so.', 'Twelve held in Talvareh');
    expect(withHeadline(dateline)).toBe(dateline);
    const untitled = result('Police said twelve were held.', null);
    expect(withHeadline(untitled)).toBe(untitled);
    const empty = result('', 'A page with no text');
    expect(withHeadline(empty)).toBe(empty);
    const archive = result('First post.\n\nSecond post.', 'Tag: Chalkhan', { sections: [{ start: 0, end: 11, title: 'First', published: null }] });
    expect(withHeadline(archive)).toBe(archive);
  });

  it('keeps a headline on one line', () => {
    const after = withHeadline(result('Body text here.', 'Twelve held\nin Talvareh'));
    expect(after.text.split('\n\n')[0]).toBe('Twelve held in Talvareh');
    expect(after.passages[0]).toEqual({ start: 0, end: 'Twelve held in Talvareh'.length, page: null });
  });
});

describe('a news page read whole', () => {
  it('has its headline as passage 0, where the recognizer finds the names in it', async () => {
    const file = 'samples/kelmar-wire/2025-08-12-kalantari-sentenced.html';
    const read = await readDocument({ bytes: new Uint8Array(readFileSync(file)), fileName: file, limits: DEFAULT_READ_LIMITS });
    const title = read.metadata.title!;
    expect(title).toContain('Kalantari');
    expect(read.text.startsWith(`${title}\n\n`)).toBe(true);
    expect(read.passages[0]).toMatchObject({ start: 0, end: title.length });
    const inHeadline = extractMentionDrafts(read).filter((m) => m.end <= title.length && m.type === 'PERSON');
    expect(inHeadline.map((m) => m.text)).toContain('Kalantari');
  });
});
