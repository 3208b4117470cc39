// Keeps samples/gold.json true to the files it describes: the sample corpus is
// the end-to-end fixture of every later feature, so a drifted gold would make
// every downstream eval lie.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import exifr from 'exifr';
import { collapse, readableText } from '../../scripts/samples/readable.js';

const ROOT = join(import.meta.dirname, '..', '..');
interface Doc { file: string; language: string; mediaType: string; published: string | null; sections?: { title: string; published: string }[] }
interface Located { file: string; text: string }
const gold = JSON.parse(readFileSync(join(ROOT, 'samples/gold.json'), 'utf8')) as {
  documents: Doc[];
  entities: { id: string; type: string; variants: string[]; protected: boolean; mentions: Located[] }[];
  notEntities: Located[];
  reuse: { a: string; b: string; aText: string; bText: string; kind: string }[];
  dates: (Located & { value: string; calendar: string })[];
  quantities: (Located & { value: number; qualifier: string })[];
  claims: { id: string; conflict: boolean; statements: (Located & { value: number })[]; independentGroups: string[][] }[];
};

const texts = new Map<string, string>();
beforeAll(async () => {
  for (const d of gold.documents) if (d.mediaType !== 'image') texts.set(d.file, await readableText(join(ROOT, d.file)));
});
const occurs = (l: Located) => texts.get(l.file)?.includes(collapse(l.text)) ?? false;
const missing = (ls: Located[]) => ls.filter((l) => !occurs(l)).map((l) => `${l.file}: ${l.text}`);

describe('samples/gold.json', () => {
  it('lists 40–80 existing documents, a third or more in Persian', () => {
    expect(gold.documents.length).toBeGreaterThanOrEqual(40);
    expect(gold.documents.length).toBeLessThanOrEqual(80);
    expect(gold.documents.filter((d) => !existsSync(join(ROOT, d.file))).map((d) => d.file)).toEqual([]);
    expect(gold.documents.filter((d) => d.language === 'fa').length * 3).toBeGreaterThanOrEqual(gold.documents.length);
    expect(new Set(gold.documents.map((d) => d.file)).size).toBe(gold.documents.length);
  });

  it('marks every text file as fictional', () => {
    for (const [file, text] of texts) expect(text, file).toContain('FICTIONAL SAMPLE');
  });

  it('has unique entity ids and finds every mention in its file', () => {
    expect(new Set(gold.entities.map((e) => e.id)).size).toBe(gold.entities.length);
    expect(missing(gold.entities.flatMap((e) => e.mentions))).toEqual([]);
    expect(missing(gold.notEntities)).toEqual([]);
  });

  it('keeps the three Rostamis apart and has a protected person', () => {
    const rostamis = gold.entities.filter((e) => e.variants.includes('Rostami'));
    expect(rostamis.map((e) => e.id).sort()).toEqual(['p-bahram-rostami', 'p-hossein-rostami', 'p-leila-rostami']);
    expect(gold.entities.some((e) => e.protected && e.mentions.length > 0)).toBe(true);
  });

  it('finds every date and quantity in its file, with well-formed values', () => {
    expect(missing(gold.dates)).toEqual([]);
    expect(missing(gold.quantities)).toEqual([]);
    const iso = /^\d{4}(-\d\d(-\d\d)?)?(\/\d{4}(-\d\d(-\d\d)?)?)?$/;
    expect(gold.dates.filter((d) => !iso.test(d.value))).toEqual([]);
    expect(gold.dates.some((d) => d.calendar === 'solar-hijri')).toBe(true);
    expect(gold.quantities.filter((q) => !Number.isFinite(q.value))).toEqual([]);
  });

  it('converts the Solar Hijri dates correctly (spot checks)', () => {
    const value = (text: string) => gold.dates.find((d) => d.text === text)?.value;
    expect(value('۲۶ تیر ۱۳۶۲')).toBe('1983-07-17');
    expect(value('1358')).toBe('1979-03-21/1980-03-20');
  });

  it('finds both ends of every reuse pair', () => {
    expect(missing(gold.reuse.map((r) => ({ file: r.a, text: r.aText })))).toEqual([]);
    expect(missing(gold.reuse.map((r) => ({ file: r.b, text: r.bText })))).toEqual([]);
    expect(new Set(gold.reuse.map((r) => r.kind))).toEqual(new Set(['verbatim', 'edited', 'boilerplate']));
  });

  it('has claims whose statements occur, whose groups cover the stating files, and a real conflict', () => {
    for (const c of gold.claims) {
      expect(missing(c.statements), c.id).toEqual([]);
      const stating = new Set(c.statements.map((s) => s.file));
      expect(c.independentGroups.flat().filter((f) => !stating.has(f)), c.id).toEqual([]);
      expect([...stating].filter((f) => !c.independentGroups.some((g) => g.includes(f))), c.id).toEqual([]);
      // A conflict needs different values; an agreement must not have them.
      expect(new Set(c.statements.map((s) => s.value)).size > 1, c.id).toBe(c.conflict);
    }
  });

  it('reads capture time and GPS back from the original photos', async () => {
    const photos = gold.documents.filter((d) => d.mediaType === 'image');
    expect(photos.length).toBeGreaterThanOrEqual(3);
    const withGps = [];
    for (const p of photos) {
      const ex = await exifr.parse(join(ROOT, p.file), { gps: true });
      expect(ex?.DateTimeOriginal, p.file).toBeInstanceOf(Date);
      if (ex?.latitude !== undefined) withGps.push(ex);
    }
    expect(withGps.length).toBeGreaterThanOrEqual(3);
    // Vahrestan's invented coordinates lie in open ocean, lat -41.5..-38.5, lon 61..66.
    for (const ex of withGps) {
      expect(ex.latitude).toBeGreaterThan(-41.5); expect(ex.latitude).toBeLessThan(-38.5);
      expect(ex.longitude).toBeGreaterThan(61); expect(ex.longitude).toBeLessThan(66);
    }
  });
});
