// Claims (issue 6): checkable statements, typically a quantity about something. Pure:
// mentions and texts in, Claim records and groups out.
//  extractClaims(doc, mentions) -> Claim[]          one per QUANTITY mention that counts something
//  groupClaims(claims, meta) -> ClaimGroup[]        same counted thing and predicate, compatible time and place
//  valuesAgree(a, b) / groupConflict(claims)         "about 1,200" agrees with "1,200"; "4,000" not with "6,500"
//  independentGroups(claims, links, docs)           union-find over reuse of the claim's passage and same outlet
import type { Claim, Mention, ReuseLink } from '../model/schema.js';
import { foldForSearch, isMostlyArabicScript, normalizeDigits } from '../text/normalize.js';
import { countedThing, nearestPredicate, type Predicate } from './lexicon.js';

export interface ClaimDocument {
  id: string;
  text: string;
  /** ISO date prefix of publication, or null. */
  published: string | null;
  /** Outlet (metadata.site), or null. */
  site: string | null;
}

type Qualifier = Claim['qualifier'];
const QUALIFIERS: readonly Qualifier[] = ['exact', 'approximately', 'at_least', 'at_most'];

/** Sentence spans of a text: ends at . ! ? ؟ … followed by space, or a line break; "Dr." and "2.4" do not end one. */
export function sentenceSpans(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s]!)) s++;
    let e = end;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      start = i + 1;
    } else if ('.!?؟'.includes(c) && (i + 1 >= text.length || /\s/.test(text[i + 1]!))) {
      const before = text.slice(Math.max(0, i - 5), i);
      if (c === '.' && /(^|\s)(Mr|Mrs|Ms|Dr|Gen|St|No|Prof|Col|Lt|Sgt|Jr|Sr|vs)$/.test(before)) continue;
      let end = i + 1;
      while (end < text.length && /["”’»)]/.test(text[end]!)) end++;
      push(end);
      start = end;
      i = end - 1;
    }
  }
  push(text.length);
  return out;
}

function sentenceAt(spans: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else if (spans[mid]!.start > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** Claim id: the document and the quantity's offset. */
export function claimId(documentId: string, start: number): string {
  return `claim:${documentId.slice(0, 16)}:${start}`;
}

/**
 * Claims of one document: each QUANTITY mention (not rejected) that counts something
 * (people, families, detainees…; not distances or money) and has a predicate in its
 * sentence (or the one before), or counts a specific thing. Time: DATE mentions in the
 * sentence, else the publication date; place: PLACE mentions in the sentence.
 */
export function extractClaims(doc: ClaimDocument, mentions: readonly Mention[]): Claim[] {
  const spans = sentenceSpans(doc.text);
  const claims: Claim[] = [];
  const sorted = [...mentions].sort((a, b) => a.start - b.start);
  for (const m of sorted) {
    if (m.type !== 'QUANTITY' || m.status === 'rejected' || m.value === null) continue;
    const value = Number(m.value);
    if (!Number.isFinite(value)) continue;
    const attrs = m.attributes as { valueMax?: unknown; qualifier?: unknown; unit?: unknown };
    const unit = typeof attrs.unit === 'string' ? attrs.unit : null;
    let qualifier: Qualifier = QUALIFIERS.includes(attrs.qualifier as Qualifier) ? (attrs.qualifier as Qualifier) : 'exact';
    const valueMax = typeof attrs.valueMax === 'number' ? attrs.valueMax : null;
    // "no more than 900": the extractor reads "more than"; the negation makes it a ceiling.
    if (qualifier === 'at_least' && /\b(no|not)\s*$/i.test(doc.text.slice(Math.max(0, m.start - 5), m.start))) qualifier = 'at_most';

    // "nine of them", «نُه نفر از آنان»: a part of a figure stated before, not a claim of its own.
    if (/^\s*(نفر\s*)?(of them|of whom|از آنان|از آنها|از آن‌ها|از ایشان)/.test(doc.text.slice(m.end, m.end + 20))) continue;
    const thing = countedThing(unit, m.text);
    if (thing === 'measure') continue;
    if (thing === null) {
      // A bare number: ages, years, clock times are not counts; keep written figures of 100+.
      const digits = normalizeDigits(m.text).replace(/[^\d]/g, '');
      if (value < 100 || (/^\d{4}$/.test(normalizeDigits(m.text).trim()) && value >= 1300 && value <= 2100) || digits.length === 0) continue;
    }
    const k = sentenceAt(spans, m.start);
    if (k < 0) continue;
    const sentence = spans[k]!;
    const local = doc.text.slice(sentence.start, sentence.end);
    let predicate: Predicate | null = nearestPredicate(local, m.start - sentence.start, m.end - sentence.start);
    if (!predicate && thing) predicate = thing.implies;
    if (!predicate && k > 0 && sameParagraph(doc.text, spans[k - 1]!.end, sentence.start)) {
      const prev = spans[k - 1]!;
      predicate = nearestPredicate(doc.text.slice(prev.start, prev.end), prev.end - prev.start, prev.end - prev.start);
    }
    const counted = thing ? thing.counted : 'people';
    // Without a predicate only a specific counted thing makes a checkable claim.
    if (!predicate && (thing === null || thing.counted === 'people')) continue;

    const inSentence = mentions.filter((x) => x.start >= sentence.start && x.end <= sentence.end);
    const date = inSentence.find((x) => x.type === 'DATE' && x.value && x.status !== 'rejected')?.value ?? null;
    const places = [...new Set(inSentence.filter((x) => x.type === 'PLACE' && x.status !== 'rejected').map((x) => x.text))];
    claims.push({
      id: claimId(doc.id, m.start),
      documentId: doc.id,
      start: sentence.start,
      end: sentence.end,
      quantityMentionId: m.id,
      value,
      valueMax,
      qualifier,
      counted,
      predicate,
      date: date ?? doc.published ?? null,
      place: places.length ? places.join('; ') : null,
      groupId: null,
    });
  }
  return claims;
}

function sameParagraph(text: string, from: number, to: number): boolean {
  return !text.slice(from, to).includes('\n\n') && !text.slice(from, to).includes('\n');
}

/** The interval of values a stated figure allows. */
export function valueRange(c: Pick<Claim, 'value' | 'valueMax' | 'qualifier'>): [number, number] {
  const v = c.value ?? 0;
  const hi = c.valueMax ?? v;
  switch (c.qualifier) {
    case 'exact':
      return [v, hi];
    case 'approximately':
      return [v * 0.9, hi * 1.1];
    case 'at_least':
      return [v, Infinity];
    case 'at_most':
      return [0, hi];
  }
}

/** Do two figures agree within their qualifiers? "about 1,200" ~ "1,200"; "more than 100,000" ~ 120,000; 4,000 ≁ 6,500. */
export function valuesAgree(a: Pick<Claim, 'value' | 'valueMax' | 'qualifier'>, b: Pick<Claim, 'value' | 'valueMax' | 'qualifier'>): boolean {
  const [alo, ahi] = valueRange(a);
  const [blo, bhi] = valueRange(b);
  return alo <= bhi && blo <= ahi;
}

/** Sets of mutually agreeing figures, greedily, largest first; a group with two or more sets is a conflict. */
export function valuePositions<C extends Pick<Claim, 'id' | 'value' | 'valueMax' | 'qualifier'>>(claims: readonly C[]): C[][] {
  const positions: C[][] = [];
  const byPrecision = [...claims].sort((x, y) => precisionRank(x) - precisionRank(y) || (x.value ?? 0) - (y.value ?? 0));
  for (const c of byPrecision) {
    const p = positions.find((set) => set.every((o) => valuesAgree(o, c)));
    if (p) p.push(c);
    else positions.push([c]);
  }
  return positions;
}

function precisionRank(c: Pick<Claim, 'qualifier'>): number {
  return { exact: 0, approximately: 1, at_most: 2, at_least: 3 }[c.qualifier];
}

export function groupConflict(claims: readonly Pick<Claim, 'value' | 'valueMax' | 'qualifier'>[]): boolean {
  for (let i = 0; i < claims.length; i++) for (let j = i + 1; j < claims.length; j++) if (!valuesAgree(claims[i]!, claims[j]!)) return true;
  return false;
}

function year(date: string | null): string | null {
  return date && /^\d{4}/.test(date) ? date.slice(0, 4) : null;
}

/** Places are compatible when either is unknown, they share a name, or they are written in different scripts. */
function placesCompatible(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const pa = a.split('; ').map((p) => foldForSearch(p));
  const pb = b.split('; ').map((p) => foldForSearch(p));
  if (pa.some((p) => pb.includes(p))) return true;
  return isMostlyArabicScript(a) !== isMostlyArabicScript(b);
}

/**
 * Time is compatible unless both sentences name dates in different years. A claim's date
 * is named in its sentence when it is not its document's publication date (extractClaims
 * falls back to that); without publishedOf no date counts as named.
 */
function timesCompatible(a: Claim, b: Claim, publishedOf?: (documentId: string) => string | null | undefined): boolean {
  if (!publishedOf) return true;
  const named = (c: Claim) => c.date !== null && c.date !== (publishedOf(c.documentId) ?? null);
  if (!named(a) || !named(b)) return true;
  const ya = year(a.date);
  const yb = year(b.date);
  return !ya || !yb || ya === yb;
}

export function claimKey(c: Pick<Claim, 'counted' | 'predicate'>): string {
  return `${c.predicate ?? '-'}|${c.counted ?? '-'}`;
}

/**
 * Group claims about the same thing: same counted thing and predicate, compatible time and
 * place (union-find over compatible pairs). Returns the claims with groupId set and the
 * groups (claims sorted by document then offset). Group ids are stable: the first claim's id.
 * Claims of different keys never share a group, so a subset of keys can be regrouped alone.
 */
export function groupClaims(
  claims: readonly Claim[],
  publishedOf?: (documentId: string) => string | null | undefined,
): { claims: Claim[]; groups: { id: string; claims: Claim[] }[] } {
  const byKey = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = claimKey(c);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    list.push(c);
  }
  const groups: { id: string; claims: Claim[] }[] = [];
  for (const list of byKey.values()) {
    const parent = list.map((_, i) => i);
    const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        if (find(i) === find(j)) continue;
        if (timesCompatible(list[i]!, list[j]!, publishedOf) && placesCompatible(list[i]!.place, list[j]!.place)) parent[find(i)] = find(j);
      }
    }
    const members = new Map<number, Claim[]>();
    list.forEach((c, i) => {
      const r = find(i);
      let m = members.get(r);
      if (!m) members.set(r, (m = []));
      m.push(c);
    });
    for (const m of members.values()) {
      m.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
      groups.push({ id: 'claim-group:' + m[0]!.id.slice('claim:'.length), claims: m });
    }
  }
  groups.sort((x, y) => (x.id < y.id ? -1 : 1));
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const c of g.claims) groupOf.set(c.id, g.id);
  const out = claims.map((c) => ({ ...c, groupId: groupOf.get(c.id) ?? null }));
  for (const g of groups) g.claims = g.claims.map((c) => ({ ...c, groupId: g.id }));
  return { claims: out, groups };
}

export interface SourceGroup {
  earliest: { documentId: string; published: string | null; site: string | null };
  documents: string[];
}

function siteKey(site: string | null): string | null {
  const s = site?.trim().toLowerCase();
  return s ? s : null;
}

/** An outlet name as matched in running text: folded, without a leading article. "The Arsavan Herald" -> "arsavan herald". */
function outletKey(site: string): string {
  return foldForSearch(site)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

function overlaps(aStart: number, aEnd: number, bStart: number, bEnd: number): boolean {
  return aStart < bEnd && bStart < aEnd;
}

/**
 * The documents stating a group's claims, partitioned into independent source groups:
 * two documents fall in one group when a (non-boilerplate) reuse link joins them over the
 * sentence of one of these claims, when they come from the same outlet, or when a statement
 * names the other's outlet (docs[id].text, when given, is read for outlet names). Each
 * group is listed earliest first (undated documents last).
 */
export function independentGroups(
  claims: readonly Claim[],
  links: readonly ReuseLink[],
  docs: ReadonlyMap<string, { published: string | null; site: string | null; text?: string }>,
): SourceGroup[] {
  const ids = [...new Set(claims.map((c) => c.documentId))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  const parent = ids.map((_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const bySite = new Map<string, number>();
  ids.forEach((id, i) => {
    const s = siteKey(docs.get(id)?.site ?? null);
    if (!s) return;
    const first = bySite.get(s);
    if (first === undefined) bySite.set(s, i);
    else union(first, i);
  });
  // A statement that names another outlet of the group and gives a figure that outlet
  // gives ("organisers and the Kelmar Wire agency said drew more than 100,000") repeats
  // that outlet's figure. Naming an outlet to dispute its figure joins nothing.
  const outletNames = [...bySite].map(([key, i]) => ({ key, i, name: outletKey(key) })).filter((o) => o.name.length >= 4);
  const claimsOfSite = new Map<string, Claim[]>();
  for (const c of claims) {
    const key = siteKey(docs.get(c.documentId)?.site ?? null);
    if (!key) continue;
    let list = claimsOfSite.get(key);
    if (!list) claimsOfSite.set(key, (list = []));
    list.push(c);
  }
  for (const c of claims) {
    const text = docs.get(c.documentId)?.text;
    if (text === undefined || outletNames.length === 0) continue;
    const sentence = ` ${foldForSearch(text.slice(c.start, c.end)).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
    const own = index.get(c.documentId)!;
    for (const o of outletNames) {
      if (find(o.i) === find(own) || !sentence.includes(` ${o.name} `)) continue;
      if ((claimsOfSite.get(o.key) ?? []).some((x) => valuesAgree(x, c))) union(o.i, own);
    }
  }
  const sentences = new Map<string, { start: number; end: number }[]>();
  for (const c of claims) {
    let list = sentences.get(c.documentId);
    if (!list) sentences.set(c.documentId, (list = []));
    list.push({ start: c.start, end: c.end });
  }
  for (const l of links) {
    if (l.boilerplate) continue;
    const a = index.get(l.sourceDocumentId);
    const b = index.get(l.targetDocumentId);
    if (a === undefined || b === undefined || a === b) continue;
    const inSource = sentences.get(l.sourceDocumentId)!.some((s) => overlaps(s.start, s.end, l.sourceStart, l.sourceEnd));
    const inTarget = sentences.get(l.targetDocumentId)!.some((s) => overlaps(s.start, s.end, l.targetStart, l.targetEnd));
    if (inSource || inTarget) union(a, b);
  }
  // Copies of a widely pasted passage are linked to its cluster's earliest holders, not
  // to each other (src/reuse), and that holder may not state the claim: documents whose
  // claim sentence lies in the same reuse cluster are one source.
  const holderOfCluster = new Map<string, number>();
  for (const l of links) {
    if (l.boilerplate || !l.clusterId) continue;
    const sides = [[l.sourceDocumentId, l.sourceStart, l.sourceEnd], [l.targetDocumentId, l.targetStart, l.targetEnd]] as const;
    for (const [doc, start, end] of sides) {
      const i = index.get(doc);
      if (i === undefined || !sentences.get(doc)!.some((s) => overlaps(s.start, s.end, start, end))) continue;
      const first = holderOfCluster.get(l.clusterId);
      if (first === undefined) holderOfCluster.set(l.clusterId, i);
      else union(first, i);
    }
  }
  const groups = new Map<number, string[]>();
  ids.forEach((id, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(id);
  });
  const byDate = (x: string, y: string) => {
    const px = docs.get(x)?.published ?? null;
    const py = docs.get(y)?.published ?? null;
    if (px && py && px !== py) return px < py ? -1 : 1;
    if (!px !== !py) return px ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  return [...groups.values()]
    .map((g) => {
      const documents = g.sort(byDate);
      const e = documents[0]!;
      return { earliest: { documentId: e, published: docs.get(e)?.published ?? null, site: docs.get(e)?.site ?? null }, documents };
    })
    .sort((x, y) => byDate(x.earliest.documentId, y.earliest.documentId));
}
