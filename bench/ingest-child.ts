// One ingest measurement in a process of its own (bench/ingest.bench.ts runs it), so that
// its peak RSS is the ingest's alone, not the page generator's or an earlier corpus's.
// Prints one JSON line. Usage: tsx bench/ingest-child.ts <folder> <workspace>
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIngestOptions, ingestPaths } from '../src/pipeline/ingest.js';
import { openWorkspace } from '../src/pipeline/workspace.js';
import { peakRssMb } from './corpus.js';

const [dir, wsDir] = process.argv.slice(2) as [string, string];
rmSync(wsDir, { recursive: true, force: true });
const ws = openWorkspace(wsDir, { create: true });
const cpu0 = process.cpuUsage(); // the process: main thread and reader threads together
const started = performance.now();
const report = await ingestPaths(ws, [dir], defaultIngestOptions());
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpu0);
const stats = await ws.store.stats();
await ws.close();
const dbBytes = statSync(join(wsDir, 'daftar.db')).size + (statSync(join(wsDir, 'daftar.db-wal'), { throwIfNoEntry: false })?.size ?? 0);
console.log(
  JSON.stringify({
    seconds,
    cpuMs: (cpu.user + cpu.system) / 1000,
    failed: report.failed.length,
    dbBytes,
    textBytes: stats.textBytes,
    peakRssMb: peakRssMb(),
    workers: defaultIngestOptions().workers,
  }),
);
