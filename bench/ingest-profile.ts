// Profiling aid for issue 3 (not part of `npm run bench`): ingest a folder of generated
// pages (made once) and print wall time, process CPU time and the worker-side breakdown.
// npx tsx bench/ingest-profile.ts [N] [--real]
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../eval/harness.js';
import { defaultIngestOptions, ingestPaths } from '../src/pipeline/ingest.js';
import { openWorkspace } from '../src/pipeline/workspace.js';
import { newsSentences, peakRssMb, rng } from './corpus.js';
import { page } from './ingest.bench.js';

const n = Number(process.argv[2] ?? 600);
const real = process.argv.includes('--real');
const given = process.argv.indexOf('--dir');
const dir = given > 0 ? process.argv[given + 1]! : real ? join('.bench-tmp', 'profile-real') : join('.bench-tmp', `profile-pages-${n}`);
if (!existsSync(dir)) {
  mkdirSync(dir, { recursive: true });
  if (real) {
    let count = 0;
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (f.endsWith('.html.gz')) writeFileSync(join(dir, `${count++}.html`), gunzipSync(readFileSync(p)));
      }
    };
    walk(dataPath('extraction'));
  } else {
    const { en, fa } = newsSentences();
    const rand = rng(3);
    for (let i = 0; i < n; i++) {
      const lang = i % 4 === 3 ? 'fa' : 'en';
      writeFileSync(join(dir, `page-${String(i).padStart(5, '0')}.html`), page(rand, lang === 'fa' ? fa : en, i, lang));
    }
  }
}
const wsDir = join('.bench-tmp', 'profile-ws');
rmSync(wsDir, { recursive: true, force: true });
const ws = openWorkspace(wsDir, { create: true });
const opts = defaultIngestOptions();
if (process.env.WORKERS) opts.workers = Number(process.env.WORKERS);
const timings: Record<string, number> = {};
if (process.env.PROFILE_NO_STORE) ws.store.putDocuments = async (items) => items.map(() => 'added' as const); // to tell the store's memory from the readers'
const rss: number[] = [];
const mem: string[] = [];
// CPU per thread (utime+stime from /proc), last seen value per thread id: reader threads
// that end (replaced, or closed at the end) keep their last sample.
const threadCpu = new Map<string, { name: string; user: number; sys: number }>();
const sampleThreads = () => {
  try {
    for (const tid of readdirSync('/proc/self/task')) {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      threadCpu.set(tid, { name, user: Number(f[11]) * 10, sys: Number(f[12]) * 10 });
    }
  } catch {
    /* not Linux */
  }
};
const sampler = setInterval(() => {
  sampleThreads();
  const m = process.memoryUsage();
  rss.push(m.rss / 1e6);
  mem.push(`${(m.rss / 1e6).toFixed(0)}/${(m.heapTotal / 1e6).toFixed(0)}/${(m.external / 1e6).toFixed(0)}`);
}, 1000);
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await ingestPaths(ws, [dir], { ...opts, timings, onProgress: (p) => {
  if (p.done !== p.total) return;
  sampleThreads();
  if (process.env.SMAPS) writeFileSync(process.env.SMAPS, readFileSync('/proc/self/smaps'));
} } as typeof opts);
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
clearInterval(sampler);
const docs = report.added.length + report.present.length;
const stats = await ws.store.stats();
await ws.close();
const dbBytes = statSync(join(wsDir, 'daftar.db')).size + (statSync(join(wsDir, 'daftar.db-wal'), { throwIfNoEntry: false })?.size ?? 0);
console.log(`${docs} docs (${report.failed.length} failed), workers ${opts.workers}: wall ${wall.toFixed(1)} s = ${(docs / wall).toFixed(1)} docs/s`);
console.log(`process CPU user ${(cpu.user / 1e6).toFixed(1)} s + sys ${(cpu.system / 1e6).toFixed(1)} s = ${((cpu.user + cpu.system) / 1e3 / docs).toFixed(1)} ms/doc`);
console.log(`db ${(dbBytes / 1e6).toFixed(1)} MB, text ${(stats.textBytes / 1e6).toFixed(1)} MB: ${(dbBytes / stats.textBytes).toFixed(2)}x; mentions ${stats.mentions}; peak RSS ${peakRssMb().toFixed(0)} MB`);
const step = Math.max(1, Math.floor(rss.length / 12));
console.log(`rss/main heap/external MB: ${mem.filter((_, i) => i % step === 0).join(" ")}`);
console.log(`RSS MB every ${step} s: ${rss.filter((_, i) => i % step === 0).map((x) => x.toFixed(0)).join(' ')} (max sampled ${Math.max(...rss).toFixed(0)})`);
for (const [k, v] of Object.entries(timings)) if (k.startsWith('max: ')) console.log(`  ${k}: ${v.toFixed(0)}`);
  else console.log(`  ${k}: ${(v / docs).toFixed(2)} ms/doc (${(v / 1000).toFixed(1)} s total)`);
if (threadCpu.size) {
  // Threads: main, the readers (named daftar-reader by read-worker.ts), and the rest (V8's
  // GC and compiler helpers, libuv's file system pool, tsx's loader threads).
  const groups = new Map<string, { n: number; user: number; sys: number }>();
  for (const [tid, t] of threadCpu) {
    const key = tid === String(process.pid) ? 'main' : t.name === 'daftar-reader' ? 'readers' : 'other threads';
    const g = groups.get(key) ?? { n: 0, user: 0, sys: 0 };
    groups.set(key, { n: g.n + 1, user: g.user + t.user, sys: g.sys + t.sys });
  }
  const ms = (x: number) => (x / docs).toFixed(2);
  console.log(`CPU ms/doc per thread group (user + sys; last samples ~1 s before the end): ${[...groups].map(([k, g]) => `${k} (${g.n}) ${ms(g.user)} + ${ms(g.sys)}`).join('; ')}`);
  const others = new Map<string, number>();
  for (const [tid, t] of threadCpu) if (tid !== String(process.pid) && t.name !== 'daftar-reader') others.set(t.name, (others.get(t.name) ?? 0) + t.user + t.sys);
  console.log(`  other threads by name (ms/doc): ${[...others].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}`);
  if (process.env.PROFILE_THREADS) console.log(`  each thread (tid user+sys ms/doc): ${[...threadCpu].map(([tid, t]) => `${tid}:${t.name} ${ms(t.user)}+${ms(t.sys)}`).join(', ')}`);
}
