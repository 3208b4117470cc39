import { describe, expect, it } from 'vitest';
import { consolidateTypes, resolveWorkspace } from '../../src/pipeline/resolve-run.js';
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

describe('alias propagation (alias-match@1)', () => {
  it('finds a known entity where extraction missed it, in both scripts, linked and suggested', async () => {
    const ws = tempWorkspace();
    const d1 = await addDocument(ws, 'Kaveh Sohrabi spoke in Golmarz.', [
      ['Kaveh Sohrabi', 'PERSON'],
      ['Golmarz', 'PLACE'],
    ]);
    // The recognizer found nothing here.
    const d2 = await addDocument(ws, 'In Golmarz, Kaveh Sohraby was cheered. Sohraby left at noon.', []);
    const d3 = await addDocument(ws, 'کاوه سهرابی در گلمرز سخن گفت.', [], 'fa');
    const report = await resolveWorkspace(ws, { documentIds: [d1.id, d2.id, d3.id] });
    const person = await entityOf(ws, d1.id, 'Kaveh Sohrabi');
    const place = await entityOf(ws, d1.id, 'Golmarz');
    const found = async (doc: string) => (await ws.store.getMentions(doc)).map((m) => [m.text, m.entityId === person ? 'person' : m.entityId === place ? 'place' : m.entityId, m.extractor, m.status]);
    expect(await found(d2.id)).toEqual([
      ['Golmarz', 'place', 'alias-match@1', 'suggested'],
      ['Kaveh Sohraby', 'person', 'alias-match@1', 'suggested'],
      ['Sohraby', 'person', 'alias-match@1', 'suggested'],
    ]);
    expect(await found(d3.id)).toEqual([
      ['کاوه سهرابی', 'person', 'alias-match@1', 'suggested'],
      ['گلمرز', 'place', 'alias-match@1', 'suggested'],
    ]);
    expect(report.aliasMentions).toBe(5);
    // A rebuild finds them again, once.
    await resolveWorkspace(ws, { rebuild: true });
    expect((await ws.store.getMentions(d2.id)).length).toBe(3);
    expect((await ws.store.getMentions(d3.id)).map((m) => m.entityId)).toEqual([person, place]);
  });

  it('keeps a rejected span rejected and links an organization named by its translation', async () => {
    const ws = tempWorkspace();
    await addDocument(ws, 'The Vahrestan Rights Monitor (VRM) counted 4,000.', [
      ['Vahrestan Rights Monitor', 'ORG'],
      ['VRM', 'ORG'],
    ]);
    const fa = await addDocument(ws, 'به گزارش دیدبان حقوق وهرستان چهار هزار نفر بازداشت شدند.', [], 'fa');
    // A document without any extracted name is looked in when named (an ingest batch) or on a rebuild.
    await resolveWorkspace(ws);
    expect((await ws.store.getMentions(fa.id)).length).toBe(0);
    await resolveWorkspace(ws, { rebuild: true });
    const org = (await ws.store.listEntities()).find((e) => e.type === 'ORG')!;
    const hit = (await ws.store.getMentions(fa.id)).find((m) => m.extractor === 'alias-match@1')!;
    expect(hit.text).toBe('دیدبان حقوق وهرستان');
    expect(hit.entityId).toBe(org.id);
    // The document's short form of the same name («دیدبان حقوق») joins too, once the full name is in it.
    const short = await addDocument(ws, 'دیدبان حقوق وهرستان گزارش داد. به گفتهٔ دیدبان حقوق شمار بازداشت‌شدگان بیشتر است.', [], 'fa');
    const alone = await addDocument(ws, 'به گفتهٔ دیدبان حقوق شمار بازداشت‌شدگان بیشتر است.', [], 'fa');
    await resolveWorkspace(ws, { documentIds: [short.id, alone.id] });
    expect((await ws.store.getMentions(short.id)).map((m) => [m.text, m.entityId])).toEqual([
      ['دیدبان حقوق وهرستان', org.id],
      ['دیدبان حقوق', org.id],
    ]);
    expect(await ws.store.getMentions(alone.id)).toEqual([]);
    // A person rejects it: later runs do not bring it back.
    await ws.store.applyEntityChange({ mentions: [{ id: hit.id, entityId: null, status: 'rejected' }] });
    await resolveWorkspace(ws, { documentIds: [fa.id] });
    const after = (await ws.store.getMentions(fa.id)).filter((m) => m.text === 'دیدبان حقوق وهرستان');
    expect(after.map((m) => [m.status, m.entityId])).toEqual([['rejected', null]]);
  });
});

describe('resolution across types and written-together names', () => {
  it('joins a name the recognizer typed differently to the one entity of that exact name', async () => {
    const ws = tempWorkspace();
    const a = await addDocument(ws, 'Protesters gathered in Arsavan on Sunday.', [['Arsavan', 'PLACE']]);
    const b = await addDocument(ws, 'Arsavan said nothing about the curfew.', [['Arsavan', 'PERSON']]);
    const c = await addDocument(ws, 'Free Vahrestan reported it.', [['Free Vahrestan', 'ORG']]);
    const d = await addDocument(ws, 'Free Vahrestan wrote again.', [['Free Vahrestan', 'PERSON']]);
    await resolveWorkspace(ws, { documentIds: [a.id, b.id, c.id, d.id] });
    expect(await entityOf(ws, b.id, 'Arsavan')).toBe(await entityOf(ws, a.id, 'Arsavan'));
    expect(await entityOf(ws, d.id, 'Free Vahrestan')).toBe(await entityOf(ws, c.id, 'Free Vahrestan'));
    // A different word is not pulled across types.
    const e = await addDocument(ws, 'Arsavani spoke.', [['Arsavani', 'PERSON']]);
    await resolveWorkspace(ws, { documentIds: [e.id] });
    expect(await entityOf(ws, e.id, 'Arsavani')).not.toBe(await entityOf(ws, a.id, 'Arsavan'));
  });

  it('finds a surname written as two words elsewhere ("Mir-Sadeghi" / "Mirsadeghi")', async () => {
    const ws = tempWorkspace();
    const a = await addDocument(ws, 'Ayatollah Javad Mirsadeghi called for calm.', [['Javad Mirsadeghi', 'PERSON']]);
    const b = await addDocument(ws, 'Javad Mir-Sadeghi praised the works.', [['Javad Mir-Sadeghi', 'PERSON']]);
    await resolveWorkspace(ws, { documentIds: [a.id, b.id] });
    expect(await entityOf(ws, b.id, 'Javad Mir-Sadeghi')).toBe(await entityOf(ws, a.id, 'Javad Mirsadeghi'));
  });
});

describe('consolidateTypes', () => {
  it('moves an entity made in this run into the one entity of another type with that exact name, and only then', async () => {
    const ws = tempWorkspace();
    const place = await addDocument(ws, 'Protesters gathered in Arsavan on Sunday.', [['Arsavan', 'PLACE']]);
    await resolveWorkspace(ws, { documentIds: [place.id] });
    const placeId = (await entityOf(ws, place.id, 'Arsavan'))!;
    // A person-typed "Arsavan" and an unrelated "Arsavani", each its own entity (as an
    // ambiguous moment of a run would leave them).
    const doc = await addDocument(ws, 'Arsavan said so. Arsavani did not.', [
      ['Arsavan', 'PERSON'],
      ['Arsavani', 'PERSON'],
    ]);
    const [m1, m2] = await ws.store.getMentions(doc.id);
    const mk = (id: string, name: string) => ({ id, type: 'PERSON' as const, name, aliases: [], attributes: {}, sensitivity: 'public' as const });
    await ws.store.applyEntityChange({
      putEntities: [
        { entity: mk('ent-a', 'Arsavan'), keys: ['PERSON:w:arsvn'] },
        { entity: mk('ent-b', 'Arsavani'), keys: ['PERSON:w:arsvn'] },
      ],
      mentions: [
        { id: m1!.id, entityId: 'ent-a' },
        { id: m2!.id, entityId: 'ent-b' },
      ],
    });
    await consolidateTypes(ws.store, ['ent-a', 'ent-b']);
    expect(await entityOf(ws, doc.id, 'Arsavan')).toBe(placeId);
    expect(await entityOf(ws, doc.id, 'Arsavani')).toBe('ent-b');
    expect((await ws.store.getEntities(['ent-a'])).length).toBe(0);
    const merged = (await ws.store.getEntities([placeId]))[0]!;
    expect(merged.type).toBe('PLACE');
  });
});
