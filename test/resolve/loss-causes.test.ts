// The eval's breakdown of lost B-cubed recall (npm run eval -- --task entities-bcubed --causes).
import { describe, expect, it } from 'vitest';
import { bcubed, lossCauses, type GoldOccurrence } from '../../eval/tasks/entities-samples.js';

const gold = {
  documents: [],
  entities: [
    { id: 'p-k', type: 'PERSON', name: 'Dariush Kalantari', mentions: [] },
    { id: 'o-g', type: 'ORG', name: 'Internal Guard Corps', mentions: [] },
  ],
};

function occ(goldEntity: string, text: string, predicted: string, over: GoldOccurrence['overlapping'] = [], start = 0, end = text.length): GoldOccurrence {
  return { goldEntity, file: 'f', start, end, text, predicted, overlapping: over };
}

describe('lossCauses', () => {
  it('gives each mention outside its entity’s main predicted entity one cause', () => {
    const exact = (type: string, n: number) => [{ type, start: 0, end: n, linked: true }];
    const occurrences = [
      occ('p-k', 'Dariush Kalantari', 'E1', exact('PERSON', 17)),
      occ('p-k', 'Dariush Kalantari', 'E1', exact('PERSON', 17)),
      occ('p-k', 'Kalantari', 'E2', exact('PERSON', 9)),
      occ('p-k', 'داریوش کلانتری', 'E3', exact('PERSON', 14)),
      occ('p-k', 'Daryoush Kalantary', 'E4', exact('ORG', 18)),
      occ('p-k', 'Dariush Kalantari', 'missed:x', [], -1, -1),
      occ('p-k', 'Dariush Kalantari', 'missed:y'),
      occ('o-g', 'Internal Guard Corps', 'E5', exact('ORG', 20)),
      occ('o-g', 'the Guard', 'E6', [{ type: 'ORG', start: 4, end: 9, linked: true }]),
      occ('o-g', 'IGC', 'E7', exact('ORG', 3)),
      occ('o-g', 'Internal Guards Corps', 'E8', exact('ORG', 21)),
    ];
    const { causes, recallIfFixed } = lossCauses(gold, { occurrences, predictedSurnameMerges: [] });
    const texts = (c: string) => (causes.get(c as never) ?? []).map((o) => o.text);
    expect(texts('separate entity: surname or given name only')).toEqual(['Kalantari']);
    expect(texts('separate entity: other script than the main entity')).toEqual(['داریوش کلانتری']);
    expect(texts('found, wrong type')).toEqual(['Daryoush Kalantary']);
    expect(texts('headline, not in the text')).toEqual(['Dariush Kalantari']);
    expect(texts('not found by the recognizer')).toEqual(['Dariush Kalantari']);
    expect(texts('found, wrong span')).toEqual(['the Guard']);
    expect(texts('separate entity: acronym or short form')).toEqual(['IGC']);
    expect(texts('separate entity: other spelling or form')).toEqual(['Internal Guards Corps']);
    // Fixing one cause moves its mentions into the main entity: recall rises, never falls.
    const base = bcubed(occurrences.map((o) => ({ gold: o.goldEntity, predicted: o.predicted }))).recall;
    for (const r of recallIfFixed.values()) expect(r).toBeGreaterThan(base);
  });
});
