// `daftar reuse`, `daftar claims`, `daftar claim` through the built binary, on a small
// workspace: a wire story, a copy in another outlet, and an outlet with its own count.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { daftar, ensureBuilt } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';

beforeAll(() => ensureBuilt(), 300_000);

// Invented texts (no real events). The copy repeats the wire paragraph with one word changed.
const WIRE_PARAGRAPH =
  'The Tarvan Rights Group, which documents arrests in the province, said on Tuesday that 4,000 people detained after the Varzaneh protests had passed through Dalkhan camp, a detention site east of the provincial capital, during the spring.';
const WIRE = `FICTIONAL SAMPLE.\n\n${WIRE_PARAGRAPH}\n\nThe group said every name on its list had been confirmed by relatives and by former detainees who were released in May.`;
const COPY = `FICTIONAL SAMPLE.\n\nCommuters faced long delays on the river road on Wednesday after a landslide closed one lane near the old quarry.\n\n${WIRE_PARAGRAPH.replace('during the spring', 'during the early spring')}`;
const OWN_COUNT = `FICTIONAL SAMPLE.\n\nOur volunteers collected names for six weeks. Our count shows that 6,500 people were detained after the Varzaneh protests, far more than any official figure.`;

describe('daftar reuse / claims / claim', () => {
  const dir = tempDir();
  const ws = join(dir, 'ws');
  const files = join(dir, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'wire.txt'), WIRE);
  writeFileSync(join(files, 'copy.txt'), COPY);
  writeFileSync(join(files, 'own.txt'), OWN_COUNT);

  it('lists the copied passage as a cluster and as a pair of one document', () => {
    expect(daftar(ws, ['ingest', files]).status).toBe(0);
    const r = daftar(ws, ['reuse', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { clusters: { members: { documentId: string; quote: string }[] }[] };
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0]!.members).toHaveLength(2);
    expect(out.clusters[0]!.members[0]!.quote).toMatch(/^The Tarvan Rights Group/);
    expect(out.clusters[0]!.members[0]!.quote.length).toBeLessThanOrEqual(80);

    const doc = out.clusters[0]!.members[0]!.documentId;
    const one = JSON.parse(daftar(ws, ['reuse', doc.slice(0, 10), '--json']).stdout) as { links: { direction: string; sourceQuote: string; similarity: number; boilerplate: boolean }[] };
    expect(one.links).toHaveLength(1);
    expect(one.links[0]!.direction).toBe('unknown'); // text files carry no publication date
    expect(one.links[0]!.similarity).toBeGreaterThan(0.9);
    expect(one.links[0]!.boilerplate).toBe(false);

    const text = daftar(ws, ['reuse', doc.slice(0, 10)]);
    expect(text.stdout).toContain('dates unknown; source is a guess');
    expect(text.stdout).toContain('“The Tarvan Rights Group');
  });

  it('shows the conflicting claim group with its independent source groups', () => {
    const r = daftar(ws, ['claims', '--conflicts', '--json']);
    expect(r.status).toBe(0);
    const { groups } = JSON.parse(r.stdout) as { groups: { id: string; conflict: boolean; documents: number; independentGroups: { documents: string[] }[] }[] };
    expect(groups).toHaveLength(1);
    expect(groups[0]!.conflict).toBe(true);
    expect(groups[0]!.documents).toBe(3);
    // The copy is not independent of the wire: 2 groups for 3 documents.
    expect(groups[0]!.independentGroups.map((g) => g.documents.length).sort()).toEqual([1, 2]);

    expect(JSON.parse(daftar(ws, ['claims', '--min-sources', '3', '--json']).stdout).groups).toHaveLength(0);
    expect(daftar(ws, ['claims']).stdout).toContain('2 independent groups / 3 documents');

    const one = daftar(ws, ['claim', groups[0]!.id, '--json']);
    expect(one.status).toBe(0);
    expect((JSON.parse(one.stdout) as { statements: unknown[] }).statements).toHaveLength(3);
  });

  it('answers an unknown claim and a bad option with one-line errors', () => {
    const missing = daftar(ws, ['claim', 'claim:nothing']);
    expect(missing.status).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(daftar(ws, ['claims', '--min-sources', 'many']).status).toBe(2);
  });
});
