// Entity commands (issue 5): resolve, entities, entity, merge, split, rename, alias,
// mention, keep-apart, undo, import-list. Every curation command records who (DAFTAR_ACTOR
// or the OS user), when, what and why (--reason) and can be undone with `daftar undo`.
// Only the command table is built at start-up; each action imports what it runs (see command-kit.ts).
import { action, withWorkspace, type Opts as KitOpts } from './command-kit.js';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DaftarError } from '../model/errors.js';
import type { Action, Entity, Mention } from '../model/schema.js';
import type { CurationOptions } from '../pipeline/curation.js';
import { ProgressBar } from './progress.js';

type Opts = KitOpts & { reason?: string };

const curationLib = () => import('../pipeline/curation.js');

function needReason(opts: Opts, what: string): string {
  const r = opts.reason?.trim();
  if (!r) throw new DaftarError('usage', `${what}: say why with --reason "…" (it goes into the entity's history)`);
  return r;
}

function curation(opts: Opts): CurationOptions {
  return { reason: opts.reason?.trim() || null };
}

function printAction(a: Action, json: boolean | undefined, line: string): void {
  if (json) console.log(JSON.stringify({ action: { ...a, payload: { ...a.payload, before: undefined } } }));
  else console.log(`${line} (action ${a.id}; undo with \`daftar undo ${a.id}\`)`);
}

function aliasList(e: Entity): string {
  const others = e.aliases.filter((a) => a.name !== e.name);
  return others.length ? ` (${others.map((a) => a.name).join(', ')})` : '';
}

function contextOf(text: string, m: Mention, width = 50): string {
  const a = Math.max(0, m.start - width);
  const b = Math.min(text.length, m.end + width);
  return `${a > 0 ? '…' : ''}${text.slice(a, m.start)}[[${text.slice(m.start, m.end)}]]${text.slice(m.end, b)}${b < text.length ? '…' : ''}`.replace(/\s+/g, ' ');
}

export function registerEntityCommands(program: Command): void {
  program
    .command('resolve')
    .description('group name mentions into entities (only documents with unlinked mentions; --rebuild redoes every uncurated entity)')
    .option('--rebuild', 'drop the entities no person has curated and resolve every mention again')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (opts: Opts & { rebuild?: boolean }, cmd: Command) => {
        const { logResolveRun, resolveWorkspace } = await import('../pipeline/resolve-run.js');
        await withWorkspace(cmd, async (w) => {
          const bar = new ProgressBar('resolve');
          const report = await resolveWorkspace(w, { rebuild: Boolean(opts.rebuild), onProgress: (d, t) => bar.update(d, t) });
          bar.finish();
          await logResolveRun(w.store, report, Boolean(opts.rebuild));
          if (opts.json) console.log(JSON.stringify(report));
          else
            console.log(
              `resolved ${report.mentions} mentions in ${report.documents} documents: ${report.entitiesCreated} new entities, ${report.linkedToExisting} mentions joined existing ones, ${report.reviewCandidates} pairs to review${opts.rebuild ? `, ${report.entitiesDropped} uncurated entities rebuilt` : ''} (${report.seconds.toFixed(1)} s)`,
            );
        });
      }),
    );

  program
    .command('entities')
    .description('list entities (people, organizations, places), or with --review the pairs waiting for a decision')
    .option('--type <type>', 'PERSON, ORG or PLACE')
    .option('--review', 'list review candidates (possible duplicates) instead')
    .option('--limit <n>', 'at most this many', '100')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts & { type?: string; review?: boolean; limit: string }, cmd: Command) => {
        const type = opts.type?.toUpperCase();
        if (type !== undefined && !['PERSON', 'ORG', 'PLACE'].includes(type)) throw new DaftarError('usage', `--type ${opts.type}: expected PERSON, ORG or PLACE`);
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit <= 0) throw new DaftarError('usage', `--limit ${opts.limit}: expected a positive whole number`);
        await withWorkspace(cmd, async (w) => {
          if (opts.review) {
            const candidates = await w.store.listReviewCandidates({ status: 'open' });
            const names = new Map((await w.store.getEntities([...new Set(candidates.flatMap((c) => [c.entityA, c.entityB]))])).map((e) => [e.id, e]));
            const shown = candidates.filter((c) => !type || names.get(c.entityA)?.type === type).slice(0, limit);
            if (opts.json) {
              console.log(JSON.stringify({ candidates: shown.map((c) => ({ ...c, nameA: names.get(c.entityA)?.name ?? null, nameB: names.get(c.entityB)?.name ?? null })) }));
              return;
            }
            if (shown.length === 0) console.log('nothing to review');
            for (const c of shown) {
              console.log(`${c.score.toFixed(2)}  ${c.entityA} ${names.get(c.entityA)?.name ?? '?'}  ~  ${c.entityB} ${names.get(c.entityB)?.name ?? '?'}  [${String(c.evidence.origin ?? '')}]`);
            }
            if (shown.length) console.log(`decide with \`daftar merge <id> <id> --reason …\` or \`daftar keep-apart <id> <id> --reason …\``);
            return;
          }
          const entities = await w.store.listEntities(type ? { type: type as Entity['type'] } : {});
          const counts = await w.store.entityMentionCounts();
          const rows = entities
            .map((e) => ({ entity: e, mentions: counts.get(e.id)?.mentions ?? 0, documents: counts.get(e.id)?.documents ?? 0 }))
            .sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.entity.name < b.entity.name ? -1 : 1))
            .slice(0, limit);
          if (opts.json) {
            console.log(JSON.stringify({ total: entities.length, entities: rows.map((r) => ({ ...r.entity, mentions: r.mentions, documents: r.documents })) }));
            return;
          }
          for (const r of rows) console.log(`${r.entity.id}  ${r.entity.type.padEnd(6)}  ${String(r.documents).padStart(4)} docs  ${r.entity.name}${aliasList(r.entity)}`);
          console.log(`${entities.length} entities${entities.length > rows.length ? ` (${rows.length} shown; --limit)` : ''}`);
        });
      }),
    );

  program
    .command('entity')
    .description('one entity: names in every script, mentions in context, documents, co-occurring entities, history')
    .argument('<id-or-name>', 'entity id, or a name or alias')
    .option('--json', 'print JSON')
    .action(
      action(async (idOrName: string, opts: Opts, cmd: Command) => {
        const { findEntity } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const e = await findEntity(w, idOrName);
          const mentions = await w.store.mentionsOfEntity(e.id);
          const docIds = [...new Set(mentions.map((m) => m.documentId))];
          const docs = new Map<string, { id: string; title: string | null; publishedOn: string | null; text: string }>();
          for (const id of docIds.slice(0, 200)) {
            const d = await w.store.getDocument(id);
            if (d) docs.set(id, { id, title: d.metadata.title, publishedOn: d.metadata.published?.value ?? null, text: d.text });
          }
          const co = await w.store.cooccurringEntities(e.id, 15);
          const coNames = new Map((await w.store.getEntities(co.map((c) => c.entityId))).map((x) => [x.id, x]));
          const history = await w.store.listActionsForEntity(e.id);
          const review = await w.store.listReviewCandidates({ entityId: e.id, status: 'open' });
          const mentionRows = mentions.map((m) => ({
            id: m.id,
            documentId: m.documentId,
            text: m.text,
            status: m.status,
            context: docs.has(m.documentId) ? contextOf(docs.get(m.documentId)!.text, m) : null,
          }));
          const historyRows = history.map((a) => ({ id: a.id, operation: a.operation, actor: a.actor, at: a.at, reason: a.reason, undoneBy: a.undoneBy, details: { ...a.payload, before: undefined } }));
          if (opts.json) {
            console.log(
              JSON.stringify({
                entity: e,
                mentions: mentionRows,
                documents: [...docs.values()].map(({ text: _t, ...d }) => d),
                cooccurring: co.map((c) => ({ ...c, name: coNames.get(c.entityId)?.name ?? null, type: coNames.get(c.entityId)?.type ?? null })),
                history: historyRows,
                review,
              }),
            );
            return;
          }
          console.log(`${e.name}  (${e.type}, ${e.id}${e.sensitivity !== 'public' ? `, ${e.sensitivity}` : ''})`);
          console.log('names:');
          for (const a of e.aliases) console.log(`  ${a.name}  [${a.script}, ${a.source}]`);
          const attrs = Object.entries(e.attributes).filter(([k]) => k !== 'curated');
          if (attrs.length) console.log('attributes: ' + attrs.map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join('; '));
          console.log(`mentions (${mentions.length} in ${docIds.length} documents):`);
          for (const m of mentionRows.slice(0, 30)) console.log(`  ${m.id}  ${m.status === 'suggested' ? '' : `[${m.status}] `}${m.context ?? m.text}`);
          if (mentionRows.length > 30) console.log(`  … ${mentionRows.length - 30} more (--json lists all)`);
          console.log('documents:');
          for (const d of docs.values()) console.log(`  ${d.id.slice(0, 12)}  ${d.publishedOn ?? '          '}  ${d.title ?? '(untitled)'}`);
          if (co.length) console.log('co-occurring: ' + co.map((c) => `${coNames.get(c.entityId)?.name ?? c.entityId} (${c.documents})`).join(', '));
          if (review.length) console.log('to review: ' + review.map((c) => `${c.entityA === e.id ? c.entityB : c.entityA} (${c.score.toFixed(2)})`).join(', '));
          console.log('history:');
          if (historyRows.length === 0) console.log('  (no curation yet)');
          for (const a of historyRows) console.log(`  ${a.at}  ${a.actor}  ${a.operation}${a.reason ? `: ${a.reason}` : ''}  (${a.id}${a.undoneBy ? `, undone by ${a.undoneBy}` : ''})`);
        });
      }),
    );

  program
    .command('merge')
    .description('merge entities into the first one (recorded; undo with `daftar undo`)')
    .argument('<ids...>', 'two or more entity ids')
    .option('--reason <why>', 'why they are one (required)')
    .option('--json', 'print JSON')
    .action(
      action(async (ids: string[], opts: Opts, cmd: Command) => {
        needReason(opts, 'merge');
        const { mergeEntities } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const a = await mergeEntities(w, ids, curation(opts));
          printAction(a, opts.json, `merged ${ids.slice(1).join(', ')} into ${ids[0]}`);
        });
      }),
    );

  program
    .command('split')
    .description('move some mentions of an entity to a new entity, kept apart from the old one')
    .argument('<id>', 'entity id')
    .requiredOption('--mentions <ids>', 'comma-separated mention ids (see `daftar entity <id>`)')
    .option('--name <name>', 'name of the new entity (default: its longest mention)')
    .option('--reason <why>', 'why these are someone else (required)')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Opts & { mentions: string; name?: string }, cmd: Command) => {
        needReason(opts, 'split');
        const mentionIds = opts.mentions.split(',').map((s) => s.trim()).filter(Boolean);
        const { splitEntity } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const a = await splitEntity(w, id, mentionIds, { ...curation(opts), name: opts.name });
          printAction(a, opts.json, `split ${mentionIds.length} mentions of ${id} into ${String(a.payload.newEntityId)}`);
        });
      }),
    );

  program
    .command('rename')
    .description("change an entity's name (the old name stays an alias)")
    .argument('<id>', 'entity id')
    .argument('<name>', 'the new name')
    .option('--reason <why>', 'why')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, name: string, opts: Opts, cmd: Command) => {
        const { renameEntity } = await curationLib();
        await withWorkspace(cmd, async (w) => printAction(await renameEntity(w, id, name, curation(opts)), opts.json, `renamed ${id} to ${name}`));
      }),
    );

  program
    .command('alias')
    .description('add an alias to an entity, or remove one with --remove')
    .argument('<id>', 'entity id')
    .argument('<name>', 'the alias, any script')
    .option('--remove', 'remove the alias instead')
    .option('--reason <why>', 'why')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, name: string, opts: Opts & { remove?: boolean }, cmd: Command) => {
        const { addAlias, removeAlias } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const a = opts.remove ? await removeAlias(w, id, name, curation(opts)) : await addAlias(w, id, name, curation(opts));
          printAction(a, opts.json, `${opts.remove ? 'removed' : 'added'} alias "${name}" ${opts.remove ? 'from' : 'to'} ${id}`);
        });
      }),
    );

  program
    .command('mention')
    .description('confirm a mention (right, and of its entity) or reject it (unlinked, never resolved again)')
    .argument('<decision>', 'confirm or reject')
    .argument('<mention-id>', 'mention id (see `daftar entity <id>`)')
    .option('--reason <why>', 'why')
    .option('--json', 'print JSON')
    .action(
      action(async (decision: string, mentionId: string, opts: Opts, cmd: Command) => {
        if (decision !== 'confirm' && decision !== 'reject') throw new DaftarError('usage', `mention ${decision}: expected confirm or reject`);
        const { reviewMention } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const a = await reviewMention(w, mentionId, decision === 'confirm' ? 'confirmed' : 'rejected', curation(opts));
          printAction(a, opts.json, `${decision === 'confirm' ? 'confirmed' : 'rejected'} mention ${mentionId}`);
        });
      }),
    );

  program
    .command('keep-apart')
    .description('record that two entities are different people or things (a rejected review pair); never merged or suggested again')
    .argument('<a>', 'entity id')
    .argument('<b>', 'entity id')
    .option('--reason <why>', 'why they differ (required)')
    .option('--json', 'print JSON')
    .action(
      action(async (a: string, b: string, opts: Opts, cmd: Command) => {
        needReason(opts, 'keep-apart');
        const { keepApart } = await curationLib();
        await withWorkspace(cmd, async (w) => printAction(await keepApart(w, a, b, curation(opts)), opts.json, `kept ${a} and ${b} apart`));
      }),
    );

  program
    .command('undo')
    .description('undo a curation action (merge, split, rename, alias, mention, keep-apart)')
    .argument('<action-id>', 'the action id, from the output of the action or the entity history')
    .option('--reason <why>', 'why')
    .option('--json', 'print JSON')
    .action(
      action(async (actionId: string, opts: Opts, cmd: Command) => {
        const { undoAction } = await curationLib();
        await withWorkspace(cmd, async (w) => {
          const a = await undoAction(w, actionId, curation(opts));
          if (opts.json) console.log(JSON.stringify({ action: { ...a, payload: { ...a.payload, before: undefined } } }));
          else console.log(`undid ${actionId} (${String(a.payload.undoneOperation)}) as action ${a.id}`);
        });
      }),
    );

  program
    .command('import-list')
    .description('import a person register (UTF-8 CSV with a header) as PERSON entities; duplicates become review candidates')
    .argument('<file>', 'the CSV file')
    .requiredOption('--map <fields>', 'field=Column pairs: name=,name_fa=,born=,died=,place=,source=,notes= (others go to attributes)')
    .option('--json', 'print the report as JSON')
    .action(
      action(async (file: string, opts: Opts & { map: string }, cmd: Command) => {
        const { importRegister, parseColumnMap } = await import('../pipeline/register-import.js');
        const map = parseColumnMap(opts.map);
        let bytes: Uint8Array;
        try {
          bytes = readFileSync(file);
        } catch (err) {
          throw new DaftarError('not_readable', `${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`, { cause: err });
        }
        await withWorkspace(cmd, async (w) => {
          const report = await importRegister(w, { bytes, fileName: file }, map);
          if (opts.json) console.log(JSON.stringify(report));
          else {
            console.log(
              `imported ${report.entities} people from ${report.rows} rows; possible duplicates: ${report.duplicatesInList} inside the list, ${report.duplicatesInCorpus} with the workspace (see \`daftar entities --review\`) (${report.seconds.toFixed(1)} s)`,
            );
            for (const s of report.skipped.slice(0, 20)) console.error(`row ${s.row}: skipped, ${s.message}`);
          }
          if (report.skipped.length) process.exitCode = 1;
        });
      }),
    );
}
