// claimsWorkspace over a real workspace: claims from stored mentions, grouped, with
// independent source groups through stored reuse links and outlets; claims reach the export.
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { ClaimGroup, type Document, type Mention } from '../../src/model/schema.js';
import { claimsWorkspace } from '../../src/pipeline/claims-run.js';
import { exportJsonl, importJsonl } from '../../src/pipeline/exchange.js';
import { reuseWorkspace } from '../../src/pipeline/reuse-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';
import { BRIDGE, HARVEST, LIBRARY, MARKET, SCHOOL as SCHOOL_TEXT } from '../reuse/texts.js';

const open: Workspace[] = [];
afterEach(async () => {
  for (const w of open.splice(0)) await w.close();
});

const FIGURE = 'The Tarvan Rights Group said on Tuesday that 4,000 people detained after the Varzaneh protests had passed through Dalkhan camp, a detention site east of the provincial capital, during the spring.';
const OWN = 'Our volunteers say that 6,500 people were detained after the Varzaneh protests, far more than any official figure.';

function quantityMention(doc: Document, surface: string, value: number): Mention {
  const start = doc.text.indexOf(surface);
  return {
    id: `q-${doc.id.slice(0, 8)}-${start}`, documentId: doc.id, start, end: start + surface.length, type: 'QUANTITY', text: surface, value: String(value),
    attributes: { valueMax: null, qualifier: 'exact', unit: 'people' }, extractor: 'test@1', confidence: 1, status: 'suggested', entityId: null,
  };
}

async function add(w: Workspace, text: string, site: string, published: string, surface: string, value: number): Promise<Document> {
  const { doc, passages } = makeDocument(text, { site, published: { value: published, evidence: 'test', confidence: 1 } });
  await w.store.putDocument(doc, passages, LOG, [quantityMention(doc, surface, value)]);
  return doc;
}

describe('claimsWorkspace', () => {
  it('groups a copied figure, a same-outlet repeat and a rival count; copies are not independent', async () => {
    const w = openWorkspace(join(tempDir(), 'ws'), { create: true });
    open.push(w);
    const wire = await add(w, `${LIBRARY}\n\n${FIGURE}`, 'Wire', '2025-04-15', '4,000 people', 4000);
    const copy = await add(w, `${HARVEST}\n\n${FIGURE.replace('during the spring', 'in the spring')}`, 'Herald', '2025-04-16', '4,000 people', 4000);
    const own1 = await add(w, `${BRIDGE}\n\n${OWN}`, 'Free', '2025-04-20', '6,500 people', 6500);
    const own2 = await add(w, `${MARKET}\n\nAt least according to our count, 6,500 people were detained in the Varzaneh crackdown.`, 'Free', '2025-04-10', '6,500 people', 6500);
    await reuseWorkspace(w, { documentIds: [wire.id, copy.id, own1.id, own2.id] });
    const { claims, groups } = await claimsWorkspace(w);
    expect(claims).toBe(4);
    expect(groups).toHaveLength(1);
    const g = groups[0]!;
    expect(g.conflict).toBe(true);
    expect(g.documents).toBe(4);
    const sets = g.independentGroups.map((s) => [...s.documents].sort());
    expect(sets).toHaveLength(2);
    expect(sets).toContainEqual([wire.id, copy.id].sort());
    expect(sets).toContainEqual([own1.id, own2.id].sort());
    expect(g.independentGroups.find((s) => s.documents.includes(own1.id))!.earliest.documentId).toBe(own2.id);

    // Stored: claims with their group, the group itself, and claims in the export.
    const stored = await w.store.listClaims({ groupId: g.id });
    expect(stored).toHaveLength(4);
    expect((await w.store.getClaimGroup(g.id))?.conflict).toBe(true);
    const exported = [];
    for await (const r of w.store.exportRecords()) if (r.kind === 'claim') exported.push(r.record);
    expect(exported).toHaveLength(4);
    expect(exported.every((c) => c.groupId === g.id)).toBe(true);

    // A recompute replaces, never duplicates.
    await claimsWorkspace(w);
    expect(await w.store.listClaims()).toHaveLength(4);
  });

  it('after each batch recomputes only the groups the new documents touch, and ends where a full recompute does', async () => {
    const w = openWorkspace(join(tempDir(), 'ws'), { create: true });
    open.push(w);
    const batch = async (docs: Document[]) => {
      const ids = docs.map((d) => d.id);
      await reuseWorkspace(w, { documentIds: ids });
      return claimsWorkspace(w, { documentIds: ids });
    };
    const KILLED = 'Hospital staff said that 37 people were killed in the Varzaneh protests, most of them near the bridge.';
    const wire = await add(w, `${LIBRARY}\n\n${FIGURE}`, 'Wire', '2025-04-15', '4,000 people', 4000);
    const own2 = await add(w, `${MARKET}\n\nAt least according to our count, 6,500 people were detained in the Varzaneh crackdown.`, 'Free', '2025-04-10', '6,500 people', 6500);
    const first = await batch([wire, own2]);
    expect(first.groups).toHaveLength(1);
    expect(first.groups[0]!.independentGroups).toHaveLength(2);

    // The copy joins the wire's source group; the rival count stays apart.
    const copy = await add(w, `${HARVEST}\n\n${FIGURE.replace('during the spring', 'in the spring')}`, 'Herald', '2025-04-16', '4,000 people', 4000);
    const killed = await add(w, `${BRIDGE}\n\n${KILLED}`, 'Today', '2025-04-17', '37 people', 37);
    const second = await batch([copy, killed]);
    expect(second.recomputedGroups).toBe(2);
    const detained = second.groups.find((g) => g.predicate === 'detained')!;
    expect(detained.independentGroups.map((s) => [...s.documents].sort())).toContainEqual([wire.id, copy.id].sort());

    // A batch about killings alone leaves the detention group as stored.
    const killed2 = await add(w, `${MARKET}\n\nDoctors in Varzaneh said 37 people were killed during the protests.`, 'Courier', '2025-04-18', '37 people', 37);
    const third = await batch([killed2]);
    expect(third.recomputedGroups).toBe(1);
    expect(third.groups.find((g) => g.predicate === 'detained')).toEqual(detained);

    // A batch without figures recomputes and writes nothing.
    const { doc: plain, passages } = makeDocument(`${SCHOOL_TEXT}`, { site: 'Courier' });
    await w.store.putDocument(plain, passages, LOG, []);
    const fourth = await batch([plain]);
    expect(fourth.recomputedGroups).toBe(0);
    expect(fourth.groups).toEqual(third.groups);

    // Same claims and groups as recomputing everything.
    const storedClaims = await w.store.listClaims();
    const storedGroups = await w.store.listClaimGroups();
    const full = await claimsWorkspace(w);
    expect(full.recomputedGroups).toBe(full.groups.length);
    expect(full.groups).toEqual(third.groups);
    expect(await w.store.listClaims()).toEqual(storedClaims);
    expect(await w.store.listClaimGroups()).toEqual(storedGroups);
    expect(full.groups.find((g) => g.predicate === 'killed')!.documents).toBe(2);
  });

  it('exports claim groups as kind claim_group; export -> import -> export gives the same bytes', async () => {
    const w = openWorkspace(join(tempDir(), 'ws'), { create: true });
    open.push(w);
    const wire = await add(w, `${LIBRARY}\n\n${FIGURE}`, 'Wire', '2025-04-15', '4,000 people', 4000);
    const own = await add(w, `${BRIDGE}\n\n${OWN}`, 'Free', '2025-04-20', '6,500 people', 6500);
    await reuseWorkspace(w, { documentIds: [wire.id, own.id] });
    const { groups } = await claimsWorkspace(w);
    const exportOf = async (ws: Workspace): Promise<string> => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await exportJsonl(ws, out, { full: true });
      out.end();
      return Buffer.concat(chunks).toString('utf8');
    };
    const first = await exportOf(w);
    const lines = first.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    const exported = lines.filter((l) => l.kind === 'claim_group');
    expect(exported).toHaveLength(1);
    const { kind: _kind, ...record } = exported[0]!;
    expect(ClaimGroup.parse(record)).toEqual(groups[0]);
    expect(record.conflict).toBe(true);
    // Right after the claims, before the log.
    const kinds = lines.map((l) => l.kind);
    expect(kinds.indexOf('claim_group')).toBe(kinds.lastIndexOf('claim') + 1);
    expect(kinds.indexOf('claim_group')).toBeLessThan(kinds.indexOf('log'));

    const copy = openWorkspace(join(tempDir(), 'ws2'), { create: true });
    open.push(copy);
    await importJsonl(copy, Readable.from([first]));
    expect(await copy.store.listClaimGroups()).toEqual(await w.store.listClaimGroups());
    expect(await exportOf(copy)).toBe(first);
    // A malformed claim group is refused.
    expect(first).toContain('{"conflict":true,"counted":');
    const bad = first.replace('{"conflict":true,"counted":', '{"conflict":"yes","counted":');
    const third = openWorkspace(join(tempDir(), 'ws3'), { create: true });
    open.push(third);
    await expect(importJsonl(third, Readable.from([bad]))).rejects.toThrow(/conflict/);
  });
});
