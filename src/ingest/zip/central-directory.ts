// A minimal, bounded reader of ZIP structure. We read the central directory ourselves
// (instead of trusting a library to unpack) so that bombs, lying sizes, encrypted
// entries and path-escaping names are seen BEFORE any byte is inflated.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number; // 0 stored, 8 deflate
  flags: number; // general-purpose bit flags; bit 0 = encrypted
  compressedSize: number;
  uncompressedSize: number; // as DECLARED by the archive; may lie
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;

/** True when the bytes start like a ZIP archive (local header or empty-archive EOCD). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function decodeName(raw: Uint8Array, utf8Flag: boolean): string {
  // Names without the UTF-8 flag are CP437 by the spec; for the names we look at
  // (word/document.xml) ASCII is enough, and latin1 never throws.
  return utf8Flag ? new TextDecoder('utf-8').decode(raw) : new TextDecoder('latin1').decode(raw);
}

/**
 * Entries listed in the central directory, or null when there is no end-of-central-directory
 * record (truncated or not a zip). At most `maxEntries` are returned; `truncatedListing`
 * tells when more were declared.
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries = 100_000): { entries: ZipEntry[]; declaredEntries: number } | null {
  if (bytes.length < 22) return null;
  const dv = view(bytes);
  // The EOCD sits in the last 22 + 65535 (max comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  let declaredEntries = dv.getUint16(eocd + 10, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  // ZIP64: the real counts live in the zip64 EOCD record.
  if ((declaredEntries === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && dv.getUint32(eocd - 20, true) === ZIP64_LOCATOR_SIGNATURE) {
    const z64 = Number(dv.getBigUint64(eocd - 20 + 8, true));
    if (z64 + 56 <= bytes.length && dv.getUint32(z64, true) === ZIP64_EOCD_SIGNATURE) {
      declaredEntries = Number(dv.getBigUint64(z64 + 32, true));
      cdOffset = Number(dv.getBigUint64(z64 + 48, true));
    }
  }
  if (cdOffset >= bytes.length) return null;
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  while (entries.length < Math.min(declaredEntries, maxEntries) && p + 46 <= bytes.length && dv.getUint32(p, true) === CENTRAL_SIGNATURE) {
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let uncompressedSize = dv.getUint32(p + 24, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    let localHeaderOffset = dv.getUint32(p + 42, true);
    const nameStart = p + 46;
    if (nameStart + nameLength + extraLength > bytes.length) break;
    const name = decodeName(bytes.subarray(nameStart, nameStart + nameLength), (flags & 0x800) !== 0);
    // ZIP64 extra field (id 1) carries the 64-bit sizes when the 32-bit ones are 0xffffffff.
    let e = nameStart + nameLength;
    const extraEnd = e + extraLength;
    while (e + 4 <= extraEnd) {
      const id = dv.getUint16(e, true);
      const size = dv.getUint16(e + 2, true);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) (uncompressedSize = Number(dv.getBigUint64(q, true))), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = Number(dv.getBigUint64(q, true))), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = Number(dv.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = extraEnd + commentLength;
  }
  return { entries, declaredEntries };
}

/**
 * Names from local file headers, walked from the start; used when the central directory is
 * missing (a truncated archive). Stops at the first entry whose size is unknown.
 */
export function scanLocalHeaderNames(bytes: Uint8Array, maxEntries = 1000): string[] {
  const dv = view(bytes);
  const names: string[] = [];
  let p = 0;
  while (names.length < maxEntries && p + 30 <= bytes.length && dv.getUint32(p, true) === LOCAL_SIGNATURE) {
    const flags = dv.getUint16(p + 6, true);
    const compressedSize = dv.getUint32(p + 18, true);
    const nameLength = dv.getUint16(p + 26, true);
    const extraLength = dv.getUint16(p + 28, true);
    if (p + 30 + nameLength > bytes.length) break;
    names.push(decodeName(bytes.subarray(p + 30, p + 30 + nameLength), (flags & 0x800) !== 0));
    if (flags & 0x8) break; // sizes follow the data (data descriptor): cannot skip safely
    p += 30 + nameLength + extraLength + compressedSize;
  }
  return names;
}

export class ZipEntryError extends Error {}

/**
 * The bytes of one entry, inflated with a hard cap on the output: declared sizes are not
 * trusted, so inflation stops as soon as more than `maxBytes` come out.
 * Throws ZipEntryError on encryption, unknown methods, overruns or damaged data.
 */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.flags & 1) throw new ZipEntryError(`entry ${entry.name} is encrypted`);
  const dv = view(bytes);
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL_SIGNATURE) throw new ZipEntryError(`entry ${entry.name} has no local header`);
  const start = p + 30 + dv.getUint16(p + 26, true) + dv.getUint16(p + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipEntryError(`entry ${entry.name} runs past the end of the archive`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw new ZipEntryError(`entry ${entry.name} is larger than ${maxBytes} bytes`);
    return data.slice();
  }
  if (entry.method !== 8) throw new ZipEntryError(`entry ${entry.name} uses unsupported compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let overrun = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) overrun = true;
    else chunks.push(chunk);
  });
  // Feed in slices so an overrun is noticed after at most one slice of output.
  const SLICE = 4 * 1024; // deflate tops out near 1032:1, so one slice inflates to at most ~4 MB
  try {
    for (let i = 0; i < data.length && !overrun; i += SLICE) {
      const last = i + SLICE >= data.length;
      inflater.push(data.subarray(i, Math.min(i + SLICE, data.length)), last);
    }
  } catch (err) {
    throw new ZipEntryError(`entry ${entry.name} has damaged compressed data`, { cause: err });
  }
  if (overrun) throw new ZipEntryError(`entry ${entry.name} inflates past ${maxBytes} bytes`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** True when an entry name would escape the folder it is unpacked into (zip-slip). */
export function isUnsafeEntryName(name: string): boolean {
  return name.startsWith('/') || name.startsWith('\\') || /^[a-zA-Z]:/.test(name) || name.split(/[\\/]/).includes('..');
}
