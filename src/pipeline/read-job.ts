// One file's work that can run off the main thread: read the bytes, extract mentions,
// and make the rows (document, passages, mentions, folded text for the index), so the
// main thread only writes them.
import { getHeapStatistics } from 'node:v8';
import { readDocument } from '../ingest/read.js';
import type { ReadLimits } from '../ingest/types.js';
import { describeError } from '../model/errors.js';
import { extractMentionDrafts } from './analyze.js';
import { prepareDocument, type MentionDraft, type PreparedDocument } from './prepare.js';

export interface ReadJob {
  bytes: Uint8Array;
  /** The file the bytes come from: its SHA-256 is the document id. */
  file: { sha256: string; sizeBytes: number; fileName: string | null };
  limits: ReadLimits;
}

/** Milliseconds spent reading and extracting (for the bench's breakdown). */
export interface ReadJobTimes {
  readMs: number;
  extractMs: number;
  /** The reading thread's V8 heap after the job (MB), to watch memory. */
  heapMb: number;
  /** Memory outside that heap that V8 knows of (array buffers: NER weights, file bytes), MB. */
  externalMb: number;
}

export type ReadJobResult =
  | { ok: true; prepared: PreparedDocument; warning?: string; times?: ReadJobTimes }
  | { ok: false; code: string; message: string };

export async function runReadJob(job: ReadJob): Promise<ReadJobResult> {
  try {
    // A plain Uint8Array view: pdf.js refuses Node Buffers.
    const bytes = new Uint8Array(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const t0 = performance.now();
    const read = await readDocument({ bytes, fileName: job.file.fileName, limits: job.limits });
    const t1 = performance.now();
    // The document is kept when extraction fails: its text and bytes matter more than
    // suggestions, and `daftar extract` can run again once the cause is fixed.
    let drafts: MentionDraft[] = [];
    let warning: string | undefined;
    try {
      drafts = extractMentionDrafts(read);
    } catch (err) {
      warning = `extraction skipped: ${describeError(err).message}`;
    }
    const t2 = performance.now();
    const prepared = prepareDocument(read, drafts, job.file, new Date().toISOString());
    return { ok: true, prepared, ...(warning ? { warning } : {}), times: { readMs: t1 - t0, extractMs: t2 - t1, ...heapFigures() } };
  } catch (err) {
    const { code, message } = describeError(err);
    return { ok: false, code, message };
  }
}

function heapFigures(): { heapMb: number; externalMb: number } {
  const h = getHeapStatistics();
  return { heapMb: h.total_heap_size / 1e6, externalMb: h.external_memory / 1e6 };
}
