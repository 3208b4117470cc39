// Verifies samples/gold.json against the files: every gold string occurs in the
// readable text of its file, ids are unique, the JPEG EXIF reads back, every
// file carries the fiction notice. Run: npx tsx scripts/samples/check-gold.ts
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import exifr from 'exifr';
import { collapse, readableText } from './readable.js';
import { FICTION_EN, FICTION_FA } from './world.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const gold = JSON.parse(readFileSync(join(ROOT, 'samples/gold.json'), 'utf8'));
const problems: string[] = [];
const texts = new Map<string, string>();

for (const d of gold.documents) {
  const p = join(ROOT, d.file);
  if (!existsSync(p)) { problems.push(`missing file ${d.file}`); continue; }
  if (d.mediaType === 'image') {
    const ex = await exifr.parse(p, { gps: true });
    if (!ex?.DateTimeOriginal) problems.push(`${d.file}: no DateTimeOriginal`);
    if (!String(ex?.ImageDescription ?? '').includes('FICTIONAL SAMPLE')) problems.push(`${d.file}: no fiction notice in EXIF`);
    console.log(`${d.file}: DateTimeOriginal=${ex?.DateTimeOriginal?.toISOString?.()} lat=${ex?.latitude ?? '-'} lon=${ex?.longitude ?? '-'} ${ex?.Make} ${ex?.Model}`);
    continue;
  }
  const t = await readableText(p);
  texts.set(d.file, t);
  if (!t.includes(collapse(FICTION_EN))) problems.push(`${d.file}: English fiction notice missing`);
  if (d.language === 'fa' && !t.includes(collapse(FICTION_FA))) problems.push(`${d.file}: Persian fiction notice missing`);
}

const has = (file: string, text: string, what: string) => {
  const t = texts.get(file);
  if (t === undefined) problems.push(`${what}: unknown or unreadable file ${file}`);
  else if (!t.includes(collapse(text))) problems.push(`${what}: "${text}" not found in ${file}`);
};
const ids = new Set<string>();
for (const e of gold.entities) {
  if (ids.has(e.id)) problems.push(`duplicate entity id ${e.id}`);
  ids.add(e.id);
  for (const m of e.mentions) has(m.file, m.text, `mention of ${e.id}`);
}
for (const d of gold.dates) has(d.file, d.text, 'date');
for (const q of gold.quantities) has(q.file, q.text, 'quantity');
for (const n of gold.notEntities) has(n.file, n.text, 'not-entity');
for (const r of gold.reuse) { has(r.a, r.aText, 'reuse a'); has(r.b, r.bText, 'reuse b'); }
for (const c of gold.claims) {
  for (const s of c.statements) has(s.file, s.text, `claim ${c.id}`);
  const stating = new Set<string>(c.statements.map((s: { file: string }) => s.file));
  for (const g of c.independentGroups) for (const f of g) if (!stating.has(f)) problems.push(`claim ${c.id}: group member ${f} states no figure`);
  for (const f of stating) if (!c.independentGroups.some((g: string[]) => g.includes(f))) problems.push(`claim ${c.id}: ${f} is in no group`);
}
const fa = gold.documents.filter((d: { language: string }) => d.language === 'fa').length;
console.log(`${gold.documents.length} documents, ${fa} Persian; ${gold.entities.length} entities; ${gold.dates.length} dates; ${gold.quantities.length} quantities; ${gold.reuse.length} reuse pairs; ${gold.claims.length} claims`);
if (problems.length) { console.error(problems.join('\n')); process.exit(1); }
console.log('gold.json OK');
