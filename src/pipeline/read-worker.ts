// Worker thread entry: reads files sent by the ingest pool. A hostile file that hangs
// or eats memory takes down only this worker, which the pool replaces.
import { parentPort } from 'node:worker_threads';
import { runReadJob, type ReadJob } from './read-job.js';

parentPort!.on('message', async (msg: { id: number; job: ReadJob }) => {
  const result = await runReadJob(msg.job);
  parentPort!.postMessage({ id: msg.id, result });
});
