// The entity commands through commander, as `daftar` runs them (registerEntityCommands
// is wired into main.ts separately): output, --json shapes, one-line errors, exit codes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerEntityCommands } from '../../src/cli/entity-commands.js';
import { importRegister, parseCsv } from '../../src/pipeline/register-import.js';
import { addDocument, tempWorkspace } from './workspace.js';

async function run(workspace: string, args: string[], env: Record<string, string> = {}): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const write = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => (err.push(String(s)), true));
  const writeOut = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s).replace(/\n$/, '')), true));
  const saved = { ...process.env };
  Object.assign(process.env, env);
  process.exitCode = 0;
  try {
    const program = new Command().exitOverride().option('-w, --workspace <dir>');
    registerEntityCommands(program);
    await program.parseAsync(['node', 'daftar', '--workspace', workspace, ...args]);
  } finally {
    log.mockRestore();
    write.mockRestore();
    writeOut.mockRestore();
    process.env = saved;
  }
  const exitCode = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { stdout: out.join('\n'), stderr: err.join(''), exitCode };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('entity commands', () => {
  it('resolve, entities, merge with --reason by DAFTAR_ACTOR, entity history, undo', async () => {
    const ws = tempWorkspace();
    await addDocument(ws, 'The Vahrestan Rights Monitor counted 4,000.', [['Vahrestan Rights Monitor', 'ORG']]);
    await addDocument(ws, 'The Monitor said more.', [['the Monitor', 'ORG'], ['Monitor', 'ORG']]);
    const resolved = await run(ws.dir, ['resolve', '--json']);
    expect(resolved.exitCode).toBe(0);
    expect(JSON.parse(resolved.stdout).documents).toBe(2);
    const list = JSON.parse((await run(ws.dir, ['entities', '--type', 'ORG', '--json'])).stdout) as { entities: { id: string; name: string }[] };
    expect(list.entities.length).toBe(2);
    const [a, b] = list.entities.map((e) => e.id) as [string, string];

    const noReason = await run(ws.dir, ['merge', a, b]);
    expect(noReason.exitCode).toBe(2);
    expect(noReason.stderr).toMatch(/^daftar: merge: say why with --reason/);
    expect(noReason.stderr.trim().split('\n').length).toBe(1);

    const merged = await run(ws.dir, ['merge', a, b, '--reason', 'the Monitor is the VRM', '--json'], { DAFTAR_ACTOR: 'researcher-1' });
    expect(merged.exitCode).toBe(0);
    const actionId = JSON.parse(merged.stdout).action.id as string;

    const shown = JSON.parse((await run(ws.dir, ['entity', a, '--json'])).stdout);
    expect(shown.mentions.length).toBe(2);
    expect(shown.mentions[0].context).toContain('[[');
    expect(shown.history).toMatchObject([{ id: actionId, operation: 'merge', actor: 'researcher-1', reason: 'the Monitor is the VRM', undoneBy: null }]);

    const text = (await run(ws.dir, ['entity', a])).stdout;
    expect(text).toContain('researcher-1  merge: the Monitor is the VRM');

    expect((await run(ws.dir, ['undo', actionId])).exitCode).toBe(0);
    expect(JSON.parse((await run(ws.dir, ['entities', '--json'])).stdout).entities.length).toBe(2);
    const again = await run(ws.dir, ['undo', actionId, '--json']);
    expect(again.exitCode).toBe(1);
    expect(JSON.parse(again.stdout)).toEqual({ error: { code: 'conflict', message: expect.stringMatching(/already undone/) } });
  });

  it('import-list creates people with their source and reports duplicates without merging them', async () => {
    const ws = tempWorkspace();
    await addDocument(ws, 'Kaveh Sohrabi spoke in Paris.', [['Kaveh Sohrabi', 'PERSON']]);
    await run(ws.dir, ['resolve']);
    const csv = join(ws.dir, 'register.csv');
    writeFileSync(
      csv,
      '\ufeffName,نام,Born,Source,Notes\n' +
        'Dariush Kalantari,داریوش کلانتری,1970,Golmarz list,"union leader, arrested"\n' +
        'Daryoush Kalantary,,1970,Golmarz list,"same man? ""Daryoush"""\n' +
        'Shirin Kalantari,,1985,Golmarz list,\n' +
        'Kaveh Sohraby,,,Paris list,lawyer\n',
    );
    const r = await run(ws.dir, ['import-list', csv, '--map', 'name=Name,name_fa=نام,born=Born,source=Source,notes=Notes', '--json']);
    expect(r.exitCode).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ rows: 4, entities: 4, duplicatesInList: 1, duplicatesInCorpus: 1 });
    const people = JSON.parse((await run(ws.dir, ['entities', '--type', 'PERSON', '--json'])).stdout).entities as { name: string; aliases: { name: string; script: string }[]; attributes: Record<string, unknown> }[];
    expect(people.length).toBe(5); // nothing merged
    const dariush = people.find((p) => p.name === 'Dariush Kalantari')!;
    expect(dariush.aliases).toContainEqual({ name: 'داریوش کلانتری', script: 'arabic', source: 'imported' });
    expect(dariush.attributes).toMatchObject({ born: '1970', source: 'Golmarz list', notes: 'union leader, arrested' });
    const review = JSON.parse((await run(ws.dir, ['entities', '--review', '--json'])).stdout).candidates as { nameA: string; nameB: string; evidence: { origin: string } }[];
    const pairs = review.map((c) => [c.nameA, c.nameB].sort().join(' ~ '));
    expect(pairs).toContain('Dariush Kalantari ~ Daryoush Kalantary');
    expect(pairs).toContain('Kaveh Sohrabi ~ Kaveh Sohraby');
    expect(pairs.some((p) => p.includes('Shirin'))).toBe(false);
    expect((await run(ws.dir, ['import-list', csv, '--map', 'name=Nom'])).stderr).toMatch(/no column "Nom"/);
  });

  it('parses quoted CSV fields with commas, quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""\nd"\r\ne,\n')).toEqual([
      ['a', 'b, "c"\nd'],
      ['e', ''],
    ]);
  });

  it('importing the same register twice changes nothing', async () => {
    const ws = tempWorkspace();
    const bytes = new TextEncoder().encode('Name\nLeila Rostami\nHossein Rostami\n');
    await importRegister(ws, { bytes, fileName: 'r.csv' }, { name: 'Name' });
    await importRegister(ws, { bytes, fileName: 'r.csv' }, { name: 'Name' });
    expect((await ws.store.listEntities()).map((e) => e.name).sort()).toEqual(['Hossein Rostami', 'Leila Rostami']);
  });
});
