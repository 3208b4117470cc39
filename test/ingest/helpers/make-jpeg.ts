// A JPEG that is only headers: APP1 EXIF (IFD0 Make/Model, Exif DateTimeOriginal, GPS) and
// a SOF0 with the pixel size. Enough for metadata readers; no pixel data to decode.

interface Entry {
  tag: number;
  type: 2 | 4 | 5; // ASCII, LONG, RATIONAL
  count: number;
  data: Uint8Array;
}

function ascii(tag: number, s: string): Entry {
  const data = new Uint8Array(Buffer.from(s + '\0', 'latin1'));
  return { tag, type: 2, count: data.length, data };
}
function long(tag: number, v: number): Entry {
  const data = new Uint8Array(4);
  new DataView(data.buffer).setUint32(0, v, true);
  return { tag, type: 4, count: 1, data };
}
function rationals(tag: number, values: [number, number][]): Entry {
  const data = new Uint8Array(8 * values.length);
  const dv = new DataView(data.buffer);
  values.forEach(([n, d], i) => {
    dv.setUint32(i * 8, n, true);
    dv.setUint32(i * 8 + 4, d, true);
  });
  return { tag, type: 5, count: values.length, data };
}

function ifdSize(entries: Entry[]): number {
  let size = 2 + entries.length * 12 + 4;
  for (const e of entries) if (e.data.length > 4) size += e.data.length + (e.data.length & 1);
  return size;
}

function writeIfd(out: DataView, bytes: Uint8Array, at: number, entries: Entry[]): void {
  out.setUint16(at, entries.length, true);
  let dataAt = at + 2 + entries.length * 12 + 4;
  entries.forEach((e, i) => {
    const p = at + 2 + i * 12;
    out.setUint16(p, e.tag, true);
    out.setUint16(p + 2, e.type, true);
    out.setUint32(p + 4, e.count, true);
    if (e.data.length <= 4) bytes.set(e.data, p + 8);
    else {
      out.setUint32(p + 8, dataAt, true);
      bytes.set(e.data, dataAt);
      dataAt += e.data.length + (e.data.length & 1);
    }
  });
  out.setUint32(at + 2 + entries.length * 12, 0, true); // no next IFD
}

export interface JpegExifSpec {
  make: string;
  model: string;
  dateTimeOriginal: string; // "YYYY:MM:DD HH:MM:SS"
  lat: [number, number, number]; // degrees, minutes, seconds (seconds * 100 kept as rational)
  latRef: 'N' | 'S';
  lon: [number, number, number];
  lonRef: 'E' | 'W';
  width: number;
  height: number;
}

function dms([d, m, s]: [number, number, number]): [number, number][] {
  return [[d, 1], [m, 1], [Math.round(s * 100), 100]];
}

export function makeJpegWithExif(spec: JpegExifSpec): Uint8Array {
  const exifEntries = [ascii(0x9003, spec.dateTimeOriginal)];
  const gpsEntries = [ascii(0x0001, spec.latRef), rationals(0x0002, dms(spec.lat)), ascii(0x0003, spec.lonRef), rationals(0x0004, dms(spec.lon))];
  const ifd0Base = [ascii(0x010f, spec.make), ascii(0x0110, spec.model)];
  const ifd0Size = ifdSize([...ifd0Base, long(0x8769, 0), long(0x8825, 0)]);
  const exifAt = 8 + ifd0Size;
  const gpsAt = exifAt + ifdSize(exifEntries);
  const total = gpsAt + ifdSize(gpsEntries);
  const tiff = new Uint8Array(total);
  const dv = new DataView(tiff.buffer);
  tiff.set([0x49, 0x49, 0x2a, 0x00]);
  dv.setUint32(4, 8, true);
  writeIfd(dv, tiff, 8, [...ifd0Base, long(0x8769, exifAt), long(0x8825, gpsAt)]);
  writeIfd(dv, tiff, exifAt, exifEntries);
  writeIfd(dv, tiff, gpsAt, gpsEntries);

  const app1Length = 2 + 6 + tiff.length;
  const sof = [0xff, 0xc0, 0x00, 0x0b, 0x08, spec.height >> 8, spec.height & 0xff, spec.width >> 8, spec.width & 0xff, 0x01, 0x01, 0x11, 0x00];
  return new Uint8Array([
    0xff, 0xd8,
    0xff, 0xe1, app1Length >> 8, app1Length & 0xff,
    ...Buffer.from('Exif\0\0', 'latin1'),
    ...tiff,
    ...sof,
    0xff, 0xd9,
  ]);
}
