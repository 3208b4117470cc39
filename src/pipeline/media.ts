// Media in a workspace (issue 8): perceptual fingerprints of image documents, near-duplicate
// pairs, and copies of originals for export with their metadata (GPS, camera serials,
// thumbnails) stripped. Stored originals are never changed.
import { spawnSync } from 'node:child_process';
import { compareFingerprints, fingerprintImage, PHASH_VERSION, type FingerprintComparison, type ImageFingerprint } from '../media/phash.js';
import { stripImage } from '../media/strip-metadata.js';
import { DaftarError, describeError } from '../model/errors.js';
import { logDraft, type Workspace } from './workspace.js';

/**
 * Fingerprints image documents that have none yet (or one of an older PHASH_VERSION).
 * Incremental: one image costs one decode, once. Unreadable images are reported, not fatal.
 */
export async function fingerprintImages(ws: Workspace): Promise<{ added: number; failed: { documentId: string; message: string }[] }> {
  const have = new Map((await ws.store.listImageFingerprints()).map((f) => [f.documentId, f.version]));
  const failed: { documentId: string; message: string }[] = [];
  let added = 0;
  for (const d of await ws.store.listDocumentSizes()) {
    if (d.mediaType !== 'image' || have.get(d.id) === PHASH_VERSION) continue;
    try {
      const fp = await fingerprintImage(ws.blobs.read(d.id));
      await ws.store.putImageFingerprint(d.id, fp.version, fp.phash, fp);
      added++;
    } catch (err) {
      failed.push({ documentId: d.id, message: describeError(err).message });
    }
  }
  return { added, failed };
}

export interface DuplicatePair {
  a: string;
  b: string;
  comparison: FingerprintComparison;
}

/** Near-duplicate pairs among fingerprinted images (a < b), closest first. O(n^2) comparisons. */
export async function findNearDuplicates(ws: Workspace): Promise<DuplicatePair[]> {
  const fps = (await ws.store.listImageFingerprints()).filter((f) => f.version === PHASH_VERSION);
  const pairs: DuplicatePair[] = [];
  for (let i = 0; i < fps.length; i++) {
    for (let j = i + 1; j < fps.length; j++) {
      const comparison = compareFingerprints(fps[i]!.fingerprint as ImageFingerprint, fps[j]!.fingerprint as ImageFingerprint);
      if (comparison.nearDuplicate) pairs.push({ a: fps[i]!.documentId, b: fps[j]!.documentId, comparison });
    }
  }
  return pairs.sort((x, y) => x.comparison.distance - y.comparison.distance || (x.a < y.a ? -1 : 1));
}

/**
 * The bytes of a media document for export: images re-encoded without metadata unless
 * `keepMetadata`; other media only with `keepMetadata` (we cannot strip them yet).
 * The export is logged.
 */
export async function exportMedia(ws: Workspace, documentId: string, options: { keepMetadata?: boolean } = {}): Promise<{ bytes: Buffer; format: string; stripped: boolean }> {
  const doc = await ws.store.getDocument(documentId);
  if (!doc) throw new DaftarError('not_found', `document ${documentId} is not in the workspace`);
  if (doc.sensitivity === 'protected' && !options.keepMetadata) {
    throw new DaftarError('usage', `document ${documentId} is protected; export it with --keep-metadata only if you hold the right to`);
  }
  const original = ws.blobs.read(documentId);
  let result: { bytes: Buffer; format: string; stripped: boolean };
  if (options.keepMetadata) result = { bytes: original, format: doc.mediaType, stripped: false };
  else if (doc.mediaType === 'image') {
    const s = await stripImage(original);
    result = { bytes: s.bytes, format: s.format, stripped: true };
  } else {
    throw new DaftarError('unsupported', `document ${documentId} is ${doc.mediaType}; only images can be exported without metadata (use --keep-metadata for the original)`);
  }
  await ws.store.appendLog(logDraft('export', documentId, { media: true, stripped: result.stripped, format: result.format }));
  return result;
}

/** Whether ffmpeg is on the PATH (video keyframes need it; Daftar never downloads it). */
export function hasFfmpeg(): boolean {
  const r = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' });
  return r.status === 0;
}
