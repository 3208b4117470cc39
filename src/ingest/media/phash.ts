// The media reader's entry to perceptual hashing; the implementation lives in
// src/media/ so the export path (metadata stripping) can share the safe decoder.
export {
  NEAR_DUPLICATE_THRESHOLDS,
  PHASH_VERSION,
  compareFingerprints,
  fingerprintImage,
  hammingDistance,
  perceptualHash,
  type FingerprintComparison,
  type HashView,
  type ImageFingerprint,
  type NearDuplicateThresholds,
} from '../../media/phash.js';
