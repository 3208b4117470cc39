// End-to-end on the shipped models (models/ner-*.bin.gz), with fictional names and places
// written for these tests.
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_VERSION, extractEntities, type EntitySpan } from '../../../src/extract/ner/extract.js';

function find(spans: EntitySpan[], text: string): EntitySpan | undefined {
  return spans.find((s) => s.text === text);
}

function checkSpans(text: string, spans: EntitySpan[]): void {
  for (const s of spans) {
    expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(s.confidence).toBeGreaterThanOrEqual(0);
    expect(s.confidence).toBeLessThanOrEqual(1);
    expect(['PERSON', 'ORG', 'PLACE', 'MISC']).toContain(s.type);
  }
}

describe('extractEntities: English', () => {
  const text =
    'Gen. Darius Varan, the commander of the Northern Brigade, told reporters in Paris on Monday that ' +
    'Mr. Tomas Ebbeling had been arrested. The European Commission said it would send a team to Germany.';
  const spans = extractEntities(text, 'en');

  it('finds obvious people, places and organizations with exact offsets', () => {
    checkSpans(text, spans);
    expect(find(spans, 'Darius Varan')?.type).toBe('PERSON');
    expect(find(spans, 'Tomas Ebbeling')?.type).toBe('PERSON');
    expect(find(spans, 'Paris')?.type).toBe('PLACE');
    expect(find(spans, 'Germany')?.type).toBe('PLACE');
    expect(find(spans, 'European Commission')?.type).toBe('ORG');
  });

  it('keeps titles out of the name span and records them', () => {
    expect(find(spans, 'Darius Varan')?.title).toBe('Gen.');
    expect(find(spans, 'Tomas Ebbeling')?.title).toBe('Mr.');
    expect(spans.some((s) => s.text.startsWith('Gen.') || s.text.startsWith('Mr.'))).toBe(false);
  });

  it('links an acronym defined in parentheses and tags its later bare uses', () => {
    const t = "The People's Front of Arvand (PFA) denied the report. A PFA spokesman said the PFA had no role.";
    const s = extractEntities(t, 'en');
    checkSpans(t, s);
    const longForm = find(s, "People's Front of Arvand");
    expect(longForm?.type).toBe('ORG');
    const uses = s.filter((e) => e.text === 'PFA');
    expect(uses.length).toBe(3);
    for (const u of uses) {
      expect(u.type).toBe('ORG');
      expect(u.acronymOf).toEqual({ start: longForm!.start, end: longForm!.end });
    }
  });

  it('returns nothing for empty or entity-free text', () => {
    expect(extractEntities('', 'en')).toEqual([]);
    expect(extractEntities('   \n\n  ', 'en')).toEqual([]);
    expect(extractEntities('it was raining and we stayed at home.', 'en')).toEqual([]);
  });

  it('keeps offsets right in mixed-script text', () => {
    const t = 'Lina Marsh (لینا مارش) of Amnesty International met officials in Tehran (تهران) on 3 March.';
    const s = extractEntities(t, 'en');
    checkSpans(t, s);
    expect(find(s, 'Lina Marsh')?.type).toBe('PERSON');
    expect(find(s, 'Tehran')?.type).toBe('PLACE');
    const f = extractEntities('خبرگزاری Reuters گزارش داد که Lina Marsh در تهران است.', 'fa');
    checkSpans('خبرگزاری Reuters گزارش داد که Lina Marsh در تهران است.', f);
    expect(f.find((e) => e.text === 'تهران')?.type).toBe('PLACE');
  });

  it('has a version string per language', () => {
    expect(EXTRACTOR_VERSION.en).toMatch(/^ner-en@\d+$/);
    expect(EXTRACTOR_VERSION.fa).toMatch(/^ner-fa@\d+$/);
  });
});

describe('extractEntities: Persian', () => {
  it('finds a person and a place and keeps the title out of the span', () => {
    const text = 'سردار علی کیانپور روز دوشنبه در تهران گفت که نیروها به شیراز رفته‌اند.';
    const spans = extractEntities(text, 'fa');
    checkSpans(text, spans);
    const person = spans.find((s) => s.type === 'PERSON');
    expect(person?.text).toBe('علی کیانپور');
    expect(person?.title).toBe('سردار');
    expect(find(spans, 'تهران')?.type).toBe('PLACE');
    expect(find(spans, 'شیراز')?.type).toBe('PLACE');
  });

  it('reads Arabic letter variants (ي ك) like their Persian forms without changing offsets', () => {
    const persian = 'وزارت امور خارجه ایران در بیانیه‌ای اعلام کرد.';
    const arabic = persian.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
    const a = extractEntities(persian, 'fa');
    const b = extractEntities(arabic, 'fa');
    checkSpans(arabic, b);
    expect(b.map((s) => [s.start, s.end, s.type])).toEqual(a.map((s) => [s.start, s.end, s.type]));
    expect(a.length).toBeGreaterThan(0);
  });

  it('links a Latin acronym in parentheses to the organization before it', () => {
    const text = 'سازمان ملل متحد (UN) اعلام کرد که UN به این منطقه نیرو می‌فرستد.';
    const spans = extractEntities(text, 'fa');
    checkSpans(text, spans);
    const uses = spans.filter((s) => s.text === 'UN');
    expect(uses.length).toBe(2);
    const longForm = spans.find((s) => s.end <= text.indexOf('(') && s.type === 'ORG');
    expect(longForm).toBeDefined();
    for (const u of uses) expect(u.acronymOf).toEqual({ start: longForm!.start, end: longForm!.end });
  });
});
