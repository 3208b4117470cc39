// Text reuse (DESIGN.md "Reuse link"): which passages of a document were copied from,
// or into, other documents, with exact spans, similarity and likely direction.
//
// Public API
//   tokenizeForReuse(text): ReuseTokens
//       Word tokens with UTF-16 spans; keys folded as in search (foldForSearch), so ي/ی,
//       ك/ک, ZWNJ or space, Persian digits, quote and dash style, "1,200"/"1200" do not
//       matter; Persian affixes written apart are glued back ("کتاب ها" = "کتابها").
//   sampleFingerprints(tokens, { shingleWords = 6, sampleEvery = 4, denseLineWords = 60 }, text?)
//       32-bit hashes of word 6-grams, the 1/4 kept by hash value (1/2 in short lines),
//       plus each line's first and last, with token positions.
//   interface ReuseIndex { add(id, fp); lookup(hashes): Iterable<{hash, documentId, position}>;
//                          has(id); candidates?(fp, opts); remove?(id) }   (methods may be async)
//       new MemoryReuseIndex()    typed arrays, ~24 bytes per posting; a store may replace it
//       findCandidates(index, fp, { minShared = 3, nearWords = 40, maxDocumentFrequency = 500 })
//           : Map<id, shared>   (two shared shingles near each other also count)
//   detectReuseForDocument(doc: ReuseDocument, index, getDoc, options?): Promise<DetectedReuse[]>
//       Incremental: fingerprints the new document, looks up candidates, aligns each one,
//       flags boilerplate, orients by date, then adds the document to the index
//       (options.add = false to only look). Reads only candidates (at most 200) through
//       getDoc; never rescans other documents. A passage held by more than 16 candidates
//       is linked only to its earliest indexed holder and the best match (linksPerPassage
//       = 2), so one passage in N documents gives O(N) links in one cluster, and the cost
//       of adding a document is bounded by that document.
//   detectReuseBetween(a, b, options?): DetectedReuse[]         two documents, no index
//   recheckBoilerplate(links, index, getDoc, options?): Promise<links>
//   recheckLinks(links, index, getDoc, options, applies): the shared recheck loop
//       Re-flags short links whose line has since become common (a stock line is only
//       known once 10 documents carry it); run it on stored links from time to time.
//   alignTokens(tokensA, textA, tokensB, textB, options?): AlignedPassage[]
//   clusterReuse(links, publishedOf): { clusters: ReuseCluster[], links }  (clusterId set)
//   compareIsoDates(a, b): -1 | 0 | 1 | null;   publishedAt(doc, offset): string | null
//
// ReuseDocument = { id, text, site, published (ISO prefix), sections? }; toReuseDocument(Document).
// DetectedReuse = ReuseLink without `id` (src/model/schema.ts): source* is the earlier
// publication when `direction` is 'source_earlier'; on 'same_date' or 'unknown' it is a
// guess over the document pair: the side the other credits ("According to <site>"), else
// the side holding words the other dropped, else the side whose rest of the article echoes
// the passage's words more (a pasted paragraph is foreign to its host; contextShares),
// else the one whose lede it is. `similarity` is the multiset Dice of the two passages' words.
// `boilerplate` marks a site's own template text (same site on both sides and recurring
// in at least 3 of its documents) and short stock lines (at most 25 words) held by 10+
// documents; these are not evidence that one outlet copied another and are left out of
// clusters. Passages need 8 shared words and 40 characters, 12 words when they carry no
// number (short figure-free phrases are mostly formulae); a figure-free passage under 20
// words that opens a paragraph and stops at a comma mid-sentence is an attribution
// formula ("According to …, quoting …,") and is dropped.
import type { Document } from '../model/schema.js';
import type { ReuseDocument } from './direction.js';

export { alignTokens, diceSimilarity, DEFAULT_ALIGN_OPTIONS, type AlignedPassage, type AlignOptions } from './align.js';
export { clusterReuse, type ReuseCluster, type ReuseClusterMember } from './cluster.js';
export {
  DEFAULT_REUSE_OPTIONS,
  detectReuseBetween,
  detectReuseForDocument,
  isBoilerplateSpan,
  recheckBoilerplate,
  recheckLinks,
  prepareDocument,
  type BoilerplateOptions,
  type DetectedReuse,
  type GetReuseDocument,
  type PreparedDocument,
  type ReuseOptions,
} from './detect.js';
export { compareIsoDates, publishedAt, type ReuseDirection, type ReuseDocument } from './direction.js';
export { allShingles, DEFAULT_FINGERPRINT_OPTIONS, sampleFingerprints, shingleHash, type FingerprintOptions, type Fingerprints } from './fingerprint.js';
export { MemoryReuseIndex } from './memory-index.js';
export { DEFAULT_CANDIDATE_OPTIONS, findCandidates, type CandidateOptions, type ReuseIndex, type ReusePosting } from './reuse-index.js';
export { tokenizeForReuse, type ReuseTokens } from './tokenize.js';

/** The fields of a stored Document that reuse detection needs. */
export function toReuseDocument(doc: Document): ReuseDocument {
  return {
    id: doc.id,
    text: doc.text,
    site: doc.metadata.site,
    published: doc.metadata.published?.value ?? null,
    sections: doc.sections.map((s) => ({ start: s.start, end: s.end, published: s.published?.value ?? null })),
  };
}
