import { describe, expect, it } from 'vitest';
import { keepApart, mergeEntities, renameEntity, reviewMention, splitEntity, undoAction } from '../../src/pipeline/curation.js';
import { resolveWorkspace } from '../../src/pipeline/resolve-run.js';
import { addDocument, entityOf, tempWorkspace } from './workspace.js';

describe('curation', () => {
  it('merge moves mentions and aliases; undo restores both entities and their links', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'The Internal Guard Corps moved in.', [['Internal Guard Corps', 'ORG']]);
    const d2 = await addDocument(ws, 'The Grey Coats moved in.', [['Grey Coats', 'ORG']]);
    await resolveWorkspace(ws);
    const a = (await entityOf(ws, d1.id, 'Internal Guard Corps'))!;
    const b = (await entityOf(ws, d2.id, 'Grey Coats'))!;
    expect(a).not.toBe(b);
    const beforeA = (await ws.store.getEntities([a]))[0];
    const beforeB = (await ws.store.getEntities([b]))[0];

    const merge = await mergeEntities(ws, [a, b], { reason: '"Grey Coats" is the nickname of the IGC', actor: 'tester' });
    expect(await entityOf(ws, d2.id, 'Grey Coats')).toBe(a);
    expect(await ws.store.getEntities([b])).toEqual([]);
    const merged = (await ws.store.getEntities([a]))[0]!;
    expect(merged.aliases.map((x) => x.name)).toContain('Grey Coats');

    await undoAction(ws, merge.id, { reason: 'wrong', actor: 'tester' });
    expect(await entityOf(ws, d2.id, 'Grey Coats')).toBe(b);
    expect((await ws.store.getEntities([a]))[0]).toEqual(beforeA);
    expect((await ws.store.getEntities([b]))[0]).toEqual(beforeB);
    // History: the merge with its reason, marked undone, then the undo.
    const history = await ws.store.listActionsForEntity(a);
    expect(history.map((h) => h.operation)).toEqual(['merge', 'undo']);
    expect(history[0]!.reason).toBe('"Grey Coats" is the nickname of the IGC');
    expect(history[0]!.actor).toBe('tester');
    expect(history[0]!.undoneBy).toBe(history[1]!.id);
    // Each action went into the tamper-evident log.
    const log = await ws.store.getLog();
    expect(log.filter((l) => l.operation === 'action').map((l) => l.subject)).toEqual([merge.id, history[1]!.id]);
  });

  it('a split pair stays apart after re-resolution, and later documents do not join them', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Dariush Kalantari leads the union.', [['Dariush Kalantari', 'PERSON']]);
    const d2 = await addDocument(ws, 'Dariush Kalantary, a poet, published a book.', [['Dariush Kalantary', 'PERSON']]);
    await resolveWorkspace(ws);
    const e = (await entityOf(ws, d1.id, 'Dariush Kalantari'))!;
    expect(await entityOf(ws, d2.id, 'Dariush Kalantary')).toBe(e);
    const poet = (await ws.store.getMentions(d2.id))[0]!;
    const split = await splitEntity(ws, e, [poet.id], { reason: 'the poet is another man' });
    const other = split.payload.newEntityId as string;
    expect(await entityOf(ws, d2.id, 'Dariush Kalantary')).toBe(other);

    const rebuilt = await resolveWorkspace(ws, { rebuild: true });
    expect(rebuilt.entitiesDropped).toBe(0); // both are a person's decision now
    expect(await entityOf(ws, d1.id, 'Dariush Kalantari')).toBe(e);
    expect(await entityOf(ws, d2.id, 'Dariush Kalantary')).toBe(other);
    const d3 = await addDocument(ws, 'Dariush Kalantari was sentenced.', [['Dariush Kalantari', 'PERSON']]);
    await resolveWorkspace(ws, { documentIds: [d3.id] });
    expect([e, other]).toContain(await entityOf(ws, d3.id, 'Dariush Kalantari'));
    expect(await entityOf(ws, d2.id, 'Dariush Kalantary')).toBe(other);
    await expect(mergeEntities(ws, [e, other], { reason: 'x' })).rejects.toThrow(/kept apart/);
  });

  it('a rejected review pair is not suggested again and cannot be merged until undone', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Dariush Kalantari and Shirin Kalantari spoke.', [
      ['Dariush Kalantari', 'PERSON'],
      ['Shirin Kalantari', 'PERSON'],
    ]);
    const d2 = await addDocument(ws, 'Kalantari was released.', [['Kalantari', 'PERSON']]);
    await resolveWorkspace(ws);
    const bare = (await entityOf(ws, d2.id, 'Kalantari'))!;
    const dariush = (await entityOf(ws, d1.id, 'Dariush Kalantari'))!;
    const open = await ws.store.listReviewCandidates({ status: 'open', entityId: bare });
    expect(open.map((c) => [c.entityA, c.entityB].sort())).toContainEqual([bare, dariush].sort());
    const kept = await keepApart(ws, bare, dariush, { reason: 'this one is the daughter' });
    expect(await ws.store.listReviewCandidates({ status: 'open', entityId: dariush })).toEqual([]);
    await resolveWorkspace(ws, { rebuild: true });
    expect(await ws.store.listReviewCandidates({ status: 'open', entityId: dariush })).toEqual([]);
    await expect(mergeEntities(ws, [bare, dariush], { reason: 'x' })).rejects.toThrow(/undo it first/);
    await undoAction(ws, kept.id);
    await mergeEntities(ws, [dariush, bare], { reason: 'he was the one released' });
    expect(await entityOf(ws, d2.id, 'Kalantari')).toBe(dariush);
  });

  it('rename keeps the old name as an alias; a rejected mention is never resolved again; undo refuses out of order', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Javad Mirsadeghi preached. Mirsadeghi called for calm.', [
      ['Javad Mirsadeghi', 'PERSON'],
      ['Mirsadeghi', 'PERSON'],
    ]);
    await resolveWorkspace(ws);
    const e = (await entityOf(ws, d1.id, 'Javad Mirsadeghi'))!;
    const rename = await renameEntity(ws, e, 'Ayatollah Javad Mirsadeghi', { reason: 'as he signs' });
    const bare = (await ws.store.getMentions(d1.id)).find((m) => m.text === 'Mirsadeghi')!;
    await reviewMention(ws, bare.id, 'rejected', { reason: 'speaker label, not a mention' });
    await resolveWorkspace(ws, { rebuild: true });
    const after = (await ws.store.getMentions(d1.id)).find((m) => m.id === bare.id)!;
    expect(after.status).toBe('rejected');
    expect(after.entityId).toBeNull();
    const renamed = (await ws.store.getEntities([e]))[0]!;
    expect(renamed.name).toBe('Ayatollah Javad Mirsadeghi');
    expect(renamed.aliases.map((a) => a.name)).toContain('Javad Mirsadeghi');
    await expect(undoAction(ws, rename.id)).rejects.toThrow(/undo that first/);
  });
});
