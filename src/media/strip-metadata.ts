// Re-encodes an image without the metadata that can expose a witness or a source:
// EXIF (GPS, camera and lens serial numbers, owner name, the embedded thumbnail that
// may still show an unredacted original), XMP, IPTC, ICC and text chunks. Used when
// exporting protected items; the stored original is never touched.
import { DaftarError } from '../model/errors.js';
import { DEFAULT_IMAGE_LIMITS, checkImageSize, decodeError, firstLine, openImage, type ImageLimits } from './decode.js';

export interface StrippedImage {
  bytes: Buffer;
  /** Output format: the input's own for jpeg/png/webp/gif/tiff, else png. */
  format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff';
  width: number;
  height: number;
}

/**
 * Bytes of the same picture with no metadata at all, EXIF orientation applied to the
 * pixels (so it still displays upright) and colours converted to sRGB.
 * @example const clean = await stripImageMetadata(jpegWithGps) // JPEG, no EXIF/XMP/ICC
 */
export async function stripImageMetadata(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<Buffer> {
  return (await stripImage(bytes, limits)).bytes;
}

/** As stripImageMetadata, with the output format and size. */
export async function stripImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<StrippedImage> {
  const { format: inputFormat } = await checkImageSize(bytes, limits);
  const format = outputFormat(inputFormat);
  try {
    // sharp writes no metadata unless asked (keepMetadata/withMetadata), so a plain
    // re-encode drops EXIF, XMP, IPTC, ICC and PNG text chunks; rotate() bakes the
    // EXIF orientation into the pixels before the tag disappears.
    let pipeline = openImage(bytes, limits).rotate().toColourspace('srgb');
    if (format === 'jpeg') pipeline = pipeline.jpeg({ quality: 92, chromaSubsampling: '4:4:4' });
    else if (format === 'png') pipeline = pipeline.png({ compressionLevel: 9 });
    else if (format === 'webp') pipeline = pipeline.webp({ quality: 92 });
    else if (format === 'gif') pipeline = pipeline.gif();
    else pipeline = pipeline.tiff({ compression: 'lzw' });
    const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
    return { bytes: data, format, width: info.width, height: info.height };
  } catch (err) {
    throw inputFormat === 'heic' ? decodeError(inputFormat, 're-encoded', err) : new DaftarError('corrupt_image', `image: cannot re-encode without metadata (${firstLine(err)})`, { cause: err });
  }
}

function outputFormat(input: string): StrippedImage['format'] {
  switch (input) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
    case 'tiff':
      return input;
    default:
      // HEIF/AVIF/SVG and the rest: PNG is lossless and universally readable.
      return 'png';
  }
}
