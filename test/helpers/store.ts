import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Document, Passage } from '../../src/model/schema.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';
import { leafHashOf } from '../../src/pipeline/workspace.js';
import { splitParagraphs } from '../../src/text/segment.js';

export const BACKENDS = ['sqlite'] as const;
export type Backend = (typeof BACKENDS)[number];

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'daftar-'));
}

export async function openTestStore(backend: Backend): Promise<Store> {
  switch (backend) {
    case 'sqlite':
      return openSqliteStore(join(tempDir(), 'daftar.db'), leafHashOf);
  }
}

export function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** A document whose id is the hash of its text, with passages = paragraphs. */
export function makeDocument(
  text: string,
  meta: Partial<Document['metadata']> = {},
): { doc: Document; passages: Passage[] } {
  const id = sha256(text + JSON.stringify(meta));
  const doc: Document = {
    id,
    documentKind: 'article',
    mediaType: 'text',
    sizeBytes: Buffer.byteLength(text),
    fileName: 'x.txt',
    text,
    metadata: { title: null, authors: [], site: null, url: null, language: 'en', published: null, flags: [], extra: {}, ...meta },
    sections: [],
    sensitivity: 'public',
    ingestedAt: '2026-01-01T00:00:00.000Z',
  };
  const passages = splitParagraphs(text).map((s, index) => ({ documentId: id, index, start: s.start, end: s.end, page: null }));
  return { doc, passages };
}

export const LOG = { at: '2026-01-01T00:00:00.000Z', actor: 'test', operation: 'ingest' as const, subject: 'x', details: {} };
