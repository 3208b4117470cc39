// Publication date and title on the fictional sample corpus against samples/gold.json.
// Each gold document goes through readDocument, as ingest does. Dates: same calendar day,
// and a gold null (the tag archive, whose posts carry the dates) is right only when we give
// none. Titles: equal after folding (NFKC, lower case, letters and digits only). Images are
// left out of the title score (they have no title in gold). DEBUG_SAMPLES=1 prints misses.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { readDocument } from '../../src/ingest/read.js';
import { DEFAULT_READ_LIMITS } from '../../src/ingest/types.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';
import { dateMatches, titleMatches } from './metadata.js';

interface GoldDoc {
  file: string;
  mediaType: string;
  title: string | null;
  published: string | null;
  publishedEvidence?: string;
}

async function run(path: string): Promise<EvalRow[]> {
  const file = path.endsWith('.json') ? path : join(path, 'gold.json');
  const gold = JSON.parse(readFileSync(file, 'utf8')) as { documents: GoldDoc[] };
  const debug = process.env.DEBUG_SAMPLES === '1';
  let date = 0, dateN = 0, title = 0, titleN = 0, html = 0, htmlN = 0, htmlTitle = 0;
  for (const d of gold.documents) {
    const p = [resolve(repoRoot, d.file), resolve(dirname(file), d.file), resolve(dirname(file), '..', d.file)].find((x) => existsSync(x));
    if (!p) throw new Error(`${d.file}: not found next to ${file}`);
    const buf = readFileSync(p);
    let published: string | null = null;
    let ourTitle: string | null = null;
    let evidence = '';
    try {
      const r = await readDocument({ bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), fileName: p, limits: DEFAULT_READ_LIMITS });
      published = r.metadata.published?.value ?? null;
      evidence = r.metadata.published?.evidence ?? '';
      ourTitle = r.metadata.title;
    } catch {
      /* an unreadable document scores as wrong */
    }
    const dateOk = dateMatches(d.published, published);
    dateN++;
    if (dateOk) date++;
    if (d.mediaType === 'html') {
      htmlN++;
      if (dateOk) html++;
    }
    let titleOk = true;
    if (d.mediaType !== 'image') {
      titleN++;
      titleOk = titleMatches(d.title, ourTitle);
      if (titleOk) title++;
      if (titleOk && d.mediaType === 'html') htmlTitle++;
    }
    if (debug && (!dateOk || !titleOk)) {
      console.error(`${d.file}\n  date ${published} (${evidence}) gold ${d.published} (${d.publishedEvidence ?? ''})${titleOk ? '' : `\n  title ${JSON.stringify(ourTitle)} gold ${JSON.stringify(d.title)}`}`);
    }
  }
  return [
    { dataset: 'samples', metric: 'publication date accuracy (same day)', score: dateN ? date / dateN : 0, n: dateN },
    { dataset: 'samples', metric: 'publication date accuracy, HTML pages', score: htmlN ? html / htmlN : 0, n: htmlN },
    { dataset: 'samples', metric: 'title accuracy (folded, images excluded)', score: titleN ? title / titleN : 0, n: titleN },
    // Gold titles of text files are descriptive labels ("… (saved page)"), not lines of the file.
    { dataset: 'samples', metric: 'title accuracy, HTML pages', score: htmlN ? htmlTitle / htmlN : 0, n: htmlN },
  ];
}

export const task: EvalTask = {
  name: 'samples-metadata',
  metric: 'publication-date accuracy',
  defaultPaths: [join(repoRoot, 'samples')],
  run,
};
