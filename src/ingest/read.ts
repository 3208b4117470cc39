// The one entry point of the read stage: bytes -> ReadResult, dispatched on what the bytes
// are (sniff.ts), never on the file name. Nothing here touches disk or network; the
// pipeline stores the original bytes whatever happens here, unless a reader refuses the file
// with a DaftarError (encrypted PDF, damaged Word file, zip bomb).
// The PDF, Word and image readers (pdf.js, mammoth, exifr) are imported when a file of
// their kind first comes: each reader thread then holds only the libraries it uses.
import { DaftarError } from '../model/errors.js';
import { withHeadline } from './headline.js';
import { readHtml } from './html/read-html.js';
import { readAudioVideo } from './media/read-av.js';
import { mediaTypeOf, sniffFormat, type SniffedFormat } from './sniff.js';
import type { MediaType } from '../model/schema.js';
import { blobResult } from './text/read-result.js';
import { readRtf } from './text/read-rtf.js';
import { readMarkdown, readText } from './text/read-text.js';
import { ReadAborted, type ReadInput, type ReadResult } from './types.js';
import { describeTar } from './zip/describe-tar.js';
import { describeZip } from './zip/describe-zip.js';

/**
 * Read one file's bytes into text and metadata under `input.limits`.
 * Files over maxParseBytes come back unparsed (kind "other", flag too_large_to_parse); a
 * reader that runs past timeoutMs is abandoned the same way (flag read_timeout); unknown
 * formats come back as kind "other" with empty text. Throws DaftarError for empty files and
 * files a reader refuses.
 * readDocument({ bytes, fileName: 'report.pdf', limits: DEFAULT_READ_LIMITS }) -> { mediaType: 'pdf', kind: 'report', … }
 */
export async function readDocument(input: ReadInput): Promise<ReadResult> {
  const name = input.fileName ?? 'file';
  if (input.bytes.length === 0) throw new DaftarError('empty_file', `${name}: file is empty; nothing to store`);
  const format = sniffFormat(input.bytes, input.fileName);
  const mediaType = mediaTypeOf(format);
  if (input.bytes.length > input.limits.maxParseBytes) {
    return blobResult(mediaType, 'other', ['too_large_to_parse'], { format, sizeBytes: input.bytes.length });
  }

  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ReadResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(blobResult(mediaType, 'other', ['read_timeout'], { format, timeoutMs: input.limits.timeoutMs }));
    }, input.limits.timeoutMs);
  });
  try {
    return await Promise.race([dispatch(input, format, mediaType, controller.signal), timeout]);
  } catch (err) {
    if (err instanceof ReadAborted) return blobResult(mediaType, 'other', ['read_timeout'], { format, timeoutMs: input.limits.timeoutMs });
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

async function dispatch(input: ReadInput, format: SniffedFormat, mediaType: MediaType, signal: AbortSignal): Promise<ReadResult> {
  switch (mediaType) {
    case 'pdf':
      return (await import('./pdf/read-pdf.js')).readPdf(input, signal);
    case 'docx':
      return (await import('./docx/read-docx.js')).readDocx(input);
    case 'html':
      return withHeadline(await readHtml(input));
    case 'text':
      return format === 'rtf' ? readRtf(input) : readText(input);
    case 'markdown':
      return readMarkdown(input);
    case 'image':
      return (await import('./media/read-image.js')).readImage(input, format);
    case 'video':
      return readAudioVideo(input, format);
    case 'other': {
      if (format === 'zip') {
        const { flags, extra } = describeZip(input.bytes);
        return blobResult('other', 'other', flags, extra);
      }
      if (format === 'tar') {
        const { flags, extra } = describeTar(input.bytes);
        return blobResult('other', 'other', flags, extra);
      }
      if (format === 'gzip' || format === '7z' || format === 'rar') return blobResult('other', 'other', ['archive'], { format });
      // OLE2/CFB is a legacy .doc/.xls or an encrypted Office file: kept as evidence, unread.
      if (format === 'ole') return blobResult('other', 'other', ['legacy_or_encrypted_office'], { format });
      return blobResult('other', 'other', [], { format });
    }
  }
}
