// Organization names: legal forms and function words carry no identity
// ("Reem Pharmaceutical" = "Reem Pharmaceutical, LLC"), and an acronym stands for
// the initials of its long form ("NSCL" = "National Standards and Calibration Laboratory").
import { foldLatinText } from './latin-fold.js';

/** Legal forms and generic company words, folded. */
export const LEGAL_FORMS = new Set([
  'co', 'company', 'companies', 'corp', 'corporation', 'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'plc', 'lp',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'sl', 'bv', 'nv', 'ag', 'gmbh', 'kg', 'oy', 'ab', 'as', 'aps', 'pte', 'pty', 'bhd', 'sdn',
  'pjs', 'pjsc', 'jsc', 'ojsc', 'cjsc', 'zao', 'ooo', 'oao', 'ao', 'pao', 'tov', 'fze', 'fzco', 'fzc', 'fzllc', 'dmcc',
  'est', 'establishment', 'joint', 'stock', 'private', 'public', 'obshchestvo', 'ogranichennoy', 'ogranichennoi', 'otvetstvennostyu',
  'aktsionernoe', 'aktsionernoye', 'zakrytoe', 'zakrytoye', 'otkrytoe', 'otkrytoye', 'publichnoe', 'publichnoye', 'inostrannoye', 'inostrannoe',
  'tavarystva', 'abmezhavanay', 'adkaznastsyu', 'aktsyyanernaye', 'adkrytaye', 'zakrytaye', 'gosudarstvennoye', 'gosudarstvennoe', 'unitarnoye', 'unitarnoe',
  'predpriyatiye', 'predpriyatie', 'tovarystvo', 'sociedad', 'anonima', 'societe', 'anonyme', 'limitada', 'pvt', 'ooo', 'fzo', 'wll', 'scc', 'sal', 'cie', 'ltda', 'de', 'cv', 'rl', 'spr', 'sapi', 'sac', 'eirl', 'sherkat', 'sherkate', 'shrkt',
]);
/** Function words skipped when forming initials and comparing words. */
export const FUNCTION_WORDS = new Set(['the', 'of', 'and', 'for', 'in', 'on', 'at', 'to', 'a', 'an', 'la', 'le', 'les', 'el', 'al', 'du', 'des', 'del', 'da', 'di', 'der', 'und', 'y', 'et', 'e', 'va', 'wa', 'i']);

/** Folded words of an organization name without legal forms and function words. */
export function organizationWords(name: string): string[] {
  const words = foldLatinText(withoutParentheticalAcronym(name).replace(/&/g, ' and ')).split(' ').filter((w) => w.length > 0);
  const kept = words.filter((w) => !LEGAL_FORMS.has(w) && !FUNCTION_WORDS.has(w));
  return kept.length > 0 ? kept : words;
}

/**
 * The initials of a long name, function words skipped, hyphenated parts counted:
 * "National Standards and Calibration Laboratory" -> "NSCL",
 * "Islamic Revolutionary Guard Corps" -> "IRGC".
 */
export function acronymOf(longName: string): string {
  const words = foldLatinText(longName.replace(/&/g, ' and ')).split(' ').filter((w) => w.length > 0 && !FUNCTION_WORDS.has(w));
  return words.map((w) => w[0]).join('').toUpperCase();
}

/** "Islamic Jihad Union (IJU)" -> "Islamic Jihad Union". */
export function withoutParentheticalAcronym(name: string): string {
  return name.replace(/\s*\(([^()]{2,12})\)\s*/g, (m, inner: string) => (acronymForm(inner) !== null ? ' ' : m)).trim();
}

/** "Islamic Jihad Union (IJU)" -> "IJU"; null when no parenthesized acronym. */
export function parentheticalAcronym(name: string): string | null {
  const m = /\(([^()]{2,12})\)/.exec(name);
  return m ? acronymForm(m[1]) : null;
}

/** "M.E.N.A." -> "MENA"; null when the text does not look like an acronym (one short upper-case word). */
export function acronymForm(name: string): string | null {
  const t = name.trim();
  if (/^(?:[A-Za-z]\.){2,}[A-Za-z]?\.?$/.test(t)) return t.replace(/\./g, '').toUpperCase();
  if (/^[A-Z][A-Z0-9&]{1,7}$/.test(t)) return t.replace(/&/g, '').toUpperCase();
  if (/^[A-Z][a-z]?[A-Z][A-Za-z]{0,6}$/.test(t) && /[A-Z].*[A-Z]/.test(t)) return t.toUpperCase(); // "IRGC", "MoIS"
  return null;
}

/**
 * True when `short` is an acronym of `long`, with or without its legal form and
 * function words: isAcronymOf("PGPIC", "Persian Gulf Petrochemical Industry Company") -> true.
 */
export function isAcronymOf(short: string, long: string): boolean {
  const form = acronymForm(short);
  if (form === null || form.length < 2) return false;
  const all = foldLatinText(long.replace(/&/g, ' and ')).split(' ').filter((w) => w.length > 0);
  if (all.length < 2) return false;
  const withoutFunction = all.filter((w) => !FUNCTION_WORDS.has(w));
  const withoutLegal = withoutFunction.filter((w) => !LEGAL_FORMS.has(w));
  const initials = (ws: string[]) => ws.map((w) => w[0]).join('').toUpperCase();
  return [all, withoutFunction, withoutLegal].some((ws) => ws.length >= 2 && initials(ws) === form);
}
