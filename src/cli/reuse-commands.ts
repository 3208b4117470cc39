// Commands of issue 6: reuse (copied passages), claims, claim.
// Only the command table is built at start-up; each action imports what it runs (see command-kit.ts).
import { action, commandWorkspace, type Opts } from './command-kit.js';
import type { Command } from 'commander';
import { DaftarError } from '../model/errors.js';
import type { ReuseLink } from '../model/schema.js';
import type { ClaimGroupView } from '../pipeline/claims-run.js';
import type { Workspace } from '../pipeline/workspace.js';

const openWs = commandWorkspace;

async function resolveDocumentId(w: Workspace, idArg: string): Promise<string> {
  const ids = await w.store.findDocumentIds(idArg, 2);
  if (ids.length === 0) throw new DaftarError('not_found', `${idArg}: no document with this id or prefix`);
  if (ids.length > 1) throw new DaftarError('ambiguous_id', `${idArg}: prefix matches several documents; give more characters`);
  return ids[0]!;
}

/** About `max` characters of a span, whitespace collapsed, "…" where cut. */
export function quote(text: string, start: number, end: number, max = 80): string {
  const s = text.slice(start, end).replace(/\s+/g, ' ').trim();
  return s.length <= max ? s : s.slice(0, max - 1).trimEnd() + '…';
}

interface DocInfo {
  id: string;
  title: string | null;
  site: string | null;
  published: string | null;
  fileName: string | null;
  text: string;
}

function docInfoReader(w: Workspace): (id: string) => Promise<DocInfo> {
  const cache = new Map<string, DocInfo>();
  return async (id) => {
    let d = cache.get(id);
    if (!d) {
      const doc = await w.store.getDocument(id);
      d = {
        id,
        title: doc?.metadata.title ?? null,
        site: doc?.metadata.site ?? null,
        published: doc?.metadata.published?.value ?? null,
        fileName: doc?.fileName ?? null,
        text: doc?.text ?? '',
      };
      cache.set(id, d);
    }
    return d;
  };
}

function directionText(l: ReuseLink, src: DocInfo, tgt: DocInfo): string {
  if (l.direction === 'source_earlier') return `source earlier (${src.published} → ${tgt.published})`;
  if (l.direction === 'same_date') return `same date (${src.published}); source is a guess`;
  return 'dates unknown; source is a guess';
}

function label(d: DocInfo): string {
  return `${d.id.slice(0, 12)} ${d.published ?? 'undated'} ${d.site ?? d.fileName ?? ''}`.trimEnd();
}

export function registerReuseCommands(program: Command): void {
  program
    .command('reuse')
    .description('copied passages: clusters of reused text, or the links of one document')
    .argument('[doc]', 'document id or prefix: list its reuse links')
    .option('--boilerplate', 'also list boilerplate links (a site\'s own template text)')
    .option('--json', 'print JSON')
    .action(
      action(async (docArg: string | undefined, opts: Opts, cmd: Command) => {
        const { documentsNotIndexed, reuseClusters, reuseWorkspace } = await import('../pipeline/reuse-run.js');
        const w = await openWs(cmd);
        try {
          // Documents stored before reuse detection ran (or by an older daftar) are indexed now.
          const pending = documentsNotIndexed(w);
          if (pending.length > 0) await reuseWorkspace(w, { documentIds: pending });
          const info = docInfoReader(w);
          const { clusters, links } = await reuseClusters(w);
          if (docArg !== undefined) {
            const id = await resolveDocumentId(w, docArg);
            const mine = links.filter((l) => (l.sourceDocumentId === id || l.targetDocumentId === id));
            const rows = [];
            for (const l of mine) {
              const src = await info(l.sourceDocumentId);
              const tgt = await info(l.targetDocumentId);
              rows.push({
                ...l,
                sourceQuote: quote(src.text, l.sourceStart, l.sourceEnd),
                targetQuote: quote(tgt.text, l.targetStart, l.targetEnd),
                sourcePublished: src.published,
                targetPublished: tgt.published,
              });
            }
            if (opts.json) {
              console.log(JSON.stringify({ documentId: id, links: rows }));
              return;
            }
            if (rows.length === 0) console.log(`${id.slice(0, 12)}: no reused passages`);
            for (const r of rows) {
              const src = await info(r.sourceDocumentId);
              const tgt = await info(r.targetDocumentId);
              console.log(`${label(src)} → ${label(tgt)}  similarity ${r.similarity.toFixed(2)}  ${directionText(r, src, tgt)}${r.boilerplate ? '  [boilerplate]' : ''}`);
              console.log(`  source [${r.sourceStart}–${r.sourceEnd}] “${r.sourceQuote}”`);
              console.log(`  target [${r.targetStart}–${r.targetEnd}] “${r.targetQuote}”`);
            }
            return;
          }
          const boilerplate = links.filter((l) => l.boilerplate);
          const out = [];
          for (const c of clusters) {
            const members = [];
            for (const m of c.members) {
              const d = await info(m.documentId);
              members.push({ ...m, site: d.site, title: d.title, quote: quote(d.text, m.start, m.end) });
            }
            const e = c.earliest;
            const undated = c.members.filter((m) => !m.published).length;
            out.push({
              id: c.id,
              earliest: e,
              direction: e.published && undated === 0 ? 'earliest publication' : 'some dates unknown; earliest is a guess',
              similarity: Math.min(...links.filter((l) => l.clusterId === c.id).map((l) => l.similarity)),
              members,
            });
          }
          if (opts.json) {
            console.log(JSON.stringify({ clusters: out, boilerplateLinks: opts.boilerplate ? boilerplate : boilerplate.length }));
            return;
          }
          if (out.length === 0) console.log('no reused passages between documents');
          for (const c of out) {
            console.log(`${c.id}  ${c.members.length} documents, lowest similarity ${c.similarity.toFixed(2)}; origin: ${label(await info(c.earliest.documentId))} (${c.direction})`);
            for (const m of c.members) console.log(`  ${label(await info(m.documentId))} [${m.start}–${m.end}] “${m.quote}”`);
          }
          if (boilerplate.length > 0) {
            console.log(`${boilerplate.length} boilerplate links (a site's own template text or stock lines) not counted as reuse${opts.boilerplate ? ':' : '; --boilerplate lists them'}`);
            if (opts.boilerplate) {
              for (const l of boilerplate) console.log(`  ${label(await info(l.sourceDocumentId))} ↔ ${label(await info(l.targetDocumentId))} “${quote((await info(l.targetDocumentId)).text, l.targetStart, l.targetEnd)}”`);
            }
          }
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('claims')
    .description('claims (figures about something), grouped, with conflicts and independent sources')
    .option('--conflicts', 'only groups whose figures disagree')
    .option('--min-sources <n>', 'only groups with at least n independent source groups')
    .option('--json', 'print JSON')
    .action(
      action(async (opts: Opts, cmd: Command) => {
        const minSources = opts.minSources === undefined ? 0 : Number(opts.minSources);
        if (!Number.isInteger(minSources) || minSources < 0) throw new DaftarError('usage', `--min-sources ${String(opts.minSources)}: expected a whole number`);
        const { documentsNotIndexed, reuseWorkspace } = await import('../pipeline/reuse-run.js');
        const { claimsWorkspace } = await import('../pipeline/claims-run.js');
        const w = await openWs(cmd);
        try {
          const pending = documentsNotIndexed(w);
          if (pending.length > 0) await reuseWorkspace(w, { documentIds: pending });
          const { groups } = await claimsWorkspace(w);
          const shown = groups.filter((g) => (!opts.conflicts || g.conflict) && g.independentGroups.length >= minSources);
          if (opts.json) {
            console.log(JSON.stringify({ groups: shown }));
            return;
          }
          if (shown.length === 0) console.log('no claim groups');
          for (const g of shown) printGroup(g, false);
        } finally {
          await w.close();
        }
      }),
    );

  program
    .command('claim')
    .description('one claim group (or the group of one claim): its statements and independent sources')
    .argument('<id>', 'claim group id or claim id')
    .option('--json', 'print JSON')
    .action(
      action(async (id: string, opts: Opts, cmd: Command) => {
        const w = await openWs(cmd);
        try {
          let group = (await w.store.getClaimGroup(id)) as ClaimGroupView | null;
          if (!group) {
            const claim = await w.store.getClaim(id);
            if (claim?.groupId) group = (await w.store.getClaimGroup(claim.groupId)) as ClaimGroupView | null;
          }
          if (!group) throw new DaftarError('not_found', `${id}: no claim or claim group with this id; run \`daftar claims\` first`);
          if (opts.json) {
            console.log(JSON.stringify(group));
            return;
          }
          printGroup(group, true);
        } finally {
          await w.close();
        }
      }),
    );
}

function formatValue(s: ClaimGroupView['statements'][number]): string {
  const q = { exact: '', approximately: 'about ', at_least: 'at least ', at_most: 'at most ' }[s.qualifier];
  const v = s.value === null ? '?' : s.value.toLocaleString('en-US');
  return s.valueMax !== null ? `${q}${v}–${s.valueMax.toLocaleString('en-US')}` : `${q}${v}`;
}

function printGroup(g: ClaimGroupView, full: boolean): void {
  const values = [...new Set(g.statements.map(formatValue))].join(' / ');
  console.log(`${g.id}  ${g.counted ?? '?'} ${g.predicate ?? ''}`.trimEnd() + `${g.place ? ' at ' + g.place : ''}${g.date ? ' ' + g.date : ''}: ${values}${g.conflict ? '  CONFLICT' : ''}`);
  console.log(`  ${g.independentGroups.length} independent groups / ${g.documents} documents`);
  for (const [k, sg] of g.independentGroups.entries()) {
    console.log(`  group ${k + 1}: ${sg.documents.length} documents, earliest ${sg.earliest.documentId.slice(0, 12)} ${sg.earliest.published ?? 'undated'} ${sg.earliest.site ?? ''}`.trimEnd());
    if (full) for (const d of sg.documents) console.log(`    ${d.slice(0, 12)}`);
  }
  if (full) {
    for (const s of g.statements) console.log(`  ${s.claimId}  ${formatValue(s)}  ${s.documentId.slice(0, 12)} [${s.start}–${s.end}] “${s.sentence}”`);
  }
}
