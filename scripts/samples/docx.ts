// A minimal WordprocessingML package built with fflate: the four parts Word and
// mammoth need, right-to-left paragraphs for Persian.
import { zipSync, strToU8 } from 'fflate';

const x = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface DocxParagraph { text: string; rtl?: boolean; bold?: boolean; heading?: boolean }
export interface DocxCore { title: string; creator: string; created: string /* ISO timestamp */; description?: string }

export function buildDocx(paragraphs: DocxParagraph[], core: DocxCore): Uint8Array {
  const body = paragraphs.map((p) => {
    const ppr = `<w:pPr>${p.heading ? '<w:jc w:val="center"/>' : ''}${p.rtl ? '<w:bidi/>' : ''}</w:pPr>`;
    const rpr = `<w:rPr>${p.bold || p.heading ? '<w:b/>' : ''}${p.heading ? '<w:sz w:val="28"/>' : ''}${p.rtl ? '<w:rtl/><w:lang w:bidi="fa-IR"/>' : ''}</w:rPr>`;
    return `<w:p>${ppr}<w:r>${rpr}<w:t xml:space="preserve">${x(p.text)}</w:t></w:r></w:p>`;
  }).join('');
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  const coreXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${x(core.title)}</dc:title><dc:creator>${x(core.creator)}</dc:creator><dc:description>${x(core.description ?? '')}</dc:description><cp:lastModifiedBy>${x(core.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${core.created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${core.created}</dcterms:modified></cp:coreProperties>`;
  // A fixed mtime keeps the zip bytes (and so the document id) stable across runs.
  const mtime = new Date('2025-05-20T12:00:00Z');
  return zipSync({
    '[Content_Types].xml': [strToU8(contentTypes), { mtime }],
    '_rels/.rels': [strToU8(rels), { mtime }],
    'word/document.xml': [strToU8(document), { mtime }],
    'docProps/core.xml': [strToU8(coreXml), { mtime }],
  }, { level: 6 });
}
