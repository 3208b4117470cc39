// Worker thread entry: reads files sent by the ingest pool. A hostile file that hangs
// or eats memory takes down only this worker, which the pool replaces.
import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { adoptNerWeights, type NerLanguage, type SharedNerWeights } from '../extract/ner/index.js';
import { runReadJob, type ReadJob } from './read-job.js';

/** What the pool gives each reader at start (ingest.ts). */
export interface ReaderData {
  /** NER weights decoded once by the main thread: tagged with in place, not decoded again. */
  ner?: Partial<Record<NerLanguage, SharedNerWeights>>;
}

for (const [lang, shared] of Object.entries((workerData as ReaderData | null)?.ner ?? {})) {
  // A reader that cannot adopt them decodes its own copy on first use, as without sharing.
  try {
    adoptNerWeights(lang as NerLanguage, shared);
  } catch {
    /* decoded on first use */
  }
}

try {
  // Named so that top, ps -L and the bench's per-thread CPU can tell the readers apart.
  writeFileSync('/proc/thread-self/comm', 'daftar-reader');
} catch {
  /* not Linux */
}

/** One job after another: the pool queues the next file here while this one is read. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on('message', (msg: { id: number; job: ReadJob }) => {
  // A reader that throws fails the thread as before (the pool sees an error and replaces it).
  queue = queue.then(() => read(msg)).catch((err: unknown) => {
    setImmediate(() => {
      throw err;
    });
  });
});

async function read(msg: { id: number; job: ReadJob }): Promise<void> {
  const result = await runReadJob(msg.job);
  // The thread's own memory as V8 knows it (heap and array buffers, MB): the pool
  // replaces a reader whose caches grew past its budget. A finished job measured it already.
  const times = result.ok ? result.times : undefined;
  const h = times ? null : getHeapStatistics();
  const memoryMb = times ? times.heapMb + times.externalMb : (h!.total_heap_size + h!.external_memory) / 1e6;
  parentPort!.postMessage({ id: msg.id, result, memoryMb });
}
