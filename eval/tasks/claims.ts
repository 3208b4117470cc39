// Task `claims`: claim grouping, conflicts and independent source groups on the sample
// corpus (samples/gold.json `claims`), after the real ingest and reuse detection (see
// reuse-samples.ts). Each gold claim is matched to the claim group holding most of its
// statements (a statement is found when a claim in its document has its value).
// Every row but the mean difference is a count out of n ("conflicts found | 2 | 2" is 2 of
// 2), not a share: a share of 1.0 printed as "1" beside counts was read as "1 of 2".
//  - statements found; statements in the matched group (grouping recall)
//  - conflicts found (gold conflict -> group conflict) and false conflicts; stderr lists
//    each gold conflict with the figures of the group it matched
//  - independent-group count equal to gold's
//  - copied pairs counted independent: a gold reuse pair (not boilerplate) whose copied
//    passage holds a statement of the group, with both documents in the group, split
//    into two independent groups (want 0)
// --file takes another gold.json laid out the same way.
import { join } from 'node:path';
import { claimsWorkspace, type ClaimGroupView } from '../../src/pipeline/claims-run.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';
import { samplesWorkspace, type SamplesGold } from './reuse-samples.js';

export const task: EvalTask = {
  name: 'claims',
  metric: 'conflicts found (of n)',
  defaultPaths: [join(repoRoot, 'samples')],
  async run(path) {
    const { ws, gold, idOf, fileOf } = await samplesWorkspace(path);
    const { groups } = await claimsWorkspace(ws);
    const texts = new Map<string, string>();
    const textOf = async (id: string) => {
      if (!texts.has(id)) texts.set(id, (await ws.store.getDocument(id))?.text ?? '');
      return texts.get(id)!;
    };
    const { rows, report } = await scoreClaims(gold, groups, idOf, fileOf, textOf);
    // The per-claim comparison goes to stderr, so that --json output stays one table.
    process.stderr.write(`\n${report.join('\n')}\n\n`);
    return rows;
  },
};

/**
 * Scores claim groups against the gold's claims (see the head of this file). idOf: gold
 * file -> document id; fileOf the reverse; textOf: a document's text. Rows are counts out
 * of n except the mean absolute difference; report is the per-claim comparison.
 * scoreClaims(gold with 2 conflicts, groups finding both, …) -> rows[0] = { metric: 'conflicts found (of n)', score: 2, n: 2 }
 */
export async function scoreClaims(
  gold: Pick<SamplesGold, 'claims' | 'reuse'>,
  groups: readonly ClaimGroupView[],
  idOf: ReadonlyMap<string, string>,
  fileOf: ReadonlyMap<string, string>,
  textOf: (documentId: string) => Promise<string>,
): Promise<{ rows: EvalRow[]; report: string[] }> {
  const groupOfClaim = new Map<string, ClaimGroupView>();
  for (const g of groups) for (const s of g.statements) groupOfClaim.set(s.claimId, g);
  const statementsByDoc = new Map<string, ClaimGroupView['statements']>();
  for (const g of groups) {
    for (const s of g.statements) {
      let list = statementsByDoc.get(s.documentId);
      if (!list) statementsByDoc.set(s.documentId, (list = []));
      list.push(s);
    }
  }

  let statements = 0;
  let statementsFound = 0;
  let statementsGrouped = 0;
  let conflicts = 0;
  let conflictsFound = 0;
  let falseConflicts = 0;
  let countsEqual = 0;
  let countDiff = 0;
  let copiedPairs = 0;
  let copiedSplit = 0;
  const details: EvalRow[] = [];
  const comparison: string[] = [];
  const conflictLines: string[] = [];
  const label = (f: string) => f.replace(/^samples\//, '').replace(/\.[a-z]+$/, '');
  for (const c of gold.claims) {
    const votes = new Map<string, number>();
    for (const s of c.statements) {
      statements++;
      const id = idOf.get(s.file);
      const hit = id ? (statementsByDoc.get(id) ?? []).find((x) => x.value === s.value) : undefined;
      if (!hit) continue;
      statementsFound++;
      const g = groupOfClaim.get(hit.claimId)!;
      votes.set(g.id, (votes.get(g.id) ?? 0) + 1);
    }
    const best = [...votes].sort((x, y) => y[1] - x[1])[0];
    const group = best ? groups.find((g) => g.id === best[0])! : undefined;
    statementsGrouped += best ? best[1] : 0;
    if (c.conflict) {
      conflicts++;
      if (group?.conflict) conflictsFound++;
    } else if (group?.conflict) falseConflicts++;
    if (c.conflict || group?.conflict) {
      const figures = group ? group.positions.map((p) => p.values).join(' / ') : 'no group';
      conflictLines.push(`${c.id}: gold ${c.conflict ? 'conflict' : 'no conflict'}, ours ${group?.conflict ? 'conflict' : 'no conflict'} (${group?.id ?? '-'}: ${figures})`);
    }
    const n = group?.independentGroups.length ?? 0;
    if (n === c.independentGroups.length) countsEqual++;
    countDiff += Math.abs(n - c.independentGroups.length);
    details.push({ dataset: c.id, metric: `independent groups (gold ${c.independentGroups.length})${c.conflict ? ', conflict' : ''}${group?.conflict ? ' / found conflict' : ''}`, score: n, n: group?.documents ?? 0 });
    comparison.push(`${c.id}: gold ${c.independentGroups.length}, ours ${n}${n === c.independentGroups.length ? '' : '  <-- differs'}`);
    c.independentGroups.forEach((g, k) => comparison.push(`  gold ${k + 1}: ${g.map(label).join(', ')}`));
    group?.independentGroups.forEach((g, k) => comparison.push(`  ours ${k + 1}: ${g.documents.map((d) => label(fileOf.get(d) ?? d)).join(', ')}`));
    if (!group) continue;
    // Copied pairs that carry one of this group's statements must share an independent group.
    const docsInGroup = new Set(group.statements.map((s) => s.documentId));
    const sourceGroupOf = new Map<string, number>();
    group.independentGroups.forEach((sg, k) => sg.documents.forEach((d) => sourceGroupOf.set(d, k)));
    for (const r of gold.reuse) {
      if (r.kind === 'boilerplate') continue;
      const a = idOf.get(r.a);
      const b = idOf.get(r.b);
      if (!a || !b || !docsInGroup.has(a) || !docsInGroup.has(b)) continue;
      const carries = async (doc: string, head: string) => {
        const text = await textOf(doc);
        const at = text.indexOf(head);
        if (at < 0) return false;
        const nl = text.indexOf('\n', at);
        const end = nl < 0 ? text.length : nl;
        return group.statements.some((s) => s.documentId === doc && s.start < end && s.end > at);
      };
      if (!(await carries(a, r.aText)) && !(await carries(b, r.bText))) continue;
      copiedPairs++;
      if (sourceGroupOf.get(a) !== sourceGroupOf.get(b)) copiedSplit++;
    }
  }
  const report = [
    `claims: conflicts, gold vs ours (${conflictsFound} of ${conflicts} found, ${falseConflicts} false)`,
    ...conflictLines,
    '',
    'claims: independent source groups, gold vs ours (documents by file)',
    ...comparison,
  ];
  const ds = 'samples/gold.json';
  const rows: EvalRow[] = [
    { dataset: ds, metric: 'conflicts found (of n)', score: conflictsFound, n: conflicts },
    { dataset: ds, metric: 'false conflicts (of n; want 0)', score: falseConflicts, n: gold.claims.length - conflicts },
    { dataset: ds, metric: 'copied pairs counted independent (of n; want 0)', score: copiedSplit, n: copiedPairs },
    { dataset: ds, metric: 'independent-group count equal to gold (of n)', score: countsEqual, n: gold.claims.length },
    { dataset: ds, metric: 'independent-group count, mean absolute difference', score: gold.claims.length ? countDiff / gold.claims.length : 0, n: gold.claims.length },
    { dataset: ds, metric: 'statements found (of n; a claim with the value)', score: statementsFound, n: statements },
    { dataset: ds, metric: "statements in their claim's group (of n found)", score: statementsGrouped, n: statementsFound },
    ...details,
  ];
  return { rows, report };
}
