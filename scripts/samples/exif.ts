// Writes an EXIF APP1 segment by hand (little-endian TIFF): IFD0 with Make,
// Model, ImageDescription, DateTime; an Exif IFD with DateTimeOriginal; and an
// optional GPS IFD with latitude/longitude as degree/minute/second rationals.

export interface ExifFields {
  make: string; model: string; description: string;
  dateTimeOriginal: string; // "YYYY:MM:DD HH:MM:SS"
  offsetTime?: string;      // "+04:00"
  gps?: { lat: number; lon: number };
}

type Entry = { tag: number; type: number; count: number; data: Buffer };
const ASCII = 2, SHORT = 3, LONG = 4, RATIONAL = 5, BYTE = 1;

const ascii = (tag: number, s: string): Entry => { const d = Buffer.from(`${s}\0`, 'latin1'); return { tag, type: ASCII, count: d.length, data: d }; };
const long = (tag: number, v: number): Entry => { const d = Buffer.alloc(4); d.writeUInt32LE(v); return { tag, type: LONG, count: 1, data: d }; };
const short = (tag: number, v: number): Entry => { const d = Buffer.alloc(2); d.writeUInt16LE(v); return { tag, type: SHORT, count: 1, data: d }; };
function rationals(tag: number, pairs: [number, number][]): Entry {
  const d = Buffer.alloc(8 * pairs.length);
  pairs.forEach(([n, den], i) => { d.writeUInt32LE(n, i * 8); d.writeUInt32LE(den, i * 8 + 4); });
  return { tag, type: RATIONAL, count: pairs.length, data: d };
}
function dms(x: number): [number, number][] {
  const a = Math.abs(x), deg = Math.floor(a), minF = (a - deg) * 60, min = Math.floor(minF);
  const sec = Math.round((minF - min) * 60 * 100);
  return [[deg, 1], [min, 1], [sec, 100]];
}

/** Serialize one IFD at `offset` (from TIFF start); values > 4 bytes go after it. */
function ifd(entries: Entry[], offset: number, next = 0): Buffer {
  entries.sort((a, b) => a.tag - b.tag);
  const head = 2 + entries.length * 12 + 4;
  const table = Buffer.alloc(head);
  const extra: Buffer[] = [];
  let extraOff = offset + head;
  table.writeUInt16LE(entries.length, 0);
  entries.forEach((e, i) => {
    const p = 2 + i * 12;
    table.writeUInt16LE(e.tag, p); table.writeUInt16LE(e.type, p + 2); table.writeUInt32LE(e.count, p + 4);
    if (e.data.length <= 4) e.data.copy(table, p + 8);
    else {
      table.writeUInt32LE(extraOff, p + 8);
      const padded = e.data.length % 2 ? Buffer.concat([e.data, Buffer.alloc(1)]) : e.data;
      extra.push(padded); extraOff += padded.length;
    }
  });
  table.writeUInt32LE(next, head - 4);
  return Buffer.concat([table, ...extra]);
}

const size = (entries: Entry[]) => 2 + entries.length * 12 + 4 + entries.reduce((s, e) => s + (e.data.length > 4 ? e.data.length + (e.data.length % 2) : 0), 0);

export function buildExifSegment(f: ExifFields): Buffer {
  const exifEntries: Entry[] = [ascii(0x9003, f.dateTimeOriginal), ascii(0x9004, f.dateTimeOriginal)];
  if (f.offsetTime) exifEntries.push(ascii(0x9011, f.offsetTime));
  const gpsEntries: Entry[] = f.gps ? [
    { tag: 0x0000, type: BYTE, count: 4, data: Buffer.from([2, 3, 0, 0]) },
    ascii(0x0001, f.gps.lat < 0 ? 'S' : 'N'), rationals(0x0002, dms(f.gps.lat)),
    ascii(0x0003, f.gps.lon < 0 ? 'W' : 'E'), rationals(0x0004, dms(f.gps.lon)),
  ] : [];
  // IFD0 holds pointers whose values depend on the IFD0 size, so size it with placeholders first.
  const ifd0Entries = (exifOff: number, gpsOff: number): Entry[] => [
    ascii(0x010e, f.description), ascii(0x010f, f.make), ascii(0x0110, f.model), short(0x0112, 1),
    ascii(0x0132, f.dateTimeOriginal), long(0x8769, exifOff), ...(f.gps ? [long(0x8825, gpsOff)] : []),
  ];
  const ifd0Size = size(ifd0Entries(0, 0));
  const exifOff = 8 + ifd0Size;
  const gpsOff = exifOff + size(exifEntries);
  const tiff = Buffer.concat([
    Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00]),
    ifd(ifd0Entries(exifOff, gpsOff), 8), ifd(exifEntries, exifOff), ...(f.gps ? [ifd(gpsEntries, gpsOff)] : []),
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const seg = Buffer.alloc(4); seg.writeUInt16BE(0xffe1, 0); seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([seg, payload]);
}

/** Replace any APP0/APP1 after SOI with our EXIF segment. */
export function insertExif(jpeg: Buffer, segment: Buffer): Buffer {
  if (jpeg[0] !== 0xff || jpeg[1] !== 0xd8) throw new Error('not a JPEG');
  let p = 2;
  while (jpeg[p] === 0xff && (jpeg[p + 1] === 0xe0 || jpeg[p + 1] === 0xe1)) p += 2 + jpeg.readUInt16BE(p + 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(p)]);
}
