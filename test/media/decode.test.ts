import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkImageSize, decodeGrey } from '../../src/media/decode.js';
import { fingerprintImage } from '../../src/media/phash.js';
import { stripImageMetadata } from '../../src/media/strip-metadata.js';

const fixture = (name: string): Buffer => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

describe('safe decoding', () => {
  // A ~150 KB PNG that claims 30000x30000 pixels (3.6 GB as RGBA once decoded).
  const bomb = fixture('decompression-bomb-30000x30000.png');

  it('refuses a 900-megapixel image from its header with one line, before decoding', async () => {
    await expect(checkImageSize(bomb)).rejects.toMatchObject({
      code: 'too_large',
      message: 'image: 30000x30000 is 900 megapixels, over the 100 MP decoding limit; kept as a blob, not decoded',
    });
    await expect(fingerprintImage(bomb)).rejects.toMatchObject({ code: 'too_large' });
    await expect(stripImageMetadata(bomb)).rejects.toMatchObject({ code: 'too_large' });
  });

  it('honours a lower limit given by the caller', async () => {
    await expect(decodeGrey(fixture('thumbnail-leak.jpg'), 64, { maxInputPixels: 100 })).rejects.toMatchObject({ code: 'too_large' });
  });

  it('reports empty, truncated and non-image input as one-line errors', async () => {
    await expect(fingerprintImage(new Uint8Array(0))).rejects.toMatchObject({ code: 'empty_file' });
    await expect(fingerprintImage(Buffer.from('%PDF-1.7 not an image'))).rejects.toMatchObject({ code: 'corrupt_image' });
    const truncated = fixture('truncated.jpg');
    try {
      await fingerprintImage(truncated);
      throw new Error('a JPEG cut to a third must not hash as if whole');
    } catch (err) {
      expect((err as { code?: string }).code).toBe('corrupt_image');
      expect((err as Error).message).not.toContain('\n');
    }
  });
});
