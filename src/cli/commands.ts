// Workspace commands: init, ingest, status, search, show, export, import.
// Only the command table is built at start-up; each action imports what it runs (see command-kit.ts).
import { action, commandWorkspace, commandWorkspaceDir, type Opts } from './command-kit.js';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { DaftarError } from '../model/errors.js';
import type { Document } from '../model/schema.js';
import type { Workspace } from '../pipeline/workspace.js';
import { EXIT_OK, EXIT_SOME_FAILED } from './errors.js';
import { ProgressBar } from './progress.js';

const ws = commandWorkspace;

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$/i.exec(s.trim());
  if (!m) throw new DaftarError('usage', `--max-size ${s}: expected a size like 500MB or 2GB`);
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4 }[m[2]!.toLowerCase() as '' | 'k' | 'm' | 'g' | 't'];
  return Math.round(Number(m[1]) * mult);
}

async function readStdinLines(): Promise<string[]> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: process.stdin })) if (line.trim()) lines.push(line.trim());
  return lines;
}

export function registerCommands(program: Command): void {
  program
    .command('init')
    .description('create a workspace folder (database + blobs)')
    .argument('[dir]', 'folder of the workspace (default: --workspace, DAFTAR_WORKSPACE or ./daftar-workspace)')
    .option('--json', 'print JSON')
    .action(
      action(async (dir: string | undefined, opts: Opts, cmd: Command) => {
        const { initWorkspace, openWorkspace } = await import('../pipeline/workspace.js');
        const target = await commandWorkspaceDir(cmd, dir);
        const created = initWorkspace(target);
        openWorkspace(target).close();
        if (opts.json) console.log(JSON.stringify({ workspace: target, created }));
        else console.log(created ? `created workspace ${target}` : `workspace ${target} already exists; nothing changed`);
      }),
    );

  program
    .command('ingest')
    .description('add files and folders (recursively) to the workspace; `-` reads a list of paths from stdin')
    .argument('<paths...>', 'files, folders, or - for a list on stdin')
    .option('--max-size <size>', 'refuse files larger than this (e.g. 500MB)', '2GB')
    .option('--workers <n>', 'reader threads (default: number of cores)')
    .option('--no-corpus', 'skip reuse detection, entity resolution and claims after the batch')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (paths: string[], opts: Opts & { maxSize: string; workers?: string; corpus: boolean }, cmd: Command) => {
        const inputs = paths.includes('-') ? [...paths.filter((p) => p !== '-'), ...(await readStdinLines())] : paths;
        const maxFileBytes = parseSize(opts.maxSize);
        const workers = opts.workers === undefined ? undefined : Number(opts.workers);
        if (workers !== undefined && (!Number.isInteger(workers) || workers < 0)) throw new DaftarError('usage', `--workers ${opts.workers}: expected a whole number`);
        const { defaultIngestOptions, ingestPaths } = await import('../pipeline/ingest.js');
        const options = defaultIngestOptions();
        options.maxFileBytes = maxFileBytes;
        if (workers !== undefined) options.workers = workers;
        const bar = new ProgressBar('ingest');
        options.onProgress = (p) => bar.update(p.done, p.total);
        const w = await ws(cmd, true);
        try {
          const report = await ingestPaths(w, inputs, options);
          bar.finish();
          let corpus = null;
          if (opts.corpus && report.added.length > 0) {
            const { runCorpusStages } = await import('../pipeline/corpus-stages.js');
            const tty = process.stderr.isTTY && !process.env.CI;
            corpus = await runCorpusStages(w, report.added.map((a) => a.id), (stage) => tty && process.stderr.write(`${stage}…\n`));
          }
          if (opts.json) {
            console.log(JSON.stringify({ ...report, corpus }));
          } else {
            const rate = report.seconds > 0 ? (report.added.length + report.present.length) / report.seconds : 0;
            console.log(
              `added ${report.added.length}, already present ${report.present.length}, failed ${report.failed.length}` +
                ` (${report.seconds.toFixed(1)} s, ${rate.toFixed(1)} docs/s)`,
            );
            for (const f of report.failed) console.log(`  failed: ${f.message} [${f.code}]`);
            const notes = new Map<string, number>();
            for (const w of report.warnings) notes.set(w.message, (notes.get(w.message) ?? 0) + 1);
            for (const [message, n] of notes) console.log(`  note: ${message} (${n} file${n > 1 ? 's' : ''})`);
            if (corpus) {
              console.log(
                `reuse links ${corpus.reuseLinks}, new entities ${corpus.entitiesCreated}, ` +
                  `claims ${corpus.claims} in ${corpus.claimGroups} groups (${corpus.conflicts} in conflict)`,
              );
              for (const wmsg of corpus.warnings) console.log(`  note: ${wmsg}`);
            }
          }
          process.exitCode = report.failed.length ? EXIT_SOME_FAILED : EXIT_OK;
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('status')
    .description('counts of documents, passages, mentions and the log')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const w = await ws(cmd);
        try {
          const s = await w.store.stats();
          if (opts.json) return void console.log(JSON.stringify({ workspace: w.dir, ...s }));
          console.log(`workspace ${w.dir}`);
          console.log(`documents ${s.documents}  passages ${s.passages}  mentions ${s.mentions}  entities ${s.entities}  log entries ${s.logEntries}`);
          console.log(`languages ${fmtCounts(s.byLanguage)}`);
          console.log(`kinds     ${fmtCounts(s.byKind)}`);
          console.log(`sites     ${fmtCounts(s.bySite)}`);
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('search')
    .description('ranked full-text search; words are all required, "quoted phrases" match in order')
    .argument('<query>', 'words and "phrases"; Persian and Arabic letter variants and digits match each other')
    .option('--lang <lang>', 'only documents in this language (en, fa, other)')
    .option('--site <site>', 'only documents from this site/publisher')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--limit <n>', 'number of results', '20')
    .option('--json', 'print JSON')
    .action(
      action(async (query: string, opts: Opts & { lang?: string; site?: string; from?: string; to?: string; limit: string }, cmd: Command) => {
        if (opts.lang && !['en', 'fa', 'other'].includes(opts.lang)) throw new DaftarError('usage', `--lang ${opts.lang}: expected en, fa or other`);
        for (const d of [opts.from, opts.to]) {
          if (d && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(d)) throw new DaftarError('usage', `${d}: dates are YYYY-MM-DD`);
        }
        const w = await ws(cmd);
        try {
          const hits = await w.store.search({
            text: query,
            language: opts.lang as 'en' | 'fa' | 'other' | undefined,
            site: opts.site,
            from: opts.from,
            to: opts.to,
            limit: Number(opts.limit) || 20,
          });
          if (opts.json) return void console.log(JSON.stringify(hits));
          if (hits.length === 0) return void console.log('no matches');
          const tty = process.stdout.isTTY;
          for (const h of hits) {
            console.log(`${h.documentId.slice(0, 12)}  ${h.publishedOn ?? '----------'}  ${h.site ?? ''}  ${h.title ?? '(untitled)'}`);
            const snippet = tty ? h.snippet.replace(/\[\[/g, '\x1b[1;33m').replace(/\]\]/g, '\x1b[0m') : h.snippet;
            console.log(`    ${snippet}`);
          }
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('show')
    .description('one document: metadata, passages and mentions')
    .argument('<id>', 'document id or a unique prefix of it')
    .option('--text', 'print the whole text')
    .option('--json', 'print JSON')
    .action(
      action(async (idArg: string, opts: Opts & { text?: boolean }, cmd: Command) => {
        const w = await ws(cmd);
        try {
          const doc = await resolveDocument(w, idArg);
          const passages = await w.store.getPassages(doc.id);
          const mentions = await w.store.getMentions(doc.id);
          if (opts.json) return void console.log(JSON.stringify({ document: doc, passages, mentions }));
          printDocument(doc, passages.length);
          const byType = new Map<string, string[]>();
          for (const m of mentions) byType.set(m.type, [...(byType.get(m.type) ?? []), m.value && m.value !== m.text ? `${m.text} (${m.value})` : m.text]);
          for (const [type, list] of byType) console.log(`${type.padEnd(9)} ${[...new Set(list)].join('; ')}`);
          if (opts.text) console.log('\n' + doc.text);
          else console.log('\n' + doc.text.slice(0, 600) + (doc.text.length > 600 ? ' …' : ''));
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('export')
    .description('write the workspace as JSON Lines (see docs/export-format.md)')
    .option('--format <format>', 'export format', 'jsonl')
    .option('-o, --output <file>', 'write to a file instead of stdout')
    .option('--full', 'keep protected persons and documents unredacted (recorded in the log as a full export)')
    .action(
      action(async (opts: Opts & { format: string; output?: string; full?: boolean }, cmd: Command) => {
        if (opts.format !== 'jsonl') throw new DaftarError('usage', `--format ${opts.format}: supported formats: jsonl`);
        const w = await ws(cmd);
        try {
          const { exportJsonl } = await import('../pipeline/exchange.js');
          const out = opts.output ? createWriteStream(opts.output) : process.stdout;
          const n = await exportJsonl(w, out, { full: Boolean(opts.full) });
          if (out !== process.stdout) await new Promise<void>((res, rej) => out.on('error', rej).end(res));
          process.stderr.write(`exported ${n} records\n`);
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('import')
    .description('load a JSON Lines export into this workspace (lossless restore)')
    .argument('<file>', 'a file written by `daftar export`, or - for stdin')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, opts: Opts, cmd: Command) => {
        if (file !== '-' && !existsSync(file)) throw new DaftarError('not_found', `${file}: no such file`);
        const input = file === '-' ? process.stdin : createReadStream(file);
        const w = await ws(cmd, true);
        try {
          const { importJsonl } = await import('../pipeline/exchange.js');
          const counts = await importJsonl(w, input);
          if (opts.json) console.log(JSON.stringify(counts));
          else console.log('imported ' + Object.entries(counts).map(([k, v]) => `${v} ${k}`).join(', '));
        } finally {
          await w.close();
        }
      }),
    );
}

export function registerExtractionCommands(program: Command): void {
  program
    .command('extract')
    .description('run the extractors (people, organizations, places, dates, quantities) over stored documents')
    .option('--redo', 'redo every document, not only those made by older extractor versions')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { redo?: boolean }, cmd: Command) => {
        const { runExtraction } = await import('../pipeline/extract-run.js');
        const w = await ws(cmd);
        const bar = new ProgressBar('extract');
        try {
          const r = await runExtraction(w, { redo: Boolean(opts.redo), onProgress: (d, t) => bar.update(d, t) });
          bar.finish();
          // New mentions have no entity yet, and claims are built from mentions.
          if (r.redoneIds.length) {
            const { resolveWorkspace } = await import('../pipeline/resolve-run.js');
            const { claimsWorkspace } = await import('../pipeline/claims-run.js');
            await resolveWorkspace(w, { documentIds: r.redoneIds });
            await claimsWorkspace(w);
          }
          const { redoneIds: _ids, ...summary } = r;
          if (opts.json) console.log(JSON.stringify(summary));
          else console.log(`extracted ${r.mentions} mentions from ${r.redone} of ${r.documents} documents`);
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('mentions')
    .description('mentions across the workspace with counts, most frequent first')
    .option('--type <type>', 'PERSON, ORG, PLACE, MISC, DATE or QUANTITY')
    .option('--limit <n>', 'rows to print', '50')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { type?: string; limit: string }, cmd: Command) => {
        const types = ['PERSON', 'ORG', 'PLACE', 'MISC', 'DATE', 'QUANTITY'];
        const type = opts.type?.toUpperCase();
        if (type && !types.includes(type)) throw new DaftarError('usage', `--type ${opts.type}: expected one of ${types.join(', ')}`);
        const w = await ws(cmd);
        try {
          const rows = (await w.store.mentionCounts(type as never)).slice(0, Number(opts.limit) || 50);
          if (opts.json) return void console.log(JSON.stringify(rows));
          if (rows.length === 0) return void console.log('no mentions');
          for (const r of rows) console.log(`${String(r.count).padStart(6)} ${String(r.documents).padStart(5)} docs  ${r.type.padEnd(8)} ${r.text}`);
        } finally {
          await w.close();
        }
      }),
    );
}

export async function resolveDocument(w: Workspace, idArg: string): Promise<Document> {
  const ids = await w.store.findDocumentIds(idArg, 2);
  if (ids.length === 0) throw new DaftarError('not_found', `${idArg}: no document with this id or prefix`);
  if (ids.length > 1) throw new DaftarError('ambiguous_id', `${idArg}: prefix matches several documents; give more characters`);
  return (await w.store.getDocument(ids[0]!))!;
}

function printDocument(doc: Document, passageCount: number): void {
  const m = doc.metadata;
  console.log(`id        ${doc.id}`);
  console.log(`title     ${m.title ?? '(untitled)'}`);
  console.log(`file      ${doc.fileName ?? ''}  (${doc.mediaType}, ${doc.documentKind}, ${doc.sizeBytes} bytes)`);
  console.log(`site      ${m.site ?? ''}${m.url ? `  ${m.url}` : ''}`);
  console.log(`authors   ${m.authors.join('; ')}`);
  console.log(`language  ${m.language}`);
  console.log(`published ${m.published ? `${m.published.value} (from ${m.published.evidence}, confidence ${m.published.confidence.toFixed(2)})` : 'unknown'}`);
  if (m.flags.length) console.log(`flags     ${m.flags.join(', ')}`);
  if (doc.sections.length) {
    console.log(`sections  ${doc.sections.length}`);
    for (const s of doc.sections) console.log(`  - ${s.published?.value ?? '----------'}  ${s.title ?? '(untitled)'}`);
  }
  console.log(`passages  ${passageCount}`);
}

function fmtCounts(c: Record<string, number>): string {
  return Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ') || '-';
}
