// Extraction on the fictional sample corpus against samples/gold.json: entity mentions,
// dates with values, quantities with values. Each file goes through the real readers and
// extractors, as ingest does. --file takes another gold.json laid out the same way (its
// `file` paths are resolved against the repository root, or against the gold file's folder).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import { extractMentionDrafts } from '../../src/pipeline/analyze.js';
import type { MentionDraft } from '../../src/pipeline/prepare.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';

interface Gold {
  documents: { file: string }[];
  entities: { id: string; type: string; mentions: { file: string; text: string }[] }[];
  dates: { file: string; text: string; value: string }[];
  quantities: { file: string; text: string; value: number | null; valueMax: number | null; qualifier: string }[];
}

interface Analysed {
  text: string;
  mentions: MentionDraft[];
}

const cache = new Map<string, Promise<Map<string, Analysed>>>();

function goldPath(path: string): string {
  return path.endsWith('.json') ? path : join(path, 'gold.json');
}

async function analyse(path: string): Promise<{ gold: Gold; docs: Map<string, Analysed> }> {
  const file = goldPath(path);
  const gold = JSON.parse(readFileSync(file, 'utf8')) as Gold;
  let docs = cache.get(file);
  if (!docs) {
    docs = (async () => {
      const out = new Map<string, Analysed>();
      for (const d of gold.documents) {
        const p = [resolve(repoRoot, d.file), resolve(dirname(file), d.file), resolve(dirname(file), '..', d.file)].find((x) => existsSync(x));
        if (!p) throw new Error(`${d.file}: not found next to ${file}`);
        try {
          const buf = readFileSync(p);
          const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength); // pdf.js refuses Buffers
          const read = await readDocument({ bytes, fileName: p, limits: DEFAULT_READ_LIMITS });
          out.set(d.file, { text: read.text, mentions: extractMentionDrafts(read) });
        } catch {
          out.set(d.file, { text: '', mentions: [] });
        }
      }
      return out;
    })();
    cache.set(file, docs);
  }
  return { gold, docs: await docs };
}

/** Predicted mentions of `types` that overlap an occurrence of `surface` in the document. */
function overlapping(doc: Analysed, surface: string, types: string[]): MentionDraft[] {
  const out: MentionDraft[] = [];
  for (let at = doc.text.indexOf(surface); at >= 0; at = doc.text.indexOf(surface, at + 1)) {
    const end = at + surface.length;
    for (const m of doc.mentions) if (types.includes(m.type) && m.start < end && m.end > at) out.push(m);
  }
  return out;
}

const ENTITY_TYPES: Record<string, string> = { PERSON: 'PERSON', ORG: 'ORG', PLACE: 'PLACE' };

/** A task scoring gold spans of one mention type: detected at all, and with the right value. */
function valueTask<G extends { file: string; text: string }>(
  name: string,
  metric: string,
  type: string,
  items: (gold: Gold) => G[],
  isRight: (predicted: MentionDraft, gold: G) => boolean,
): EvalTask {
  return {
    name,
    metric,
    defaultPaths: [join(repoRoot, 'samples')],
    async run(path) {
      const { gold, docs } = await analyse(path);
      let detected = 0;
      let correct = 0;
      let n = 0;
      for (const g of items(gold)) {
        const doc = docs.get(g.file);
        if (!doc || !doc.text.includes(g.text)) continue;
        n++;
        const hits = overlapping(doc, g.text, [type]);
        if (hits.length) detected++;
        if (hits.some((h) => isRight(h, g))) correct++;
      }
      return [
        { dataset: 'samples/gold.json', metric, score: n ? correct / n : 0, n },
        { dataset: 'samples/gold.json', metric: 'detection recall', score: n ? detected / n : 0, n },
      ];
    },
  };
}

export const tasks: EvalTask[] = [
  {
    name: 'samples-entities',
    metric: 'mention recall (exact span and type)',
    defaultPaths: [join(repoRoot, 'samples')],
    async run(path) {
      const { gold, docs } = await analyse(path);
      let found = 0;
      let typed = 0;
      let n = 0;
      for (const e of gold.entities) {
        for (const m of e.mentions) {
          const doc = docs.get(m.file);
          if (!doc || !doc.text.includes(m.text)) continue;
          n++;
          const hits = overlapping(doc, m.text, ['PERSON', 'ORG', 'PLACE', 'MISC']);
          if (hits.some((h) => h.text === m.text)) found++;
          if (hits.some((h) => h.text === m.text && h.type === ENTITY_TYPES[e.type])) typed++;
        }
      }
      return [
        { dataset: 'samples/gold.json', metric: 'mention recall (exact span and type)', score: n ? typed / n : 0, n },
        { dataset: 'samples/gold.json', metric: 'mention recall (exact span, any type)', score: n ? found / n : 0, n },
      ];
    },
  },
  valueTask('samples-dates', 'value accuracy', 'DATE', (g) => g.dates, (h, g) => h.value === g.value),
  valueTask(
    'samples-quantities',
    'value + qualifier accuracy',
    'QUANTITY',
    (g) => g.quantities,
    (h, g) => Number(h.value) === g.value && h.attributes.qualifier === g.qualifier && (h.attributes.valueMax ?? null) === g.valueMax,
  ),
];
