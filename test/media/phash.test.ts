import fc from 'fast-check';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeGrey } from '../../src/media/decode.js';
import { compareFingerprints, fingerprintGrey, fingerprintImage, hammingDistance, perceptualHash } from '../../src/media/phash.js';

// A synthetic "photo": smooth gradients and a few shapes, different per seed.
function sceneSvg(seed: number, w = 320, h = 240): string {
  const r = (k: number): number => Math.abs(Math.sin(seed * 97.13 + k * 13.7)) ;
  const shapes = Array.from({ length: 6 }, (_, k) =>
    `<circle cx="${Math.round(r(k) * w)}" cy="${Math.round(r(k + 10) * h)}" r="${Math.round(15 + r(k + 20) * 60)}" fill="rgb(${Math.round(r(k + 30) * 255)},${Math.round(r(k + 40) * 255)},${Math.round(r(k + 50) * 255)})"/>`,
  ).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="${r(60).toFixed(2)}" y2="1"><stop offset="0" stop-color="rgb(${Math.round(r(61) * 255)},40,90)"/><stop offset="1" stop-color="rgb(20,${Math.round(r(62) * 255)},200)"/></linearGradient></defs><rect width="${w}" height="${h}" fill="url(#g)"/>${shapes}</svg>`;
}

// A screenshot-like post: header bar, "title" and "text" lines as dark bars on white.
function postSvg(lines: number[]): string {
  const bars = lines.map((len, i) => `<rect x="20" y="${90 + i * 40}" width="${len}" height="${i === 0 ? 22 : 10}" fill="#111"/>`).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="720" height="400"><rect width="720" height="400" fill="#fff"/><rect width="720" height="56" fill="#1e3557"/><rect x="20" y="18" width="120" height="20" fill="#fff"/>${bars}<rect x="20" y="355" width="270" height="10" fill="#888"/></svg>`;
}

const png = (svg: string): Promise<Buffer> => sharp(Buffer.from(svg)).png().toBuffer();

describe('perceptual hash', () => {
  it('is 16 hex digits and identical for identical pixels in another container', async () => {
    const a = await png(sceneSvg(1));
    const jpegLossless = await sharp(a).png({ compressionLevel: 1 }).toBuffer();
    const h = await perceptualHash(a);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(await perceptualHash(jpegLossless)).toBe(h);
  });

  it('derives the orientation hashes exactly as if the pixels were mirrored or turned', async () => {
    const img = await decodeGrey(await png(sceneSvg(2)), 256);
    const fp = fingerprintGrey(img);
    const { width: w, height: h, data } = img;
    const mirrored = new Uint8Array(w * h);
    const rotated = new Uint8Array(w * h); // 90 degrees clockwise: h wide, w tall
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        mirrored[y * w + (w - 1 - x)] = data[y * w + x];
        rotated[x * h + (h - 1 - y)] = data[y * w + x];
      }
    }
    expect(fingerprintGrey({ width: w, height: h, data: mirrored }).phash).toBe(fp.orientations[1].hash64);
    expect(fingerprintGrey({ width: h, height: w, data: rotated }).phash).toBe(fp.orientations[5].hash64);
  });

  it('matches re-posts: recompression, resize, mirror, quarter turn, border, corner crop', async () => {
    const original = await png(sceneSvg(3));
    const fo = await fingerprintImage(original);
    const variants: Record<string, Buffer> = {
      jpeg: await sharp(original).jpeg({ quality: 20 }).toBuffer(),
      resize: await sharp(original).resize(160).png().toBuffer(),
      mirror: await sharp(original).flop().png().toBuffer(),
      rot90: await sharp(original).rotate(90).png().toBuffer(),
      border: await sharp(original).extend({ top: 19, bottom: 19, left: 26, right: 26, background: '#000' }).png().toBuffer(),
      corner: await sharp(original).extract({ left: 0, top: 0, width: 192, height: 144 }).png().toBuffer(),
    };
    for (const [name, bytes] of Object.entries(variants)) {
      const c = compareFingerprints(fo, await fingerprintImage(bytes));
      expect({ name, nearDuplicate: c.nearDuplicate }).toEqual({ name, nearDuplicate: true });
    }
    const c = compareFingerprints(fo, await fingerprintImage(variants.rot90));
    expect(c.via).toBe('rot90/full');
  });

  it('keeps different pictures apart', async () => {
    const prints = await Promise.all([4, 5, 6, 7, 8].map(async (s) => fingerprintImage(await png(sceneSvg(s)))));
    for (let i = 0; i < prints.length; i++) {
      for (let j = i + 1; j < prints.length; j++) expect(compareFingerprints(prints[i], prints[j]).nearDuplicate).toBe(false);
    }
  });

  it('keeps two posts on one template apart but matches a recompressed copy of one', async () => {
    const a = await png(postSvg([500, 600, 420]));
    const b = await png(postSvg([520, 450, 610]));
    const fa = await fingerprintImage(a);
    const fb = await fingerprintImage(b);
    expect(fa.textLike).toBe(true);
    const apart = compareFingerprints(fa, fb);
    // Low frequencies alone cannot tell them apart; the detail hash must.
    expect(apart.distance).toBeLessThanOrEqual(12);
    expect(apart.nearDuplicate).toBe(false);
    expect(compareFingerprints(fa, await fingerprintImage(await sharp(a).jpeg({ quality: 30 }).toBuffer())).nearDuplicate).toBe(true);
  });

  it('refuses fingerprints of another version', async () => {
    const fp = await fingerprintImage(await png(sceneSvg(9)));
    expect(() => compareFingerprints(fp, { ...fp, version: 'other' })).toThrow(/different versions/);
  });
});

describe('hammingDistance', () => {
  it('counts differing bits, symmetric, zero only for equal hashes', () => {
    expect(hammingDistance('ffffffffffffffff', '0000000000000000')).toBe(64);
    expect(hammingDistance('8000000000000001', '0000000000000000')).toBe(2);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (x, y) => {
        const a = x.toString(16).padStart(16, '0');
        const b = y.toString(16).padStart(16, '0');
        const want = (x ^ y).toString(2).split('').filter((c) => c === '1').length;
        expect(hammingDistance(a, b)).toBe(want);
        expect(hammingDistance(b, a)).toBe(want);
      }),
    );
    expect(() => hammingDistance('ff', 'ffff')).toThrow(/different lengths/);
  });
});
