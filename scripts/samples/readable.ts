// Crude "readable text" of a sample file, used to check gold.json: tags stripped
// and entities decoded for HTML, raw text for .txt/.md, unpdf for PDF, mammoth
// for DOCX. Whitespace is collapsed so PDF line wrapping does not matter.
import { readFileSync } from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import mammoth from 'mammoth';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function stripHtml(html: string): string {
  return html
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITIES[e.toLowerCase()] ?? m);
}

export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

export async function readableText(path: string): Promise<string> {
  const bytes = readFileSync(path);
  if (path.endsWith('.html')) return collapse(stripHtml(bytes.toString('utf8')));
  if (path.endsWith('.txt') || path.endsWith('.md')) return collapse(bytes.toString('utf8'));
  if (path.endsWith('.pdf')) {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { text } = await extractText(pdf, { mergePages: true });
    return collapse(text);
  }
  if (path.endsWith('.docx')) return collapse((await mammoth.extractRawText({ buffer: bytes })).value);
  return '';
}
