// How much a word says about identity, from how often it occurs in a register:
// "Mohammad" or "Trading" match many records, a rare surname few. The weights
// are computed by the caller over its own register (no list ships with Daftar).
import { anyScriptWords, analyzeName, type NameType } from './name-record.js';

/**
 * Inverse-frequency weights (0.1..1) of the phonetic words of `names`, for
 * `ScoreContext.wordWeight`. A word in one name weighs 1; a word in every name 0.1.
 */
export function buildWordWeights(names: Iterable<string>, type?: NameType): (key: string) => number {
  return buildWordWeightsFromWords(
    (function* () {
      for (const name of names) yield type === undefined ? anyScriptWords(name) : analyzeName(name, type).words;
    })(),
  );
}

/** The same weights from names already split into phonetic words (one array per name). */
export function buildWordWeightsFromWords(wordLists: Iterable<string[]>): (key: string) => number {
  const df = new Map<string, number>();
  let n = 0;
  for (const words of wordLists) {
    n++;
    for (const w of new Set(words)) df.set(w, (df.get(w) ?? 0) + 1);
  }
  const maxIdf = Math.log(n + 1);
  return (key: string) => {
    const d = df.get(key) ?? 1;
    if (maxIdf <= 0) return 1;
    return Math.max(0.1, Math.min(1, Math.log((n + 1) / d) / maxIdf));
  };
}
