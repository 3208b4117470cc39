// One file's work that can run off the main thread: read the bytes, extract mentions.
import { readDocument } from '../ingest/read.js';
import type { ReadLimits, ReadResult } from '../ingest/types.js';
import { describeError } from '../model/errors.js';
import { extractMentionDrafts } from './analyze.js';
import type { MentionDraft } from './prepare.js';

export interface ReadJob {
  bytes: Uint8Array;
  fileName: string | null;
  limits: ReadLimits;
}

/** Milliseconds spent reading and extracting (for the bench's breakdown). */
export interface ReadJobTimes {
  readMs: number;
  extractMs: number;
}

export type ReadJobResult =
  | { ok: true; read: ReadResult; mentions: MentionDraft[]; warning?: string; times?: ReadJobTimes }
  | { ok: false; code: string; message: string };

export async function runReadJob(job: ReadJob): Promise<ReadJobResult> {
  try {
    // A plain Uint8Array view: pdf.js refuses Node Buffers.
    const bytes = new Uint8Array(job.bytes.buffer, job.bytes.byteOffset, job.bytes.byteLength);
    const t0 = performance.now();
    const read = await readDocument({ bytes, fileName: job.fileName, limits: job.limits });
    const t1 = performance.now();
    // The document is kept when extraction fails: its text and bytes matter more than
    // suggestions, and `daftar extract` can run again once the cause is fixed.
    try {
      const mentions = extractMentionDrafts(read);
      return { ok: true, read, mentions, times: { readMs: t1 - t0, extractMs: performance.now() - t1 } };
    } catch (err) {
      return { ok: true, read, mentions: [], warning: `extraction skipped: ${describeError(err).message}` };
    }
  } catch (err) {
    const { code, message } = describeError(err);
    return { ok: false, code, message };
  }
}
