// Ingest a batch of paths into a workspace. Per file: stage the bytes into the blob
// folder while hashing (one pass, flat memory), skip what is already present, read
// and extract in a worker, then commit the blob and, in one transaction, the rows and
// the log entry. A failing file is reported and the batch goes on.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { DEFAULT_READ_LIMITS, type ReadLimits } from '../ingest/types.js';
import { DaftarError, describeError } from '../model/errors.js';
import type { DocumentBatchItem } from '../store/store.js';
import type { StagedBlob } from '../store/blobs/blob-store.js';
import type { ReadResult } from '../ingest/types.js';
import { prepareDocument, type PreparedDocument } from './prepare.js';
import type { ReadJob, ReadJobResult } from './read-job.js';
import { createReaderPool } from './worker-pool.js';
import type { ReaderData } from './read-worker.js';
import { sharedNerWeights, type NerLanguage } from '../extract/ner/index.js';
import { currentActor, type Workspace } from './workspace.js';

export interface IngestOptions {
  /** Files over this size are refused (too_large). */
  maxFileBytes: number;
  limits: ReadLimits;
  workers: number;
  onProgress?: (p: IngestProgress) => void;
  /** When given, milliseconds per stage are added up here (bench/ingest-profile.ts). */
  timings?: Record<string, number>;
}

export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 ** 3;

export function defaultIngestOptions(): IngestOptions {
  return { maxFileBytes: DEFAULT_MAX_FILE_BYTES, limits: DEFAULT_READ_LIMITS, workers: Math.max(1, availableParallelism()) };
}

export interface IngestProgress {
  done: number;
  total: number | null; // null while folders are still being listed
  bytes: number;
}

export interface IngestFailure {
  path: string;
  code: string;
  message: string;
}

export interface IngestReport {
  added: { path: string; id: string }[];
  present: { path: string; id: string }[];
  failed: IngestFailure[];
  /** Stored, with a note (e.g. extraction skipped). */
  warnings: { path: string; message: string }[];
  bytes: number;
  seconds: number;
}

/**
 * Files under the given paths, folders walked recursively in name order; loops are
 * reported. Folders in `skipDirs` (the workspace itself) are never entered.
 */
export function* expandPaths(paths: string[], skipDirs: string[] = []): Generator<{ path: string } | IngestFailure> {
  const skip = new Set(skipDirs.map((d) => {
    try {
      return realpathSync(d);
    } catch {
      return d;
    }
  }));
  const seenDirs = new Set<string>();
  const stack = [...paths].reverse();
  while (stack.length) {
    const p = stack.pop()!;
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      yield failureFromFs(p, err);
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      let entries: string[];
      try {
        real = realpathSync(p);
        entries = readdirSync(p).sort();
      } catch (err) {
        yield failureFromFs(p, err);
        continue;
      }
      if (skip.has(real)) continue; // `daftar ingest .` must not swallow its own workspace
      if (seenDirs.has(real)) {
        yield { path: p, code: 'symlink_loop', message: `${p}: folder reached twice through links (a symlink loop?); skipped` };
        continue;
      }
      seenDirs.add(real);
      for (let i = entries.length - 1; i >= 0; i--) stack.push(join(p, entries[i]!));
    } else if (st.isFile()) {
      yield { path: p };
    } else {
      yield { path: p, code: 'unsupported', message: `${p}: not a regular file (device, socket or pipe); skipped` };
    }
  }
}

function failureFromFs(path: string, err: unknown): IngestFailure {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    let dangling = false;
    try {
      dangling = lstatSync(path).isSymbolicLink();
    } catch {
      /* not there at all */
    }
    return { path, code: 'not_found', message: dangling ? `${path}: symbolic link to a file that does not exist` : `${path}: no such file or folder` };
  }
  if (code === 'ELOOP') return { path, code: 'symlink_loop', message: `${path}: symbolic link loop; skipped` };
  if (code === 'EACCES' || code === 'EPERM') return { path, code: 'not_readable', message: `${path}: permission denied; check the file's read permission` };
  if (code === 'EISDIR') return { path, code: 'unsupported', message: `${path}: is a folder` };
  return { path, code: 'not_readable', message: `${path}: cannot read (${code ?? describeError(err).message})` };
}

/** Documents written per transaction, and the longest a read document waits for its batch. */
const BATCH_DOCUMENTS = 64;
const BATCH_WAIT_MS = 300;
/**
 * A reader thread's own memory (V8 heap and array buffers) over which it is replaced. On
 * news pages a reader holds ~90 MB of heap; the NER weights (3.2 + 8.3 MB, 16-bit) are in
 * memory shared by all readers and may be counted in each one's array buffers; the NER
 * word store adds up to 25-35 MB per language (60,000 words).
 */
const READER_BUDGET_MB = 400;
/**
 * From this many files on, the main thread decodes the NER models once into shared memory
 * and the readers tag with it (one copy of the weights instead of one per reader, and no
 * decoding per new reader); a few files are not worth decoding a language nobody may need.
 */
const SHARE_NER_FROM_FILES = 32;

/** Both languages' NER weights in shared memory, or what of them could be decoded. */
function sharedReaderData(): ReaderData {
  const ner: Partial<Record<NerLanguage, ReturnType<typeof sharedNerWeights>>> = {};
  for (const lang of ['en', 'fa'] as const) {
    try {
      ner[lang] = sharedNerWeights(lang);
    } catch {
      // A missing model fails in the readers as before: the document is kept, extraction skipped.
    }
  }
  return { ner };
}

interface PendingDocument {
  path: string;
  staged: StagedBlob;
  prepared: PreparedDocument;
  warning?: string;
  done: () => void;
}

export async function ingestPaths(ws: Workspace, paths: string[], options: IngestOptions): Promise<IngestReport> {
  const started = performance.now();
  const report: IngestReport = { added: [], present: [], failed: [], warnings: [], bytes: 0, seconds: 0 };
  ws.blobs.cleanTmp();
  const files: { path: string }[] = [];
  for (const item of expandPaths(paths, [ws.dir])) {
    if ('code' in item) report.failed.push(item);
    else files.push(item);
  }
  const share = options.workers > 0 && files.length >= SHARE_NER_FROM_FILES;
  const pool = createReaderPool(options.workers, {
    timeoutMs: options.limits.timeoutMs,
    maxHeapMb: 1024,
    readerBudgetMb: READER_BUDGET_MB,
    ...(share ? { workerData: sharedReaderData() } : {}),
  });
  const inFlight = new Map<string, Promise<void>>(); // by SHA-256: the same bytes twice in one batch
  let done = 0;
  const progress = () => options.onProgress?.({ done, total: files.length, bytes: report.bytes });
  const timings = options.timings;
  const actor = currentActor(); // once: os.userInfo() reads the user database on each call
  const time = (stage: string, ms: number) => {
    if (timings) timings[stage] = (timings[stage] ?? 0) + ms;
  };

  // Read documents wait here and are written in batches: first every blob of the batch
  // goes into place and its folder is synced (the temp files were synced when staged),
  // then one transaction writes the rows. So no row ever refers to a blob that is not
  // durable, and a crash leaves at most blobs without rows, which the next ingest of the
  // same files adopts.
  let pending: PendingDocument[] = [];
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let batchesQueued = 0;

  const writeBatch = async (batch: PendingDocument[]): Promise<void> => {
    let t = performance.now();
    const placed = (await ws.blobs.commitMany(batch.map((b) => b.staged))).map((outcome, i) => {
      if (outcome.status === 'fulfilled') return true;
      ws.blobs.discard(batch[i]!.staged);
      report.failed.push({ path: batch[i]!.path, ...describeError(outcome.reason) });
      return false;
    });
    time('blob commit (wall, per batch)', performance.now() - t);
    const ready = batch.filter((_, i) => placed[i]);
    const item = (b: PendingDocument): DocumentBatchItem => ({
      doc: b.prepared.document,
      passages: b.prepared.passages,
      mentionColumns: b.prepared.mentionColumns,
      searchText: b.prepared.searchText,
      trusted: true, // built by prepareDocument from the readers' own types
      // logDraft's entry, with the actor looked up once per ingest
      log: {
        at: new Date().toISOString(),
        actor,
        operation: 'ingest',
        subject: b.prepared.document.id,
        details: { fileName: b.prepared.document.fileName, sizeBytes: b.staged.sizeBytes, mediaType: b.prepared.document.mediaType },
      },
    });
    const record = (b: PendingDocument, outcome: 'added' | 'present') => {
      if (b.warning) report.warnings.push({ path: b.path, message: b.warning });
      (outcome === 'added' ? report.added : report.present).push({ path: b.path, id: b.prepared.document.id });
    };
    t = performance.now();
    try {
      const outcomes = await ws.store.putDocuments(ready.map(item));
      ready.forEach((b, i) => record(b, outcomes[i]!));
    } catch {
      // One bad document must not cost the others: write them one by one.
      for (const b of ready) {
        try {
          record(b, (await ws.store.putDocuments([item(b)]))[0]!);
        } catch (err) {
          report.failed.push({ path: b.path, ...describeError(err) });
        }
      }
    }
    time('putDocuments (main thread)', performance.now() - t);
    time('batches', 1);
  };

  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    if (batch.length === 0) return flushing;
    batchesQueued++;
    flushing = flushing.then(async () => {
      try {
        await writeBatch(batch);
      } finally {
        batchesQueued--;
        for (const b of batch) b.done();
      }
    });
    return flushing;
  };

  /** Queues a read document for the next batch; resolves once its batch is written. */
  const enqueue = (doc: Omit<PendingDocument, 'done'>): Promise<void> =>
    new Promise<void>((resolve) => {
      pending.push({ ...doc, done: resolve });
      if (pending.length >= BATCH_DOCUMENTS) void flush();
      else timer ??= setTimeout(() => void flush(), BATCH_WAIT_MS);
    });

  const ingestOne = async (path: string): Promise<{ written: Promise<void> } | undefined> => {
    let staged: StagedBlob;
    let t = performance.now();
    try {
      staged = await ws.blobs.stage(path, { maxBytes: options.maxFileBytes, keepBytesUpTo: options.limits.maxParseBytes });
    } catch (err) {
      report.failed.push(isFsError(err) ? failureFromFs(path, err) : { path, ...describeError(err) });
      return;
    }
    time('stage (wall)', performance.now() - t);
    report.bytes += staged.sizeBytes;
    const id = staged.sha256;
    const earlier = inFlight.get(id);
    if (earlier || (await ws.store.hasDocument(id))) {
      ws.blobs.discard(staged);
      if (earlier) await earlier;
      if (await ws.store.hasDocument(id)) report.present.push({ path, id });
      else report.failed.push({ path, code: 'read_failed', message: `${path}: same bytes as another file of this batch, which failed` });
      return;
    }
    // `read` settles when the document waits for its batch, `written` when the batch is in.
    let written: Promise<void> = Promise.resolve();
    const read = (async () => {
      try {
        const file = { sha256: id, sizeBytes: staged.sizeBytes, fileName: basename(path) };
        t = performance.now();
        const result = staged.bytes
          ? await pool.run({ bytes: staged.bytes, file, limits: options.limits })
          : tooLargeToParse(file, options.limits.maxParseBytes);
        staged.bytes = null; // handed over; let it go
        time('read job (wall, queued)', performance.now() - t);
        if (result.ok && result.times) {
          time('worker read', result.times.readMs);
          time('worker extract', result.times.extractMs);
          if (timings) {
            timings['max: reader heap MB'] = Math.max(timings['max: reader heap MB'] ?? 0, result.times.heapMb);
            timings['max: reader external MB'] = Math.max(timings['max: reader external MB'] ?? 0, result.times.externalMb);
          }
        }
        if (!result.ok) {
          ws.blobs.discard(staged);
          report.failed.push({ path, code: result.code, message: prefixed(path, result.message) });
          return;
        }
        written = enqueue({ path, staged, prepared: result.prepared, ...(result.warning ? { warning: result.warning } : {}) });
      } catch (err) {
        ws.blobs.discard(staged);
        report.failed.push({ path, ...describeError(err) });
      }
    })();
    const whole = read.then(() => written);
    inFlight.set(id, whole);
    void whole.then(() => inFlight.delete(id));
    await read;
    return { written }; // wrapped: an async function returning a promise would wait for it
  };

  // Enough files in flight to keep every reader busy while others wait on fsync. A lane
  // moves on once its document waits for a batch; it waits only when too many do.
  const concurrency = Math.max(4, options.workers * 4);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, files.length) }, async () => {
    while (next < files.length) {
      const f = files[next++]!;
      // Progress counts a file once it is read (or failed); its batch is written soon after.
      await ingestOne(f.path);
      done++;
      progress();
      if (batchesQueued >= 2) await flushing; // writing lags behind reading: hold the read documents in memory no longer
    }
  });
  try {
    await Promise.all(lanes);
    await flush();
  } finally {
    if (timer) clearTimeout(timer);
    await pool.close();
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

function tooLargeToParse(file: ReadJob['file'], maxParseBytes: number): ReadJobResult {
  // Over the parse limit the bytes are still kept, byte for byte, as a blob of kind other.
  const read: ReadResult = {
    mediaType: 'other',
    kind: 'other',
    text: '',
    passages: [],
    sections: [],
    metadata: {
      title: null,
      authors: [],
      site: null,
      url: null,
      language: 'other',
      published: null,
      flags: ['too_large_to_parse'],
      extra: { sizeBytes: file.sizeBytes, maxParseBytes },
    },
  };
  return { ok: true, prepared: prepareDocument(read, [], file, new Date().toISOString()) };
}

function isFsError(err: unknown): boolean {
  return typeof (err as NodeJS.ErrnoException)?.code === 'string' && !(err instanceof DaftarError);
}

function prefixed(path: string, message: string): string {
  const name = basename(path);
  return message.includes(name) ? message.replace(name, path) : `${path}: ${message}`;
}
