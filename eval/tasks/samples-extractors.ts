// The date and quantity extractors on the fictional sample corpus, anchored on the GOLD
// publication date (not the one the reader finds), so only extractor errors count. Each file
// still goes through the real reader, as ingest does. Set SAMPLES_MISSES=1 to list the misses
// on stderr. The tag-archive page is split at its section titles, each part anchored on its post.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { extractDates, type DateSpan } from '../../src/extract/dates/index.js';
import { extractQuantities, type QuantitySpan } from '../../src/extract/quantities/index.js';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import { repoRoot, type EvalTask } from '../harness.js';

interface GoldDoc {
  file: string;
  language: string;
  published: string | null;
  sections?: { title: string; published: string }[];
}

interface Gold {
  documents: GoldDoc[];
  dates: { file: string; text: string; value: string; calendar: string }[];
  quantities: { file: string; text: string; value: number | null; valueMax: number | null; qualifier: string; unit: string | null }[];
}

interface Extracted {
  text: string;
  dates: DateSpan[];
  quantities: QuantitySpan[];
}

function goldPath(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'gold.json');
}

/** [start, anchor] parts of a document: one part, or one per archive section (cut at its title). */
function parts(text: string, doc: GoldDoc): { start: number; anchor: string | null }[] {
  if (!doc.sections?.length) return [{ start: 0, anchor: doc.published }];
  const cuts = doc.sections
    .map((s) => ({ start: text.indexOf(s.title), anchor: s.published }))
    .filter((c) => c.start >= 0)
    .sort((a, b) => a.start - b.start);
  return [{ start: 0, anchor: doc.published ?? cuts[0]?.anchor ?? null }, ...cuts];
}

async function extractAll(path: string): Promise<{ gold: Gold; docs: Map<string, Extracted> }> {
  const file = goldPath(path);
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
  const docs = new Map<string, Extracted>();
  for (const d of gold.documents) {
    const p = [resolve(repoRoot, d.file), resolve(dirname(file), d.file), resolve(dirname(file), '..', d.file)].find((x) => existsSync(x));
    if (!p) throw new Error(`${d.file}: not found next to ${file}`);
    const buf = readFileSync(p);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength); // pdf.js refuses Buffers
    const read = await readDocument({ bytes, fileName: p, limits: DEFAULT_READ_LIMITS });
    const text = read.text;
    const lang = d.language === 'fa' ? 'fa' : 'en';
    const dates: DateSpan[] = [];
    const ps = parts(text, d);
    ps.forEach((part, i) => {
      const end = i + 1 < ps.length ? ps[i + 1].start : text.length;
      for (const s of extractDates(text.slice(part.start, end), lang, { date: part.anchor })) {
        dates.push({ ...s, start: s.start + part.start, end: s.end + part.start });
      }
    });
    docs.set(d.file, { text, dates, quantities: extractQuantities(text, lang) });
  }
  return { gold, docs };
}

/** Spans overlapping any occurrence of `surface` in `text`. */
function overlapping<T extends { start: number; end: number }>(text: string, spans: T[], surface: string): T[] {
  const out: T[] = [];
  for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + 1)) {
    const end = at + surface.length;
    for (const s of spans) if (s.start < end && s.end > at && !out.includes(s)) out.push(s);
  }
  return out;
}

const cache = new Map<string, ReturnType<typeof extractAll>>();
function cached(path: string): ReturnType<typeof extractAll> {
  const key = goldPath(path);
  let p = cache.get(key);
  if (!p) {
    p = extractAll(path);
    cache.set(key, p);
  }
  return p;
}

const showMisses = process.env.SAMPLES_MISSES === '1';
const DS = 'samples/gold.json (gold publication dates as anchors)';

export const tasks: EvalTask[] = [
  {
    name: 'samples-extractors-gold-anchor',
    metric: 'date value accuracy',
    defaultPaths: [join(repoRoot, 'samples')],
    async run(path) {
      const { gold, docs } = await cached(path);
      let n = 0, detected = 0, exact = 0, correct = 0, onDay = 0, missingText = 0;
      for (const g of gold.dates) {
        const doc = docs.get(g.file);
        if (!doc || !doc.text.includes(g.text)) {
          missingText++;
          continue;
        }
        n++;
        const hits = overlapping(doc.text, doc.dates, g.text);
        if (hits.length) detected++;
        if (hits.some((h) => h.text === g.text)) exact++;
        else if (showMisses && hits.some((h) => h.value === g.value)) process.stderr.write(`DATE-SPAN ${g.file.replace('samples/', '')}: «${g.text}» got ${hits.map((h) => `«${h.text}»=${h.value}`).join(' ')}\n`);
        const ok = hits.some((h) => h.value === g.value);
        if (ok) correct++;
        // A time on the gold day ("فردا، یکشنبه، ساعت ده صبح" for «فردا») is more precise, not wrong.
        if (ok || hits.some((h) => h.value !== null && /^\d{4}-\d{2}-\d{2}$/.test(g.value) && h.value.startsWith(`${g.value}T`))) onDay++;
        if (!ok && showMisses) process.stderr.write(`DATE ${g.file.replace('samples/', '')}: «${g.text}» gold ${g.value} got ${hits.map((h) => `«${h.text}»=${h.value}`).join(' ') || '-'}\n`);
      }
      let qn = 0, qDetected = 0, qCorrect = 0, qExact = 0, qMissingText = 0;
      for (const g of gold.quantities) {
        const doc = docs.get(g.file);
        if (!doc || !doc.text.includes(g.text)) {
          qMissingText++;
          continue;
        }
        qn++;
        const hits = overlapping(doc.text, doc.quantities, g.text);
        if (hits.length) qDetected++;
        // The extractor's span also takes the counted noun, so "exact" = starts with the gold surface.
        if (hits.some((h) => h.text === g.text || (h.text.startsWith(g.text) && /^\s/.test(h.text.slice(g.text.length))))) qExact++;
        const ok = hits.some((h) => h.value === g.value && h.valueMax === g.valueMax && h.qualifier === g.qualifier);
        if (ok && showMisses && hits.length > 1) process.stderr.write(`QTY-SPLIT ${g.file.replace('samples/', '')}: «${g.text}» got ${hits.map((h) => `«${h.text}»`).join(' ')}\n`);
        if (ok) qCorrect++;
        else if (showMisses) process.stderr.write(`QTY ${g.file.replace('samples/', '')}: «${g.text}» gold ${g.value}/${g.valueMax}/${g.qualifier} got ${hits.map((h) => `«${h.text}»=${h.value}/${h.valueMax}/${h.qualifier}`).join(' ') || '-'}\n`);
      }
      return [
        { dataset: DS, metric: 'date value accuracy', score: n ? correct / n : 0, n },
        { dataset: DS, metric: 'date value accuracy (a time on the gold day counts)', score: n ? onDay / n : 0, n },
        { dataset: DS, metric: 'date detection recall (overlap)', score: n ? detected / n : 0, n },
        { dataset: DS, metric: 'date exact span (of all gold)', score: n ? exact / n : 0, n },
        { dataset: DS, metric: 'date gold strings not in reader text', score: missingText, n: gold.dates.length },
        { dataset: DS, metric: 'quantity value + range + qualifier accuracy', score: qn ? qCorrect / qn : 0, n: qn },
        { dataset: DS, metric: 'quantity detection recall (overlap)', score: qn ? qDetected / qn : 0, n: qn },
        { dataset: DS, metric: 'quantity span starts with gold surface', score: qn ? qExact / qn : 0, n: qn },
        { dataset: DS, metric: 'quantity gold strings not in reader text', score: qMissingText, n: gold.quantities.length },
      ];
    },
  },
];
