// Three small invented "photos" (drawn shapes, 320x240) with hand-written EXIF,
// plus a resized, recompressed copy of one of them: the near-duplicate a
// messenger app produces when a photo is forwarded.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import sharp from 'sharp';
import { buildExifSegment, insertExif } from './exif.js';
import { FICTION_EN } from './world.js';

export interface SampleImage {
  file: string; title: string; source: string; taken: string /* ISO local */; make: string; model: string;
  gps: { lat: number; lon: number } | null; notes: string; svg?: string; copyOf?: string; width?: number; quality?: number;
}

const frame = (inner: string, label: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240">${inner}
<rect x="0" y="214" width="320" height="26" fill="#000" fill-opacity="0.55"/>
<text x="6" y="226" font-family="sans-serif" font-size="9" fill="#fff">FICTIONAL SAMPLE - Daftar demo corpus</text>
<text x="6" y="236" font-family="sans-serif" font-size="8" fill="#fff">${label}</text></svg>`;

export const IMAGES: SampleImage[] = [
  {
    file: 'samples/media/golmarz-rally-2025-03-02.jpg', title: 'Crowd on the Tirab embankment, Golmarz', source: 'uploaded by a Golmarz resident to the VRM intake form',
    taken: '2025-03-02T11:42:17', make: 'Phonix', model: 'P12 Lite', gps: { lat: -40.3121, lon: 64.1187 },
    notes: 'EXIF capture time and GPS (Golmarz); the crowd is drawn shapes',
    svg: frame(`<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb8de"/><stop offset="1" stop-color="#e9f1f7"/></linearGradient></defs>
<rect width="320" height="240" fill="url(#s)"/><rect y="150" width="320" height="90" fill="#9c8f70"/><path d="M0 140 Q160 120 320 145 L320 160 L0 160 Z" fill="#5d7f9e"/>
${Array.from({ length: 60 }, (_, i) => `<circle cx="${(i * 53) % 320}" cy="${165 + ((i * 29) % 45)}" r="${4 + (i % 3)}" fill="#${['3b3b3b', '6a4e3a', '2f4f6f', '7a2e2e'][i % 4]}"/>`).join('')}`, 'Golmarz, 2 March 2025 (invented scene)'),
  },
  {
    file: 'samples/media/chalkhan-perimeter-2025-04-18.jpg', title: 'Fence and watchtower at Chalkhan camp', source: 'Vahrestan Rights Monitor field researcher',
    taken: '2025-04-18T07:05:51', make: 'Kestrel Optics', model: 'KX-200', gps: { lat: -40.9688, lon: 65.2093 },
    notes: 'EXIF capture time and GPS (Chalkhan camp); the original of the near-duplicate below',
    svg: frame(`<rect width="320" height="240" fill="#d9c9a3"/><rect width="320" height="110" fill="#c4d3dc"/>
${Array.from({ length: 17 }, (_, i) => `<line x1="${i * 20}" y1="95" x2="${i * 20}" y2="170" stroke="#444" stroke-width="2"/>`).join('')}
<line x1="0" y1="100" x2="320" y2="100" stroke="#555"/><line x1="0" y1="130" x2="320" y2="130" stroke="#555"/><line x1="0" y1="160" x2="320" y2="160" stroke="#555"/>
<rect x="236" y="40" width="26" height="130" fill="#6b5b45"/><rect x="226" y="30" width="46" height="22" fill="#4a3f30"/>`, 'Chalkhan camp perimeter, 18 April 2025 (invented scene)'),
  },
  {
    file: 'samples/media/sepidband-dam-2025-02-20.jpg', title: 'Spillway of the Sepidband dam', source: 'Tirab Water Authority press kit',
    taken: '2025-02-20T15:30:02', make: 'Kestrel Optics', model: 'KX-200', gps: { lat: -40.0512, lon: 63.6104 },
    notes: 'EXIF capture time and GPS (Sepidband dam)',
    svg: frame(`<rect width="320" height="240" fill="#a7c4d8"/><polygon points="0,240 0,120 90,80 160,110 230,70 320,115 320,240" fill="#8a8270"/>
<rect x="70" y="120" width="180" height="60" fill="#bdbdb5"/><rect x="140" y="120" width="40" height="94" fill="#e8f3fb"/><rect y="180" width="320" height="34" fill="#4f7792"/>`, 'Sepidband dam, 20 February 2025 (invented scene)'),
  },
  {
    file: 'samples/media/chalkhan-perimeter-forwarded.jpg', title: 'Fence and watchtower at Chalkhan camp (forwarded copy)', source: 'received through a messaging app',
    taken: '2025-04-18T07:05:51', make: 'Kestrel Optics', model: 'KX-200', gps: null,
    notes: 'near-duplicate: the Chalkhan photo resized to 160x120 and recompressed at quality 55; GPS stripped, capture time kept',
    copyOf: 'samples/media/chalkhan-perimeter-2025-04-18.jpg', width: 160, quality: 55,
  },
];

export async function writeImages(out: (rel: string) => string): Promise<void> {
  const written = new Map<string, Buffer>();
  for (const img of IMAGES) {
    let jpeg: Buffer;
    if (img.copyOf) {
      jpeg = await sharp(written.get(img.copyOf)!).resize(img.width).jpeg({ quality: img.quality ?? 60 }).toBuffer();
    } else {
      jpeg = await sharp(Buffer.from(img.svg!)).jpeg({ quality: 82 }).toBuffer();
    }
    const exif = buildExifSegment({
      make: img.make, model: img.model, description: `${img.title}. ${FICTION_EN}`,
      dateTimeOriginal: img.taken.replace('T', ' ').replace(/-/g, ':'), offsetTime: '+04:00', gps: img.gps ?? undefined,
    });
    const bytes = insertExif(jpeg, exif);
    written.set(img.file, bytes);
    mkdirSync(dirname(out(img.file)), { recursive: true });
    writeFileSync(out(img.file), bytes);
  }
}
