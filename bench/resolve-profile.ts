// Profiling aid for resolution (not part of `npm run bench`): ingest a folder once into a
// workspace kept as a template (no corpus stages), then copy it and time resolveWorkspace
// on every document: wall, process CPU, ms CPU per document.
// npx tsx bench/resolve-profile.ts <dir-of-pages> [--fresh]
import { cpSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultIngestOptions, ingestPaths } from '../src/pipeline/ingest.js';
import { resolveWorkspace } from '../src/pipeline/resolve-run.js';
import { openWorkspace } from '../src/pipeline/workspace.js';

const dir = process.argv[2] ?? join('.bench-tmp', 'profile-pages-600');
const name = dir.replace(/[^a-z0-9]+/gi, '-');
const template = join('.bench-tmp', `resolve-template-${name}`);
if (process.argv.includes('--fresh') || !existsSync(template)) {
  rmSync(template, { recursive: true, force: true });
  const ws = openWorkspace(template, { create: true });
  const r = await ingestPaths(ws, [dir], defaultIngestOptions());
  console.log(`ingested ${r.added.length} documents into ${template}`);
  await ws.close();
}
const wsDir = join('.bench-tmp', `resolve-run-${name}`);
rmSync(wsDir, { recursive: true, force: true });
cpSync(template, wsDir, { recursive: true });
const ws = openWorkspace(wsDir);
const documentIds = await ws.store.listDocumentsWithUnlinkedMentions();
// Store calls by method: count, keys/ids asked, rows returned, ms (PROFILE_STORE=1).
const calls: Record<string, { n: number; asked: number; rows: number; ms: number }> = {};
if (process.env.PROFILE_STORE) {
  const s = ws.store as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  for (const name of ['findEntitiesByKeys', 'getEntities', 'applyEntityChange', 'putMentions', 'getMentions', 'getDocument', 'mentionsOfEntity']) {
    const f = s[name]!.bind(ws.store);
    s[name] = async (...a: unknown[]) => {
      const t = performance.now();
      const r = await f(...a);
      const c = (calls[name] ??= { n: 0, asked: 0, rows: 0, ms: 0 });
      c.n++;
      c.ms += performance.now() - t;
      if (Array.isArray(a[0])) c.asked += a[0].length;
      if (r instanceof Map) for (const v of r.values()) c.rows += (v as unknown[]).length;
      else if (Array.isArray(r)) c.rows += r.length;
      return r;
    };
  }
}
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const report = await resolveWorkspace(ws, { documentIds, now: new Date('2026-01-01T00:00:00Z') });
const wall = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
const dumpAt = process.argv.indexOf('--dump');
if (dumpAt > 0) {
  // Every mention's link and every linked entity, to compare runs before/after a change.
  const lines: string[] = [];
  const ids = new Set<string>();
  for (let after: string | undefined; ; ) {
    const page = await ws.store.listDocuments({ after, limit: 500 });
    if (page.length === 0) break;
    for (const d of page) {
      for (const m of await ws.store.getMentions(d.id)) {
        if (m.entityId) ids.add(m.entityId);
        if (m.entityId || m.extractor.startsWith('alias')) lines.push(`m ${m.id} ${m.type} ${m.extractor} ${m.status} ${m.entityId} ${JSON.stringify(m.attributes)}`);
      }
    }
    after = page[page.length - 1]!.id;
  }
  for (const e of await ws.store.listEntities()) lines.push(`e ${JSON.stringify(e)}`);
  for (const c of await ws.store.listReviewCandidates({ limit: 1_000_000 })) lines.push(`r ${JSON.stringify(c)}`);
  for (const k of await ws.store.listEntityKeys('')) lines.push(`k ${k.key} ${k.entityId}`);
  writeFileSync(process.argv[dumpAt + 1]!, lines.sort().join('\n') + '\n');
}
await ws.close();
const n = documentIds.length;
console.log(JSON.stringify({ ...report, seconds: undefined }));
if (process.env.PROFILE_STORE) for (const [k, c] of Object.entries(calls)) console.log(`  ${k}: ${c.n} calls, ${c.asked} asked, ${c.rows} rows, ${c.ms.toFixed(0)} ms`);
console.log(`${n} documents: wall ${wall.toFixed(1)} s; CPU user ${(cpu.user / 1e6).toFixed(1)} s + sys ${(cpu.system / 1e6).toFixed(1)} s = ${((cpu.user + cpu.system) / 1e3 / n).toFixed(1)} ms CPU/doc`);
