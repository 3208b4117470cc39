import { describe, expect, it } from 'vitest';
import { translationKey } from '../../src/pipeline/org-words.js';
import { resolveWorkspace, statedAliases, withoutFeatureWord } from '../../src/pipeline/resolve-run.js';
import { addDocument, entityOf, tempWorkspace } from './workspace.js';

describe('organization names across languages and stated aliases', () => {
  it('gives a translation and its original one key, and different bodies different keys', () => {
    expect(translationKey('وزارت کشور')).toBe(translationKey('Ministry of the Interior'));
    expect(translationKey('اتحادیهٔ کشاورزان گلمرز')).toBe(translationKey('Golmarz Farmers’ Union'));
    // Arabic yeh (ي) as an old CMS stores it.
    expect(translationKey('سپاه نگهباني داخلي')).toBe(translationKey('Internal Guard Corps'));
    expect(translationKey('Teachers Union')).not.toBe(translationKey('Farmers Union'));
    expect(translationKey('Vahrestan Rights Monitor')).not.toBe(translationKey('Vahrestan Civic Alliance'));
    expect(translationKey('Monitor')).toBeNull(); // one word says too little
  });

  it('reads "X — the Y, as people call them" and «X — همان Y» as one organization, not "X and Y"', () => {
    const en = 'the Internal Guard Corps — the Grey Coats, as people call them — and the Vahrestan Civic Alliance';
    const span = (t: string, s: string, id: string) => ({ id, start: t.indexOf(s), end: t.indexOf(s) + s.length, type: 'ORG' as const });
    expect(statedAliases(en, [span(en, 'Internal Guard Corps', 'a'), span(en, 'Grey Coats', 'b'), span(en, 'Vahrestan Civic Alliance', 'c')])).toEqual([['a', 'b']]);
    // The second name typed a place: joined after words that only introduce a name, not after a bare bracket.
    const typed = (t: string, s: string, id: string, type: 'ORG' | 'PLACE') => ({ ...span(t, s, id), type });
    expect(statedAliases(en, [typed(en, 'Internal Guard Corps', 'a', 'ORG'), typed(en, 'Grey Coats', 'b', 'PLACE')])).toEqual([['a', 'b']]);
    const place = 'the Ministry of the Interior (Arsavan) said';
    expect(statedAliases(place, [typed(place, 'Ministry of the Interior', 'a', 'ORG'), typed(place, 'Arsavan', 'b', 'PLACE')])).toEqual([]);
    const fa = 'سپاه نگهبانی داخلی — همان خاکستری‌پوشان — پاسخ داد';
    expect(statedAliases(fa, [span(fa, 'سپاه نگهبانی داخلی', 'a'), span(fa, 'خاکستری‌پوشان', 'b')])).toEqual([['a', 'b']]);
  });

  it('links a translation to its organization before a shorter name in the same script met first', async () => {
    const ws = tempWorkspace();
    const en = await addDocument(ws, 'The Internal Guard Corps denied it.', [['Internal Guard Corps', 'ORG']]);
    const short = await addDocument(ws, 'سپاه نگهبانی این خبر را تکذیب کرد.', [['سپاه نگهبانی', 'ORG']], 'fa');
    const full = await addDocument(ws, 'سپاه نگهبانی داخلی این خبر را تکذیب کرد.', [['سپاه نگهبانی داخلی', 'ORG']], 'fa');
    await resolveWorkspace(ws);
    expect(await entityOf(ws, full.id, 'سپاه نگهبانی داخلی')).toBe(await entityOf(ws, en.id, 'Internal Guard Corps'));
    expect(await entityOf(ws, short.id, 'سپاه نگهبانی')).toBeDefined();
  });

  it('relinks an organization mention cut short inside a known longer name, and drops the entity it leaves empty', async () => {
    const ws = tempWorkspace();
    const full = await addDocument(ws, 'سپاه نگهبانی داخلی این خبر را تکذیب کرد.', [['سپاه نگهبانی داخلی', 'ORG']], 'fa');
    const cut = await addDocument(ws, 'دیروز سپاه نگهبانی داخلی به خواسته‌ها پاسخ داد.', [['سپاه', 'ORG']], 'fa');
    // A confirmed mention is a person's decision: never relinked.
    const kept = await addDocument(ws, 'فردا سپاه نگهبانی داخلی پاسخ می‌دهد.', [['سپاه', 'ORG']], 'fa');
    await ws.store.putMentions(kept.id, kept.mentions.map((m) => ({ ...m, status: 'confirmed' as const })));
    await resolveWorkspace(ws);
    const igc = await entityOf(ws, full.id, 'سپاه نگهبانی داخلی');
    expect(await entityOf(ws, cut.id, 'سپاه')).toBe(igc);
    const cutMentions = await ws.store.getMentions(cut.id);
    expect(cutMentions.map((m) => [m.start, m.end])).toEqual([[6, 10]]); // the span stays
    const keptEntity = await entityOf(ws, kept.id, 'سپاه');
    expect(keptEntity).not.toBe(igc);
    expect(keptEntity).not.toBeNull();
    // Without the confirmed one, the entity «سپاه» of the cut mention has no mention left: gone.
    const ws2 = tempWorkspace();
    const full2 = await addDocument(ws2, 'سپاه نگهبانی داخلی این خبر را تکذیب کرد.', [['سپاه نگهبانی داخلی', 'ORG']], 'fa');
    await addDocument(ws2, 'دیروز سپاه نگهبانی داخلی به خواسته‌ها پاسخ داد.', [['سپاه', 'ORG']], 'fa');
    await resolveWorkspace(ws2);
    expect(await ws2.store.listUncuratedEntityIds()).toEqual([await entityOf(ws2, full2.id, 'سپاه نگهبانی داخلی')]);
  });

  it('links "Sepidband Dam" to the one entity named "Sepidband" typed otherwise, and only by a feature word', async () => {
    expect(withoutFeatureWord('Sepidband Dam')).toBe('Sepidband');
    expect(withoutFeatureWord('سد سپیدبند')).toBe('سپیدبند');
    expect(withoutFeatureWord('Tirab Water Authority')).toBeNull();
    expect(withoutFeatureWord('Sepidband')).toBeNull();
    const ws = tempWorkspace();
    const org = await addDocument(ws, 'Water from Sepidband was cut.', [['Sepidband', 'ORG']]);
    const dam = await addDocument(ws, 'The Sepidband Dam holds two million cubic metres.', [['Sepidband Dam', 'PLACE']]);
    const other = await addDocument(ws, 'The Golmarz Square was full.', [['Golmarz Square', 'PLACE']]);
    const golmarz = await addDocument(ws, 'Golmarz was quiet.', [['Golmarz', 'ORG']]);
    await resolveWorkspace(ws);
    expect(await entityOf(ws, dam.id, 'Sepidband Dam')).toBe(await entityOf(ws, org.id, 'Sepidband'));
    expect(await entityOf(ws, other.id, 'Golmarz Square')).not.toBe(await entityOf(ws, golmarz.id, 'Golmarz'));
  });

  it('links a Persian organization name to its English entity across documents', async () => {
    const ws = tempWorkspace();
    const en = await addDocument(ws, 'The Ministry of the Interior denied it.', [['Ministry of the Interior', 'ORG']]);
    const fa = await addDocument(ws, 'وزارت کشور این خبر را تکذیب کرد.', [['وزارت کشور', 'ORG']], 'fa');
    const other = await addDocument(ws, 'The Ministry of Justice said nothing.', [['Ministry of Justice', 'ORG']]);
    await resolveWorkspace(ws);
    const id = await entityOf(ws, en.id, 'Ministry of the Interior');
    expect(await entityOf(ws, fa.id, 'وزارت کشور')).toBe(id);
    expect(await entityOf(ws, other.id, 'Ministry of Justice')).not.toBe(id);
  });
});
