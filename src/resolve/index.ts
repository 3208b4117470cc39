// Entity resolution (issue 5): the public surface of src/resolve. Pure functions
// only; storage and curation (who decided what) are wired in by src/pipeline.
export { latinFold, splitTitles, titlesOf, foldLatinText, type FoldedName } from './latin-fold.js';
export { phoneticKey, phoneticWord, phoneticWords, skeletonOf } from './phonetic-key.js';
export { arabicScriptKey, romanizeScriptName } from './arabic-script-key.js';
export { analyzeName, anyScriptWords, type NameRecord, type NameAnalysis, type NameType } from './name-record.js';
export {
  scoreNamePair,
  classifyScore,
  MATCH_THRESHOLD,
  AUTOMATIC_THRESHOLD,
  REVIEW_THRESHOLD,
  type PairScore,
  type PairSignals,
  type MatchBand,
  type ScoreContext,
} from './score.js';
export { acronymOf, acronymForm, isAcronymOf, organizationWords } from './organization.js';
export { buildWordWeights } from './word-weights.js';
export { findDuplicateCandidates, blockingKeys, type Candidate, type DuplicateOptions } from './duplicates.js';
export { resolveMentions, MentionResolver, mentionId, type MentionInput, type ResolveOptions, type ResolvedCluster } from './mentions.js';
export { lookupPlace, placeKey, type PlaceCandidate } from './gazetteer.js';
export { rankTransliterations, learnEditCosts, latinWordKey, scriptWordKey } from './transliteration.js';
