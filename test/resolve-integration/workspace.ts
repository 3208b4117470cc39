// A real workspace (SQLite file in a fresh temp dir) with documents whose name
// mentions are given by the test, so that resolution is tested without the NER models.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import type { Mention } from '../../src/model/schema.js';
import { mentionId } from '../../src/pipeline/prepare.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { LOG, makeDocument } from '../helpers/store.js';

export function tempWorkspace(): Workspace {
  const dir = join(mkdtempSync(join(tmpdir(), 'daftar-')), 'ws');
  const ws = openWorkspace(dir, { create: true });
  onTestFinished(() => ws.close());
  return ws;
}

/** Stores a document and one mention per [surface, type] (each occurrence of the surface, not inside a longer listed one). */
export async function addDocument(ws: Workspace, text: string, names: [string, Mention['type'], Record<string, unknown>?][], language: 'en' | 'fa' = 'en'): Promise<{ id: string; mentions: Mention[] }> {
  const { doc, passages } = makeDocument(text, { language });
  await ws.store.putDocument(doc, passages, LOG);
  const taken: [number, number][] = [];
  const mentions: Mention[] = [];
  for (const [surface, type, attributes] of [...names].sort((a, b) => b[0].length - a[0].length)) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
      const end = at + surface.length;
      if (taken.some(([a, b]) => at < b && end > a)) continue;
      taken.push([at, end]);
      mentions.push({
        id: mentionId(doc.id, at, end, type),
        documentId: doc.id,
        start: at,
        end,
        type,
        text: surface,
        value: null,
        attributes: attributes ?? {},
        extractor: 'test',
        confidence: 0.9,
        status: 'suggested',
        entityId: null,
      });
    }
  }
  await ws.store.putMentions(doc.id, mentions);
  return { id: doc.id, mentions: await ws.store.getMentions(doc.id) };
}

/** The entity id of each mention text in a document (first occurrence). */
export async function entityOf(ws: Workspace, documentId: string, text: string): Promise<string | null> {
  const m = (await ws.store.getMentions(documentId)).find((x) => x.text === text);
  if (!m) throw new Error(`no mention "${text}" in ${documentId}`);
  return m.entityId;
}
