import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDates, solarHijriToIso } from '../../../src/ingest/text/text-dates.js';
import { readMarkdown, readText } from '../../../src/ingest/text/read-text.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';

const fixtures = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/ingest/text');
const fixture = (name: string) => new Uint8Array(readFileSync(resolve(fixtures, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const input = (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, limits: DEFAULT_READ_LIMITS });

describe('readText on an English page saved as text', () => {
  it('finds the title (confirmed by the window title), site and byline date', async () => {
    const r = await readText(input(fixture('webpage-en.txt'), 'webpage-en.txt'));
    expect(r.mediaType).toBe('text');
    expect(r.kind).toBe('article');
    expect(r.metadata.title).toBe('Detention Monitors Report Mass Transfers From Varzaneh Camp');
    expect(r.metadata.site).toBe('The Valley Ledger');
    expect(r.metadata.published).toEqual({ value: '2019-03-03', evidence: 'text byline date', confidence: 0.8 });
    expect(r.metadata.flags).toContain('webpage_text');
    expect(r.metadata.language).toBe('en');
  });

  it('keeps the story paragraphs and subheading, drops menu, breadcrumb, share, link list and footer', async () => {
    const r = await readText(input(fixture('webpage-en.txt'), 'webpage-en.txt'));
    const passages = r.passages.map((p) => r.text.slice(p.start, p.end));
    expect(passages).toEqual([
      'Detention Monitors Report Mass Transfers From Varzaneh Camp',
      'Monitors from a fictional rights group said on Sunday that at least 1,200 detainees were moved from the Varzaneh camp to an unknown location over the past week.',
      'The group said relatives had gathered outside the camp gates each morning but were given no information about where the detainees had been taken.',
      'What happened next',
      'Officials did not respond to requests for comment. A spokesperson for the provincial office said an announcement would follow "in due course".',
    ]);
    for (const chrome of ['Skip to content', 'Home > World', 'Share on Facebook', 'Floods close', 'All rights reserved', 'Privacy Policy']) {
      expect(r.text).not.toContain(chrome);
    }
  });
});

describe('readText on a page whose sidebar comes first', () => {
  it('skips the newsletter line and trending headlines, takes the headline above the byline', async () => {
    const r = await readText(input(fixture('webpage-en-sidebar-first.txt'), 'x.txt'));
    expect(r.metadata.title).toBe('Relatives of Missing Fishermen Demand Answers From Port Authority');
    // The date line sits just above the headline.
    expect(r.metadata.published).toEqual({ value: '2019-10-14', evidence: 'text date line near title', confidence: 0.7 });
    expect(r.passages.map((p) => r.text.slice(p.start, p.end))).toEqual([
      'Relatives of Missing Fishermen Demand Answers From Port Authority',
      'Relatives of eleven fishermen who went missing last month gathered outside the port authority on Monday, demanding an independent inquiry.',
      'The authority said in a statement that search operations had been suspended because of the weather.',
    ]);
  });
});

describe('readText on a Persian page saved as text', () => {
  it('reads the Solar Hijri byline date in Persian digits and the headline', async () => {
    const r = await readText(input(fixture('webpage-fa.txt'), 'webpage-fa.txt'));
    expect(r.metadata.title).toBe('انتقال گروهی بازداشت‌شدگان از اردوگاه ورزنه گزارش شد');
    expect(r.metadata.published).toEqual({ value: '2019-07-17', evidence: 'text byline date (solar hijri)', confidence: 0.8 });
    expect(r.metadata.language).toBe('fa');
  });

  it('keeps the two story paragraphs and drops menu, share line, latest-news list and footer', async () => {
    const r = await readText(input(fixture('webpage-fa.txt'), 'webpage-fa.txt'));
    const passages = r.passages.map((p) => r.text.slice(p.start, p.end));
    expect(passages).toHaveLength(3);
    expect(passages[1]).toMatch(/^یک گروه ناظر ساختگی/);
    expect(passages[2]).toMatch(/^به گفته این گروه/);
    for (const chrome of ['صفحه اصلی', 'تماس با ما', 'اشتراک', 'بسته شدن دو بزرگراه', 'محفوظ']) expect(r.text).not.toContain(chrome);
  });
});

describe('readText on plain prose', () => {
  it('keeps every line of a text that is not a saved page (a transcript keeps its short answers)', async () => {
    const src = 'Transcript of interview, fictional witness B\n\nQ: Where were you taken?\nA: To the camp.\nQ: When?\nA: In March.\n';
    const r = await readText(input(utf8(src), 'b.txt'));
    expect(r.text).toBe(src.trim());
    expect(r.kind).toBe('testimony');
    expect(r.metadata.title).toBe('Transcript of interview, fictional witness B');
    expect(r.metadata.flags).not.toContain('webpage_text');
  });

  it('does not mistake a hard-wrapped licence with "Copyright" lines for a web page', async () => {
    const src = 'Copyright (c) 2013, A Person\nAll rights reserved.\n\nRedistribution and use in source and binary forms, with or without\nmodification, are permitted provided that the following conditions are\nmet: retain the above copyright notice, this list of conditions and\nthe following disclaimer in the documentation and other materials\nprovided with the distribution and any other thing at all here.\n';
    const r = await readText(input(utf8(src), 'LICENSE'));
    expect(r.text).toBe(src.trim());
  });

  it('decodes legacy windows-1256 Persian text and says the encoding was guessed', async () => {
    // "اين گزارش درباره پنج بازداشت است." in windows-1256, which has no Persian yeh (ی), so
    // writers used the Arabic one (ي); گ and پ are there (0x90, 0x81).
    const line = [199, 237, 228, 32, 144, 210, 199, 209, 212, 32, 207, 209, 200, 199, 209, 229, 32, 129, 228, 204, 32, 200, 199, 210, 207, 199, 212, 202, 32, 199, 211, 202, 46, 10];
    const r = await readText(input(new Uint8Array([...line, ...line, ...line]), 'old.txt'));
    expect(r.text.split('\n')[0]).toBe('اين گزارش درباره پنج بازداشت است.');
    expect(r.metadata.extra.encoding).toBe('windows-1256');
    expect(r.metadata.flags).toContain('legacy_encoding_guessed');
    expect(r.metadata.language).toBe('fa');
  });

  it('decodes UTF-16LE with a BOM', async () => {
    const s = 'گزارش: ۱۲ نفر';
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer)]);
    const r = await readText(input(bytes, 'fa.txt'));
    expect(r.text).toBe(s);
    expect(r.metadata.extra.encoding).toBe('utf-16le');
  });
});

describe('readMarkdown', () => {
  it('takes the title from the first "# " heading and strips markup lightly', async () => {
    const src = 'Intro line before.\n\n# Camp **Varzaneh** report\n\nPublished 3 Mar 2019\n\nMonitors saw [1,200 detainees](http://example.invalid/x) held in `Block C`.\n\n## Findings\n\n- *First* finding\n';
    const r = await readMarkdown(input(utf8(src), 'report.md'));
    expect(r.mediaType).toBe('markdown');
    expect(r.metadata.title).toBe('Camp Varzaneh report');
    expect(r.text).toBe('Intro line before.\n\nCamp Varzaneh report\n\nPublished 3 Mar 2019\n\nMonitors saw 1,200 detainees held in Block C.\n\nFindings\n\n- First finding');
    expect(r.metadata.published).toEqual({ value: '2019-03-03', evidence: 'markdown date line', confidence: 0.5 });
  });

  it('prefers front matter for title, author and date', async () => {
    const src = '---\ntitle: "Front title"\nauthor: Leila F., Omid K.\ndate: 2021-06-01\n---\n# Heading title\n\nBody.';
    const r = await readMarkdown(input(utf8(src), 'x.md'));
    expect(r.metadata.title).toBe('Front title');
    expect(r.metadata.authors).toEqual(['Leila F.', 'Omid K.']);
    expect(r.metadata.published).toEqual({ value: '2021-06-01', evidence: 'markdown front matter date', confidence: 0.8 });
    expect(r.text).toBe('Heading title\n\nBody.');
  });
});

describe('findDates', () => {
  it.each([
    ['Published March 3, 2019', '2019-03-03'],
    ['Posted on Mar. 3rd, 2019 at noon', '2019-03-03'],
    ['3 Mar 2019', '2019-03-03'],
    ['on the 3rd of March 2019', '2019-03-03'],
    ['2019-03-03T10:00', '2019-03-03'],
    ['«۲۶ تیر ۱۳۹۸»', '2019-07-17'],
    ['جمعه ۲۶ تیرماه ۱۳۹۸', '2019-07-17'],
    ['۱۳۹۸/۰۴/۲۶', '2019-07-17'],
    ['۱۸ دی ۱۳۶۷', '1989-01-08'],
    ['۳ مارس ۲۰۱۹', '2019-03-03'],
    ['25/09/2025', '2025-09-25'],
    ['09/25/2025', '2025-09-25'],
  ])('%s -> %s', (line, iso) => {
    expect(findDates(line)[0]?.value).toBe(iso);
  });

  it('leaves ambiguous or impossible dates alone', () => {
    expect(findDates('03/04/2019')).toEqual([]);
    expect(findDates('February 30, 2019')).toEqual([]);
    expect(findDates('۳۱ اسفند ۱۳۹۸')).toEqual([]); // 1398 is not a leap year
    expect(findDates('version 2019-13-45')).toEqual([]);
  });

  it('offsets point at the date in the original line (Persian digits included)', () => {
    const line = 'تاریخ انتشار: ۲۶ تیر ۱۳۹۸ - ساعت ۱۰';
    const d = findDates(line)[0]!;
    expect(line.slice(d.index, d.index + d.length)).toBe('۲۶ تیر ۱۳۹۸');
  });

  it('Solar Hijri dates round-trip through their Gregorian day (every valid day maps to a distinct ISO date)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1450 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }), (y, m, d) => {
        const iso = solarHijriToIso(y, m, d)!;
        const next = solarHijriToIso(y, m, d + 1);
        expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        if (next) expect(Date.parse(next) - Date.parse(iso)).toBe(86_400_000);
      }),
    );
  });
});
