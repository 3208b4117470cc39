// Safe image decoding with sharp: the pixel count is checked from the header before
// any pixel is decoded, so a small file claiming 30000x30000 pixels cannot exhaust memory.
import sharp from 'sharp';
import type { Metadata, Sharp } from 'sharp';
import { DaftarError } from '../model/errors.js';

export interface ImageLimits {
  /** Largest width x height decoded; larger images are refused (default 100 MP). */
  maxInputPixels: number;
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = { maxInputPixels: 100_000_000 };

/** A greyscale raster, one byte per pixel, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Reads the header only; refuses images above the pixel limit with DaftarError('too_large'). */
export async function checkImageSize(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<{ width: number; height: number; format: string }> {
  if (bytes.length === 0) throw new DaftarError('empty_file', 'image: the file is empty (0 bytes)');
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new DaftarError('corrupt_image', `image: not a readable image (${firstLine(err)})`, { cause: err });
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (width <= 0 || height <= 0) throw new DaftarError('corrupt_image', 'image: header gives no dimensions');
  const pixels = width * height;
  if (pixels > limits.maxInputPixels) {
    throw new DaftarError(
      'too_large',
      `image: ${width}x${height} is ${(pixels / 1e6).toFixed(0)} megapixels, over the ${(limits.maxInputPixels / 1e6).toFixed(0)} MP decoding limit; kept as a blob, not decoded`,
    );
  }
  return { width, height, format: meta.format === 'heif' && meta.compression === 'hevc' ? 'heic' : (meta.format ?? 'unknown') };
}

/** The one-line error for a decode failure: HEIC gets its own, since prebuilt sharp has no HEVC decoder. */
export function decodeError(format: string, action: string, err: unknown): DaftarError {
  if (format === 'heic') {
    return new DaftarError('unsupported', `image: HEIC (HEVC) pictures cannot be ${action} by this build; the original is kept as a blob`, { cause: err });
  }
  return new DaftarError('corrupt_image', `image: cannot ${action === 'decoded' ? 'decode' : action} (${firstLine(err)})`, { cause: err });
}

/** A sharp pipeline with the pixel limit set, for every decode in Daftar. */
export function openImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Sharp {
  // limitInputPixels again here: the header check above is the friendly message,
  // this is the guarantee (libvips enforces it before allocating).
  return sharp(bytes, { limitInputPixels: limits.maxInputPixels, failOn: 'error' });
}

/**
 * Decodes to greyscale with EXIF orientation applied and alpha flattened on white,
 * downscaled so the longer side is at most `maxSide` pixels.
 */
export async function decodeGrey(bytes: Uint8Array, maxSide: number, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<GreyImage> {
  const { format } = await checkImageSize(bytes, limits);
  try {
    const { data, info } = await openImage(bytes, limits)
      .rotate()
      .flatten({ background: '#ffffff' })
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true, kernel: 'lanczos3' })
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const { width, height, channels } = info;
    if (channels === 1) return { width, height, data: new Uint8Array(data.buffer, data.byteOffset, width * height) };
    const grey = new Uint8Array(width * height);
    for (let i = 0; i < grey.length; i++) grey[i] = data[i * channels];
    return { width, height, data: grey };
  } catch (err) {
    if (err instanceof DaftarError) throw err;
    throw decodeError(format, 'decoded', err);
  }
}

export function firstLine(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return (msg.split('\n')[0] ?? '').trim() || 'unknown error';
}
