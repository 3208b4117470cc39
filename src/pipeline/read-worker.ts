// Worker thread entry: reads files sent by the ingest pool. A hostile file that hangs
// or eats memory takes down only this worker, which the pool replaces.
import { writeFileSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { parentPort } from 'node:worker_threads';
import { runReadJob, type ReadJob } from './read-job.js';

try {
  // Named so that top, ps -L and the bench's per-thread CPU can tell the readers apart.
  writeFileSync('/proc/thread-self/comm', 'daftar-reader');
} catch {
  /* not Linux */
}

parentPort!.on('message', async (msg: { id: number; job: ReadJob }) => {
  const result = await runReadJob(msg.job);
  // The thread's own memory as V8 knows it (heap and array buffers, MB): the pool
  // replaces a reader whose caches grew past its budget.
  const h = getHeapStatistics();
  parentPort!.postMessage({ id: msg.id, result, memoryMb: (h.total_heap_size + h.external_memory) / 1e6 });
});
