// Claims, their groups, conflicts and independent sources (issue 6). Pure.
//   extractClaims(doc: ClaimDocument, mentions: Mention[]): Claim[]
//   groupClaims(claims, publishedOf?): { claims (groupId set), groups: { id, claims }[] }   (per key of counted thing + predicate)
//   valuesAgree(a, b), valueRange(c), valuePositions(claims), groupConflict(claims)
//   independentGroups(claims, reuseLinks, docs: Map<id, { published, site }>): SourceGroup[]
//   countedThing(unit, surface), nearestPredicate(sentence, start, end): the bilingual lexicon
export {
  claimId,
  claimKey,
  extractClaims,
  groupClaims,
  groupConflict,
  independentGroups,
  sentenceSpans,
  valueRange,
  valuePositions,
  valuesAgree,
  type ClaimDocument,
  type SourceGroup,
} from './claims.js';
export { countedThing, nearestPredicate, type CountedThing, type Predicate } from './lexicon.js';
