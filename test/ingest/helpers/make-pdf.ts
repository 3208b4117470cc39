// Builds small, valid PDFs by writing the syntax by hand, with a correct xref table, so the
// tests know exactly which text sits on which page.

export interface PdfSpec {
  /** Per page, its paragraphs; each paragraph is drawn as lines of one Tj each. */
  pages: string[][][];
  info?: Record<string, string>;
  /** An XMP packet attached to the catalog as /Metadata. */
  xmp?: string;
  /** Junk bytes written before the %PDF header (readers accept up to 1 KB). */
  junkBefore?: string;
}

function pdfString(s: string): string {
  return '(' + s.replace(/([\\()])/g, '\\$1') + ')';
}

/** A PDF whose pages hold the given paragraphs in Helvetica 12 pt; lines 14 pt apart, paragraphs 40 pt apart. */
export function makePdf(spec: PdfSpec): Uint8Array {
  const objects: string[] = [];
  const add = (body: string): number => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add(''); // filled below
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const paragraphs of spec.pages) {
    let ops = 'BT /F1 12 Tf 72 740 Td\n';
    paragraphs.forEach((lines, p) => {
      lines.forEach((line, l) => {
        if (p > 0 || l > 0) ops += `0 ${l === 0 ? -40 : -14} Td\n`;
        ops += `${pdfString(line)} Tj\n`;
      });
    });
    ops += 'ET';
    const content = add(`<< /Length ${Buffer.byteLength(ops, 'latin1')} >>\nstream\n${ops}\nendstream`);
    pageIds.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`));
  }
  const metadata = spec.xmp ? add(`<< /Type /Metadata /Subtype /XML /Length ${Buffer.byteLength(spec.xmp, 'latin1')} >>\nstream\n${spec.xmp}\nendstream`) : null;
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R${metadata ? ` /Metadata ${metadata} 0 R` : ''} >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let infoId: number | null = null;
  if (spec.info) {
    infoId = add('<< ' + Object.entries(spec.info).map(([k, v]) => `/${k} ${pdfString(v)}`).join(' ') + ' >>');
  }

  const junk = spec.junkBefore ?? '';
  let out = junk + '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${infoId ? ` /Info ${infoId} 0 R` : ''} >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
