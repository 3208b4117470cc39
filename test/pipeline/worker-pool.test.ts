import { describe, expect, it } from 'vitest';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import { createThreadPool } from '../../src/pipeline/worker-pool.js';
import type { ReadJob } from '../../src/pipeline/read-job.js';

const READER = new URL('./fixtures/memory-reader.mjs', import.meta.url);
const QUEUE_READER = new URL('./fixtures/queue-reader.mjs', import.meta.url);

/** A job whose stand-in reader then says it holds `memoryMb`. */
const job = (memoryMb: number): ReadJob => ({
  bytes: new Uint8Array([1, 2, 3]),
  file: { sha256: 'a'.repeat(64), sizeBytes: 3, fileName: String(memoryMb) },
  limits: DEFAULT_READ_LIMITS,
});

/** The thread that ran each job, in order (one reader, so jobs run one after another). */
async function threadsOf(pool: ReturnType<typeof createThreadPool>, memories: number[]): Promise<string[]> {
  const out: string[] = [];
  for (const m of memories) {
    const r = await pool.run(job(m));
    if (r.ok) throw new Error('stand-in reader answers not ok');
    out.push(r.message);
  }
  return out;
}

describe('reader pool', () => {
  it('keeps a reader under its memory budget, however many files it has read', async () => {
    const pool = createThreadPool(1, { timeoutMs: 10_000, maxHeapMb: 64, readerBudgetMb: 400 }, READER);
    try {
      const threads = await threadsOf(pool, [150, 390, 399, 150, 200, 300]);
      expect(new Set(threads).size).toBe(1);
      expect(pool.recycled).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('replaces a reader once its own memory passes the budget, and the next file goes to the new one', async () => {
    const pool = createThreadPool(1, { timeoutMs: 10_000, maxHeapMb: 64, readerBudgetMb: 400 }, READER);
    try {
      const threads = await threadsOf(pool, [150, 450, 150, 150, 401, 150]);
      expect(threads[0]).toBe(threads[1]); // the job that found it over budget still ran there
      expect(threads[2]).not.toBe(threads[1]);
      expect(threads[3]).toBe(threads[2]);
      expect(threads[5]).not.toBe(threads[4]);
      expect(new Set(threads).size).toBe(3);
      expect(pool.recycled).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('never replaces readers when the budget is 0', async () => {
    const pool = createThreadPool(1, { timeoutMs: 10_000, maxHeapMb: 64, readerBudgetMb: 0 }, READER);
    try {
      expect(new Set(await threadsOf(pool, [5000, 5000, 5000])).size).toBe(1);
      expect(pool.recycled).toBe(0);
    } finally {
      await pool.close();
    }
  });

  it('hands a reader its next file while it still reads the last one', async () => {
    const pool = createThreadPool(1, { timeoutMs: 10_000, maxHeapMb: 64, readerBudgetMb: 0 }, QUEUE_READER);
    try {
      const [first, second] = await Promise.all([pool.run(named('wait-next')), pool.run(named('next'))]);
      // Without a queue the reader would get "next" only after answering, 3 s later, alone.
      expect(first.ok ? '' : first.message.split(' ')[1]).toBe('saw-next');
      expect(second.ok ? '' : second.message.split(' ').slice(1).join(' ')).toBe('next bytes=3');
    } finally {
      await pool.close();
    }
  });

  it('gives the files queued behind a file that hangs to a fresh reader, whole', async () => {
    const pool = createThreadPool(1, { timeoutMs: 300, maxHeapMb: 64, readerBudgetMb: 0 }, QUEUE_READER);
    try {
      const results = await Promise.all([pool.run(named('hang')), pool.run(named('after-hang'))]);
      expect(results[0]).toMatchObject({ ok: false, code: 'timeout' });
      expect(results[1].ok ? '' : results[1].message.split(' ').slice(1).join(' ')).toBe('after-hang bytes=3');
    } finally {
      await pool.close();
    }
  });

  it('gives the files queued behind a file that crashes its reader to a fresh reader', async () => {
    const pool = createThreadPool(1, { timeoutMs: 10_000, maxHeapMb: 64, readerBudgetMb: 0 }, QUEUE_READER);
    try {
      const results = await Promise.all([pool.run(named('crash')), pool.run(named('after-crash')), pool.run(named('last'))]);
      expect(results[0]).toMatchObject({ ok: false, code: 'read_failed' });
      expect(results[0].ok ? '' : results[0].message).toMatch(/crashed/);
      expect(results.slice(1).map((r) => (r.ok ? '' : r.message.split(' ').slice(1).join(' ')))).toEqual(['after-crash bytes=3', 'last bytes=3']);
    } finally {
      await pool.close();
    }
  });
});

/** A job the queue stand-in reader acts on by its file name. */
function named(fileName: string): ReadJob {
  return { bytes: new Uint8Array([1, 2, 3]), file: { sha256: 'b'.repeat(64), sizeBytes: 3, fileName }, limits: DEFAULT_READ_LIMITS };
}
