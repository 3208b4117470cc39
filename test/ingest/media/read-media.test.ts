import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAudioVideo, readMp4Facts, readWavFacts } from '../../../src/ingest/media/read-av.js';
import { exifDate, gpsCoordinate, readImage } from '../../../src/ingest/media/read-image.js';
import { DEFAULT_READ_LIMITS } from '../../../src/ingest/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const jpeg = new Uint8Array(readFileSync(resolve(here, '../../fixtures/ingest/image/exif-gps-fictional.jpg')));
const input = (bytes: Uint8Array, fileName: string) => ({ bytes, fileName, limits: DEFAULT_READ_LIMITS });

function chunk(id: string, body: Uint8Array, declaredSize = body.length): Uint8Array {
  const out = new Uint8Array(8 + body.length + (body.length & 1));
  out.set(new TextEncoder().encode(id));
  new DataView(out.buffer).setUint32(4, declaredSize, true);
  out.set(body, 8);
  return out;
}

function wav(info: Record<string, string>, dataBytes: number, declaredData = dataBytes): Uint8Array {
  const fmt = new Uint8Array(16);
  const f = new DataView(fmt.buffer);
  f.setUint16(0, 1, true); // PCM
  f.setUint16(2, 1, true); // mono
  f.setUint32(4, 8000, true);
  f.setUint32(8, 16000, true); // byte rate
  f.setUint16(12, 2, true);
  f.setUint16(14, 16, true);
  const infoBody = [new TextEncoder().encode('INFO'), ...Object.entries(info).map(([k, v]) => chunk(k, new TextEncoder().encode(v + '\0')))];
  const list = chunk('LIST', Buffer.concat(infoBody));
  const parts = [chunk('fmt ', fmt), list, chunk('data', new Uint8Array(dataBytes), declaredData)];
  const body = Buffer.concat([new TextEncoder().encode('WAVE'), ...parts]);
  return new Uint8Array(Buffer.concat([new TextEncoder().encode('RIFF'), new Uint8Array(new Uint32Array([body.length]).buffer), body]));
}

describe('readImage', () => {
  it('reads capture time, GPS and device from EXIF; kind media, no text', async () => {
    const r = await readImage(input(jpeg, 'photo.jpg'), 'jpeg');
    expect(r.mediaType).toBe('image');
    expect(r.kind).toBe('media');
    expect(r.text).toBe('');
    expect(r.passages).toEqual([]);
    expect(r.metadata.published).toEqual({ value: '2021-05-04', evidence: 'exif DateTimeOriginal', confidence: 0.7 });
    expect(r.metadata.extra.gps).toEqual({ lat: 35.6892, lon: 51.389 });
    // Model already starts with the make: not "DaftarTestCam DaftarTestCam Fictional-2".
    expect(r.metadata.extra.device).toBe('DaftarTestCam Fictional-2');
    expect(r.metadata.extra).toMatchObject({ width: 640, height: 480, format: 'jpeg' });
    expect(r.metadata.flags).toEqual(['has_gps']);
  });

  it('flags a decompression bomb from its header without decoding it', async () => {
    const png = new Uint8Array(33);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const dv = new DataView(png.buffer);
    dv.setUint32(16, 30000);
    dv.setUint32(20, 30000);
    png[24] = 1;
    const r = await readImage(input(png, 'huge.png'), 'png');
    expect(r.metadata.extra).toMatchObject({ width: 30000, height: 30000 });
    expect(r.metadata.flags).toContain('too_many_pixels_to_decode');
  });

  it('survives an image whose metadata is garbage', async () => {
    const junk = new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0xff, 0xff, ...new Uint8Array(64).fill(0x4d)]);
    const r = await readImage(input(junk, 'broken.jpg'), 'jpeg');
    expect(r.kind).toBe('media');
    expect(r.metadata.published).toBeNull();
  });
});

describe('EXIF value parsing', () => {
  it('reads EXIF and XMP dates as calendar dates without a time zone shift', () => {
    expect(exifDate('2021:05:04 23:59:59')).toBe('2021-05-04');
    expect(exifDate('2021-05-04T23:59:59-08:00')).toBe('2021-05-04');
    expect(exifDate('0000:00:00 00:00:00')).toBeNull();
    expect(exifDate('2021:02:30 00:00:00')).toBeNull();
  });

  it('reads EXIF rationals and XMP coordinate strings, with hemispheres', () => {
    expect(gpsCoordinate([35, 41, 21.12], 'N')).toBe(35.6892);
    expect(gpsCoordinate([51, 23, 20.4], 'W')).toBe(-51.389);
    expect(gpsCoordinate('36,15.63N', undefined)).toBe(36.2605);
    expect(gpsCoordinate('59,37.008W', undefined)).toBe(-59.6168);
    expect(gpsCoordinate('north', 'N')).toBeNull();
  });
});

describe('readAudioVideo', () => {
  it('reads RIFF INFO tags and a duration from the bytes present', async () => {
    const bytes = wav({ INAM: 'Fictional testimony 7', IART: 'Witness (fictional)' }, 32000);
    const r = await readAudioVideo(input(bytes, 'rec.wav'), 'wav');
    expect(r.kind).toBe('media');
    expect(r.mediaType).toBe('video');
    expect(r.metadata.flags).toEqual(['audio_only']);
    expect(r.metadata.title).toBe('Fictional testimony 7');
    expect(r.metadata.extra).toMatchObject({ riffInfo: { title: 'Fictional testimony 7', artist: 'Witness (fictional)' }, durationSeconds: 2, sampleRate: 8000 });
  });

  it('reads duration and creation date from an MP4 movie header', async () => {
    const box = (type: string, body: Uint8Array) => {
      const out = new Uint8Array(8 + body.length);
      new DataView(out.buffer).setUint32(0, out.length);
      out.set(new TextEncoder().encode(type), 4);
      out.set(body, 8);
      return out;
    };
    const mvhd = new Uint8Array(100);
    const dv = new DataView(mvhd.buffer);
    dv.setUint32(4, Date.UTC(2021, 4, 4, 22, 15) / 1000 + 2_082_844_800); // creation_time, 1904 epoch
    dv.setUint32(12, 1000); // timescale
    dv.setUint32(16, 12_500); // duration
    const ftyp = box('ftyp', new Uint8Array([...new TextEncoder().encode('isom'), 0, 0, 2, 0, ...new TextEncoder().encode('isomiso2')]));
    const bytes = new Uint8Array([...ftyp, ...box('free', new Uint8Array(4)), ...box('moov', box('mvhd', mvhd))]);
    const r = await readAudioVideo(input(bytes, 'clip.mp4'), 'mp4');
    expect(r.metadata.extra.durationSeconds).toBe(12.5);
    expect(r.metadata.published).toEqual({ value: '2021-05-04', evidence: 'mp4 mvhd creation_time', confidence: 0.5 });
    expect(readMp4Facts(bytes.subarray(0, 40))).toEqual({});
  });

  it('never trusts a data chunk that claims 4 GiB', () => {
    const facts = readWavFacts(wav({}, 1600, 0xfffffff0));
    expect(facts.truncated).toBe(true);
    expect(facts.durationSeconds).toBe(0.1);
  });
});
