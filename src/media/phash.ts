// Perceptual fingerprints for finding the same picture re-posted.
//
// Each view of an image is hashed DCT-pHash style: greyscale, area-resample to 64x64,
// 2-D DCT-II, keep the 16x16 lowest frequencies; the 8x8 corner (DC excluded) gives
// a 64-bit pHash thresholded at its median, the whole block a 256-bit detail hash.
// A fingerprint holds 17 views, so that one comparison covers what one hash cannot:
// - 8 orientations of the full image (mirrors, quarter turns), all from one DCT:
//   mirroring negates the odd-frequency coefficients, a transpose swaps u and v;
// - centre windows keeping 94/88/82% (crops, added borders, small rotations that
//   enlarge the canvas), compared with each other at every pair of scales;
// - the image with a uniform border (letterbox) trimmed off;
// - four 60% corner windows, compared with the other image's full view.
//
// What Daftar promises (measured by eval task `phash`): a re-post is found after
// recompression (JPEG q20, WebP), resizing, greyscale, brightness, blur, noise, a
// corner watermark, a letterbox border, a crop keeping >= ~80% centred or 60% from a
// corner, a mirror, a quarter turn, or a rotation of a few degrees. Not promised:
// smaller or off-grid crops, rotations beyond ~5 degrees, mirrored crops, and small
// rotations of screenshots (their detail hash is strict on purpose, see below).
//
// Screenshots on one template share all their low frequencies, so for text-like
// images the 256-bit detail hash of a matching view pair must also agree.
import { DaftarError } from '../model/errors.js';
import { DEFAULT_IMAGE_LIMITS, decodeGrey, type GreyImage, type ImageLimits } from './decode.js';

/** Version tag stored with fingerprints; bump when hashes change meaning. */
export const PHASH_VERSION = 'daftar-phash-v1';

export interface NearDuplicateThresholds {
  /** Largest 64-bit pHash distance (of 63 informative bits) between two views. */
  maxDistance: number;
  /** For text-like images (screenshots, documents): largest 256-bit distance of a matching view pair. */
  maxDetailDistance: number;
}

/**
 * Chosen on the shared half of data/phash (eval task `phash`): positives reach 64-bit
 * distance 10, unrelated images start at 16; text-like positives reach detail
 * distance 38, two posts on one template sit at 50.
 */
export const NEAR_DUPLICATE_THRESHOLDS: NearDuplicateThresholds = { maxDistance: 12, maxDetailDistance: 40 };

/** One view of an image: a 64-bit pHash and a 256-bit detail hash, hex. */
export interface HashView {
  hash64: string;
  hash256: string;
}

/** Hashes of one image (JSON-safe), enough to compare it with any other fingerprint. */
export interface ImageFingerprint {
  version: string;
  /** The 64-bit pHash of the full image as decoded (EXIF orientation applied), 16 hex digits. */
  phash: string;
  /** Mostly flat background with sharp detail, like a screenshot or a scanned page. */
  textLike: boolean;
  /** Full image in 8 orientations: as is, mirror, flip, rot180, transpose, rot90, rot270, transverse. */
  orientations: HashView[];
  /** Centre windows keeping 94%, 88% and 82% of width and height. */
  centre: HashView[];
  /** With a uniform border trimmed off; null when there is none. */
  trimmed: HashView | null;
  /** 60% windows: top-left, top-right, bottom-left, bottom-right. */
  corners: HashView[];
}

export interface FingerprintComparison {
  /** Smallest 64-bit distance over the view pairs compared. */
  distance: number;
  /** Smallest 256-bit distance among the view pairs within the 64-bit threshold (null if none). */
  detailDistance: number | null;
  /** Which views gave `distance`, e.g. "full/full", "rot90/full", "trimmed/trimmed", "corner:tl/full". */
  via: string;
  nearDuplicate: boolean;
}

const RESAMPLE = 64;
const BLOCK = 16;
const CENTRE_SCALES = [0.94, 0.88, 0.82];
const CORNER_FRACTION = 0.6;
const ORIENTATION_NAMES = ['full', 'mirror', 'flip', 'rot180', 'transpose', 'rot90', 'rot270', 'transverse'];
const CORNER_NAMES = ['tl', 'tr', 'bl', 'br'];

/**
 * The 64-bit pHash of an image, as 16 hex digits.
 * @example await perceptualHash(jpegBytes) // "4c1b3e0f3a5b2d1c"
 */
export async function perceptualHash(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<string> {
  return (await fingerprintImage(bytes, limits)).phash;
}

/** Decodes once (at most 256 px a side) and computes every view of the fingerprint. */
export async function fingerprintImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Promise<ImageFingerprint> {
  // 256 px keeps every cell of a 60% window at least ~2x2 source pixels.
  const img = await decodeGrey(bytes, 256, limits);
  return fingerprintGrey(img);
}

/** Fingerprint of an already decoded greyscale raster (pure). */
export function fingerprintGrey(img: GreyImage): ImageFingerprint {
  if (img.width < 1 || img.height < 1) throw new DaftarError('corrupt_image', 'image: no pixels to hash');
  const view = (x: number, y: number, w: number, h: number): Float64Array => dctBlock(resampleWindow(img, x, y, w, h, RESAMPLE), RESAMPLE, BLOCK);
  const { width: W, height: H } = img;
  const orientations = orient(view(0, 0, W, H), BLOCK).map(toHashView);
  const centre = CENTRE_SCALES.map((s) => toHashView(view((W - W * s) / 2, (H - H * s) / 2, W * s, H * s)));
  const box = trimBox(img);
  const trimmed = box ? toHashView(view(box.x, box.y, box.w, box.h)) : null;
  const cw = W * CORNER_FRACTION;
  const ch = H * CORNER_FRACTION;
  const corners = [
    [0, 0],
    [W - cw, 0],
    [0, H - ch],
    [W - cw, H - ch],
  ].map(([x, y]) => toHashView(view(x, y, cw, ch)));
  return { version: PHASH_VERSION, phash: orientations[0].hash64, textLike: isTextLike(img), orientations, centre, trimmed, corners };
}

/**
 * Compares two fingerprints over the view pairs that model a re-post: full vs full
 * in any orientation; centre windows vs centre windows (crops, borders, small
 * rotations); trimmed vs trimmed (letterboxes); a 60% corner of one vs the other's
 * full view. Text-like images must also agree in the 256-bit detail hash, since two
 * posts on one template share all their low frequencies.
 */
export function compareFingerprints(a: ImageFingerprint, b: ImageFingerprint, thresholds: NearDuplicateThresholds = NEAR_DUPLICATE_THRESHOLDS): FingerprintComparison {
  if (a.version !== b.version) throw new DaftarError('invalid_input', `fingerprints of different versions (${a.version}, ${b.version}); recompute the older one`);
  let best = Infinity;
  let via = '';
  let detail = Infinity;
  const consider = (x: HashView, y: HashView, name: string): void => {
    const d = hammingDistance(x.hash64, y.hash64);
    if (d < best) {
      best = d;
      via = name;
    }
    if (d <= thresholds.maxDistance) detail = Math.min(detail, hammingDistance(x.hash256, y.hash256));
  };
  const fullA = a.orientations[0];
  const fullB = b.orientations[0];
  a.orientations.forEach((v, i) => consider(v, fullB, `${ORIENTATION_NAMES[i]}/full`));
  const centreA = [fullA, ...a.centre];
  const centreB = [fullB, ...b.centre];
  for (let i = 0; i < centreA.length; i++) {
    for (let j = 0; j < centreB.length; j++) if (i + j > 0) consider(centreA[i], centreB[j], `${centreName(i)}/${centreName(j)}`);
  }
  if (a.trimmed && b.trimmed) consider(a.trimmed, b.trimmed, 'trimmed/trimmed');
  a.corners.forEach((v, i) => consider(v, fullB, `corner:${CORNER_NAMES[i]}/full`));
  b.corners.forEach((v, i) => consider(fullA, v, `full/corner:${CORNER_NAMES[i]}`));
  const detailDistance = Number.isFinite(detail) ? detail : null;
  const textLike = a.textLike || b.textLike;
  const nearDuplicate = best <= thresholds.maxDistance && (!textLike || (detailDistance !== null && detailDistance <= thresholds.maxDetailDistance));
  return { distance: best, detailDistance, via, nearDuplicate };
}

function centreName(i: number): string {
  return i === 0 ? 'full' : `centre${Math.round(CENTRE_SCALES[i - 1] * 100)}`;
}

/** Number of differing bits between two equal-length hex hashes. */
export function hammingDistance(a: string, b: string): number {
  if (a.length !== b.length) throw new DaftarError('invalid_input', `hashes of different lengths (${a.length}, ${b.length} hex digits)`);
  let d = 0;
  for (let i = 0; i < a.length; i += 8) {
    let x = (parseInt(a.slice(i, i + 8), 16) ^ parseInt(b.slice(i, i + 8), 16)) >>> 0;
    while (x) {
      x &= x - 1;
      d++;
    }
  }
  return d;
}

// Area-average resample of the window [x0, x0+w) x [y0, y0+h) (fractional source
// pixels allowed) to n x n; separable, each output cell weights the source pixels
// by how much of them it covers.
export function resampleWindow(img: GreyImage, x0: number, y0: number, w: number, h: number, n: number): Float64Array {
  const wx = areaWeights(x0, w, n, img.width);
  const wy = areaWeights(y0, h, n, img.height);
  // Horizontal pass only over the source rows the window touches.
  const rowStart = wy.index[0];
  const rowEnd = wy.index[wy.index.length - 1] + 1;
  const rows = new Float64Array((rowEnd - rowStart) * n);
  const { data, width } = img;
  for (let y = rowStart; y < rowEnd; y++) {
    const row = y * width;
    const outRow = (y - rowStart) * n;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let t = wx.offset[j]; t < wx.offset[j + 1]; t++) s += data[row + wx.index[t]] * wx.weight[t];
      rows[outRow + j] = s;
    }
  }
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let t = wy.offset[i]; t < wy.offset[i + 1]; t++) {
      const src = (wy.index[t] - rowStart) * n;
      const wt = wy.weight[t];
      for (let j = 0; j < n; j++) out[i * n + j] += rows[src + j] * wt;
    }
  }
  return out;
}

interface Weights {
  offset: Int32Array; // cell j uses entries offset[j] .. offset[j+1]-1
  index: Int32Array; // source pixel
  weight: Float64Array; // share of the cell it covers (sums to 1 per cell)
}

function areaWeights(start: number, length: number, n: number, limit: number): Weights {
  const step = length / n;
  const idx: number[] = [];
  const wts: number[] = [];
  const offset = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    offset[j] = idx.length;
    const a = start + j * step;
    const b = a + step;
    let total = 0;
    const first = idx.length;
    for (let p = Math.floor(a); p < Math.ceil(b); p++) {
      const cover = Math.min(b, p + 1) - Math.max(a, p);
      if (cover <= 0) continue;
      idx.push(Math.min(limit - 1, Math.max(0, p)));
      wts.push(cover);
      total += cover;
    }
    for (let t = first; t < wts.length; t++) wts[t] /= total;
  }
  offset[n] = idx.length;
  return { offset, index: Int32Array.from(idx), weight: Float64Array.from(wts) };
}

const cosTables = new Map<string, Float64Array>();

function cosTable(n: number, k: number): Float64Array {
  const key = `${n}:${k}`;
  let t = cosTables.get(key);
  if (!t) {
    t = new Float64Array(k * n);
    for (let u = 0; u < k; u++) for (let x = 0; x < n; x++) t[u * n + x] = Math.cos((Math.PI * (2 * x + 1) * u) / (2 * n));
    cosTables.set(key, t);
  }
  return t;
}

/** The k x k lowest-frequency DCT-II coefficients of an n x n raster, row u = vertical frequency. */
export function dctBlock(px: Float64Array, n: number, k: number): Float64Array {
  const c = cosTable(n, k);
  // rows first: tmp[y][v] = sum_x px[y][x] cos(v, x)
  const tmp = new Float64Array(n * k);
  for (let y = 0; y < n; y++) {
    for (let v = 0; v < k; v++) {
      let s = 0;
      for (let x = 0; x < n; x++) s += px[y * n + x] * c[v * n + x];
      tmp[y * k + v] = s;
    }
  }
  const out = new Float64Array(k * k);
  for (let u = 0; u < k; u++) {
    for (let v = 0; v < k; v++) {
      let s = 0;
      for (let y = 0; y < n; y++) s += tmp[y * k + v] * c[u * n + y];
      out[u * k + v] = s;
    }
  }
  return out;
}

// The 8 symmetries of the square acting on DCT coefficients: a left-right mirror
// multiplies C(u,v) by (-1)^v, an up-down mirror by (-1)^u, a transpose swaps u, v.
function orient(c: Float64Array, k: number): Float64Array[] {
  const out: Float64Array[] = [];
  for (const transpose of [false, true]) {
    for (const [mirrorX, mirrorY] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      const o = new Float64Array(k * k);
      for (let u = 0; u < k; u++) {
        for (let v = 0; v < k; v++) {
          let val = transpose ? c[v * k + u] : c[u * k + v];
          if (mirrorX && v % 2 === 1) val = -val;
          if (mirrorY && u % 2 === 1) val = -val;
          o[u * k + v] = val;
        }
      }
      out.push(o);
    }
  }
  // Order as ORIENTATION_NAMES: identity, mirror, flip, rot180, transpose, then the
  // transposes composed with mirrors (quarter turns and the anti-diagonal mirror).
  return out;
}

// The 64-bit hash thresholds the 8x8 lowest frequencies, the 256-bit one the whole
// 16x16 block, each at its own median. DC is left out of both (it only carries mean
// brightness), so its bit is always 0: 63 and 255 informative bits.
function toHashView(c: Float64Array): HashView {
  const low = new Float64Array(64);
  for (let u = 0; u < 8; u++) for (let v = 0; v < 8; v++) low[u * 8 + v] = c[u * BLOCK + v];
  return { hash64: bitsToHex(medianBits(low)), hash256: bitsToHex(medianBits(c)) };
}

function medianBits(c: Float64Array): Uint8Array {
  const ac = Array.from(c.subarray(1)).sort((x, y) => x - y);
  const mid = ac.length / 2;
  const median = ac.length % 2 === 1 ? ac[Math.floor(mid)] : (ac[mid - 1] + ac[mid]) / 2;
  const bits = new Uint8Array(c.length);
  for (let i = 1; i < c.length; i++) bits[i] = c[i] > median ? 1 : 0;
  return bits;
}

function bitsToHex(bits: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bits.length; i += 4) out += ((bits[i] << 3) | (bits[i + 1] << 2) | (bits[i + 2] << 1) | bits[i + 3]).toString(16);
  return out;
}

// Screenshots and scanned pages: at least half the pixels sit at one grey level (the
// background, give or take compression noise) and some detail stands far from it
// (dark text on light, light on dark). Photos and low-contrast textures fail one test.
export function isTextLike(img: GreyImage): boolean {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
  let bestCount = 0;
  let bestStart = 0;
  let window = 0;
  for (let g = 0; g < 256; g++) {
    window += hist[g];
    if (g >= 9) window -= hist[g - 9];
    if (window > bestCount) {
      bestCount = window;
      bestStart = Math.max(0, g - 8);
    }
  }
  if (bestCount < img.data.length * 0.5) return false;
  const bg = bestStart + 4;
  let far = 0;
  for (let g = 0; g < 256; g++) if (Math.abs(g - bg) > 100) far += hist[g];
  return far >= img.data.length * 0.01;
}

// Bounding box of the content inside a uniform border (letterbox, pillarbox, a
// frame added by a re-poster). Rows/columns count as border while nearly all their
// pixels sit within a tolerance of the corner colour. Null when there is no border
// or when "border" would eat most of the image (a plain background is content).
export function trimBox(img: GreyImage, tolerance = 24): { x: number; y: number; w: number; h: number } | null {
  const { width, height, data } = img;
  const corners = [data[0], data[width - 1], data[(height - 1) * width], data[height * width - 1]].sort((a, b) => a - b);
  const bg = (corners[1] + corners[2]) / 2;
  const isBorderRow = (y: number): boolean => {
    let off = 0;
    for (let x = 0; x < width; x++) if (Math.abs(data[y * width + x] - bg) > tolerance) off++;
    return off <= width * 0.02;
  };
  const isBorderCol = (x: number): boolean => {
    let off = 0;
    for (let y = 0; y < height; y++) if (Math.abs(data[y * width + x] - bg) > tolerance) off++;
    return off <= height * 0.02;
  };
  let top = 0;
  while (top < height && isBorderRow(top)) top++;
  let bottom = height;
  while (bottom > top && isBorderRow(bottom - 1)) bottom--;
  let left = 0;
  while (left < width && isBorderCol(left)) left++;
  let right = width;
  while (right > left && isBorderCol(right - 1)) right--;
  const w = right - left;
  const h = bottom - top;
  if (w === width && h === height) return null;
  if (w < width * 0.5 || h < height * 0.5) return null;
  return { x: left, y: top, w, h };
}
