// Pixel dimensions from image headers, without decoding a pixel. Later stages (thumbnails,
// perceptual hashes) must refuse decompression bombs before decoding: the size is here.
import type { SniffedFormat } from '../sniff.js';

export interface ImageSize {
  width: number;
  height: number;
}

function u16be(b: Uint8Array, p: number): number {
  return (b[p]! << 8) | b[p + 1]!;
}
function u32be(b: Uint8Array, p: number): number {
  return ((b[p]! << 24) >>> 0) + (b[p + 1]! << 16) + (b[p + 2]! << 8) + b[p + 3]!;
}
function u16le(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8);
}
function u24le(b: Uint8Array, p: number): number {
  return b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16);
}

function jpegSize(b: Uint8Array): ImageSize | null {
  let p = 2;
  // Walk marker segments up to the first SOFn; bounded by the buffer and a segment count.
  for (let guard = 0; guard < 10_000 && p + 9 < b.length; guard++) {
    if (b[p] !== 0xff) return null;
    const marker = b[p + 1]!;
    if (marker === 0xff) {
      p++;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      p += 2;
      continue;
    }
    const len = u16be(b, p + 2);
    if (len < 2) return null;
    const isSof = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) return { height: u16be(b, p + 5), width: u16be(b, p + 7) };
    if (marker === 0xda || marker === 0xd9) return null;
    p += 2 + len;
  }
  return null;
}

function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const chunk = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  if (chunk === 'VP8X') return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  return null;
}

/** Width and height from the header of a JPEG, PNG, GIF, WebP or BMP; null when not found. */
export function readImageSize(bytes: Uint8Array, format: SniffedFormat): ImageSize | null {
  try {
    switch (format) {
      case 'png':
        return bytes.length >= 24 ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : null;
      case 'gif':
        return bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : null;
      case 'jpeg':
        return jpegSize(bytes);
      case 'webp':
        return webpSize(bytes);
      case 'bmp':
        return bytes.length >= 26 ? { width: Math.abs(new DataView(bytes.buffer, bytes.byteOffset).getInt32(18, true)), height: Math.abs(new DataView(bytes.buffer, bytes.byteOffset).getInt32(22, true)) } : null;
      default:
        return null;
    }
  } catch {
    return null;
  }
}
