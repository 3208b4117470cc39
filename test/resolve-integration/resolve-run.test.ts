import { describe, expect, it } from 'vitest';
import { resolveWorkspace } from '../../src/pipeline/resolve-run.js';
import { addDocument, entityOf, tempWorkspace } from './workspace.js';

describe('resolveWorkspace', () => {
  it('joins spelling variants across documents and scripts into one entity with aliases by script', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Dariush Kalantari was arrested in Golmarz.', [['Dariush Kalantari', 'PERSON']]);
    const d2 = await addDocument(ws, 'Lawyers for Daryoush Kalantary said he was held.', [['Daryoush Kalantary', 'PERSON']]);
    const d3 = await addDocument(ws, 'داریوش کلانتری بازداشت شد.', [['داریوش کلانتری', 'PERSON']], 'fa');
    const report = await resolveWorkspace(ws);
    expect(report.documents).toBe(3);
    const e1 = await entityOf(ws, d1.id, 'Dariush Kalantari');
    expect(e1).not.toBeNull();
    expect(await entityOf(ws, d2.id, 'Daryoush Kalantary')).toBe(e1);
    expect(await entityOf(ws, d3.id, 'داریوش کلانتری')).toBe(e1);
    const entity = (await ws.store.getEntities([e1!]))[0]!;
    expect(entity.type).toBe('PERSON');
    expect(entity.aliases).toContainEqual({ name: 'داریوش کلانتری', script: 'arabic', source: 'extracted' });
    expect(entity.aliases).toContainEqual({ name: 'Daryoush Kalantary', script: 'latin', source: 'extracted' });
    expect((await ws.store.listEntities()).length).toBe(1);
  });

  it('keeps three different Kalantaris apart', async () => {
    const ws = tempWorkspace();
    const a = await addDocument(ws, 'Dariush Kalantari leads the union.', [['Dariush Kalantari', 'PERSON']]);
    const b = await addDocument(ws, 'Shirin Kalantari is a teacher.', [['Shirin Kalantari', 'PERSON']]);
    const c = await addDocument(ws, 'Kamran Kalantari owns a shop.', [['Kamran Kalantari', 'PERSON']]);
    await resolveWorkspace(ws);
    const ids = [await entityOf(ws, a.id, 'Dariush Kalantari'), await entityOf(ws, b.id, 'Shirin Kalantari'), await entityOf(ws, c.id, 'Kamran Kalantari')];
    expect(new Set(ids).size).toBe(3);
    expect(ids.every((x) => x !== null)).toBe(true);
  });

  it('joins a bare surname to the one full name in its document, and to none when two share it', async () => {
    const ws = tempWorkspace();
    const one = await addDocument(ws, 'Dariush Kalantari was sentenced. Kalantari denied the charges.', [
      ['Dariush Kalantari', 'PERSON'],
      ['Kalantari', 'PERSON'],
    ]);
    const two = await addDocument(ws, 'Dariush Kalantari and Shirin Kalantari spoke. Kalantari said more.', [
      ['Dariush Kalantari', 'PERSON'],
      ['Shirin Kalantari', 'PERSON'],
      ['Kalantari', 'PERSON'],
    ]);
    await resolveWorkspace(ws);
    const bareOne = (await ws.store.getMentions(one.id)).find((m) => m.text === 'Kalantari')!;
    expect(bareOne.entityId).toBe(await entityOf(ws, one.id, 'Dariush Kalantari'));
    const bareTwo = (await ws.store.getMentions(two.id)).find((m) => m.text === 'Kalantari')!;
    expect(bareTwo.entityId).not.toBe(await entityOf(ws, two.id, 'Dariush Kalantari'));
    expect(bareTwo.entityId).not.toBe(await entityOf(ws, two.id, 'Shirin Kalantari'));
    // Both Kalantaris are known now: the bare surname waits for a person, as review candidates.
    const review = await ws.store.listReviewCandidates({ entityId: bareTwo.entityId! });
    expect(review.length).toBe(2);
  });

  it('adds a document incrementally: only its mentions are resolved, earlier links stay', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Kaveh Sohrabi spoke in Paris.', [['Kaveh Sohrabi', 'PERSON']]);
    const d2 = await addDocument(ws, 'Leila Rostami treated the wounded.', [['Leila Rostami', 'PERSON']]);
    await resolveWorkspace(ws);
    const before = [...(await ws.store.getMentions(d1.id)), ...(await ws.store.getMentions(d2.id))].map((m) => [m.id, m.entityId]);
    const d3 = await addDocument(ws, 'Kaveh Sohraby, the lawyer, and Javad Mirsadeghi met.', [
      ['Kaveh Sohraby', 'PERSON'],
      ['Javad Mirsadeghi', 'PERSON'],
    ]);
    const report = await resolveWorkspace(ws, { documentIds: [d3.id] });
    expect(report.documents).toBe(1);
    expect(report.mentions).toBe(2);
    expect(report.entitiesCreated).toBe(1);
    const after = [...(await ws.store.getMentions(d1.id)), ...(await ws.store.getMentions(d2.id))].map((m) => [m.id, m.entityId]);
    expect(after).toEqual(before);
    expect(await entityOf(ws, d3.id, 'Kaveh Sohraby')).toBe(await entityOf(ws, d1.id, 'Kaveh Sohrabi'));
    // Nothing left to do: a second run touches no document.
    expect((await resolveWorkspace(ws)).documents).toBe(0);
  });

  it('keeps an ambiguous place ambiguous: gazetteer candidates, no coordinates guessed', async () => {
    const ws = tempWorkspace();
    const d = await addDocument(ws, 'The exiles met in Paris.', [['Paris', 'PLACE']]);
    await resolveWorkspace(ws);
    const e = (await ws.store.getEntities([(await entityOf(ws, d.id, 'Paris'))!]))[0]!;
    expect(e.type).toBe('PLACE');
    expect(e.attributes.lat).toBeUndefined();
    const candidates = e.attributes.placeCandidates as { country: string | null }[];
    expect(candidates.length).toBeGreaterThan(1);
    expect(candidates.some((c) => c.country === 'FR')).toBe(true);
  });
});
