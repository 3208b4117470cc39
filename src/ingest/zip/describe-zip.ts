// Archives are stored whole, never unpacked by the reader; what the central directory says
// about them (entry count, declared size, encryption, escaping names) is recorded so a person
// can decide what to do with them.
import { isUnsafeEntryName, readCentralDirectory } from './central-directory.js';

const BOMB_RATIO = 100;
const BOMB_MIN_BYTES = 10 * 1024 * 1024;

/** Flags and facts about a zip that is not a Word file. */
export function describeZip(bytes: Uint8Array): { flags: string[]; extra: Record<string, unknown> } {
  const flags = new Set<string>(['archive']);
  const directory = readCentralDirectory(bytes, 100_000);
  if (!directory) return { flags: [...flags, 'corrupt_archive'].sort(), extra: { format: 'zip' } };
  let declaredBytes = 0;
  for (const e of directory.entries) {
    declaredBytes += e.uncompressedSize;
    if (e.flags & 1) flags.add('encrypted_archive');
    if (isUnsafeEntryName(e.name)) flags.add('unsafe_entry_names');
    if (/\.(zip|jar|7z|rar|gz|tgz|tar)$/i.test(e.name)) flags.add('nested_archives');
  }
  if (declaredBytes > BOMB_MIN_BYTES && declaredBytes / Math.max(1, bytes.length) > BOMB_RATIO) flags.add('zip_bomb_suspected');
  if (new Set(directory.entries.map((e) => e.name)).size < directory.entries.length) flags.add('duplicate_entry_names');
  return {
    flags: [...flags].sort(),
    extra: { format: 'zip', entryCount: directory.declaredEntries, declaredUncompressedBytes: declaredBytes },
  };
}
