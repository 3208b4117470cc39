// A minimal PDF 1.4 writer: standard Type1 Helvetica (no embedded font), WinAnsi
// text, one content stream per page, a correct cross-reference table. Enough for
// a few-page text report whose bytes we fully control.

export interface PdfLine { text: string; size: number; bold?: boolean; gapBefore?: number }
export interface PdfInfo { title: string; author: string; subject?: string; created: string /* D:YYYYMMDDHHmmSS+hh'mm' */ }

// Unicode punctuation that WinAnsiEncoding has, mapped to its byte.
const WIN_ANSI: Record<string, number> = { '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '–': 0x96, '—': 0x97, '•': 0x95, '…': 0x85, 'é': 0xe9, '°': 0xb0 };

function encode(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '(' || ch === ')' || ch === '\\') out.push(0x5c, c);
    else if (c >= 0x20 && c < 0x7f) out.push(c);
    else if (WIN_ANSI[ch] !== undefined) out.push(WIN_ANSI[ch]);
    else throw new Error(`PDF text has a character outside WinAnsi: ${JSON.stringify(ch)} in "${s}"`);
  }
  return Buffer.from(out);
}

/** Greedy word wrap by an average Helvetica advance of ~0.5 em per character. */
export function wrap(text: string, size: number, widthPt: number, bold = false): string[] {
  const maxChars = Math.floor(widthPt / (size * (bold ? 0.56 : 0.52)));
  const lines: string[] = [];
  let cur = '';
  for (const word of text.split(/\s+/)) {
    if (cur && (cur + ' ' + word).length > maxChars) { lines.push(cur); cur = word; }
    else cur = cur ? `${cur} ${word}` : word;
  }
  if (cur) lines.push(cur);
  return lines;
}

export function buildPdf(pages: PdfLine[][], info: PdfInfo, footer: (page: number, pages: number) => string): Buffer {
  const objects: Buffer[] = []; // index i -> object number i + 1
  const add = (b: Buffer | string) => { objects.push(typeof b === 'string' ? Buffer.from(b, 'latin1') : b); return objects.length; };
  const catalog = add(''); // placeholder, filled below
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const fontBold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  const kids: number[] = [];
  pages.forEach((lines, i) => {
    const parts: Buffer[] = [];
    let y = 790;
    for (const l of lines) {
      y -= (l.gapBefore ?? 0) + l.size * 1.35;
      parts.push(Buffer.from(`BT /${l.bold ? 'F2' : 'F1'} ${l.size} Tf 56 ${y.toFixed(1)} Td (`, 'latin1'), encode(l.text), Buffer.from(') Tj ET\n', 'latin1'));
    }
    parts.push(Buffer.from('BT /F1 7.5 Tf 56 36 Td (', 'latin1'), encode(footer(i + 1, pages.length)), Buffer.from(') Tj ET\n', 'latin1'));
    const stream = Buffer.concat(parts);
    const content = add(Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]));
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R /F2 ${fontBold} 0 R >> >> /Contents ${content} 0 R >>`));
  });
  objects[catalog - 1] = Buffer.from(`<< /Type /Catalog /Pages ${pagesObj} 0 R >>`, 'latin1');
  objects[pagesObj - 1] = Buffer.from(`<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`, 'latin1');
  const infoObj = add(Buffer.concat([
    Buffer.from('<< /Title (', 'latin1'), encode(info.title), Buffer.from(') /Author (', 'latin1'), encode(info.author),
    Buffer.from(`) /Subject (`, 'latin1'), encode(info.subject ?? ''), Buffer.from(`) /Producer (Daftar sample generator) /CreationDate (${info.created}) /ModDate (${info.created}) >>`, 'latin1'),
  ]));

  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = chunks[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    chunks.push(b);
    offset += b.length;
  });
  // Each xref entry is exactly 20 bytes: 10-digit offset, space, 5-digit generation, space, n/f, CR LF.
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f\r\n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`)].join('');
  chunks.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${infoObj} 0 R >>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(chunks);
}
