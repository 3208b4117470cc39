// The run cache of resolve-run must answer exactly as the store does after every write
// made through it: keys gained, entities rewritten, entities deleted, and blocks that
// cross the size limit (200 ids) both ways.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../src/model/schema.js';
import { runCache } from '../../src/pipeline/resolve-run.js';
import { tempWorkspace } from './workspace.js';

const entity = (id: string, name = id): Entity => ({ id, type: 'PERSON', name, aliases: [], attributes: {}, sensitivity: 'public' });
const id = (n: number) => `ent-${String(n).padStart(4, '0')}`;

describe('runCache', () => {
  it('answers key blocks and entities like the store after writes through it', async () => {
    const ws = tempWorkspace();
    const store = ws.store;
    // "big" starts with 199 ids: one below the largest block asked for.
    await store.applyEntityChange({ putEntities: Array.from({ length: 199 }, (_, k) => ({ entity: entity(id(k * 2)), keys: ['PERSON:w:big', `PERSON:w:k${k % 7}`] })) });
    const cache = runCache(store);
    const keys = ['PERSON:w:big', 'PERSON:w:none', ...Array.from({ length: 7 }, (_, k) => `PERSON:w:k${k}`)];
    const same = async () => {
      for (const limit of [1, 40, 50, 200]) expect(await cache.findEntitiesByKeys(keys, limit)).toEqual(await store.findEntitiesByKeys(keys, limit));
    };
    await same();
    // Two more ids for "big" (one sorting first): 201 ids, too large for every limit.
    await cache.applyEntityChange({ putEntities: [{ entity: entity('ent-0000a'), keys: ['PERSON:w:big'], keepKeys: true }, { entity: entity('ent-'), keys: ['PERSON:w:big', 'PERSON:w:none'], keepKeys: true }] });
    expect((await cache.findEntitiesByKeys(['PERSON:w:big'], 200)).get('PERSON:w:big')).toEqual([]);
    await same();
    // Deleting two brings it back under the limit: the cache must not keep saying "too large".
    await cache.applyEntityChange({ deleteEntityIds: ['ent-0000a', id(10)] });
    expect((await cache.findEntitiesByKeys(['PERSON:w:big'], 200)).get('PERSON:w:big')).toHaveLength(199);
    await same();
    // Entities: a rewrite is read back, a deletion is gone.
    expect(await cache.getEntities([id(2), 'ent-missing'])).toEqual([entity(id(2))]);
    await cache.applyEntityChange({ putEntities: [{ entity: { ...entity(id(2)), name: 'Renamed' }, keys: [], keepKeys: true }] });
    expect((await cache.getEntities([id(2)]))[0]!.name).toBe('Renamed');
    await cache.applyEntityChange({ deleteEntityIds: [id(2)] });
    expect(await cache.getEntities([id(2)])).toEqual([]);
    await same();
    // A key learned while too large (asked first when over the limit), then shrunk (a new
    // run: the first cache knows only its own writes).
    const fresh = runCache(store);
    // 198 ids now; three more make 201.
    await store.applyEntityChange({ putEntities: ['ent-zx', 'ent-zy', 'ent-zz'].map((x) => ({ entity: entity(x), keys: ['PERSON:w:big'], keepKeys: true })) });
    expect((await fresh.findEntitiesByKeys(['PERSON:w:big'], 200)).get('PERSON:w:big')).toEqual([]);
    await fresh.applyEntityChange({ deleteEntityIds: ['ent-zz', 'ent-'] });
    expect((await fresh.findEntitiesByKeys(['PERSON:w:big'], 200)).get('PERSON:w:big')).toHaveLength(199);
    expect(await fresh.findEntitiesByKeys(keys, 200)).toEqual(await store.findEntitiesByKeys(keys, 200));
  });
});
