// A small pool of reader threads with a per-job time limit and a memory cap.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReadJob, ReadJobResult } from './read-job.js';

/** A job handed to a thread, kept until its answer comes. */
interface Sent {
  id: number;
  job: ReadJob;
  resolve: (r: ReadJobResult) => void;
  /** The bytes were moved to the thread (only ever the job a thread starts on at once). */
  moved: boolean;
}

interface Slot {
  worker: Worker;
  /** Jobs this thread has finished. */
  jobs: number;
  /** The thread's V8 heap and array buffers after its last job, MB (read-worker.ts). */
  memoryMb: number;
  /**
   * Jobs sent to the thread, oldest first: it reads the first and the others wait in its
   * message queue, so it starts the next file the moment it finishes one instead of
   * sleeping until the main thread (busy writing a batch) hands it another.
   */
  sent: Sent[];
  /** The time limit of sent[0], which the thread is reading now. */
  timer: NodeJS.Timeout | null;
  /** Over its memory budget: gets no more jobs and is replaced once its queue is empty. */
  retiring: boolean;
}

/** Jobs a thread holds at once (the one it reads and the ones queued behind it). */
const DEPTH = 2;
/** Only files up to this size queue behind another: a queued job's bytes are copied (see pump). */
const QUEUE_BYTES = 8 * 1024 * 1024;

export interface ReaderPool {
  run(job: ReadJob): Promise<ReadJobResult>;
  close(): Promise<void>;
}

const WORKER_URL = new URL('./read-worker.js', import.meta.url);
const WORKER_TS_URL = new URL('./read-worker.ts', import.meta.url);

/**
 * Threads when the compiled worker exists, or when running from source under tsx (the
 * bench): the worker then registers tsx itself, since Node 20 workers do not inherit the
 * loader. In-process otherwise (vitest runs from source without a Node loader).
 */
export interface ReaderPoolOptions {
  timeoutMs: number;
  maxHeapMb: number;
  /**
   * Replace a reader whose own V8 heap and array buffers pass this (MB) after a job;
   * 0 = never. Not the process's RSS: a fresh reader costs ~1-2 s of CPU (model decoded,
   * code compiled again) and grows back to the same size, so replacing readers while the
   * process is over a budget made ingest slower and its peak RSS higher (3000 generated
   * pages: 5 replacements, 24.7 ms CPU/doc and 689 MB, against 18.3 ms and 547 MB).
   */
  readerBudgetMb?: number;
  /** Given to every reader thread at start (workerData), e.g. shared NER weights (read-worker.ts). */
  workerData?: unknown;
}

export function createReaderPool(size: number, options: ReaderPoolOptions): ReaderPool {
  if (size <= 0) return inProcessPool();
  if (existsSync(fileURLToPath(WORKER_URL))) return new ThreadPool(size, options, WORKER_URL);
  const viaTsx = tsxWorkerUrl();
  return viaTsx ? new ThreadPool(size, options, viaTsx) : inProcessPool();
}

/** A pool of threads running the worker at `url` (tests give one of their own). */
export function createThreadPool(size: number, options: ReaderPoolOptions, url: URL): ReaderPool & { readonly recycled: number } {
  return new ThreadPool(size, options, url);
}

function tsxWorkerUrl(): URL | null {
  if (!process.execArgv.some((a) => a.includes('tsx')) || !existsSync(fileURLToPath(WORKER_TS_URL))) return null;
  try {
    const api = import.meta.resolve('tsx/esm/api');
    const code = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(WORKER_TS_URL.href)});`;
    return new URL('data:text/javascript,' + encodeURIComponent(code));
  } catch {
    return null;
  }
}

function inProcessPool(): ReaderPool {
  // Loaded on first use: the readers pull in pdf.js, mammoth and sharp.
  return {
    run: async (job) => (await import('./read-job.js')).runReadJob(job),
    close: async () => {},
  };
}

class ThreadPool implements ReaderPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { job: ReadJob; resolve: (r: ReadJobResult) => void }[] = [];
  private nextId = 1;
  private closed = false;
  /** Threads replaced to give memory back (see finish). */
  recycled = 0;

  constructor(
    size: number,
    private readonly options: ReaderPoolOptions,
    private readonly url: URL,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(this.url, { resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb }, workerData: this.options.workerData });
    const slot: Slot = { worker, jobs: 0, memoryMb: 0, sent: [], timer: null, retiring: false };
    worker.unref();
    worker.on('message', (msg: { id: number; result: ReadJobResult; memoryMb?: number }) => {
      if (slot.sent[0]?.id !== msg.id) return;
      slot.memoryMb = msg.memoryMb ?? 0;
      this.finish(slot, msg.result);
    });
    worker.on('error', (err) => this.replace(slot, { ok: false, code: 'read_failed', message: `reader crashed: ${oneLine(err.message)}` }));
    worker.on('exit', () => this.replace(slot, { ok: false, code: 'read_failed', message: 'reader stopped unexpectedly (out of memory?)' }));
    return slot;
  }

  /** The time limit of the job the thread reads now (the oldest sent). */
  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer =
      slot.sent.length === 0
        ? null
        : setTimeout(
            () => this.replace(slot, { ok: false, code: 'timeout', message: `reading took longer than ${Math.round(this.options.timeoutMs / 1000)} s; stopped` }),
            this.options.timeoutMs,
          );
  }

  private finish(slot: Slot, result: ReadJobResult): void {
    const done = slot.sent.shift();
    if (!done) return;
    slot.jobs++;
    this.startTimer(slot); // the next queued job starts now
    done.resolve(result);
    // A reader whose caches or leftovers grew past its budget is replaced by a fresh one
    // once the jobs already queued on it are read.
    if (this.options.readerBudgetMb && slot.memoryMb > this.options.readerBudgetMb) slot.retiring = true;
    if (slot.retiring && slot.sent.length === 0) return this.retire(slot);
    this.pump();
  }

  /** Replaces an idle thread by a fresh one. */
  private retire(slot: Slot): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.sent.length > 0) return this.pump();
    this.recycled++;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    this.slots[i] = this.spawn();
    this.pump();
  }

  /**
   * The thread failed (crash, exit, time limit): the job it was reading gets `result`; the
   * jobs queued behind it were not started and go back to the front of the queue (their
   * bytes were copied, so the originals are still here).
   */
  private replace(slot: Slot, result: ReadJobResult): void {
    const i = this.slots.indexOf(slot);
    if (i < 0) return;
    const [failed, ...waiting] = slot.sent;
    slot.sent = [];
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (!this.closed) this.slots[i] = this.spawn();
    else this.slots.splice(i, 1);
    this.queue.unshift(...waiting.map(({ job, resolve }) => ({ job, resolve })));
    failed?.resolve(result);
    this.pump();
  }

  run(job: ReadJob): Promise<ReadJobResult> {
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.pump();
    });
  }

  private pump(): void {
    // First every idle thread gets a job, then each gets one more to queue behind it.
    for (let depth = 1; depth <= DEPTH; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (slot.retiring || slot.sent.length >= depth) continue;
        const next = this.queue[0]!;
        if (slot.sent.length > 0 && next.job.bytes.byteLength > QUEUE_BYTES) continue;
        this.queue.shift();
        this.send(slot, next.job, next.resolve);
      }
    }
  }

  private send(slot: Slot, job: ReadJob, resolve: (r: ReadJobResult) => void): void {
    const id = this.nextId++;
    const first = slot.sent.length === 0;
    // The bytes of the job a thread starts on at once move instead of being cloned: a
    // buffer of their own is handed over as it is (the caller no longer needs it); a view
    // into a shared pool is copied first. A job queued behind another is copied, so that
    // it can go to another thread if this one fails before starting it.
    const src = job.bytes;
    const own = src.byteOffset === 0 && src.byteLength === src.buffer.byteLength && src.buffer instanceof ArrayBuffer;
    const moved = first && own;
    slot.sent.push({ id, job, resolve, moved });
    if (first) this.startTimer(slot);
    if (moved) slot.worker.postMessage({ id, job }, [src.buffer as ArrayBuffer]);
    else slot.worker.postMessage({ id, job: first ? { ...job, bytes: new Uint8Array(src) } : job });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

function oneLine(s: string): string {
  return s.split('\n')[0] ?? s;
}
