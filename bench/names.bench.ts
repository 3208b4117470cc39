// Duplicate search in a 120,000-name register and resolution of 100,000 mentions.
// Names are generated: 200 given names (40 common Persian ones, the rest built
// from syllables) and 600 surnames built from syllables, each rendered with realistic romanization variants and typos.
// Planted duplicates are re-spellings of one generated person; precision and
// recall count the pairs in the automatic band against them.
import { findDuplicateCandidates } from '../src/resolve/duplicates.js';
import { resolveMentions, type MentionInput } from '../src/resolve/mentions.js';
import type { NameRecord } from '../src/resolve/name-record.js';
import { phoneticKey, skeletonOf } from '../src/resolve/phonetic-key.js';
import { rng } from './corpus.js';
import type { BenchOptions } from './run.js';

export const name = 'names';


const GIVEN = [
  'dariush', 'shirin', 'kamran', 'mahmoud', 'mohammad', 'hossein', 'ali', 'reza', 'fatemeh', 'zahra', 'maryam', 'narges', 'parvin',
  'behrouz', 'farhad', 'saeed', 'majid', 'mehdi', 'omid', 'arash', 'babak', 'kourosh', 'leila', 'mina', 'nasrin', 'soheila', 'ghasem',
  'khosrow', 'siamak', 'shahram', 'jafar', 'yousef', 'ebrahim', 'esmail', 'abdolkarim', 'gholamreza', 'roghayeh', 'masoumeh', 'azadeh', 'niloufar',
];
const ONSETS = ['k', 'g', 'gh', 'kh', 'sh', 'ch', 'z', 's', 't', 'd', 'b', 'p', 'm', 'n', 'r', 'l', 'f', 'v', 'h', 'j', 'y'];
const NUCLEI = ['a', 'e', 'o', 'ou', 'i', 'ee', 'a'];
const ENDINGS = ['i', 'ani', 'zadeh', 'pour', 'nejad', 'i', 'iyan', 'far', 'i'];

function makeGivenNames(n: number, rand: () => number): string[] {
  const out: string[] = [];
  const keys = new Set<string>();
  const take = (g: string) => {
    const key = skeletonOf(phoneticKey(g));
    if (keys.has(key)) return;
    keys.add(key);
    out.push(g);
  };
  for (const g of GIVEN) take(g);
  while (out.length < n) {
    let g = '';
    for (let k = 0; k < 2; k++) g += ONSETS[Math.floor(rand() * ONSETS.length)] + NUCLEI[Math.floor(rand() * NUCLEI.length)];
    take(g + ['n', 'r', 'm', 'sh', 'd', 'z', 'b'][Math.floor(rand() * 7)]);
  }
  return out;
}

function makeSurnames(n: number, rand: () => number): string[] {
  const out = new Set<string>();
  // Distinct people need distinct names: surnames whose consonant skeletons coincide are drawn again.
  const keys = new Set<string>();
  while (out.size < n) {
    const syl = 2 + Math.floor(rand() * 2);
    let s = '';
    for (let k = 0; k < syl; k++) s += ONSETS[Math.floor(rand() * ONSETS.length)] + NUCLEI[Math.floor(rand() * NUCLEI.length)];
    s += ['n', 'r', 'm', 'sh', 'd', ''][Math.floor(rand() * 6)] + ENDINGS[Math.floor(rand() * ENDINGS.length)];
    const key = skeletonOf(phoneticKey(s));
    if (keys.has(key)) continue;
    keys.add(key);
    out.add(s);
  }
  return [...out];
}

const SWAPS: [RegExp, string[]][] = [
  [/ou/g, ['u', 'oo', 'ou']],
  [/ee/g, ['i', 'ee']],
  [/kh/g, ['kh', 'x']],
  [/gh/g, ['gh', 'q']],
  [/eh$/g, ['eh', 'e', 'ah']],
  [/zadeh/g, ['zadeh', 'zade', '-zadeh']],
  [/i$/g, ['i', 'y']],
  [/e(?=[a-z])/g, ['e', 'a']],
  [/ss/g, ['s', 'ss']],
  [/s(?=[aeiou])/g, ['s', 'ss']],
];

function variant(word: string, rand: () => number): string {
  let w = word;
  for (const [re, opts] of SWAPS) if (rand() < 0.35) w = w.replace(re, () => opts[Math.floor(rand() * opts.length)]);
  if (rand() < 0.1 && w.length > 4) {
    // a typo: swap two inner letters
    const k = 1 + Math.floor(rand() * (w.length - 3));
    w = w.slice(0, k) + w[k + 1] + w[k] + w.slice(k + 2);
  }
  return w;
}

const cap = (w: string) => w.replace(/(^|[\s-])([a-z])/g, (_, p: string, c: string) => p + c.toUpperCase());

function render(given: string, surname: string, rand: () => number): string {
  const g = cap(variant(given, rand));
  const s = cap(variant(surname, rand));
  const r = rand();
  if (r < 0.3) return `${s.toUpperCase()}, ${g}`;
  if (r < 0.4) return `Mr. ${g} ${s}`;
  return `${g} ${s}`;
}

interface Register {
  records: NameRecord[];
  personOf: number[];
}

export function makeRegister(size: number, seed: number): Register {
  const rand = rng(seed);
  const given = makeGivenNames(200, rand);
  const surnames = makeSurnames(600, rand);
  const people: [string, string][] = [];
  const seen = new Set<string>();
  const distinct = Math.floor(size * 0.7);
  while (people.length < distinct) {
    const g = given[Math.floor(rand() * given.length)];
    const s = surnames[Math.floor(rand() * surnames.length)];
    if (seen.has(g + s)) {
      if (seen.size >= given.length * surnames.length) break;
      continue;
    }
    seen.add(g + s);
    people.push([g, s]);
  }
  const records: NameRecord[] = [];
  const personOf: number[] = [];
  for (let p = 0; p < people.length; p++) {
    records.push({ name: render(people[p][0], people[p][1], rand), type: 'PERSON' });
    personOf.push(p);
  }
  while (records.length < size) {
    const p = Math.floor(rand() * people.length);
    records.push({ name: render(people[p][0], people[p][1], rand), type: 'PERSON' });
    personOf.push(p);
  }
  return { records, personOf };
}

export async function run({ quick }: BenchOptions): Promise<void> {
  const size = quick ? 12_000 : 120_000;
  const { records, personOf } = makeRegister(size, 7);
  let planted = 0;
  const perPerson = new Map<number, number>();
  for (const p of personOf) perPerson.set(p, (perPerson.get(p) ?? 0) + 1);
  for (const c of perPerson.values()) planted += (c * (c - 1)) / 2;

  // Wall time and this process's CPU time: the bench machine is shared, so the
  // CPU seconds are the steadier figure.
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const candidates = findDuplicateCandidates(records);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  const count = (bands: string[]) => {
    let tp = 0;
    let fp = 0;
    for (const c of candidates) {
      if (!bands.includes(c.band)) continue;
      if (personOf[c.a] === personOf[c.b]) tp++;
      else fp++;
    }
    return { n: tp + fp, precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, planted) };
  };
  const auto = count(['automatic']);
  const any = count(['automatic', 'review']);
  console.log(`duplicates: ${records.length} names in ${seconds.toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU; ${candidates.length} candidate pairs (${auto.n} automatic)`);
  console.log(`planted duplicate pairs ${planted}: automatic band precision ${auto.precision.toFixed(3)} recall ${auto.recall.toFixed(3)}; automatic+review precision ${any.precision.toFixed(3)} recall ${any.recall.toFixed(3)}`);

  // Mentions: documents of 20 mentions (full names, then bare surnames) drawn from 5,000 people.
  const mentionCount = quick ? 10_000 : 100_000;
  const rand = rng(11);
  const mentions: MentionInput[] = [];
  let doc = 0;
  while (mentions.length < mentionCount) {
    const documentId = `doc${doc++}`;
    let pos = 0;
    for (let k = 0; k < 20 && mentions.length < mentionCount; k++) {
      const p = Math.floor(rand() * 5_000);
      const r = records[p];
      const text = k >= 14 ? r.name.replace(/^.*,\s*/, '').split(' ').pop() ?? r.name : render(...peopleName(r.name), rand);
      mentions.push({ text, type: 'PERSON', documentId, start: pos, end: pos + text.length });
      pos += text.length + 50;
    }
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const clusters = resolveMentions(mentions);
  const seconds2 = (performance.now() - t1) / 1000;
  console.log(`resolution: ${mentions.length} mentions in ${doc} documents in ${seconds2.toFixed(1)} s wall, ${cpuSeconds(c1).toFixed(1)} s CPU; ${clusters.length} clusters`);
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1e6;
}

// Re-splits a rendered register name into given name and surname for re-rendering.
function peopleName(rendered: string): [string, string] {
  const clean = rendered.replace(/^Mr\.\s*/, '');
  if (clean.includes(',')) {
    const [s, g] = clean.split(',');
    return [g.trim().toLowerCase(), s.trim().toLowerCase()];
  }
  const parts = clean.split(' ');
  return [parts[0].toLowerCase(), parts.slice(1).join(' ').toLowerCase()];
}
