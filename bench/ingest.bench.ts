// End-to-end ingest throughput (hash, read, extract, store) on generated news pages
// of 30-150 KB with realistic chrome, and on the real pages of ../shared/data/extraction.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { dataPath } from '../eval/harness.js';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultIngestOptions } from '../src/pipeline/ingest.js';
import type { BenchOptions } from './run.js';
import { makeText, newsSentences, rng } from './corpus.js';

export const name = 'ingest';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function page(rand: () => number, sentences: string[], i: number, lang: 'en' | 'fa'): string {
  const target = 30_000 + Math.floor(rand() * 120_000);
  const title = sentences[Math.floor(rand() * sentences.length)]!.slice(0, 90);
  const body = makeText(rand, sentences, 2500 + Math.floor(rand() * 5000))
    .split('\n\n')
    .map((p) => `<p>${esc(p)}</p>`)
    .join('\n');
  const links = (n: number) => Array.from({ length: n }, (_, k) => `<li><a href="/news/${i}-${k}">${esc(sentences[Math.floor(rand() * sentences.length)]!.slice(0, 70))}</a></li>`).join('');
  const day = String(1 + (i % 28)).padStart(2, '0');
  let html = `<!doctype html><html lang="${lang}"${lang === 'fa' ? ' dir="rtl"' : ''}><head><meta charset="utf-8"><title>${esc(title)} | Bench Daily</title>
<meta property="article:published_time" content="2024-05-${day}T10:00:00Z"><meta property="og:site_name" content="Bench Daily ${i % 5}">
<style>${'.c{color:#333;margin:0 auto}'.repeat(40)}</style><script>${'var x=1;'.repeat(200)}</script></head><body>
<header><div class="topbar">Monday, 23 November 2026</div><nav class="menu"><ul>${links(12)}</ul></nav></header>
<main><article><h1>${esc(title)}</h1><div class="byline">By Staff Writer</div>${body}
<div class="share">Share on Facebook Twitter WhatsApp Email</div></article>
<aside class="related"><h3>Latest news</h3><ul>${links(15)}</ul></aside></main>`;
  const comment = () => `<div class="comment"><span class="author">reader${Math.floor(rand() * 999)}</span><p>${esc(sentences[Math.floor(rand() * sentences.length)]!)}</p></div>`;
  let comments = '<section class="comments">';
  while (html.length + comments.length < target - 2000) comments += comment() + `<ul class="more">${links(4)}</ul>`;
  html += comments + `</section><footer>${links(10)}<p>© 2026 Bench Daily</p></footer></body></html>`;
  return html;
}

function measure(label: string, dir: string, files: number, bytes: number): void {
  const wsDir = join('.bench-tmp', 'ingest-ws');
  // A process of its own (same Node flags, so tsx too): peak RSS is this ingest's alone.
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./ingest-child.ts', import.meta.url)), dir, wsDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`ingest child failed (${child.status})`);
  const r = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; cpuMs: number; failed: number; dbBytes: number; textBytes: number; peakRssMb: number };
  console.log(
    `| ${label} | ${files} | ${(bytes / 1e6).toFixed(0)} MB | ${(files / r.seconds).toFixed(1)} | ${(bytes / 1e6 / r.seconds).toFixed(2)} | ` +
      `${(r.cpuMs / Math.max(1, files)).toFixed(1)} | ${r.failed} | ${(r.dbBytes / Math.max(1, r.textBytes)).toFixed(2)}x | ${r.peakRssMb.toFixed(0)} MB |`,
  );
  rmSync(wsDir, { recursive: true, force: true });
}

export async function run(opts: BenchOptions): Promise<void> {
  const n = opts.quick ? 1000 : 10_000;
  const dir = join('.bench-tmp', 'ingest-pages');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const { en, fa } = newsSentences();
  const rand = rng(3);
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const lang = i % 4 === 3 ? 'fa' : 'en';
    const html = page(rand, lang === 'fa' ? fa : en, i, lang);
    bytes += Buffer.byteLength(html);
    writeFileSync(join(dir, `page-${String(i).padStart(5, '0')}.html`), html);
  }
  console.log(`workers: ${defaultIngestOptions().workers} (one per core); each corpus ingested in a process of its own; CPU ms/doc = user + system time of all its threads per file`);
  console.log('| corpus | files | size | docs/s | MB/s | CPU ms/doc | failed | db / text | peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  measure(`generated news pages (30-150 KB)`, dir, n, bytes);
  rmSync(dir, { recursive: true, force: true });

  // Real pages: the benchmark sets' HTML, decompressed to files as a user would have them.
  const real = join('.bench-tmp', 'ingest-real');
  rmSync(real, { recursive: true, force: true });
  mkdirSync(real, { recursive: true });
  let count = 0;
  let realBytes = 0;
  const root = dataPath('extraction');
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.html.gz')) {
        const html = gunzipSync(readFileSync(p));
        realBytes += html.length;
        writeFileSync(join(real, `${count++}.html`), html);
      }
    }
  };
  walk(root);
  measure('real pages of shared/data/extraction', real, count, realBytes);
  rmSync(real, { recursive: true, force: true });
}
