// claimsWorkspace over a real workspace: claims from stored mentions, grouped, with
// independent source groups through stored reuse links and outlets; claims reach the export.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Document, Mention } from '../../src/model/schema.js';
import { claimsWorkspace } from '../../src/pipeline/claims-run.js';
import { reuseWorkspace } from '../../src/pipeline/reuse-run.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';
import { LOG, makeDocument, tempDir } from '../helpers/store.js';
import { BRIDGE, HARVEST, LIBRARY, MARKET } from '../reuse/texts.js';

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
});
