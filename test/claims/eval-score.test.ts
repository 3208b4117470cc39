// The claims eval's scoring (npm run eval -- --task claims): rows are counts out of n, so
// "conflicts found | 2 | 2" means both gold conflicts were found (a share of 1.0 printed
// as "1" beside counts was once read as "1 of 2").
import { describe, expect, it } from 'vitest';
import { scoreClaims } from '../../eval/tasks/claims.js';
import type { SamplesGold } from '../../eval/tasks/reuse-samples.js';
import type { ClaimGroupView, ClaimStatement } from '../../src/pipeline/claims-run.js';

function statement(documentId: string, value: number, start = 0): ClaimStatement {
  return { claimId: `claim:${documentId}:${start}:${value}`, documentId, start, end: start + 10, sentence: '', text: String(value), value, valueMax: null, qualifier: 'exact', date: null, place: null };
}

function group(id: string, conflict: boolean, statements: ClaimStatement[], independent: string[][]): ClaimGroupView {
  return {
    id,
    counted: 'people',
    predicate: 'detained',
    date: null,
    place: null,
    conflict,
    positions: [...new Set(statements.map((s) => s.value))].map((v) => ({ values: String(v), claimIds: statements.filter((s) => s.value === v).map((s) => s.claimId) })),
    documents: new Set(statements.map((s) => s.documentId)).size,
    independentGroups: independent.map((documents) => ({ earliest: { documentId: documents[0]!, published: null, site: null }, documents })),
    statements,
  };
}

const files = ['a', 'b', 'c', 'd', 'e'];
const idOf = new Map(files.map((f) => [`samples/${f}.html`, `doc-${f}`]));
const fileOf = new Map([...idOf].map(([f, id]) => [id, f]));
const texts: Record<string, string> = { 'doc-a': 'Rights group: 4,000 held.', 'doc-b': 'Copied: Rights group: 4,000 held.' };
const textOf = async (id: string) => texts[id] ?? '';

const st = (file: string, value: number) => ({ file: `samples/${file}.html`, text: String(value), value, qualifier: 'exact' });
const gold: Pick<SamplesGold, 'claims' | 'reuse'> = {
  claims: [
    { id: 'held', conflict: true, statements: [st('a', 4000), st('b', 4000), st('c', 6500)], independentGroups: [['samples/a.html', 'samples/b.html'], ['samples/c.html']] },
    { id: 'crowd', conflict: true, statements: [st('d', 40000), st('e', 250000)], independentGroups: [['samples/d.html'], ['samples/e.html']] },
    { id: 'killed', conflict: false, statements: [st('a', 12)], independentGroups: [['samples/a.html']] },
  ],
  reuse: [{ group: 'r1', a: 'samples/a.html', b: 'samples/b.html', aText: 'Rights group: 4,000', bText: 'Rights group: 4,000', kind: 'verbatim' }],
};

function row(rows: { metric: string; score: number; n: number }[], prefix: string) {
  const r = rows.find((x) => x.metric.startsWith(prefix));
  if (!r) throw new Error(`no row ${prefix}`);
  return { score: r.score, n: r.n };
}

describe('scoreClaims', () => {
  it('counts both gold conflicts as 2 of 2 (a count, not a share), and the statements found', async () => {
    const groups = [
      group('g-held', true, [statement('doc-a', 4000), statement('doc-b', 4000), statement('doc-c', 6500)], [['doc-a', 'doc-b'], ['doc-c']]),
      group('g-crowd', true, [statement('doc-d', 40000), statement('doc-e', 250000)], [['doc-d'], ['doc-e']]),
      group('g-killed', false, [statement('doc-a', 12, 40)], [['doc-a']]),
    ];
    const { rows, report } = await scoreClaims(gold, groups, idOf, fileOf, textOf);
    expect(rows[0]).toMatchObject({ metric: 'conflicts found (of n)', score: 2, n: 2 });
    expect(row(rows, 'false conflicts')).toEqual({ score: 0, n: 1 });
    expect(row(rows, 'copied pairs counted independent')).toEqual({ score: 0, n: 1 });
    expect(row(rows, 'independent-group count equal to gold')).toEqual({ score: 3, n: 3 });
    expect(row(rows, 'statements found')).toEqual({ score: 6, n: 6 });
    expect(report[0]).toContain('2 of 2 found, 0 false');
  });

  it('counts a missed conflict, a false conflict and a copied pair split into two sources', async () => {
    const groups = [
      // The copy (doc-b) counted as its own source; 6,500 stated nowhere.
      group('g-held', true, [statement('doc-a', 4000), statement('doc-b', 4000)], [['doc-a'], ['doc-b']]),
      group('g-crowd-low', false, [statement('doc-d', 40000)], [['doc-d']]),
      group('g-crowd-high', false, [statement('doc-e', 250000)], [['doc-e']]),
      group('g-killed', true, [statement('doc-a', 12, 40), statement('doc-c', 30)], [['doc-a'], ['doc-c']]),
    ];
    const { rows, report } = await scoreClaims(gold, groups, idOf, fileOf, textOf);
    expect(rows[0]).toMatchObject({ score: 1, n: 2 });
    expect(row(rows, 'false conflicts')).toEqual({ score: 1, n: 1 });
    expect(row(rows, 'copied pairs counted independent')).toEqual({ score: 1, n: 1 });
    expect(row(rows, 'statements found')).toEqual({ score: 5, n: 6 });
    // crowd: two statements found in two groups, one of them in the matched group.
    expect(row(rows, "statements in their claim's group")).toEqual({ score: 4, n: 5 });
    expect(report.find((l) => l.startsWith('crowd:'))).toContain('ours no conflict');
  });
});
