// HTML reader throughput on the public extraction pages (../shared/data/extraction):
// pages/s and MB/s of decoded input on one core, and the process's peak RSS.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Parser } from 'htmlparser2';
import { dataPath } from '../eval/harness.js';
import { decodeHtml } from '../src/ingest/html/decode.js';
import { readHtmlSync } from '../src/ingest/html/read-html.js';
import { DEFAULT_READ_LIMITS } from '../src/ingest/types.js';
import type { BenchOptions } from './run.js';

export const name = 'html';

function collectPages(limit: number): Uint8Array[] {
  const root = dataPath('extraction');
  const out: Uint8Array[] = [];
  const dirs = ['scrapinghub-aeb/html', 'wcxb/html', 'trafilatura-eval/html', 'l3s-gn1/original', 'cleaneval/input', 'dragnet/input', 'cleanportaleval/input'];
  for (const d of dirs) {
    const dir = join(root, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.html.gz')).sort()) {
      out.push(gunzipSync(readFileSync(join(dir, f))));
    }
  }
  const readability = join(root, 'readability');
  if (existsSync(readability)) {
    for (const c of readdirSync(readability).sort()) {
      const f = join(readability, c, 'source.html.gz');
      if (existsSync(f)) out.push(gunzipSync(readFileSync(f)));
    }
  }
  // Interleave data sets so a --quick run still sees every kind of page.
  const step = Math.max(1, Math.floor(out.length / limit));
  return out.filter((_, i) => i % step === 0).slice(0, limit);
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const pages = collectPages(quick ? 200 : 100_000);
  if (pages.length === 0) {
    console.log('no pages found under', dataPath('extraction'));
    return;
  }
  const bytes = pages.reduce((n, p) => n + p.length, 0);
  // Warm up the JIT first (the first pages run several times slower).
  for (const p of pages.slice(0, 100)) readSafe(p);
  const rounds = quick ? 1 : 2;
  let failed = 0;
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++) for (const p of pages) if (!readSafe(p)) failed++;
  const cpu = process.cpuUsage(cpu0);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const n = pages.length * rounds;
  const mb = (bytes * rounds) / 1e6;
  console.log(`pages: ${pages.length} x ${rounds} rounds, mean ${(bytes / pages.length / 1024).toFixed(1)} KB/page, ${failed / rounds} without text`);
  console.log(`readHtml: ${(n / seconds).toFixed(0)} pages/s, ${(mb / seconds).toFixed(1)} MB/s (one core); ${(n / cpuSeconds).toFixed(0)} pages per CPU-second, ${((cpuSeconds * 1000) / n).toFixed(2)} ms CPU per page`);
  // The same pages through a bare htmlparser2 pass (no callbacks work), to read the
  // numbers above against this machine's speed and load.
  const t1 = process.hrtime.bigint();
  for (const p of pages) new Parser({ onopentag() {}, ontext() {}, onclosetag() {} }).end(decodeHtml(p).html);
  const bare = Number(process.hrtime.bigint() - t1) / 1e9;
  console.log(`decode + bare htmlparser2 pass: ${(pages.length / bare).toFixed(0)} pages/s (reference)`);
  console.log(`peak RSS (holds all pages in memory): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

function readSafe(bytes: Uint8Array): boolean {
  try {
    readHtmlSync({ bytes, fileName: null, limits: DEFAULT_READ_LIMITS });
    return true;
  } catch {
    return false;
  }
}
