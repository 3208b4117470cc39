// Indicator sets in a workspace (issue 8): import STIX 2.1 bundles or plain lists, and
// match them against the evidence: every ingested file's SHA-256 (= its document id),
// and every domain or app package name written in document texts.
import { basename } from 'node:path';
import { findIndicatorsInText, parseIndicatorList, parseStixBundle, type Indicator, type IndicatorType } from '../indicators/indicator.js';
import { DaftarError } from '../model/errors.js';
import { logDraft, type Workspace } from './workspace.js';

export interface IndicatorImport {
  setName: string;
  format: 'stix' | 'list';
  indicators: number;
  added: number;
  byType: Record<string, number>;
  rejected: { line: number; text: string }[];
  skipped: number;
}

/** Reads an indicator file's text (STIX bundle when it is a JSON object, else a list) into a named set. */
export async function importIndicators(ws: Workspace, fileName: string, text: string, options: { setName?: string; type?: IndicatorType } = {}): Promise<IndicatorImport> {
  const isJson = text.trimStart().startsWith('{');
  let indicators: Indicator[];
  let rejected: { line: number; text: string }[] = [];
  let skipped = 0;
  let setName = options.setName ?? basename(fileName);
  if (isJson) {
    const stix = parseStixBundle(text);
    indicators = stix.indicators;
    skipped = stix.skipped;
    if (!options.setName && stix.name) setName = `${stix.name} (${basename(fileName)})`;
  } else {
    ({ indicators, rejected } = parseIndicatorList(text, options.type));
  }
  if (indicators.length === 0) throw new DaftarError('invalid_input', `${fileName}: no indicators found (expected a STIX 2.1 bundle or one sha256, domain or package name a line)`);
  const added = await ws.store.putIndicators(setName, indicators);
  // Logged only when something was new, so importing the same file twice changes nothing.
  if (added) await ws.store.appendLog(logDraft('import', `indicators:${setName}`, { fileName: basename(fileName), indicators: indicators.length, added }));
  const byType: Record<string, number> = {};
  for (const i of indicators) byType[i.type] = (byType[i.type] ?? 0) + 1;
  return { setName, format: isJson ? 'stix' : 'list', indicators: indicators.length, added, byType, rejected, skipped };
}

export interface IndicatorMatch {
  documentId: string;
  type: IndicatorType;
  value: string;
  /** Where: "file" for a file hash, else the text as written and its offsets. */
  text: string | null;
  start: number | null;
  end: number | null;
  sets: string[];
}

/** Every match of every imported indicator in the workspace (scans all document texts). */
export async function matchIndicators(ws: Workspace): Promise<IndicatorMatch[]> {
  const all = await ws.store.listIndicators();
  const setsOf = new Map<string, string[]>();
  for (const i of all) {
    const k = `${i.type}\0${i.value}`;
    setsOf.set(k, [...(setsOf.get(k) ?? []), i.setName]);
  }
  const hashes = new Set(all.filter((i) => i.type === 'sha256').map((i) => i.value));
  const domains = new Set(all.filter((i) => i.type === 'domain').map((i) => i.value));
  const packages = new Set(all.filter((i) => i.type === 'package').map((i) => i.value));
  const out: IndicatorMatch[] = [];
  for (const h of [...hashes].sort()) {
    if (await ws.store.hasDocument(h)) out.push({ documentId: h, type: 'sha256', value: h, text: null, start: null, end: null, sets: setsOf.get(`sha256\0${h}`) ?? [] });
  }
  if (domains.size || packages.size) {
    let after: string | undefined;
    for (;;) {
      const page = await ws.store.listDocuments({ after, limit: 200 });
      if (page.length === 0) break;
      for (const d of page) {
        for (const m of findIndicatorsInText(d.text, domains, packages)) {
          out.push({ documentId: d.id, type: m.type, value: m.value, text: m.text, start: m.start, end: m.end, sets: setsOf.get(`${m.type}\0${m.value}`) ?? [] });
        }
      }
      after = page[page.length - 1]!.id;
    }
  }
  return out;
}
