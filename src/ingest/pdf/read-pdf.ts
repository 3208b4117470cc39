// PDF -> text per page, with page numbers on passages, via pdf.js (bundled in unpdf).
//
// pdf.js is configured to read only the bytes it is given: no standard-font or CMap URLs
// (so nothing is fetched; text of fonts that would need them comes out degraded or empty),
// no eval, no font faces, no system fonts, no WebAssembly, no XFA, and verbosity 0 so its
// warnings do not reach stdout. Scripts, attachments and links are only looked at, never
// run, opened or followed.
import { getResolvedPDFJS } from 'unpdf';
import { DaftarError } from '../../model/errors.js';
import type { DocumentMetadata } from '../../model/schema.js';
import { detectLanguage } from '../../text/language.js';
import { normalizeText } from '../../text/normalize.js';
import { looksLikeTestimony } from '../text/kind.js';
import { emptyMetadata, paragraphPassages } from '../text/read-result.js';
import { ReadAborted, type PassageSpan, type ReadInput, type ReadResult } from '../types.js';
import { parsePdfDate } from './pdf-date.js';
import { removeRunningHeaders } from './running-headers.js';

type PdfJs = Awaited<ReturnType<typeof getResolvedPDFJS>>;
type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

const MAX_RECORDED_LINKS = 50;
const VERBOSITY_ERRORS = 0;


interface Part {
  str: string;
  x: number;
}

interface Line {
  parts: Part[];
  y: number;
  size: number;
}

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
const LTR_CHAR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/g;

function count(s: string, re: RegExp): number {
  return s.match(re)?.length ?? 0;
}

/**
 * A line's text in reading order. pdf.js returns each item's string in logical order but
 * the items of a right-to-left line in drawing order, which is usually left to right:
 * "العربية الخطوط انواع" for "انواع الخطوط العربية". For lines that are mostly RTL script,
 * items are put in visual order (by x) and read right to left, keeping embedded runs of
 * Latin words left to right (a two-level approximation of the bidi algorithm).
 */
export function lineText(parts: readonly Part[]): string {
  const joined = parts.map((p) => p.str).join('');
  if (count(joined, RTL_CHAR) <= count(joined, LTR_CHAR)) return joined;
  const visual = [...parts].sort((a, b) => a.x - b.x);
  const runs: { ltr: boolean; parts: Part[] }[] = [];
  for (const part of visual) {
    const ltr = count(part.str, LTR_CHAR) > 0 && count(part.str, RTL_CHAR) === 0;
    const neutral = count(part.str, LTR_CHAR) === 0 && count(part.str, RTL_CHAR) === 0;
    const last = runs[runs.length - 1];
    // Spaces and punctuation between two Latin words stay inside the Latin run.
    if (last && (last.ltr === ltr || (neutral && last.ltr))) last.parts.push(part);
    else runs.push({ ltr: neutral ? false : ltr, parts: [part] });
  }
  // A Latin run swallows the space after its last word; that space belongs to the RTL side.
  const isNeutral = (p: Part) => count(p.str, LTR_CHAR) === 0 && count(p.str, RTL_CHAR) === 0;
  for (let i = 0; i + 1 < runs.length; i++) {
    const run = runs[i]!;
    if (!run.ltr) continue;
    while (run.parts.length > 1 && isNeutral(run.parts[run.parts.length - 1]!)) runs[i + 1]!.parts.unshift(run.parts.pop()!);
  }
  return runs
    .reverse()
    .map((run) => (run.ltr ? run.parts : [...run.parts].reverse()).map((p) => p.str).join(''))
    .join('');
}

/**
 * Lines of one paragraph joined with a space; a word hyphenated at the line end is rejoined.
 * "detain-" + "ees were" -> "detainees were"; "1990-" + "1995" keeps its hyphen.
 */
export function joinLines(para: string, line: string): string {
  if (/\p{Ll}-$/u.test(para) && /^\p{Ll}/u.test(line)) return para.slice(0, -1) + line;
  return para + ' ' + line;
}

/** One page's text items -> paragraphs: lines join with a space, a wide vertical gap or a jump up starts a paragraph. */
function pageText(items: readonly unknown[]): string {
  const lines: Line[] = [];
  let cur: Line | null = null;
  for (const raw of items) {
    const item = raw as { str?: unknown; hasEOL?: boolean; transform?: number[]; height?: number };
    if (typeof item.str !== 'string') continue; // marked-content markers
    const t = item.transform ?? [1, 0, 0, 1, 0, 0];
    const size = Math.abs(t[3] ?? 0) || Math.abs(item.height ?? 0) || 10;
    if (!cur) cur = { parts: [], y: t[5] ?? 0, size };
    if (item.str) {
      if (cur.parts.length === 0) cur.y = t[5] ?? cur.y;
      cur.parts.push({ str: item.str, x: t[4] ?? 0 });
      cur.size = Math.max(cur.size, size);
    }
    if (item.hasEOL) {
      lines.push(cur);
      cur = null;
    }
  }
  if (cur) lines.push(cur);

  const paragraphs: string[] = [];
  let para = '';
  let prev: Line | null = null;
  for (const line of lines) {
    const text = lineText(line.parts).trim();
    if (!text) continue;
    if (prev && para) {
      const gap = prev.y - line.y;
      const breaks = gap > 1.8 * Math.max(prev.size, line.size) || gap < -0.5 * line.size;
      if (breaks) {
        paragraphs.push(para);
        para = text;
      } else {
        para = joinLines(para, text);
      }
    } else {
      para = para ? joinLines(para, text) : text;
    }
    prev = line;
  }
  if (para) paragraphs.push(para);
  return normalizeText(cleanPdfChars(paragraphs.join('\n\n')));
}

/**
 * Fonts without a usable ToUnicode map yield noncharacters and Arabic presentation forms;
 * the forms are folded to letters (NFKC, only there), the noncharacters dropped.
 * "ﻟﻌﺮﺑﻴﺔ" -> "لعربية", "\uffff" -> "".
 */
function cleanPdfChars(s: string): string {
  return s
    .replace(/[\ufb50-\ufdff\ufe70-\ufefe]+/g, (forms) => forms.normalize('NFKC'))
    .replace(/[\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
}

function pdfLoadError(name: string, err: unknown): DaftarError {
  const errName = (err as { name?: string } | null)?.name;
  if (errName === 'PasswordException') {
    return new DaftarError('encrypted_pdf', `${name}: PDF is encrypted and needs a password; not stored`, { cause: err });
  }
  return new DaftarError('corrupt_pdf', `${name}: damaged PDF, no readable pages`, { cause: err });
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const v = info[key];
  if (typeof v !== 'string') return null;
  const s = normalizeText(v).replace(/\n+/g, ' ');
  return s || null;
}

/** "Microsoft Word - report.docx" -> "report"; titles that are only a file name are dropped. */
function cleanTitle(title: string | null): string | null {
  if (!title) return null;
  let t = title.replace(/^Microsoft (Word|PowerPoint|Excel) - /i, '');
  if (/^[\w\s.-]+\.(docx?|pdf|rtf|odt|pptx?|xlsx?|txt|indd|qxd)$/i.test(t)) t = t.replace(/\.[a-z]+$/i, '');
  t = t.trim();
  return t.length >= 2 ? t : null;
}

function splitAuthors(author: string | null): string[] {
  if (!author) return [];
  return author
    .split(/\s*;\s*|\s*,\s*(?=[A-Z\u0600-\u06ff])|\s+and\s+/)
    .map((a) => a.trim())
    .filter((a) => a.length > 1);
}

async function collectFlags(pdf: PdfDocument, bytes: Uint8Array, flags: Set<string>, extra: Record<string, unknown>): Promise<void> {
  try {
    const js = await pdf.getJSActions();
    if ((js && Object.keys(js).length > 0) || (await pdf.hasJSActions())) flags.add('has_javascript');
  } catch {
    // a damaged names tree is not worth failing the read for
  }
  // Catalog JavaScript can hide in compressed object streams; a raw-byte hit is a cheap second look.
  if (!flags.has('has_javascript') && indexOfAscii(bytes, '/JavaScript') >= 0) flags.add('has_javascript');
  try {
    const attachments = await pdf.getAttachments();
    if (attachments && Object.keys(attachments).length > 0) {
      flags.add('has_attachments');
      extra.attachments = Object.values(attachments as Record<string, { filename?: string }>)
        .map((a) => a?.filename ?? null)
        .filter((n): n is string => typeof n === 'string')
        .slice(0, MAX_RECORDED_LINKS);
    }
  } catch {
    // ignore, as above
  }
}

function indexOfAscii(bytes: Uint8Array, needle: string): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

function noteAnnotations(annotations: unknown[], flags: Set<string>, links: Set<string>): void {
  for (const raw of annotations) {
    const a = raw as { subtype?: string; url?: string; unsafeUrl?: string; file?: unknown; action?: string };
    if (a.subtype === 'FileAttachment' || a.file) flags.add('has_attachments');
    const target = a.url ?? a.unsafeUrl;
    if (typeof target === 'string' && target) {
      flags.add('has_external_links');
      if (links.size < MAX_RECORDED_LINKS) links.add(target.slice(0, 500));
    }
  }
}

/**
 * Text of a PDF, one passage per paragraph with its 1-based page; info-dict title, author and
 * creation date. Throws DaftarError encrypted_pdf (password needed) or corrupt_pdf.
 */
export async function readPdf(input: ReadInput, signal?: AbortSignal): Promise<ReadResult> {
  const name = input.fileName ?? 'PDF';
  const pdfjs = await getResolvedPDFJS();
  // pdf.js takes ownership of (transfers) the buffer it is given; the caller still needs its bytes.
  const data = input.bytes.slice();
  const task = pdfjs.getDocument({
    data,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    useWasm: false,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    enableXfa: false,
    stopAtErrors: false,
    verbosity: VERBOSITY_ERRORS,
    cMapUrl: undefined,
    standardFontDataUrl: undefined,
    iccUrl: undefined,
    wasmUrl: undefined,
  });
  const onAbort = () => void task.destroy();
  signal?.addEventListener('abort', onAbort, { once: true });
  let pdf: PdfDocument;
  try {
    pdf = await task.promise;
  } catch (err) {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) throw new ReadAborted('aborted');
    throw pdfLoadError(name, err);
  }
  try {
    const flags = new Set<string>();
    const extra: Record<string, unknown> = { pageCount: pdf.numPages };
    const meta = emptyMetadata();

    let info: Record<string, unknown> = {};
    let xmp: { get(name: string): unknown } | null = null;
    try {
      const m = await pdf.getMetadata();
      info = (m.info ?? {}) as Record<string, unknown>;
      xmp = (m.metadata as { get(name: string): unknown } | null) ?? null;
    } catch {
      flags.add('metadata_unreadable');
    }
    const xmpString = (name: string): string | null => {
      try {
        const raw = xmp?.get(name); // rdf:Seq/Bag values come back as arrays
        const v = Array.isArray(raw) ? raw.filter((x) => typeof x === 'string').join('; ') : raw;
        return typeof v === 'string' ? normalizeText(v).replace(/\n+/g, ' ') || null : null;
      } catch {
        return null;
      }
    };
    if (typeof info.PDFFormatVersion === 'string') extra.pdfVersion = info.PDFFormatVersion;
    const producer = infoString(info, 'Producer');
    const creatorTool = infoString(info, 'Creator');
    if (producer) extra.producer = producer;
    if (creatorTool) extra.creatorTool = creatorTool;

    const permissions = await pdf.getPermissions().catch(() => null);
    if (info.EncryptFilterName || permissions) {
      // Policy: a PDF that opens without a password is extracted even when its permission
      // flags forbid copying or extraction. Those flags come from the owner password and only
      // restrict what a viewer offers; anyone can already read the text. An evidence register
      // must index and preserve what it holds, so we extract and record that we did.
      flags.add('encrypted_extraction_allowed');
      extra.encrypted = true;
      if (permissions) extra.permissions = permissions;
    }

    const pages: string[] = [];
    const links = new Set<string>();
    let emptyPages = 0;
    for (let n = 1; n <= pdf.numPages; n++) {
      if (signal?.aborted) throw new ReadAborted('aborted');
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const text = pageText(content.items);
        pages.push(text);
        if (!text) emptyPages++;
        try {
          noteAnnotations(await page.getAnnotations(), flags, links);
        } catch {
          // annotations are a bonus
        }
        page.cleanup();
      } catch (err) {
        if (signal?.aborted) throw new ReadAborted('aborted');
        flags.add('page_errors');
        pages.push('');
        emptyPages++;
      }
    }
    if (links.size) extra.externalLinks = [...links];
    await collectFlags(pdf, input.bytes, flags, extra);

    const cleaned = removeRunningHeaders(pages.map((p) => (p ? p.split('\n\n') : [])));
    if (cleaned.removed.length) {
      flags.add('running_headers_removed');
      extra.runningHeaders = cleaned.removed.slice(0, 10);
    }
    let text = '';
    const passages: PassageSpan[] = [];
    cleaned.pages.map((paragraphs) => paragraphs.join('\n\n')).forEach((pageText, i) => {
      if (!pageText) return;
      if (text) text += '\n\n';
      passages.push(...paragraphPassages(pageText, i + 1, text.length));
      text += pageText;
    });

    if (!text) {
      // A report that is pixels only: keep it (the blob is the evidence) but say it needs OCR.
      flags.add('needs_ocr');
    } else if (emptyPages > 0) {
      extra.pagesWithoutText = emptyPages;
    }
    if (pdf.numPages === 0) flags.add('no_pages');

    // The Info dictionary first, the XMP packet (which newer producers fill instead) second.
    meta.title = cleanTitle(infoString(info, 'Title') ?? xmpString('dc:title'));
    meta.authors = splitAuthors(infoString(info, 'Author') ?? xmpString('dc:creator'));
    const created = parsePdfDate(info.CreationDate);
    const xmpCreated = created ? null : /^(\d{4}-\d{2}-\d{2})/.exec(xmpString('xmp:createdate') ?? '')?.[1];
    // CreationDate is when the file was made (often an export or a scan), not when the report
    // was published; usually close, sometimes years off.
    if (created) meta.published = { value: created, evidence: 'pdf info CreationDate', confidence: 0.4 };
    else if (xmpCreated) meta.published = { value: xmpCreated, evidence: 'pdf xmp CreateDate', confidence: 0.4 };
    meta.language = text ? detectLanguage(text) : 'other';
    meta.flags = [...flags].sort();
    meta.extra = extra;
    const metadata: DocumentMetadata = meta;
    // A PDF is a report unless its title or opening calls it a testimony or transcript.
    const kind = text && looksLikeTestimony(meta.title, text) ? 'testimony' : 'report';
    return { mediaType: 'pdf', kind, text, passages, metadata, sections: [] };
  } finally {
    signal?.removeEventListener('abort', onAbort);
    await pdf.destroy().catch(() => undefined);
  }
}
