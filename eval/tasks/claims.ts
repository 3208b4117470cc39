// Task `claims`: claim grouping, conflicts and independent source groups on the sample
// corpus (samples/gold.json `claims`), after the real ingest and reuse detection (see
// reuse-samples.ts). Each gold claim is matched to the claim group holding most of its
// statements (a statement is found when a claim in its document has its value).
//  - statements found; statements in the matched group (grouping recall)
//  - conflicts found (gold conflict -> group conflict) and false conflicts
//  - independent-group count equal to gold's
//  - copied pairs counted independent: a gold reuse pair (not boilerplate) whose copied
//    passage holds a statement of the group, with both documents in the group, split
//    into two independent groups (want 0)
// --file takes another gold.json laid out the same way.
import { join } from 'node:path';
import { claimsWorkspace, type ClaimGroupView } from '../../src/pipeline/claims-run.js';
import { repoRoot, type EvalRow, type EvalTask } from '../harness.js';
import { samplesWorkspace } from './reuse-samples.js';

export const task: EvalTask = {
  name: 'claims',
  metric: 'conflicts found',
  defaultPaths: [join(repoRoot, 'samples')],
  async run(path) {
    const { ws, gold, idOf, fileOf } = await samplesWorkspace(path);
    const { groups } = await claimsWorkspace(ws);
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
    const texts = new Map<string, string>();
    const textOf = async (id: string) => {
      if (!texts.has(id)) texts.set(id, (await ws.store.getDocument(id))?.text ?? '');
      return texts.get(id)!;
    };

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
    const label = (f: string) => f.replace(/^samples\//, '').replace(/\.[a-z]+$/, '');
    for (const c of gold.claims) {
      const votes = new Map<string, number>();
      const matched: string[] = [];
      for (const s of c.statements) {
        statements++;
        const id = idOf.get(s.file);
        const hit = id ? (statementsByDoc.get(id) ?? []).find((x) => x.value === s.value) : undefined;
        if (!hit) continue;
        statementsFound++;
        matched.push(hit.claimId);
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
    // The per-group comparison goes to stderr, so that --json output stays one table.
    process.stderr.write(`\nclaims: independent source groups, gold vs ours (documents by file)\n${comparison.join('\n')}\n\n`);
    const ds = 'samples/gold.json';
    return [
      { dataset: ds, metric: 'conflicts found', score: conflicts ? conflictsFound / conflicts : 1, n: conflicts },
      { dataset: ds, metric: 'false conflicts (want 0)', score: falseConflicts, n: gold.claims.length - conflicts },
      { dataset: ds, metric: 'copied pairs counted independent (want 0)', score: copiedSplit, n: copiedPairs },
      { dataset: ds, metric: 'independent-group count equal to gold', score: gold.claims.length ? countsEqual / gold.claims.length : 0, n: gold.claims.length },
      { dataset: ds, metric: 'independent-group count, mean absolute difference', score: gold.claims.length ? countDiff / gold.claims.length : 0, n: gold.claims.length },
      { dataset: ds, metric: 'statements found (a claim with the value)', score: statements ? statementsFound / statements : 0, n: statements },
      { dataset: ds, metric: 'statements in their claim\'s group', score: statementsFound ? statementsGrouped / statementsFound : 0, n: statementsFound },
      ...details,
    ];
  },
};
