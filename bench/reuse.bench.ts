// Text reuse at corpus scale: 100,000 generated news-like articles (10,000 with --quick)
// with ~1,000 planted paragraph copies (half verbatim, half edited: changed words, a
// dropped sentence, different punctuation), detected incrementally one article at a time.
// Prints planted recall, links not planted, total time, peak RSS and the cost of adding one
// more article to the full index.
import { detectReuseForDocument, MemoryReuseIndex, type DetectedReuse, type ReuseDocument } from '../src/reuse/index.js';
import type { BenchOptions } from './run.js';
import { rng } from './corpus.js';

export const name = 'reuse';


const SYLLABLES = ['ka', 'ro', 'mi', 'ten', 'sa', 'lo', 'ver', 'da', 'ni', 'par', 'zu', 'el', 'ost', 'ran', 'bi', 'qu', 'fe', 'hol', 'tar', 'ne', 'gi', 'mon', 'shi', 'ad'];

interface Corpus {
  vocabulary: string[];
  rankAt: Uint16Array; // Zipf sampling table: rankAt[floor(u * size)] for u uniform in [0, 1)
}

const TABLE_SIZE = 1 << 18;

function makeCorpus(random: () => number, size: number): Corpus {
  const words = new Set<string>();
  while (words.size < size) {
    const n = 1 + Math.floor(random() * 3);
    let w = '';
    for (let k = 0; k < n; k++) w += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
    words.add(w);
  }
  const vocabulary = [...words];
  let total = 0;
  for (let r = 0; r < size; r++) total += 1 / (r + 1);
  const rankAt = new Uint16Array(TABLE_SIZE);
  let rank = 0;
  let upTo = 1 / total;
  for (let k = 0; k < TABLE_SIZE; k++) {
    while ((k + 0.5) / TABLE_SIZE > upTo && rank < size - 1) upTo += 1 / (++rank + 1) / total;
    rankAt[k] = rank;
  }
  return { vocabulary, rankAt };
}

function word(c: Corpus, random: () => number): string {
  return c.vocabulary[c.rankAt[Math.floor(random() * TABLE_SIZE)]!]!;
}

function sentence(c: Corpus, random: () => number): string {
  const n = 8 + Math.floor(random() * 18);
  const words: string[] = [];
  for (let k = 0; k < n; k++) words.push(word(c, random));
  if (random() < 0.3) words[Math.floor(n / 2)] += ',';
  if (random() < 0.15) words.push(String(Math.floor(random() * 5000)));
  const s = words.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/** An article: paragraphs of 2-5 sentences until 300-600 words. */
function article(c: Corpus, random: () => number): string[] {
  const target = 300 + Math.floor(random() * 300);
  const paragraphs: string[] = [];
  let words = 0;
  while (words < target) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(random() * 4);
    for (let k = 0; k < n; k++) sentences.push(sentence(c, random));
    const p = sentences.join(' ');
    words += p.split(' ').length;
    paragraphs.push(p);
  }
  return paragraphs;
}

/** A lightly edited copy: two words changed, a sentence dropped, punctuation changed. */
function edit(paragraph: string, c: Corpus, random: () => number): string {
  let sentences = paragraph.split(/(?<=\.) /);
  if (sentences.length >= 3) sentences.splice(1 + Math.floor(random() * (sentences.length - 1)), 1);
  const words = sentences.join(' ').split(' ');
  for (let k = 0; k < 2; k++) words[Math.floor(random() * words.length)] = word(c, random);
  return words.join(' ').replace(/,/g, '').replace(/\. /g, '; ');
}

interface Plant {
  source: number;
  target: number;
  sourceStart: number;
  sourceEnd: number;
  targetStart: number;
  targetEnd: number;
  edited: boolean;
}

function dateOf(i: number, n: number): string {
  const day = new Date(Date.UTC(2023, 0, 1) + Math.floor((i * 730) / n) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

export function generate(n: number, plants: number, seed: number): { docs: ReuseDocument[]; planted: Plant[]; corpus: Corpus; random: () => number } {
  const random = rng(seed);
  const corpus = makeCorpus(random, 4000);
  const paragraphs: string[][] = [];
  for (let i = 0; i < n; i++) paragraphs.push(article(corpus, random));
  // Targets are distinct and never sources, so source offsets stay valid.
  const targets = new Set<number>();
  while (targets.size < plants) targets.add(100 + Math.floor(random() * (n - 100)));
  const plan: { source: number; target: number; paragraph: number; edited: boolean; text: string; at: number }[] = [];
  let k = 0;
  for (const target of [...targets].sort((x, y) => x - y)) {
    let source = Math.floor(random() * target);
    while (targets.has(source)) source = Math.floor(random() * target);
    const paragraph = Math.floor(random() * paragraphs[source]!.length);
    const edited = k++ % 2 === 1;
    const original = paragraphs[source]![paragraph]!;
    const text = edited ? edit(original, corpus, random) : original;
    plan.push({ source, target, paragraph, edited, text, at: Math.floor(random() * (paragraphs[target]!.length + 1)) });
  }
  for (const p of plan) paragraphs[p.target]!.splice(p.at, 0, p.text);
  const docs: ReuseDocument[] = paragraphs.map((ps, i) => ({
    id: `doc-${i}`,
    text: ps.join('\n\n'),
    site: `site-${i % 50}`,
    published: dateOf(i, n),
  }));
  const offsetOf = (ps: string[], index: number): number => ps.slice(0, index).reduce((sum, p) => sum + p.length + 2, 0);
  const planted = plan.map((p) => {
    const sourceStart = offsetOf(paragraphs[p.source]!, p.paragraph);
    const targetStart = offsetOf(paragraphs[p.target]!, p.at);
    return {
      source: p.source,
      target: p.target,
      sourceStart,
      sourceEnd: sourceStart + paragraphs[p.source]![p.paragraph]!.length,
      targetStart,
      targetEnd: targetStart + p.text.length,
      edited: p.edited,
    };
  });
  return { docs, planted, corpus, random };
}

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const n = quick ? 10_000 : 100_000;
  const plants = quick ? 100 : 1_000;
  const t0 = performance.now();
  const { docs, planted, corpus, random } = generate(n, plants, 6);
  const tGenerated = performance.now();
  const cpu0 = process.cpuUsage();
  const byId = new Map(docs.map((d) => [d.id, d]));
  const getDoc = (id: string): ReuseDocument | undefined => byId.get(id);

  const index = new MemoryReuseIndex(n * 200);
  const linksByTarget = new Map<string, DetectedReuse[]>();
  let linkCount = 0;
  for (const doc of docs) {
    for (const l of await detectReuseForDocument(doc, index, getDoc)) {
      linkCount++;
      const list = linksByTarget.get(l.targetDocumentId) ?? [];
      list.push(l);
      linksByTarget.set(l.targetDocumentId, list);
    }
  }
  const tDetected = performance.now();
  const cpu = process.cpuUsage(cpu0);

  // A planted copy is found when a link joins its two documents, source earlier, covers at
  // least half of the pasted paragraph and overlaps the original (an edited copy dropped a
  // sentence, so the original side can be much longer than the copy).
  let found = 0;
  let foundEdited = 0;
  const plantedLinks = new Set<DetectedReuse>();
  for (const p of planted) {
    const hit = (linksByTarget.get(`doc-${p.target}`) ?? []).find(
      (l) =>
        l.sourceDocumentId === `doc-${p.source}` &&
        overlap(l.targetStart, l.targetEnd, p.targetStart, p.targetEnd) * 2 >= p.targetEnd - p.targetStart &&
        overlap(l.sourceStart, l.sourceEnd, p.sourceStart, p.sourceEnd) > 0,
    );
    if (hit) {
      found++;
      if (p.edited) foundEdited++;
      plantedLinks.add(hit);
    }
  }
  const edited = planted.filter((p) => p.edited).length;

  // Adding one more article to the full index: 100 new articles, every tenth with a copy.
  const costs: number[] = [];
  for (let k = 0; k < 100; k++) {
    const ps = article(corpus, random);
    if (k % 10 === 0) {
      const source = docs[Math.floor(random() * docs.length)]!;
      const paragraphs = source.text.split('\n\n');
      ps.splice(1, 0, paragraphs[Math.floor(random() * paragraphs.length)]!);
    }
    const doc: ReuseDocument = { id: `new-${k}`, text: ps.join('\n\n'), site: 'site-new', published: '2025-01-01' };
    byId.set(doc.id, doc);
    const t = performance.now();
    await detectReuseForDocument(doc, index, getDoc);
    costs.push(performance.now() - t);
  }
  costs.sort((x, y) => x - y);
  const rssMb = process.resourceUsage().maxRSS / 1024;

  console.log(`articles: ${n}, planted copies: ${planted.length} (${edited} edited), index postings: ${index.postingCount}`);
  console.log(`planted recall: ${(found / planted.length).toFixed(3)} (verbatim ${((found - foundEdited) / (planted.length - edited)).toFixed(3)}, edited ${(foundEdited / edited).toFixed(3)})`);
  console.log(`links found: ${linkCount}, not a planted copy: ${linkCount - plantedLinks.size}`);
  console.log(`time: generate ${((tGenerated - t0) / 1000).toFixed(1)} s, detect + index ${((tDetected - tGenerated) / 1000).toFixed(1)} s (${Math.round(n / ((tDetected - tGenerated) / 1000))} articles/s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s), total ${((tDetected - t0) / 1000).toFixed(1)} s`);
  console.log(`add one article to the ${n}-article index: median ${costs[50]!.toFixed(2)} ms, p95 ${costs[95]!.toFixed(2)} ms`);
  console.log(`peak RSS: ${rssMb.toFixed(0)} MB`);
}
