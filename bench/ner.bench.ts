// Whole-extraction throughput of extractEntities (tokenize + sentences + tagger + titles +
// acronyms) on news text: BBC 2004-05 articles (English) and Fars News (Persian), see
// ../shared/data/news/SOURCE.md. Words = whitespace-separated runs of the input.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dataPath } from '../eval/harness.js';
import { extractEntities } from '../src/extract/ner/extract.js';
import { loadNerModel } from '../src/extract/ner/load.js';

export const name = 'ner';

function readTexts(folder: string, quick: boolean): string[] {
  const raw = gunzipSync(readFileSync(dataPath('news', folder, 'articles.jsonl.gz'))).toString('utf8');
  const texts: string[] = [];
  for (const line of raw.split('\n')) {
    if (!line.trim()) continue;
    const item = JSON.parse(line) as { title?: string; text?: string };
    texts.push(`${item.title ?? ''}\n\n${item.text ?? ''}`);
    if (quick && texts.length >= 100) break;
  }
  return texts;
}

function countWords(texts: string[]): number {
  let n = 0;
  for (const t of texts) n += t.split(/\s+/).filter((w) => w.length > 0).length;
  return n;
}

export async function run({ quick }: { quick: boolean }): Promise<void> {
  for (const [lang, folder] of [
    ['en', 'en-bbc-2004-2005'],
    ['fa', 'fa-farsnews'],
  ] as const) {
    const texts = readTexts(folder, quick);
    const words = countWords(texts);
    const t0 = performance.now();
    loadNerModel(lang);
    const loadMs = performance.now() - t0;
    // one warm-up pass over a slice so the JIT has compiled the hot loops
    for (const t of texts.slice(0, 20)) extractEntities(t, lang);
    const rounds = quick ? 1 : 3;
    let best = Infinity;
    let bestCpu = Infinity;
    let entities = 0;
    for (let r = 0; r < rounds; r++) {
      const t1 = performance.now();
      const c1 = process.cpuUsage();
      entities = 0;
      for (const t of texts) entities += extractEntities(t, lang).length;
      const cpu = process.cpuUsage(c1);
      best = Math.min(best, performance.now() - t1);
      bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
    }
    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `ner-${lang}: ${texts.length} docs, ${words} words, ${entities} entities; ` +
        `${Math.round(words / (best / 1000)).toLocaleString('en-US')} words/s wall, ` +
        `${Math.round(words / (bestCpu / 1000)).toLocaleString('en-US')} words/s per CPU-second (best of ${rounds}; the CPU figure ` +
        `is the per-core rate on a busy shared machine), ` +
        `model load ${loadMs.toFixed(0)} ms, peak RSS ${rssMb.toFixed(0)} MB`,
    );
  }
}
