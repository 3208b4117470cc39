// HTML reader (placeholder; the full extractor follows).
import { DaftarError } from '../../model/errors.js';
import { normalizeText } from '../../text/normalize.js';
import { splitParagraphs } from '../../text/segment.js';
import { detectLanguage } from '../../text/language.js';
import type { Reader } from '../types.js';

export const readHtml: Reader = async (input) => {
  const raw = new TextDecoder('utf-8').decode(input.bytes);
  const text = normalizeText(
    raw
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<\/?(p|div|h[1-6]|li|br|tr)\b[^>]*>/gi, '\n\n')
      .replace(/<[^>]*>/g, ' '),
  );
  if (!text) throw new DaftarError('no_text', `${input.fileName ?? 'input'}: HTML page has no readable text`);
  return {
    mediaType: 'html',
    kind: 'article',
    text,
    passages: splitParagraphs(text).map((s) => ({ start: s.start, end: s.end, page: null })),
    metadata: { title: null, authors: [], site: null, url: null, language: detectLanguage(text), published: null, flags: [], extra: {} },
    sections: [],
  };
};
