// The corpus stages that run after an ingest batch (DESIGN.md "Pipeline"): text reuse,
// entity resolution, then claims and corroboration (which read the reuse links).
// Reuse, resolution and claims are incremental in the new documents.
import { describeError } from '../model/errors.js';
import { claimsWorkspace } from './claims-run.js';
import { resolveWorkspace } from './resolve-run.js';
import { reuseWorkspace } from './reuse-run.js';
import type { Workspace } from './workspace.js';

export interface CorpusStagesReport {
  reuseLinks: number;
  entitiesCreated: number;
  mentionsLinked: number;
  claims: number;
  claimGroups: number;
  conflicts: number;
  /** One line per stage that failed; the documents stay stored. */
  warnings: string[];
}

export async function runCorpusStages(ws: Workspace, documentIds: string[], onStage?: (stage: string) => void): Promise<CorpusStagesReport> {
  const report: CorpusStagesReport = { reuseLinks: 0, entitiesCreated: 0, mentionsLinked: 0, claims: 0, claimGroups: 0, conflicts: 0, warnings: [] };
  if (documentIds.length === 0) return report;
  const stage = async (name: string, fn: () => Promise<void>) => {
    onStage?.(name);
    try {
      await fn();
    } catch (err) {
      report.warnings.push(`${name} skipped: ${describeError(err).message}`);
    }
  };
  await stage('reuse', async () => {
    report.reuseLinks = (await reuseWorkspace(ws, { documentIds })).links;
  });
  await stage('resolution', async () => {
    const r = await resolveWorkspace(ws, { documentIds });
    report.entitiesCreated = r.entitiesCreated;
    report.mentionsLinked = r.mentions;
  });
  await stage('claims', async () => {
    const c = await claimsWorkspace(ws, { documentIds });
    report.claims = c.claims;
    report.claimGroups = c.groups.length;
    report.conflicts = c.groups.filter((g) => g.conflict).length;
  });
  return report;
}
