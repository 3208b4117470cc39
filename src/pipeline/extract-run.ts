// `daftar extract`: (re-)runs the extractors over stored documents. Documents whose
// mentions were made by older extractor versions are redone; --redo redoes all.
// Curated mentions (confirmed or rejected by a person) are kept by the store.
import { ALIAS_MATCH_EXTRACTOR } from '../resolve/alias-match.js';
import { extractMentionDrafts, extractorVersions } from './analyze.js';
import { toMentions } from './prepare.js';
import { logDraft, type Workspace } from './workspace.js';

const CORPUS_EXTRACTOR_PREFIX = `${ALIAS_MATCH_EXTRACTOR.split('@')[0]}@`;

export interface ExtractReport {
  documents: number;
  redone: number;
  mentions: number;
  /** The documents whose mentions were replaced: their entity links need resolving again. */
  redoneIds: string[];
}

export async function runExtraction(ws: Workspace, options: { redo: boolean; onProgress?: (done: number, total: number) => void }): Promise<ExtractReport> {
  const total = await ws.store.countDocuments();
  const report: ExtractReport = { documents: 0, redone: 0, mentions: 0, redoneIds: [] };
  let after: string | undefined;
  for (;;) {
    const page = await ws.store.listDocuments({ after, limit: 200 });
    if (page.length === 0) break;
    for (const doc of page) {
      report.documents++;
      const wanted = extractorVersions(doc.metadata.language);
      const existing = await ws.store.getMentions(doc.id);
      // Mentions the corpus stages add (alias-match@N, made by resolution) are not this
      // command's to judge: resolution remakes them for the documents redone here.
      const have = [...new Set(existing.filter((m) => m.status === 'suggested' && !m.extractor.startsWith(CORPUS_EXTRACTOR_PREFIX)).map((m) => m.extractor))].sort();
      // Up to date: made by current extractors only. (An extractor that found nothing
      // leaves no trace, so "all current versions present" would redo such documents forever.)
      const upToDate = have.length > 0 && have.every((v) => wanted.includes(v));
      if (!options.redo && (upToDate || wanted.length === 0)) continue;
      const mentions = toMentions(doc.id, extractMentionDrafts(doc));
      await ws.store.putMentions(doc.id, mentions);
      report.redone++;
      report.redoneIds.push(doc.id);
      report.mentions += mentions.length;
      options.onProgress?.(report.documents, total);
    }
    after = page[page.length - 1]!.id;
  }
  await ws.store.appendLog(logDraft('extract', 'workspace', { redo: options.redo, redone: report.redone, mentions: report.mentions, extractors: [...new Set(['en', 'fa'].flatMap(extractorVersions))] }));
  return report;
}
