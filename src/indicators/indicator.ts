// Indicators of compromise (issue 8): file hashes, domains and app package names that
// investigators publish about spyware and its infrastructure. Pure parsers and matching;
// no file, database or network access here.
import { DaftarError } from '../model/errors.js';

export type IndicatorType = 'sha256' | 'domain' | 'package';

export interface Indicator {
  type: IndicatorType;
  /** Lower case: a hex hash, a domain without a trailing dot, or a package name. */
  value: string;
  /** The STIX indicator id it came from, when there is one. */
  sourceId: string | null;
}

const SHA256 = /^[0-9a-f]{64}$/;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+[a-z][a-z0-9-]{1,62}$`);
const PACKAGE = /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/;

// Last labels that make a dotted name a domain rather than an Android/iOS package id
// ("com.example.app" ends in a word, "example.com" in a top-level domain).
const COMMON_TLDS = new Set(
  'com net org info biz io co me app dev xyz top site online club live news tech cloud ru cn ir de uk fr it nl es pl tr ua in jp kr br au ca us eu ch se no fi dk be at cz gr pt ro hu il ae sa qa pk af iq sy lb jo eg ma tn dz ly ng za ke tv cc ws to ly su mobi pro name tk ml ga cf gq'.split(' '),
);

/** "Example.COM." -> "example.com"; null when it is not a plausible domain name. */
export function normalizeDomain(s: string): string | null {
  let d = s.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  d = d.replace(/\[\.\]/g, '.'); // "example[.]com", the usual defanged form
  return DOMAIN.test(d) ? d : null;
}

/**
 * Classifies one line of a plain indicator list: a SHA-256, a domain or a package
 * name; an optional "sha256:", "domain:" or "package:" prefix decides by itself.
 * @example classifyIndicator('com.example.tracker') // { type: 'package', value: 'com.example.tracker' }
 */
export function classifyIndicator(line: string): { type: IndicatorType; value: string } | null {
  const raw = line.trim();
  const m = /^(sha256|domain|package)\s*:\s*(.+)$/i.exec(raw);
  if (m) {
    const type = m[1]!.toLowerCase() as IndicatorType;
    const v = type === 'domain' ? normalizeDomain(m[2]!) : m[2]!.trim().toLowerCase();
    if (v === null || (type === 'sha256' && !SHA256.test(v)) || (type === 'package' && !PACKAGE.test(v))) return null;
    return { type, value: v };
  }
  const v = raw.toLowerCase();
  if (SHA256.test(v)) return { type: 'sha256', value: v };
  const domain = normalizeDomain(v);
  const last = v.split('.').pop() ?? '';
  if (domain && COMMON_TLDS.has(last)) return { type: 'domain', value: domain };
  if (PACKAGE.test(v) && v.split('.').length >= 2) return { type: 'package', value: v };
  if (domain) return { type: 'domain', value: domain };
  return null;
}

/**
 * A plain list, one indicator a line (as MVT and others publish them): blank lines and
 * "#" comments are skipped; lines that are none of the three types are reported.
 */
export function parseIndicatorList(text: string, forceType?: IndicatorType): { indicators: Indicator[]; rejected: { line: number; text: string }[] } {
  const indicators: Indicator[] = [];
  const rejected: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (!line || line.startsWith('#')) return;
    const c = classifyIndicator(forceType ? `${forceType}:${line}` : line);
    if (c) indicators.push({ ...c, sourceId: null });
    else rejected.push({ line: i + 1, text: line.slice(0, 80) });
  });
  return { indicators: dedupe(indicators), rejected };
}

// Comparison expressions inside a STIX pattern: <object path> = '<value>'.
const COMPARISON = /([a-z0-9-]+):([a-z0-9_.'\-]+)\s*=\s*'((?:[^'\\]|\\.)*)'/gi;

/** Indicators in one STIX 2.1 pattern; comparisons of other kinds are ignored. */
export function indicatorsInPattern(pattern: string): { type: IndicatorType; value: string }[] {
  const out: { type: IndicatorType; value: string }[] = [];
  for (const m of pattern.matchAll(COMPARISON)) {
    const object = m[1]!.toLowerCase();
    const path = m[2]!.toLowerCase().replace(/'/g, '');
    const value = m[3]!.replace(/\\(.)/g, '$1');
    if (object === 'file' && /^hashes\.(sha-?256)$/.test(path)) {
      if (SHA256.test(value.toLowerCase())) out.push({ type: 'sha256', value: value.toLowerCase() });
    } else if (object === 'domain-name' && path === 'value') {
      const d = normalizeDomain(value);
      if (d) out.push({ type: 'domain', value: d });
    } else if (object === 'url' && path === 'value') {
      const host = /^[a-z][a-z0-9+.-]*:\/\/([^/:?#]+)/i.exec(value)?.[1];
      const d = host ? normalizeDomain(host) : null;
      if (d) out.push({ type: 'domain', value: d });
    } else if ((object === 'app' && path === 'id') || (object === 'software' && path === 'x_package_name')) {
      const v = value.toLowerCase();
      if (PACKAGE.test(v)) out.push({ type: 'package', value: v });
    }
  }
  return out;
}

/** Indicators of a STIX 2.1 bundle (its `indicator` objects with STIX patterns). */
export function parseStixBundle(text: string): { name: string | null; indicators: Indicator[]; skipped: number } {
  let bundle: { type?: unknown; objects?: unknown };
  try {
    bundle = JSON.parse(text);
  } catch (err) {
    throw new DaftarError('invalid_input', 'STIX: not JSON', { cause: err });
  }
  if (bundle?.type !== 'bundle' || !Array.isArray(bundle.objects)) throw new DaftarError('invalid_input', 'STIX: expected a bundle with objects');
  const indicators: Indicator[] = [];
  let skipped = 0;
  let name: string | null = null;
  for (const o of bundle.objects as Record<string, unknown>[]) {
    if (o?.type === 'malware' && typeof o.name === 'string' && name === null) name = o.name;
    if (o?.type !== 'indicator') continue;
    if (o.pattern_type !== undefined && o.pattern_type !== 'stix') {
      skipped++;
      continue;
    }
    const found = typeof o.pattern === 'string' ? indicatorsInPattern(o.pattern) : [];
    if (found.length === 0) skipped++;
    for (const f of found) indicators.push({ ...f, sourceId: typeof o.id === 'string' ? o.id : null });
  }
  return { name, indicators: dedupe(indicators), skipped };
}

function dedupe(list: Indicator[]): Indicator[] {
  const seen = new Set<string>();
  return list.filter((i) => {
    const k = `${i.type}\0${i.value}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export interface TextMatch {
  type: 'domain' | 'package';
  /** The indicator matched (a subdomain in the text matches its parent domain). */
  value: string;
  /** As written in the text. */
  text: string;
  start: number;
  end: number;
}

// Dotted names as they appear in text; "[.]" is accepted as a defanged dot.
const DOTTED = /(?<![\p{L}\p{N}_.-])[a-z0-9_][a-z0-9_-]*(?:(?:\.|\[\.\])[a-z0-9_-]+)+(?![\p{L}\p{N}_-])/giu;

/**
 * Domains and package names from `domains`/`packages` found in a text.
 * @example findIndicatorsInText('seen at cdn.evil-example.com', new Set(['evil-example.com']), new Set())
 */
export function findIndicatorsInText(text: string, domains: ReadonlySet<string>, packages: ReadonlySet<string>): TextMatch[] {
  const out: TextMatch[] = [];
  if (domains.size === 0 && packages.size === 0) return out;
  for (const m of text.matchAll(DOTTED)) {
    const written = m[0].replace(/\.+$/, '');
    const v = written.toLowerCase().replace(/\[\.\]/g, '.');
    const start = m.index!;
    const end = start + written.length;
    if (packages.has(v)) {
      out.push({ type: 'package', value: v, text: written, start, end });
      continue;
    }
    const labels = v.split('.');
    for (let i = 0; i < labels.length - 1; i++) {
      const candidate = labels.slice(i).join('.');
      if (domains.has(candidate)) {
        out.push({ type: 'domain', value: candidate, text: written, start, end });
        break;
      }
    }
  }
  return out;
}
