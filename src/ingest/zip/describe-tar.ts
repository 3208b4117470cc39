// Tar archives are stored whole, never unpacked by the reader. Walking the 512-byte headers
// tells a person what is inside and whether it carries traps (escaping paths, links).
import { isUnsafeEntryName } from './central-directory.js';

const BLOCK = 512;
const MAX_MEMBERS = 100_000;

/** True when the bytes carry a ustar/GNU tar header magic at offset 257. */
export function looksLikeTar(bytes: Uint8Array): boolean {
  if (bytes.length < BLOCK) return false;
  const magic = String.fromCharCode(...bytes.subarray(257, 262));
  return magic === 'ustar';
}

function field(bytes: Uint8Array, start: number, length: number): string {
  const raw = bytes.subarray(start, start + length);
  const end = raw.indexOf(0);
  return new TextDecoder('utf-8').decode(end >= 0 ? raw.subarray(0, end) : raw);
}

/** Flags and facts about a tar archive, from its headers only. */
export function describeTar(bytes: Uint8Array): { flags: string[]; extra: Record<string, unknown> } {
  const flags = new Set<string>(['archive']);
  let members = 0;
  let declaredBytes = 0;
  let p = 0;
  while (p + BLOCK <= bytes.length && members < MAX_MEMBERS) {
    if (bytes.subarray(p, p + BLOCK).every((b) => b === 0)) break; // end-of-archive blocks
    const prefix = field(bytes, p + 345, 155);
    const name = (prefix ? prefix + '/' : '') + field(bytes, p + 0, 100);
    const size = parseInt(field(bytes, p + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(bytes[p + 156]!);
    if (!Number.isFinite(size) || size < 0) {
      flags.add('corrupt_archive');
      break;
    }
    members++;
    declaredBytes += size;
    if (isUnsafeEntryName(name)) flags.add('unsafe_entry_names');
    // Symbolic (2) and hard (1) links are how tar archives write outside their folder.
    if (type === '1' || type === '2') flags.add('has_links');
    p += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  if (p > bytes.length) flags.add('corrupt_archive');
  return { flags: [...flags].sort(), extra: { format: 'tar', entryCount: members, declaredUncompressedBytes: declaredBytes } };
}
