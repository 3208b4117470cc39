import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clusterReuse,
  compareIsoDates,
  detectReuseBetween,
  detectReuseForDocument,
  findCandidates,
  MemoryReuseIndex,
  prepareDocument,
  recheckBoilerplate,
  type DetectedReuse,
  type Fingerprints,
  type ReuseDocument,
  type ReuseIndex,
  type ReusePosting,
} from '../../src/reuse/index.js';
import { ReuseLink } from '../../src/model/schema.js';
import {
  BAR_STATEMENT,
  BAR_STATEMENT_EDITED,
  BRIDGE,
  DETENTION,
  FA_DETENTION,
  FA_DETENTION_VARIANT,
  FA_HARVEST,
  FA_LIBRARY,
  HARVEST,
  LIBRARY,
  makeDoc,
  MARKET,
  paragraphStart,
  SCHOOL,
} from './texts.js';

/** Add documents one by one, as an ingest would; return every link found. */
async function ingest(docs: ReuseDocument[], index: ReuseIndex = new MemoryReuseIndex()): Promise<DetectedReuse[]> {
  const byId = new Map(docs.map((d) => [d.id, d]));
  const links: DetectedReuse[] = [];
  for (const d of docs) links.push(...(await detectReuseForDocument(d, index, (id) => byId.get(id))));
  return links;
}

function sliceOf(docs: ReuseDocument[], id: string, start: number, end: number): string {
  return docs.find((d) => d.id === id)!.text.slice(start, end);
}

describe('detectReuseBetween', () => {
  it('finds a verbatim pasted paragraph with its exact spans in both documents', () => {
    const a = makeDoc('a', [LIBRARY, DETENTION, HARVEST], 'Site A', '2024-03-01');
    const b = makeDoc('b', [BRIDGE, DETENTION, MARKET], 'Site B', '2024-03-04');
    const links = detectReuseBetween(a, b);
    expect(links).toHaveLength(1);
    const l = links[0]!;
    expect(l.sourceDocumentId).toBe('a');
    expect(a.text.slice(l.sourceStart, l.sourceEnd)).toBe(DETENTION);
    expect(b.text.slice(l.targetStart, l.targetEnd)).toBe(DETENTION);
    expect(l.sourceStart).toBe(paragraphStart([LIBRARY, DETENTION, HARVEST], 1));
    expect(l.similarity).toBe(1);
    expect(l.boilerplate).toBe(false);
    expect(ReuseLink.safeParse({ ...l, id: 'x', sourceDocumentId: 'a'.repeat(64), targetDocumentId: 'b'.repeat(64) }).success).toBe(true);
  });

  it('aligns a lightly edited copy (changed words, dropped sentence, punctuation) as one span', () => {
    const a = makeDoc('a', [LIBRARY, BAR_STATEMENT, HARVEST], null, '2024-03-01');
    const b = makeDoc('b', [BRIDGE, BAR_STATEMENT_EDITED, SCHOOL], null, '2024-03-02');
    const links = detectReuseBetween(a, b);
    expect(links).toHaveLength(1);
    const l = links[0]!;
    expect(a.text.slice(l.sourceStart, l.sourceEnd)).toBe(BAR_STATEMENT);
    expect(b.text.slice(l.targetStart, l.targetEnd)).toBe(BAR_STATEMENT_EDITED);
    expect(l.similarity).toBeGreaterThan(0.6);
    expect(l.similarity).toBeLessThan(1);
  });

  it('returns nothing, without throwing, for empty and one-word documents', async () => {
    expect(detectReuseBetween(makeDoc('a', ['']), makeDoc('b', ['']))).toEqual([]);
    expect(await ingest([makeDoc('a', ['Word.']), makeDoc('b', ['Word.']), makeDoc('c', [''])])).toEqual([]);
  });

  it('links any mix of shared paragraphs with valid spans, similarity and schema shape', () => {
    const pool = [DETENTION, BAR_STATEMENT, LIBRARY, HARVEST, BRIDGE, MARKET, SCHOOL, FA_DETENTION, FA_LIBRARY];
    // Each paragraph at most once per document. Known gap: a paragraph repeated back to
    // back 4+ times in one document aligns as one long span whose similarity falls
    // under the floor, so such a copy is missed (e.g. [HARVEST, DETENTION] vs HARVEST x4).
    const pick = fc.uniqueArray(fc.integer({ min: 0, max: pool.length - 1 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(pick, pick, (x, y) => {
        const a = makeDoc('a'.repeat(64), x.map((i) => pool[i]!), null, '2024-01-01');
        const b = makeDoc('b'.repeat(64), y.map((i) => pool[i]!), null, '2024-01-02');
        const links = detectReuseBetween(a, b);
        for (const l of links) {
          expect(ReuseLink.safeParse({ ...l, id: 'l' }).success).toBe(true);
          expect(l.sourceEnd).toBeLessThanOrEqual(a.text.length);
          expect(l.targetEnd).toBeLessThanOrEqual(b.text.length);
          expect(l.sourceStart).toBeLessThan(l.sourceEnd);
          expect(l.targetStart).toBeLessThan(l.targetEnd);
        }
        // Every paragraph the two share lies inside a link on the (earlier) source side.
        for (const i of new Set(x.filter((i) => y.includes(i)))) {
          const at = a.text.indexOf(pool[i]!);
          expect(links.some((l) => l.sourceStart <= at && l.sourceEnd >= at + pool[i]!.length)).toBe(true);
        }
        if (!x.some((i) => y.includes(i))) expect(links).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('does not link two articles that only open a paragraph with the same attribution formula', () => {
    const formula = 'According to the regional news agency in the northern city, quoting the public relations office of the provincial governor,';
    const a = makeDoc('a', [`${formula} ${LIBRARY}`, HARVEST]);
    const b = makeDoc('b', [`${formula} ${MARKET}`, BRIDGE]);
    expect(detectReuseBetween(a, b)).toEqual([]);
    // The same formula followed by the same paragraph is a copy, formula included.
    const c = makeDoc('c', [`${formula} ${LIBRARY}`, SCHOOL]);
    const links = detectReuseBetween(a, c);
    expect(links).toHaveLength(1);
    expect(a.text.slice(links[0]!.sourceStart, links[0]!.sourceEnd)).toBe(`${formula} ${LIBRARY}`);
  });

  it('finds nothing between unrelated texts', () => {
    const a = makeDoc('a', [LIBRARY, HARVEST, DETENTION]);
    const b = makeDoc('b', [BRIDGE, MARKET, SCHOOL]);
    expect(detectReuseBetween(a, b)).toEqual([]);
  });

  it('finds a Persian copy that differs in ي/ی, ك/ک, ZWNJ and digits', () => {
    const a = makeDoc('a', [FA_LIBRARY, FA_DETENTION], 'سایت الف', '2024-03-01');
    const b = makeDoc('b', [FA_DETENTION_VARIANT, FA_HARVEST], 'سایت ب', '2024-03-02');
    const links = detectReuseBetween(a, b);
    expect(links).toHaveLength(1);
    const l = links[0]!;
    expect(a.text.slice(l.sourceStart, l.sourceEnd)).toBe(FA_DETENTION);
    expect(b.text.slice(l.targetStart, l.targetEnd)).toBe(FA_DETENTION_VARIANT);
    expect(l.similarity).toBe(1);
  });
});

describe('direction', () => {
  it('takes the earlier publication as the source, whichever was added first', async () => {
    const older = makeDoc('older', [LIBRARY, DETENTION], 'Site A', '2024-03-01');
    const newer = makeDoc('newer', [DETENTION, MARKET], 'Site B', '2024-03-09');
    for (const order of [[older, newer], [newer, older]]) {
      const links = await ingest(order);
      expect(links).toHaveLength(1);
      expect(links[0]!.sourceDocumentId).toBe('older');
      expect(links[0]!.direction).toBe('source_earlier');
    }
  });

  it('says same_date or unknown when dates cannot tell', async () => {
    const sameDay = await ingest([makeDoc('x', [DETENTION, LIBRARY], 'A', '2024-03-01'), makeDoc('y', [MARKET, DETENTION], 'B', '2024-03-01')]);
    expect(sameDay.map((l) => l.direction)).toEqual(['same_date']);
    const undated = await ingest([makeDoc('x', [DETENTION, LIBRARY], 'A', null), makeDoc('y', [MARKET, DETENTION], 'B', '2024-03-01')]);
    expect(undated.map((l) => l.direction)).toEqual(['unknown']);
    const coarse = await ingest([makeDoc('x', [DETENTION, LIBRARY], 'A', '2024'), makeDoc('y', [MARKET, DETENTION], 'B', '2024-03-01')]);
    expect(coarse.map((l) => l.direction)).toEqual(['unknown']);
  });

  it('on equal dates, a copy that credits the other site points to it as source', async () => {
    const origin = makeDoc('origin', [LIBRARY, DETENTION], 'Harbour Post', '2024-03-01');
    const copy = makeDoc('copy', [`According to Harbour Post, ${DETENTION}`, MARKET], 'River Times', '2024-03-01');
    const links = await ingest([copy, origin]);
    expect(links).toHaveLength(1);
    expect(links[0]!.sourceDocumentId).toBe('origin');
    expect(links[0]!.direction).toBe('same_date');
  });

  it('on equal dates, a paragraph pasted into an unrelated article points to the article it belongs to', async () => {
    // The origin's other paragraphs speak of the same workers, court and factory; the
    // host around the pasted paragraph is about a market and a harvest.
    const intro = 'Workers at the cement factory in the provincial capital went on strike last week over unpaid wages; police arrested dozens of them.';
    const follow =
      'The provincial court said on Monday that the arrested workers would be told the charges against them, and that lawyers for the families could see the case files next week.';
    const origin = makeDoc('origin', [intro, DETENTION, follow], 'Harbour Post', '2024-03-01');
    const host = makeDoc('host', [MARKET, DETENTION, HARVEST], 'River Times', '2024-03-01');
    for (const order of [
      [origin, host],
      [host, origin],
    ]) {
      const links = await ingest(order);
      expect(links).toHaveLength(1);
      expect(links[0]!.sourceDocumentId).toBe('origin');
      expect(links[0]!.direction).toBe('same_date');
    }
  });

  it('reads the date of the archive-page post that holds the passage', async () => {
    const posts = [LIBRARY, DETENTION];
    const archive: ReuseDocument = {
      ...makeDoc('archive', posts, 'Blog', '2024-01-01'),
      sections: [
        { start: 0, end: LIBRARY.length, published: '2024-01-01' },
        { start: paragraphStart(posts, 1), end: paragraphStart(posts, 1) + DETENTION.length, published: '2024-06-01' },
      ],
    };
    const copy = makeDoc('copy', [MARKET, DETENTION], 'News', '2024-03-01');
    const links = await ingest([archive, copy]);
    expect(links).toHaveLength(1);
    expect(links[0]!.sourceDocumentId).toBe('copy');
    expect(links[0]!.direction).toBe('source_earlier');
  });

  it('compares ISO date prefixes', () => {
    expect(compareIsoDates('2024-03-01', '2024-03-02')).toBe(-1);
    expect(compareIsoDates('2024-04', '2024-03-30')).toBe(1);
    expect(compareIsoDates('2024-03-01', '2024-03-01')).toBe(0);
    expect(compareIsoDates('2024', '2024-03-01')).toBeNull();
    expect(compareIsoDates(null, '2024-03-01')).toBeNull();
  });
});

describe('clusterReuse', () => {
  it('makes one passage copied by several sites one cluster whose earliest member is the origin', async () => {
    const docs = [
      makeDoc('copy-5th', [BRIDGE, DETENTION], 'Site C', '2024-01-05'),
      makeDoc('copy-4th', [DETENTION, SCHOOL], 'Site D', '2024-01-04'),
      makeDoc('origin', [LIBRARY, DETENTION, HARVEST], 'Site A', '2024-01-02'),
      makeDoc('copy-3rd', [MARKET, DETENTION], 'Site B', '2024-01-03'),
    ];
    const links = await ingest(docs);
    expect(links.length).toBe(6); // every pair shares the paragraph
    const dates = new Map(docs.map((d) => [d.id, d.published]));
    const { clusters, links: clustered } = clusterReuse(links, (id) => dates.get(id));
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.earliest.documentId).toBe('origin');
    expect(sliceOf(docs, 'origin', clusters[0]!.earliest.start, clusters[0]!.earliest.end)).toBe(DETENTION);
    expect(clusters[0]!.members.map((m) => m.documentId)).toEqual(['origin', 'copy-3rd', 'copy-4th', 'copy-5th']);
    expect(new Set(clustered.map((l) => l.clusterId))).toEqual(new Set([clusters[0]!.id]));
  });

  it('keeps two different passages of one document in two clusters', async () => {
    const docs = [
      makeDoc('origin', [DETENTION, LIBRARY, BAR_STATEMENT], 'A', '2024-01-01'),
      makeDoc('x', [DETENTION, SCHOOL], 'B', '2024-01-02'),
      makeDoc('y', [MARKET, BAR_STATEMENT], 'C', '2024-01-03'),
    ];
    const links = await ingest(docs);
    const { clusters } = clusterReuse(links, (id) => docs.find((d) => d.id === id)!.published);
    expect(clusters).toHaveLength(2);
    for (const c of clusters) expect(c.earliest.documentId).toBe('origin');
  });
});

describe('boilerplate', () => {
  const TEMPLATE = 'Subscribe to the Example Ledger newsletter to receive the most important stories of the day in your inbox every morning.';
  const own = [LIBRARY, HARVEST, BRIDGE, MARKET];

  it('flags a site template repeated on its pages, and not reuse between outlets', async () => {
    const docs = [
      ...own.map((p, i) => makeDoc(`ledger-${i}`, [p, TEMPLATE], 'Example Ledger', `2024-02-0${i + 1}`)),
      makeDoc('ledger-5', [DETENTION, TEMPLATE], 'Example Ledger', '2024-02-05'),
      makeDoc('other', [SCHOOL, DETENTION], 'Other Outlet', '2024-02-08'),
    ];
    const index = new MemoryReuseIndex();
    const found = await ingest(docs, index);
    const byId = new Map(docs.map((d) => [d.id, d]));
    // The first pair cannot know yet that the line recurs; a re-check settles it.
    const links = await recheckBoilerplate(found, index, (id) => byId.get(id));
    const template = links.filter((l) => sliceOf(docs, l.targetDocumentId, l.targetStart, l.targetEnd) === TEMPLATE);
    expect(template.length).toBeGreaterThanOrEqual(4);
    for (const l of template) expect(l.boilerplate).toBe(true);
    const reuse = links.filter((l) => !l.boilerplate);
    expect(reuse).toHaveLength(1);
    expect(reuse[0]!.sourceDocumentId).toBe('ledger-5');
    expect(reuse[0]!.targetDocumentId).toBe('other');
    expect(sliceOf(docs, 'other', reuse[0]!.targetStart, reuse[0]!.targetEnd)).toBe(DETENTION);
    // Boilerplate stays out of clusters.
    const { clusters } = clusterReuse(links, (id) => byId.get(id)!.published);
    expect(clusters).toHaveLength(1);
  });

  it('does not flag the same text on two pages of one site when no third page has it', async () => {
    const docs = [makeDoc('p1', [LIBRARY, DETENTION], 'Example Ledger', '2024-02-01'), makeDoc('p2', [DETENTION, HARVEST], 'Example Ledger', '2024-02-02')];
    const links = await ingest(docs);
    expect(links).toHaveLength(1);
    expect(links[0]!.boilerplate).toBe(false);
  });
});

describe('incremental detection', () => {
  it('finds reuse against documents already indexed without reading or re-adding them', async () => {
    const earlier = [
      makeDoc('e1', [LIBRARY, DETENTION], 'A', '2024-01-01'),
      makeDoc('e2', [HARVEST, BRIDGE], 'B', '2024-01-02'),
      makeDoc('e3', [MARKET, SCHOOL], 'C', '2024-01-03'),
    ];
    const memory = new MemoryReuseIndex();
    for (const d of earlier) memory.add(d.id, prepareDocument(d).fingerprints);
    const added: string[] = [];
    const index: ReuseIndex = {
      add: (id, fp) => {
        added.push(id);
        memory.add(id, fp);
      },
      lookup: (h) => memory.lookup(h),
      candidates: (fp, o) => memory.candidates(fp, o),
      has: (id) => memory.has(id),
    };
    const read: string[] = [];
    const byId = new Map(earlier.map((d) => [d.id, d]));
    const fresh = makeDoc('new', [BAR_STATEMENT, DETENTION], 'D', '2024-01-09');
    const links = await detectReuseForDocument(fresh, index, (id) => {
      read.push(id);
      return byId.get(id);
    });
    expect(links).toHaveLength(1);
    expect(links[0]!.sourceDocumentId).toBe('e1');
    expect(read).toEqual(['e1']);
    expect(added).toEqual(['new']);
    expect(memory.size).toBe(4);
  });

  it('forgets a removed document', async () => {
    const index = new MemoryReuseIndex();
    const a = makeDoc('a', [LIBRARY, DETENTION]);
    await ingest([a], index);
    index.remove('a');
    const links = await detectReuseForDocument(makeDoc('b', [DETENTION]), index, () => a);
    expect(links).toEqual([]);
    expect(index.has('a')).toBe(false);
  });

  it('a store that only implements lookup() finds the same candidates as the memory index', async () => {
    // A store keeps rows (hash, documentId, position) and answers lookups; nothing else.
    const rows: ReusePosting[] = [];
    const store: ReuseIndex = {
      add(id: string, fp: Fingerprints) {
        fp.hashes.forEach((hash, k) => rows.push({ hash, documentId: id, position: fp.positions[k]! }));
      },
      lookup: (hashes) => {
        const wanted = new Set(hashes);
        return rows.filter((r) => wanted.has(r.hash));
      },
      has: (id) => rows.some((r) => r.documentId === id),
    };
    const memory = new MemoryReuseIndex();
    const docs = [makeDoc('a', [LIBRARY, DETENTION]), makeDoc('b', [HARVEST, BAR_STATEMENT]), makeDoc('c', [BRIDGE, MARKET])];
    for (const d of docs) {
      const fp = prepareDocument(d).fingerprints;
      store.add(d.id, fp);
      memory.add(d.id, fp);
    }
    const probe = prepareDocument(makeDoc('p', [DETENTION, BAR_STATEMENT_EDITED])).fingerprints;
    const fromStore = await findCandidates(store, probe);
    const fromMemory = await findCandidates(memory, probe);
    expect([...fromStore.keys()].sort()).toEqual(['a', 'b']);
    expect(fromStore).toEqual(fromMemory);
  });
});
