// Images: metadata only (EXIF, GPS, XMP, IPTC via exifr), never pixels. Capture time becomes
// the document date; GPS and device go to metadata.extra, where exports of protected items
// strip them. exifr reads segments from the buffer it is given and allocates by segment,
// bounded by the file size; makernotes, ICC and thumbnails are not parsed.
import exifr from 'exifr';
import type { PublishedDate } from '../../model/schema.js';
import type { SniffedFormat } from '../sniff.js';
import { blobResult } from '../text/read-result.js';
import type { ReadInput, ReadResult } from '../types.js';
import { readImageSize } from './image-size.js';

/** Pixel count above which later stages must not decode the image (100 megapixels). */
export const MAX_DECODE_PIXELS = 100_000_000;

type Block = Record<string, unknown>;

const EXIFR_OPTIONS = {
  tiff: true,
  exif: true,
  gps: true,
  xmp: true,
  iptc: true,
  ihdr: true,
  icc: false,
  jfif: false,
  interop: false,
  ifd1: false, // the thumbnail IFD: never read, never decoded
  makerNote: false,
  userComment: false,
  reviveValues: false, // keep "2022:09:21 18:30:00" as text: Date objects would apply our time zone
  translateValues: false,
  translateKeys: true,
  mergeOutput: false,
  sanitize: true,
  multiSegment: true,
};

function str(v: unknown): string | null {
  if (typeof v === 'string') {
    const s = v.replace(/\u0000/g, '').trim();
    return s || null;
  }
  if (Array.isArray(v) && v.length && typeof v[0] === 'string') return str(v[0]);
  return null;
}

/** "2022:09:21 18:30:00" or "2022-09-21T18:30:00+03:30" -> "2022-09-21"; "0000:00:00 ..." -> null. */
export function exifDate(v: unknown): string | null {
  const s = str(v);
  if (!s) return null;
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})/.exec(s);
  if (!m) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

/** EXIF rational triple [35, 41, 21.12] + "N", or XMP "35,41.352N" / "35,41,21.12N" -> signed degrees. */
export function gpsCoordinate(value: unknown, ref: unknown): number | null {
  let deg: number | null = null;
  let hemisphere = typeof ref === 'string' ? ref.trim().toUpperCase() : '';
  if (Array.isArray(value) && value.length >= 1 && value.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    const [d, m = 0, s = 0] = value as number[];
    deg = d! + m / 60 + s / 3600;
  } else if (typeof value === 'number' && Number.isFinite(value)) {
    deg = value;
  } else if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)(?:,(\d+(?:\.\d+)?))?(?:,(\d+(?:\.\d+)?))?\s*([NSEW])?\s*$/i.exec(value);
    if (!m) return null;
    deg = +m[1]! + (m[2] ? +m[2] / 60 : 0) + (m[3] ? +m[3] / 3600 : 0);
    if (m[4]) hemisphere = m[4].toUpperCase();
  }
  if (deg === null) return null;
  if (hemisphere === 'S' || hemisphere === 'W') deg = -deg;
  return Math.round(deg * 1e6) / 1e6;
}

function findGps(blocks: Record<string, Block>): { lat: number; lon: number } | null {
  const candidates: Block[] = [blocks.gps, blocks.exif].filter((b): b is Block => !!b);
  for (const b of candidates) {
    const lat = gpsCoordinate(b.GPSLatitude, b.GPSLatitudeRef);
    const lon = gpsCoordinate(b.GPSLongitude, b.GPSLongitudeRef);
    if (lat === null || lon === null || Math.abs(lat) > 90 || Math.abs(lon) > 180) continue;
    if (lat === 0 && lon === 0) continue; // the "no fix" placeholder many cameras write
    return { lat, lon };
  }
  return null;
}

/** XMP packets embedded anywhere in the file (WebP, HEIC, broken JPEGs), as text. */
function xmpPacket(bytes: Uint8Array): string | null {
  const open = indexOf(bytes, '<x:xmpmeta');
  if (open < 0) return null;
  const close = indexOf(bytes, '</x:xmpmeta>', open);
  if (close < 0 || close - open > 4 * 1024 * 1024) return null;
  return new TextDecoder('utf-8').decode(bytes.subarray(open, close + 12));
}

function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
  const first = needle.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first, from); i >= 0 && i <= bytes.length - needle.length; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

/** XMP properties as attributes (exif:GPSLatitude="…") or elements (<exif:GPSLatitude>…<). */
function xmpBlocks(xmp: string): Record<string, Block> {
  const blocks: Record<string, Block> = {};
  const put = (ns: string, key: string, value: string) => {
    (blocks[ns] ??= {})[key] ??= value.trim();
  };
  for (const m of xmp.matchAll(/\b(exif|xmp|photoshop|dc|tiff|exifEX):(\w+)="([^"]*)"/g)) put(m[1]!, m[2]!, m[3]!);
  for (const m of xmp.matchAll(/<(exif|xmp|photoshop|tiff):(\w+)>([^<]*)<\/\1:\2>/g)) put(m[1]!, m[2]!, m[3]!);
  for (const m of xmp.matchAll(/<dc:(creator|title)>[\s\S]*?<rdf:li[^>]*>([^<]*)<\/rdf:li>/g)) put('dc', m[1]!, m[2]!);
  return blocks;
}

/** The EXIF payload of a WebP (RIFF "EXIF" chunk), which exifr cannot find on its own. */
function webpExifChunk(bytes: Uint8Array): Uint8Array | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let p = 12; p + 8 <= bytes.length; ) {
    const id = String.fromCharCode(bytes[p]!, bytes[p + 1]!, bytes[p + 2]!, bytes[p + 3]!);
    const size = dv.getUint32(p + 4, true);
    const end = Math.min(bytes.length, p + 8 + size);
    if (id === 'EXIF') {
      let data = bytes.subarray(p + 8, end);
      if (data[0] === 0x45 && data[1] === 0x78) data = data.subarray(6); // "Exif\0\0" prefix
      return data;
    }
    p = p + 8 + size + (size & 1);
  }
  return null;
}

async function parseExif(data: Uint8Array): Promise<Record<string, Block>> {
  try {
    const out = (await exifr.parse(data, { ...EXIFR_OPTIONS, silentErrors: true } as Parameters<typeof exifr.parse>[1])) as Record<string, Block> | undefined;
    return out ?? {};
  } catch {
    return {};
  }
}

/** A JPEG without its end-of-image marker or a PNG without IEND was cut short (pixels are never decoded here). */
function isTruncated(bytes: Uint8Array, format: SniffedFormat): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 64));
  if (format === 'jpeg') {
    for (let i = tail.length - 2; i >= 0; i--) if (tail[i] === 0xff && tail[i + 1] === 0xd9) return false;
    return true;
  }
  if (format === 'png') return indexOf(tail, 'IEND') < 0;
  return false;
}

function first<T>(...values: (T | null)[]): T | null {
  for (const v of values) if (v !== null) return v;
  return null;
}

/** Image metadata: capture date, GPS, device, creator, pixel size. kind "media", no text. */
export async function readImage(input: ReadInput, format: SniffedFormat): Promise<ReadResult> {
  const flags: string[] = [];
  const extra: Record<string, unknown> = { format };
  let blocks = await parseExif(input.bytes);
  if (format === 'webp' && !blocks.ifd0 && !blocks.exif) {
    const chunk = webpExifChunk(input.bytes);
    if (chunk) blocks = { ...(await parseExif(chunk)), ...blocks };
  }
  if (!blocks.xmp && !blocks.dc && !blocks.photoshop) {
    const xmp = xmpPacket(input.bytes);
    if (xmp) {
      for (const [ns, b] of Object.entries(xmpBlocks(xmp))) blocks[ns] = { ...b, ...(blocks[ns] ?? {}) };
    }
  }
  if (Object.keys(blocks).length === 0) flags.push('metadata_unreadable');
  if (isTruncated(input.bytes, format)) flags.push('truncated');

  const ifd0 = blocks.ifd0 ?? {};
  const exif = blocks.exif ?? {};
  const xmp = blocks.xmp ?? {};
  const photoshop = blocks.photoshop ?? {};
  let published: PublishedDate | null = null;
  const dateSources: [unknown, string, number][] = [
    [exif.DateTimeOriginal, 'exif DateTimeOriginal', 0.7],
    [exif.CreateDate, 'exif CreateDate', 0.6],
    [exif.DateTimeDigitized, 'exif DateTimeDigitized', 0.6],
    [photoshop.DateCreated, 'xmp photoshop:DateCreated', 0.6],
    [xmp.CreateDate, 'xmp CreateDate', 0.5],
    [ifd0.ModifyDate ?? ifd0.DateTime, 'exif ModifyDate', 0.3],
  ];
  for (const [value, evidence, confidence] of dateSources) {
    const d = exifDate(value);
    if (d) {
      published = { value: d, evidence, confidence };
      break;
    }
  }

  const gps = findGps(blocks);
  if (gps) {
    extra.gps = gps;
    flags.push('has_gps');
  }
  const make = str(ifd0.Make);
  const model = str(ifd0.Model);
  const device = make && model ? (model.toLowerCase().startsWith(make.toLowerCase()) ? model : `${make} ${model}`) : (make ?? model);
  if (device) extra.device = device;
  const creator = first(str(ifd0.Artist), str(blocks.dc?.creator), str(blocks.iptc?.Byline));
  const city = first(str(blocks.iptc?.City), str(photoshop.City));
  const country = first(str(blocks.iptc?.Country), str(photoshop.Country));
  if (city || country) extra.location = { city, country };
  const description = first(str(ifd0.ImageDescription), str(blocks.dc?.description));
  if (description) extra.description = description;

  const size = blocks.ihdr && typeof blocks.ihdr.ImageWidth === 'number' ? { width: blocks.ihdr.ImageWidth as number, height: blocks.ihdr.ImageHeight as number } : readImageSize(input.bytes, format);
  if (size) {
    extra.width = size.width;
    extra.height = size.height;
    if (size.width * size.height > MAX_DECODE_PIXELS) flags.push('too_many_pixels_to_decode');
  }
  const result = blobResult('image', 'media', flags.sort(), extra);
  result.metadata.published = published;
  if (creator) result.metadata.authors = [creator];
  result.metadata.title = str(blocks.dc?.title) ?? null;
  return result;
}
