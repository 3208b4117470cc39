// Mentions into entities. Within a document, a bare surname ("Kalantari said")
// joins the full name introduced there only when exactly one such name exists;
// an acronym joins the long form it was defined for. Across documents, clusters
// are found through an index keyed by phonetic word skeletons, so adding a
// document costs in proportion to its mentions. Human decisions win: a
// mustNotLink pair is never put together, a mustLink pair always is (unless a
// mustNotLink forbids it).
import { GIVEN_NAMES_FA } from '../extract/ner/names-fa.js';
import { foldScript } from './arabic-script-key.js';
import { splitTitles, titlesOf } from './latin-fold.js';
import { analyzeName, type NameType } from './name-record.js';
import { acronymForm, acronymOf, isAcronymOf } from './organization.js';
import { skeletonOf } from './phonetic-key.js';
import { AUTOMATIC_THRESHOLD, scoreNamePair } from './score.js';
import { wordSimilarity } from './similarity.js';

export interface MentionInput {
  /** Stable id; default `${documentId}:${start}-${end}`. */
  id?: string;
  text: string;
  type: NameType;
  documentId: string;
  start: number;
  end: number;
  lang?: 'en' | 'fa' | 'other';
  /** A title read next to the mention ("General"), canonical or as written. */
  title?: string;
  /** For an acronym, the long form it was defined for in this document: "NSCL" -> "National Standards and Calibration Laboratory". */
  acronymOf?: string;
  /** The word right before the mention on its line, when one is there (see wordBefore). */
  before?: string;
}

export interface ResolveOptions {
  mustLink?: [string, string][];
  mustNotLink?: [string, string][];
  /** Score needed to join a cluster across documents; default AUTOMATIC_THRESHOLD. */
  threshold?: number;
}

export interface ResolvedCluster {
  /** The id of the cluster's first mention. */
  id: string;
  type: NameType;
  /** The longest full name among its mentions. */
  name: string;
  mentionIds: string[];
  /** Distinct mention texts. */
  aliases: string[];
  documentIds: string[];
}

export function mentionId(m: MentionInput): string {
  return m.id ?? `${m.documentId}:${m.start}-${m.end}`;
}

interface Cluster {
  id: string;
  type: NameType;
  mentionIds: string[];
  names: string[]; // distinct full names (up to 8 kept for scoring)
  aliases: Set<string>;
  documentIds: Set<string>;
  mergedInto: Cluster | null;
}

const MAX_NAMES = 8;

// Titles of rank: a surname mention carrying one ("General Rostami", «سردار رستمی») is
// the person of that rank, not a namesake introduced without it. Ranks of one group
// stand for each other ("General" is said of a brigadier).
const RANK_GROUP: Record<string, string> = {
  general: 'military', brigadier: 'military', colonel: 'military', major: 'military', lieutenant: 'military', captain: 'military',
  admiral: 'military', commander: 'military', sergeant: 'military',
  ayatollah: 'cleric', hojatoleslam: 'cleric', mullah: 'cleric', sheikh: 'cleric', imam: 'cleric', maulana: 'cleric', maulvi: 'cleric',
};
const GENDER: Record<string, 'm' | 'f'> = { mr: 'm', sir: 'm', agha: 'm', mrs: 'f', ms: 'f', khanum: 'f' };
// Titles that say nothing about office: honorifics of descent or pilgrimage.
const NEUTRAL_TITLES = new Set(['seyed', 'haji']);

/**
 * Whether the titles of a surname mention rule out the full-name person: another
 * gender, a rank the person was not given, or another office.
 * titlesConflict(["general"], []) -> true; titlesConflict(["doctor"], []) -> false
 */
export function titlesConflict(surnameTitles: string[], personTitles: string[]): boolean {
  const gs = new Set(surnameTitles.map((t) => GENDER[t]).filter((g) => g !== undefined));
  const gp = new Set(personTitles.map((t) => GENDER[t]).filter((g) => g !== undefined));
  if (gs.size === 1 && gp.size === 1 && [...gs][0] !== [...gp][0]) return true;
  const office = (ts: string[]) => ts.filter((t) => GENDER[t] === undefined && !NEUTRAL_TITLES.has(t));
  const os = office(surnameTitles);
  const op = office(personTitles);
  for (const t of os) {
    const group = RANK_GROUP[t];
    if (group !== undefined) {
      // A rank must have been seen on the person (itself or one of its group).
      if (!op.some((u) => u === t || RANK_GROUP[u] === group)) return true;
    } else if (op.length > 0 && !op.includes(t)) return true;
  }
  return false;
}

const GIVEN_FA = new Set(GIVEN_NAMES_FA.map((g) => foldScript(g)));
// Capitalized words that begin sentences or phrases, not names.
const LATIN_FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'and', 'but', 'or', 'nor', 'so', 'yet', 'when', 'while', 'where', 'after', 'before', 'since', 'as', 'if', 'then',
  'in', 'on', 'at', 'to', 'of', 'for', 'by', 'with', 'from', 'about', 'that', 'this', 'these', 'those', 'his', 'her', 'their', 'our',
  'its', 'my', 'your', 'he', 'she', 'they', 'we', 'it', 'i', 'you', 'said', 'says', 'told', 'asked', 'also', 'both', 'neither',
  'according', 'because', 'however', 'although', 'though', 'today', 'yesterday', 'last', 'later', 'earlier', 'now', 'only', 'even',
]);

/** The word right before `start` on the same line, without punctuation between: "Golnar" in "Golnar Kalantari". */
export function wordBefore(text: string, start: number): string | undefined {
  let i = start;
  while (i > 0 && (text[i - 1] === ' ' || text[i - 1] === '\u00a0' || text[i - 1] === '\u200c')) i--;
  if (i === start || i === 0) return undefined;
  // An abbreviation with its period ("Mr.", "Gen."); any other period ends a sentence.
  const dotted = text[i - 1] === '.';
  const end = dotted ? i - 1 : i;
  let j = end;
  while (j > 0 && /[\p{L}\p{M}\u200c'’-]/u.test(text[j - 1]!)) j--;
  if (j === end) return undefined;
  if (dotted) return end - j <= 4 && titlesOf(`${text.slice(j, end)} Xa Ya`).length > 0 ? text.slice(j, i) : undefined;
  return text.slice(j, i);
}

/**
 * Whether a word looks like a given name: a Persian given name, or a capitalized Latin
 * word that is neither a title nor a function word. "Golnar" -> true, "The" -> false.
 */
export function looksLikeGivenName(word: string): boolean {
  if (/[\u0600-\u06ff]/.test(word)) return GIVEN_FA.has(foldScript(word.replace(/\u200c/g, '')));
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (LATIN_FUNCTION_WORDS.has(word.toLowerCase())) return false;
  return splitTitles(`${word} Xa Ya`).titles.length === 0;
}
const MAX_BLOCK = 200;

/**
 * An organization or place mention that reads as "the X", a capitalized word after the
 * definite article, inside its span or right before it: "the Guard", "The Monitor said",
 * "told the Herald" (the recognizer may leave the article out, or type the word a place).
 */
export function isTheShortForm(m: Pick<MentionInput, 'type' | 'text' | 'before'>): boolean {
  if (m.type !== 'ORG' && m.type !== 'PLACE') return false;
  if (/^[Tt]he\s+\p{Lu}/u.test(m.text)) return m.type === 'ORG';
  return m.before !== undefined && /^the$/i.test(m.before) && /^\p{Lu}\p{Ll}+$/u.test(m.text);
}

/**
 * Whether one word is a short form of a multi-word organization name: any of its words
 * for an organization mention ("the Guard" of "Internal Guard Corps"), only its last
 * word, the head noun, for a mention typed a place ("the Herald" of "Arsavan Herald",
 * where "the Golmarz" of "Golmarz Farmers' Union" is the place).
 */
function shortFormOf(word: string, type: NameType, orgWords: string[]): boolean {
  if (orgWords.length < 2) return false;
  return type === 'ORG' ? orgWords.includes(word) : orgWords[orgWords.length - 1] === word;
}

/**
 * The document's mentions, with an organization-typed one that reads as a person's name
 * typed a person: a given name (or a title) before a family name that a person mention of
 * the same document carries ("the family of Dariush Kalantari" typed ORG beside "Mr.
 * Kalantari" or "Golnar Kalantari" typed PERSON). Only the resolver sees the new type.
 */
export function personsTypedOrg(mentions: MentionInput[]): MentionInput[] {
  if (!mentions.some((m) => m.type === 'ORG')) return mentions;
  const familyNames: string[] = [];
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const words = analyzeName(m.text, 'PERSON').words;
    if (words.length >= 1) familyNames.push(words[words.length - 1]!);
  }
  if (familyNames.length === 0) return mentions;
  return mentions.map((m) => {
    if (m.type !== 'ORG' || acronymForm(m.text) !== null) return m;
    const an = analyzeName(m.text, 'PERSON');
    const raw = m.text.trim().split(/\s+/);
    const n = an.words.length;
    if (n < 1 || n > 3 || raw.length > 4) return m;
    // Every word a name: capitalized in Latin script ("Golmarz Farmers’ Union" has a family-name-like last word too, but not a given name before a family name of a person here).
    if (raw.some((w) => /\p{Script=Latin}/u.test(w) && !/^\p{Lu}/u.test(w))) return m;
    // Titles of rank or office that are also words of a name ("General Rostami", "Brigadier
    // General Rostami"): read off the front; the person goes on as the rest with that title.
    let lead = 0;
    while (lead < raw.length - 1 && /^\p{Lu}\p{Ll}+\.?$/u.test(raw[lead]!) && titlesOf(`${raw[lead]} Xa Ya`).length > 0) lead++;
    if (lead > 0 && an.titles.length === 0) {
      const rest = raw.slice(lead);
      if (rest.length > 2) return m;
      const restWords = analyzeName(rest.join(' '), 'PERSON').words;
      const family = restWords[restWords.length - 1];
      if (family === undefined || !familyNames.some((f) => wordSimilarity(f, family) >= 0.85)) return m;
      return { ...m, type: 'PERSON' as const, text: rest.join(' '), title: raw.slice(0, lead).join(' ') };
    }
    const given = n >= 2 && looksLikeGivenName(raw[0]!);
    if (!given && an.titles.length === 0) return m;
    if (n === 1 && an.titles.length === 0) return m;
    const last = an.words[n - 1]!;
    if (!familyNames.some((f) => wordSimilarity(f, last) >= 0.85)) return m;
    return { ...m, type: 'PERSON' as const };
  });
}

/** An incremental resolver: add documents' mentions one batch at a time, read clusters any time. */
export class MentionResolver {
  private readonly clustersById = new Map<string, Cluster>();
  private readonly clusterOfMention = new Map<string, Cluster>();
  private readonly index = new Map<string, Cluster[]>();
  private readonly forbidden = new Map<string, Set<string>>();
  private readonly threshold: number;

  constructor(private readonly options: ResolveOptions = {}) {
    this.threshold = options.threshold ?? AUTOMATIC_THRESHOLD;
    for (const [a, b] of options.mustNotLink ?? []) {
      this.forbid(a, b);
      this.forbid(b, a);
    }
  }

  private forbid(a: string, b: string): void {
    const s = this.forbidden.get(a) ?? new Set<string>();
    s.add(b);
    this.forbidden.set(a, s);
  }

  private root(c: Cluster): Cluster {
    let r = c;
    while (r.mergedInto) r = r.mergedInto;
    return r;
  }

  private conflicts(a: Cluster, b: Cluster): boolean {
    const [small, large] = a.mentionIds.length <= b.mentionIds.length ? [a, b] : [b, a];
    const other = new Set(large.mentionIds);
    for (const m of small.mentionIds) {
      for (const f of this.forbidden.get(m) ?? []) if (other.has(f)) return true;
    }
    return false;
  }

  private keysOf(name: string, type: NameType): string[] {
    return [...new Set(analyzeName(name, type).words.map(skeletonOf).filter((s) => s.length >= 2))];
  }

  private indexName(c: Cluster, name: string): void {
    for (const k of this.keysOf(name, c.type)) {
      const key = c.type + ':' + k;
      const list = this.index.get(key) ?? [];
      if (list.length < MAX_BLOCK * 4 && !list.includes(c)) list.push(c);
      this.index.set(key, list);
    }
  }

  private newCluster(m: MentionInput, id: string): Cluster {
    const c: Cluster = { id, type: m.type, mentionIds: [], names: [], aliases: new Set(), documentIds: new Set(), mergedInto: null };
    this.clustersById.set(id, c);
    return c;
  }

  private attach(c: Cluster, m: MentionInput, id: string, fullName: boolean): void {
    c.mentionIds.push(id);
    c.aliases.add(m.text);
    c.documentIds.add(m.documentId);
    this.clusterOfMention.set(id, c);
    if (fullName && !c.names.includes(m.text) && c.names.length < MAX_NAMES) {
      c.names.push(m.text);
      this.indexName(c, m.text);
    }
  }

  private merge(a: Cluster, b: Cluster): Cluster {
    // An organization and a mention typed otherwise that the text calls one (mustLink): the organization stays.
    const [keep, gone] = a.type !== b.type && (a.type === 'ORG' || b.type === 'ORG') ? (a.type === 'ORG' ? [a, b] : [b, a]) : a.mentionIds.length >= b.mentionIds.length ? [a, b] : [b, a];
    for (const id of gone.mentionIds) {
      keep.mentionIds.push(id);
      this.clusterOfMention.set(id, keep);
    }
    for (const s of gone.aliases) keep.aliases.add(s);
    for (const d of gone.documentIds) keep.documentIds.add(d);
    for (const n of gone.names) {
      if (keep.names.length < MAX_NAMES && !keep.names.includes(n)) {
        keep.names.push(n);
        this.indexName(keep, n);
      }
    }
    gone.mergedInto = keep;
    this.clustersById.delete(gone.id);
    return keep;
  }

  private bestCluster(m: MentionInput, exclude: Set<Cluster>): Cluster | null {
    const counts = new Map<Cluster, number>();
    for (const k of this.keysOf(m.text, m.type)) {
      const list = this.index.get(m.type + ':' + k) ?? [];
      if (list.length > MAX_BLOCK * 4) continue;
      for (const c of list) {
        const r = this.root(c);
        if (!exclude.has(r)) counts.set(r, (counts.get(r) ?? 0) + 1);
      }
    }
    // A multi-word name must share two word keys with a cluster to be scored against it.
    const need = Math.min(2, this.keysOf(m.text, m.type).length);
    const candidates = [...counts.entries()].filter(([, n]) => n >= need).sort((x, y) => y[1] - x[1]).slice(0, 30);
    let best: Cluster | null = null;
    let bestScore = this.threshold;
    for (const [c] of candidates) {
      const titles = m.title !== undefined ? titlesOf(`${m.title} ${m.text}`) : undefined;
      const s = scoreNamePair({ name: m.text, type: m.type, titles }, { name: c.names[0], aliases: c.names.slice(1), type: c.type }).score;
      if (s >= bestScore) {
        best = c;
        bestScore = s;
      }
    }
    return best;
  }

  /** Adds the mentions of one or more documents. */
  add(mentions: MentionInput[]): void {
    const byDocument = new Map<string, MentionInput[]>();
    for (const m of mentions) {
      const list = byDocument.get(m.documentId) ?? [];
      list.push(m);
      byDocument.set(m.documentId, list);
    }
    for (const docMentions of byDocument.values()) this.addDocument(docMentions.sort((x, y) => x.start - y.start));
    this.applyMustLink();
  }

  /**
   * Puts a full name in the cluster its same text has in this document, else in the best
   * matching cluster of the corpus, else in a new one; a conflict (a curated "keep apart")
   * sends it to a new cluster.
   */
  private placeByName(m: MentionInput, id: string, local: { m: MentionInput; c: Cluster }[]): void {
    const inDoc = local.find((l) => l.m.type === m.type && l.m.text === m.text);
    let c = inDoc ? this.root(inDoc.c) : null;
    if (!c) {
      const probe = this.newCluster(m, id);
      c = this.bestCluster(m, new Set([probe]));
      if (c && this.conflictsWithMention(c, id)) c = null;
      if (c) this.clustersById.delete(id);
      else c = probe;
    } else if (this.conflictsWithMention(c, id)) {
      c = this.newCluster(m, id);
    }
    this.attach(c, m, id, true);
    local.push({ m, c });
  }

  private addDocument(input: MentionInput[]): void {
    const mentions = personsTypedOrg(input);
    // Full names first (in text order), then surnames and acronyms, which look back at them.
    const local: { m: MentionInput; c: Cluster }[] = [];
    const deferred: MentionInput[] = [];
    for (const m of mentions) {
      const id = mentionId(m);
      if (this.clusterOfMention.has(id)) continue;
      const words = analyzeName(m.text, m.type).words;
      const isBareSurname = m.type === 'PERSON' && words.length === 1;
      const isAcronym = m.type === 'ORG' && (m.acronymOf !== undefined || acronymForm(m.text) !== null);
      // "the Herald" may come before "The Arsavan Herald" is named: short forms wait for
      // the document's full names.
      if (isBareSurname || isAcronym || this.mayBeShortOrgName(m, mentions)) {
        deferred.push(m);
        continue;
      }
      this.placeByName(m, id, local);
    }
    const apart: { word: string; c: Cluster }[] = [];
    for (const m of deferred) {
      const id = mentionId(m);
      const words = analyzeName(m.text, m.type).words;
      let target: Cluster | null = null;
      let keptApart = false;
      // A short name is the document's own usage: it joins, but does not become a name
      // other documents' "the Guard" would be matched against.
      const short = this.mayBeShortOrgName(m, mentions) ? this.shortOrgName(m, local) : undefined;
      if (short && !this.conflictsWithMention(this.root(short.c), id)) {
        this.attach(this.root(short.c), m, id, false);
        continue;
      }
      if (m.type !== 'PERSON' && m.type !== 'ORG') {
        // A place-typed "the Herald" with no organization to join: a name of its own.
        this.placeByName(m, id, local);
        continue;
      }
      if (m.type === 'PERSON') {
        // Exactly one full name in this document whose surname is this word. A given
        // name right before the surname ("Golnar Kalantari" cut to "Kalantari") is
        // another person's full name, and a title the person was not given ("General
        // Rostami" after "Hossein Rostami") another person: neither joins.
        const cutFromFullName = m.before !== undefined && looksLikeGivenName(m.before);
        const matches = new Set<Cluster>();
        let firstFull: { m: MentionInput; c: Cluster } | undefined;
        for (const l of cutFromFullName ? [] : local) {
          if (l.m.type !== 'PERSON') continue;
          const an = analyzeName(l.m.text, 'PERSON');
          const surname = an.surname.map((i) => an.words[i]);
          if (surname.some((s) => wordSimilarity(s, words[0]) >= 0.85)) {
            matches.add(this.root(l.c));
            if (!firstFull || l.m.start < firstFull.m.start) firstFull = l;
          }
        }
        // A namesake already kept apart in this document ("Mr. Kalantari" beside "Mrs. Golnar
        // Kalantari") is a second candidate: the plain surname after both is ambiguous.
        for (const a of apart) if (wordSimilarity(a.word, words[0]) >= 0.85) matches.add(this.root(a.c));
        // Several namesakes: a title that rules out all but one decides ("Mr. Kalantari"
        // beside "Dariush Kalantari" and "Mrs. Golnar Kalantari").
        if (matches.size > 1) {
          const titles = this.mentionTitles(m);
          const fitting = titles.length > 0 ? [...matches].filter((c) => !titlesConflict(titles, this.clusterTitles(c, local))) : [];
          if (fitting.length === 1) {
            matches.clear();
            matches.add(fitting[0]!);
          } else if (firstFull && m.end <= firstFull.m.start && apart.length === 0) {
            // A bare surname before every full name with it (a headline: «حکم کلانتری», then the
            // lead names «داریوش کلانتری» and later his wife) is the person the text names first.
            matches.clear();
            matches.add(this.root(firstFull.c));
          }
        }
        if (matches.size === 1) {
          const c = [...matches][0]!;
          if (!titlesConflict(this.mentionTitles(m), this.clusterTitles(c, local))) target = c;
          else keptApart = true;
        }
        if (cutFromFullName) keptApart = true;
      } else {
        const matches = new Set<Cluster>();
        for (const l of local) {
          if (l.m.type !== 'ORG') continue;
          const long = l.m.text;
          const defined = m.acronymOf !== undefined && scoreNamePair({ name: m.acronymOf, type: 'ORG' }, { name: long, type: 'ORG' }).score >= this.threshold;
          if (defined || isAcronymOf(m.text, long) || (acronymForm(m.text) !== null && acronymOf(long) === acronymForm(m.text))) matches.add(this.root(l.c));
        }
        if (matches.size === 1) target = [...matches][0];
        if (!target) target = this.bestCluster(m, new Set());
      }
      if (target && this.conflictsWithMention(target, id)) target = null;
      const c = target ?? this.newCluster(m, id);
      // A bare surname is not a full name: it must not pull other Kalantaris in later.
      this.attach(c, m, id, target === null && m.type !== 'PERSON');
      if (keptApart && target === null) apart.push({ word: words[0]!, c });
    }
  }

  /**
   * "the Guard" after "Internal Guard Corps": a one-word short name of an organization
   * named in full earlier in the document, when exactly one such name has that word.
   */
  private shortOrgName(m: MentionInput, local: { m: MentionInput; c: Cluster }[]): { m: MentionInput; c: Cluster } | undefined {
    if (!isTheShortForm(m)) return undefined;
    const words = analyzeName(m.text, 'ORG').words;
    if (words.length !== 1 || words[0]!.length < 3) return undefined;
    const found = new Map<Cluster, { m: MentionInput; c: Cluster }>();
    for (const l of local) {
      if (l.m.type !== 'ORG') continue;
      if (shortFormOf(words[0]!, m.type, analyzeName(l.m.text, 'ORG').words)) found.set(this.root(l.c), l);
    }
    return found.size === 1 ? [...found.values()][0] : undefined;
  }

  /** Whether `m` reads as "the X" and some multi-word organization of the document has the word X. */
  private mayBeShortOrgName(m: MentionInput, mentions: MentionInput[]): boolean {
    if (!isTheShortForm(m)) return false;
    const words = analyzeName(m.text, 'ORG').words;
    if (words.length !== 1 || words[0]!.length < 3) return false;
    return mentions.some((o) => o.type === 'ORG' && o !== m && shortFormOf(words[0]!, m.type, analyzeName(o.text, 'ORG').words));
  }

  private mentionTitles(m: MentionInput): string[] {
    // A title left outside the span counts too: "General" before "Rostami".
    const own = [...analyzeName(m.text, m.type).titles];
    if (m.before !== undefined) {
      // Placeholder words after it, so that a title that is also a name ("General") reads as one.
      const b = /[\u0600-\u06ff]/.test(m.before) ? analyzeName(`${m.before} ${m.text}`, m.type).titles : titlesOf(`${m.before} Xa Ya`);
      own.push(...b);
    }
    // (Placeholders after the title too, so that "General" given alone reads as a title.)
    return m.title !== undefined ? [...new Set([...own, ...titlesOf(`${m.title} ${m.text}`), ...titlesOf(`${m.title} Xa Ya`)])] : own;
  }

  /** Titles the cluster's person was given: in its names, and on its mentions in this document. */
  private clusterTitles(c: Cluster, local: { m: MentionInput; c: Cluster }[]): string[] {
    const out: string[] = [];
    for (const n of c.aliases) out.push(...analyzeName(n, c.type).titles);
    for (const l of local) if (this.root(l.c) === c) out.push(...this.mentionTitles(l.m));
    return out;
  }

  private conflictsWithMention(c: Cluster, id: string): boolean {
    const f = this.forbidden.get(id);
    if (!f) return false;
    return c.mentionIds.some((m) => f.has(m));
  }

  private applyMustLink(): void {
    for (const [a, b] of this.options.mustLink ?? []) {
      const ca = this.clusterOfMention.get(a);
      const cb = this.clusterOfMention.get(b);
      if (!ca || !cb) continue;
      const ra = this.root(ca);
      const rb = this.root(cb);
      if (ra === rb || this.conflicts(ra, rb)) continue;
      this.merge(ra, rb);
    }
  }

  /** The clusters so far, in order of first mention. */
  clusters(): ResolvedCluster[] {
    return [...this.clustersById.values()].map((c) => {
      const names = c.names.length > 0 ? c.names : [...c.aliases];
      const name = names.reduce((best, n) => (n.length > best.length ? n : best), names[0] ?? '');
      return { id: c.id, type: c.type, name, mentionIds: [...c.mentionIds], aliases: [...c.aliases], documentIds: [...c.documentIds] };
    });
  }
}

/**
 * Groups mentions into entities.
 * resolveMentions([{ text: "Dariush Kalantari", … }, { text: "Kalantari", … same document }])
 *   -> one cluster holding both mentions.
 */
export function resolveMentions(mentions: MentionInput[], options: ResolveOptions = {}): ResolvedCluster[] {
  const r = new MentionResolver(options);
  r.add(mentions);
  return r.clusters();
}
