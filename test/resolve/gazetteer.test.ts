import { describe, expect, it } from 'vitest';
import { lookupPlace } from '../../src/resolve/gazetteer.js';

describe('lookupPlace', () => {
  it('returns every candidate of an ambiguous name instead of guessing', () => {
    const kurdistan = lookupPlace('کردستان');
    expect(kurdistan.map((c) => c.country).sort()).toEqual(['IQ', 'IR']);
    const paris = lookupPlace('Paris');
    expect(paris.length).toBeGreaterThan(1);
    expect(paris[0].country).toBe('FR');
  });

  it('knows Persian-script cities and country centroids from the atlas', () => {
    const shiraz = lookupPlace('شیراز');
    expect(shiraz).toHaveLength(1);
    expect(shiraz[0].lat).toBeCloseTo(29.6, 0);
    const iran = lookupPlace('Iran').find((c) => c.kind === 'country');
    expect(iran).toBeDefined();
    expect(iran!.lat).toBeGreaterThan(28);
    expect(iran!.lat).toBeLessThan(37);
    expect(iran!.lon).toBeGreaterThan(48);
    expect(iran!.lon).toBeLessThan(60);
  });

  it('returns nothing for an unknown name', () => {
    expect(lookupPlace('Qwxzyville')).toEqual([]);
  });
});
