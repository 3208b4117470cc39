import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { compareFingerprints, fingerprintImage } from '../../src/media/phash.js';
import { stripImage, stripImageMetadata } from '../../src/media/strip-metadata.js';

const fixture = (name: string): Buffer => readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name));

// Strings planted in the fixtures' EXIF, XMP, IPTC and PNG text chunks.
const LEAKS = ['Witness', 'Tehran', 'DaftarTestCam', 'Fictional', 'ns.adobe.com', 'GPS', 'Exif\0\0', 'ICC_PROFILE'];

describe('stripImageMetadata', () => {
  it('removes EXIF, GPS, XMP and IPTC from a JPEG and keeps the picture', async () => {
    const input = fixture('gps-exif-xmp-iptc.jpg');
    const before = await exifr.parse(input, { xmp: true, iptc: true, gps: true });
    expect(before?.latitude).toBeCloseTo(35.6892, 3); // the fixture really carries GPS
    const out = await stripImageMetadata(input);
    expect((await sharp(out).metadata()).format).toBe('jpeg');
    expect(await exifr.parse(out, { tiff: true, exif: true, gps: true, xmp: true, iptc: true, icc: true })).toBeUndefined();
    const text = out.toString('latin1');
    for (const s of LEAKS) expect(text).not.toContain(s);
    expect(compareFingerprints(await fingerprintImage(input), await fingerprintImage(out)).distance).toBeLessThanOrEqual(2);
  });

  it('drops the EXIF thumbnail that still shows the unredacted original', async () => {
    const input = fixture('thumbnail-leak.jpg');
    expect(await exifr.thumbnail(input)).toBeDefined();
    const out = await stripImageMetadata(input);
    expect(await exifr.thumbnail(out)).toBeUndefined();
    // Exactly one JPEG start-of-image marker: no embedded second JPEG.
    expect(out.toString('latin1').split('\xff\xd8\xff').length - 1).toBe(1);
  });

  it('removes XMP and text chunks from PNG and WebP', async () => {
    for (const name of ['png-xmp-gps-text-chunk.png', 'webp-xmp-gps.webp']) {
      const input = fixture(name);
      expect(input.toString('latin1')).toMatch(/GPS/);
      const { bytes, format } = await stripImage(input);
      expect(format).toBe(name.endsWith('.png') ? 'png' : 'webp');
      const text = bytes.toString('latin1');
      for (const s of LEAKS) expect(text).not.toContain(s);
      expect(text).not.toMatch(/tEXt|iTXt|zTXt|eXIf|XMP /);
    }
  });

  it('applies EXIF orientation to the pixels before dropping the tag', async () => {
    // 60x20 landscape pixels tagged "rotate 90 CW" (orientation 6) display as 20x60.
    const tagged = await sharp({ create: { width: 60, height: 20, channels: 3, background: '#c33' } })
      .composite([{ input: { create: { width: 10, height: 20, channels: 3, background: '#000' } }, left: 0, top: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    expect((await sharp(tagged).metadata()).orientation).toBe(6);
    const out = await stripImage(tagged);
    expect([out.width, out.height]).toEqual([20, 60]);
    const meta = await sharp(out.bytes).metadata();
    expect(meta.orientation).toBeUndefined();
    // The black band was on the left; turned clockwise it is now on top.
    const { data } = await sharp(out.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[(2 * 20 + 10) * 3]).toBeLessThan(60);
    expect(data[(50 * 20 + 10) * 3]).toBeGreaterThan(120);
  });

  it('re-encodes HEIC as PNG without its metadata', async () => {
    const input = fixture('heic-sample.heic');
    let out;
    try {
      out = await stripImage(input);
    } catch (err) {
      // A sharp build without a HEVC decoder (the prebuilt one) must say so in one line.
      expect(err).toMatchObject({ code: 'unsupported', message: 'image: HEIC (HEVC) pictures cannot be re-encoded by this build; the original is kept as a blob' });
      return;
    }
    expect(out.format).toBe('png');
    expect(out.bytes.toString('latin1')).not.toMatch(/ns\.adobe\.com|GPS/);
  });
});
