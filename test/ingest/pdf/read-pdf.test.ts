import { describe, expect, it } from 'vitest';
import { isDaftarError } from '../../../src/model/errors.js';
import { parsePdfDate } from '../../../src/ingest/pdf/pdf-date.js';
import { lineText, readPdf } from '../../../src/ingest/pdf/read-pdf.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';
import { normalizeText } from '../../../src/text/normalize.js';
import { makePdf } from '../helpers/make-pdf.js';

const read = (bytes: Uint8Array, fileName = 'report.pdf') => readPdf({ bytes, fileName, limits: DEFAULT_READ_LIMITS });

describe('readPdf', () => {
  const pdf = makePdf({
    pages: [
      [['Annual report on detentions'], ['The monitors counted 1,200 detainees', 'held at the Varzaneh camp in 2019.']],
      [['Page two opens a new section.'], ['It ends the report.']],
    ],
    info: { Title: 'Detentions 2019', Author: 'Valley Monitors; Leila Farrokhzad', CreationDate: "D:20190314102030+01'00'" },
  });

  it('extracts text per page and gives passages 1-based page numbers', async () => {
    const r = await read(pdf);
    expect(r.mediaType).toBe('pdf');
    expect(r.kind).toBe('report');
    const passages = r.passages.map((p) => ({ text: r.text.slice(p.start, p.end), page: p.page }));
    expect(passages).toEqual([
      { text: 'Annual report on detentions', page: 1 },
      // Lines of one paragraph join with a space; a wide gap starts a new paragraph.
      { text: 'The monitors counted 1,200 detainees held at the Varzaneh camp in 2019.', page: 1 },
      { text: 'Page two opens a new section.', page: 2 },
      { text: 'It ends the report.', page: 2 },
    ]);
    expect(r.text).toBe(normalizeText(r.text));
    expect(r.metadata.extra.pageCount).toBe(2);
    expect(r.metadata.language).toBe('en');
  });

  it('reads title, authors and creation date from the info dictionary', async () => {
    const r = await read(pdf);
    expect(r.metadata.title).toBe('Detentions 2019');
    expect(r.metadata.authors).toEqual(['Valley Monitors', 'Leila Farrokhzad']);
    expect(r.metadata.published).toEqual({ value: '2019-03-14', evidence: 'pdf info CreationDate', confidence: 0.4 });
    expect(r.metadata.flags).toEqual([]);
  });

  it('falls back to the XMP packet when the info dictionary has no title, author or date', async () => {
    const xmp = `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">XMP-only title</rdf:li></rdf:Alt></dc:title><dc:creator><rdf:Seq><rdf:li>Omid Karimi</rdf:li></rdf:Seq></dc:creator><xmp:CreateDate>2021-02-03T04:05:06Z</xmp:CreateDate></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
    const r = await read(makePdf({ pages: [[['Body']]], xmp }));
    expect(r.metadata.title).toBe('XMP-only title');
    expect(r.metadata.authors).toEqual(['Omid Karimi']);
    expect(r.metadata.published).toEqual({ value: '2021-02-03', evidence: 'pdf xmp CreateDate', confidence: 0.4 });
  });

  it('does not detach the caller\'s buffer (pdf.js transfers what it is given)', async () => {
    const bytes = makePdf({ pages: [[['Keep my bytes']]] });
    const before = bytes.length;
    await read(bytes);
    expect(bytes.length).toBe(before);
    expect(bytes[0]).toBe(0x25); // '%'
  });

  it('removes running headers and page-number footers, and rejoins words hyphenated at line ends', async () => {
    const page = (n: number, body: string[][]) => [['Valley Monitors - Annual report 2019'], ...body, [`Page ${n} of 4`]];
    const r = await read(
      makePdf({
        pages: [
          page(1, [['Monitors counted the detain-', 'ees held at the camp.']]),
          page(2, [['Second page text.']]),
          page(3, [['Third page text.']]),
          page(4, [['Fourth page text, covering 2018-', '2019.']]),
        ],
      }),
    );
    expect(r.text).toBe('Monitors counted the detainees held at the camp.\n\nSecond page text.\n\nThird page text.\n\nFourth page text, covering 2018- 2019.');
    expect(r.passages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    expect(r.metadata.flags).toContain('running_headers_removed');
    expect(r.metadata.extra.runningHeaders).toEqual(['valley monitors - annual report #', 'page # of #']);
  });

  it('calls a transcript PDF a testimony', async () => {
    const r = await read(makePdf({ pages: [[['Transcript of interview with witness D (fictional)'], ['Q: When were you released?']]] }));
    expect(r.kind).toBe('testimony');
  });

  it('reads a PDF with junk before the header', async () => {
    const r = await read(makePdf({ pages: [[['After the junk.']]], junkBefore: 'X'.repeat(600) }));
    expect(r.text).toBe('After the junk.');
  });

  it('flags a PDF without a text layer as needing OCR, still a report', async () => {
    const r = await read(makePdf({ pages: [[[]], [[]]] }));
    expect(r.text).toBe('');
    expect(r.passages).toEqual([]);
    expect(r.kind).toBe('report');
    expect(r.metadata.flags).toContain('needs_ocr');
  });

  it('throws corrupt_pdf with one line for a damaged file', async () => {
    const whole = makePdf({ pages: [[['Cut short']]] });
    const err = await read(whole.subarray(0, 40), 'cut.pdf').catch((e: unknown) => e);
    expect(isDaftarError(err) && err.code).toBe('corrupt_pdf');
    expect((err as Error).message).toBe('cut.pdf: damaged PDF, no readable pages');
  });
});

describe('parsePdfDate', () => {
  it.each([
    ["D:20190314102030+01'00'", '2019-03-14'],
    ['D:20190314', '2019-03-14'],
    ['D:201903', '2019-03'],
    ['D:2019', '2019'],
    ['20190314', '2019-03-14'],
    ['D:20190231', '2019-02'], // no 31 February: keep what is sure
    ['D:00000101', null],
    ['yesterday', null],
    [42, null],
  ])('%s -> %s', (raw, iso) => {
    expect(parsePdfDate(raw)).toBe(iso);
  });
});

describe('lineText', () => {
  const parts = (...xs: [string, number][]) => xs.map(([str, x]) => ({ str, x }));

  it('reads a right-to-left line from right to left whatever order the items were drawn in', () => {
    // Drawn left to right (visual order), as pdf.js reports the pdf.js Arabic test file.
    expect(lineText(parts(['العربية', 160], [' ', 278], ['الخطوط', 288], [' ', 409], ['انواع', 420]))).toBe('انواع الخطوط العربية');
    // Drawn right to left (logical order): same result.
    expect(lineText(parts(['انواع', 420], [' ', 409], ['الخطوط', 288], [' ', 278], ['العربية', 160]))).toBe('انواع الخطوط العربية');
  });

  it('keeps embedded Latin words left to right inside a Persian line', () => {
    const visual = parts(['بازداشت‌ها', 0], [' ', 45], ['درباره', 50], [' ', 95], ['Human', 100], [' ', 140], ['Rights', 145], [' ', 190], ['Watch', 195], [' ', 240], ['سازمان', 245], [' ', 290], ['گزارش', 295]);
    expect(lineText(visual)).toBe('گزارش سازمان Human Rights Watch درباره بازداشت‌ها');
  });

  it('leaves left-to-right lines in drawing order', () => {
    expect(lineText(parts(['Hello', 0], [' ', 40], ['world', 50], [' (سلام)', 100]))).toBe('Hello world (سلام)');
  });
});
