// Video and audio files are stored and hashed; nothing is decoded. WAV files get their RIFF
// INFO tags (often a name and a place: sensitive, stripped from protected exports) and a
// duration computed from the bytes actually present, never from the declared sizes; MP4/MOV
// files their movie-header duration and creation date.
import type { SniffedFormat } from '../sniff.js';
import { blobResult } from '../text/read-result.js';
import type { ReadInput, ReadResult } from '../types.js';

const AUDIO_FORMATS = new Set<SniffedFormat>(['wav', 'mp3', 'flac', 'ogg', 'm4a']);

const INFO_NAMES: Record<string, string> = {
  INAM: 'title', IART: 'artist', ICMT: 'comment', ICRD: 'created', IPRD: 'product', ISBJ: 'subject',
  IKEY: 'keywords', ISFT: 'software', ICOP: 'copyright', IGNR: 'genre', ILOC: 'location', IENG: 'engineer', ITCH: 'technician',
};

interface WavFacts {
  info: Record<string, string>;
  sampleRate?: number;
  channels?: number;
  durationSeconds?: number;
  truncated: boolean;
}

/** Walk RIFF chunks; every size is clamped to the bytes present. */
export function readWavFacts(bytes: Uint8Array): WavFacts {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const facts: WavFacts = { info: {}, truncated: false };
  const decoder = new TextDecoder('utf-8');
  let byteRate = 0;
  for (let p = 12, guard = 0; p + 8 <= bytes.length && guard < 10_000; guard++) {
    const id = String.fromCharCode(bytes[p]!, bytes[p + 1]!, bytes[p + 2]!, bytes[p + 3]!);
    const declared = dv.getUint32(p + 4, true);
    const start = p + 8;
    const end = Math.min(bytes.length, start + declared);
    if (start + declared > bytes.length) facts.truncated = true;
    if (id === 'fmt ' && end - start >= 16) {
      facts.channels = dv.getUint16(start + 2, true);
      facts.sampleRate = dv.getUint32(start + 4, true);
      byteRate = dv.getUint32(start + 8, true);
    } else if (id === 'data' && byteRate > 0) {
      facts.durationSeconds = Math.round(((end - start) / byteRate) * 1000) / 1000;
    } else if (id === 'LIST' && end - start >= 4 && String.fromCharCode(...bytes.subarray(start, start + 4)) === 'INFO') {
      for (let q = start + 4; q + 8 <= end; ) {
        const tag = String.fromCharCode(bytes[q]!, bytes[q + 1]!, bytes[q + 2]!, bytes[q + 3]!);
        const size = dv.getUint32(q + 4, true);
        const vEnd = Math.min(end, q + 8 + size);
        const value = decoder.decode(bytes.subarray(q + 8, vEnd)).replace(/\u0000+$/g, '').trim();
        if (value && /^[A-Z0-9 ]{4}$/.test(tag)) facts.info[INFO_NAMES[tag] ?? tag] = value.slice(0, 1000);
        q = q + 8 + size + (size & 1);
      }
    }
    p = start + declared + (declared & 1);
  }
  return facts;
}

/**
 * Duration and creation time of an MP4/MOV from its movie header ("moov/mvhd"); boxes are
 * walked by their declared sizes, clamped to the bytes present.
 */
export function readMp4Facts(bytes: Uint8Array): { durationSeconds?: number; created?: string } {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const findBox = (start: number, end: number, type: string): [number, number] | null => {
    for (let p = start, guard = 0; p + 8 <= end && guard < 10_000; guard++) {
      let size = dv.getUint32(p);
      let header = 8;
      if (size === 1 && p + 16 <= end) {
        size = Number(dv.getBigUint64(p + 8));
        header = 16;
      } else if (size === 0) size = end - p;
      if (size < header) return null;
      const name = String.fromCharCode(bytes[p + 4]!, bytes[p + 5]!, bytes[p + 6]!, bytes[p + 7]!);
      if (name === type) return [p + header, Math.min(end, p + size)];
      p += size;
    }
    return null;
  };
  const moov = findBox(0, bytes.length, 'moov');
  const mvhd = moov && findBox(moov[0], moov[1], 'mvhd');
  if (!mvhd) return {};
  const [p, end] = mvhd;
  const version = bytes[p];
  let created: number;
  let timescale: number;
  let duration: number;
  if (version === 1 && p + 32 <= end) {
    created = Number(dv.getBigUint64(p + 4));
    timescale = dv.getUint32(p + 20);
    duration = Number(dv.getBigUint64(p + 24));
  } else if (p + 20 <= end) {
    created = dv.getUint32(p + 4);
    timescale = dv.getUint32(p + 12);
    duration = dv.getUint32(p + 16);
  } else return {};
  const facts: { durationSeconds?: number; created?: string } = {};
  if (timescale > 0) facts.durationSeconds = Math.round((duration / timescale) * 1000) / 1000;
  // Seconds since 1904-01-01 UTC; 0 (and anything before 1990) means "not set".
  const MAC_EPOCH_TO_UNIX = 2_082_844_800;
  const unixSeconds = created - MAC_EPOCH_TO_UNIX;
  if (unixSeconds > 631_152_000 && unixSeconds < 7_258_118_400) facts.created = new Date(unixSeconds * 1000).toISOString().slice(0, 10);
  return facts;
}

/** Video or audio: kind "media", mediaType "video" (MediaType has no "audio" yet), no text. */
export async function readAudioVideo(input: ReadInput, format: SniffedFormat): Promise<ReadResult> {
  const flags: string[] = [];
  const extra: Record<string, unknown> = { format };
  if (AUDIO_FORMATS.has(format)) flags.push('audio_only');
  const result = blobResult('video', 'media', flags, extra);
  if (format === 'wav') {
    const wav = readWavFacts(input.bytes);
    if (Object.keys(wav.info).length) extra.riffInfo = wav.info;
    if (wav.sampleRate !== undefined) extra.sampleRate = wav.sampleRate;
    if (wav.channels !== undefined) extra.channels = wav.channels;
    if (wav.durationSeconds !== undefined) extra.durationSeconds = wav.durationSeconds;
    if (wav.truncated) flags.push('truncated');
    if (wav.info.title) result.metadata.title = wav.info.title;
  }
  if (format === 'mp4' || format === 'mov' || format === 'm4a') {
    const mp4 = readMp4Facts(input.bytes);
    if (mp4.durationSeconds !== undefined) extra.durationSeconds = mp4.durationSeconds;
    // The camera's clock at recording (UTC), when the file still carries it.
    if (mp4.created) result.metadata.published = { value: mp4.created, evidence: 'mp4 mvhd creation_time', confidence: 0.5 };
  }
  result.metadata.flags = flags.sort();
  return result;
}
