// Runs the extraction stages on a document's text. Filled in as extractors land
// (issue 4); kept here so readers and extractors run together in a worker.
import type { ReadResult } from '../ingest/types.js';
import type { MentionDraft } from './prepare.js';

export function extractMentionDrafts(_read: ReadResult): MentionDraft[] {
  return [];
}
