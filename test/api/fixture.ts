// A small workspace for the API and UI tests: three documents ingested from files
// written here (English HTML, English text, Persian text), plus mentions, entities,
// a claim pair, a reuse link, an event and a geotagged place put straight into the store.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Claim, Entity, Mention } from '../../src/model/schema.js';
import { defaultIngestOptions, ingestPaths } from '../../src/pipeline/ingest.js';
import { openWorkspace, type Workspace } from '../../src/pipeline/workspace.js';

export const EN_HTML = `<!doctype html><html><head><title>Detainees moved to Chalkhan camp</title>
<meta property="article:published_time" content="2019-03-04T10:00:00Z">
<meta property="og:site_name" content="Vahrestan Today">
<script>window.evil = 1</script><img src="https://tracker.example.org/pixel.gif">
</head><body><article><h1>Detainees moved to Chalkhan camp</h1>
<p>Dariush Kalantari said on Monday that 1,200 detainees were moved to the Chalkhan camp near Varzaneh.</p>
<p>The Ministry of Justice did not answer questions about the camp.</p>
</article></body></html>`;

export const EN_TEXT = `Chalkhan camp report

Witnesses told reporters that about 1,500 detainees were held at the Chalkhan camp in March 2019.
Daryoush Kalantary, a lawyer, said the families had not been told.
`;

export const FA_TEXT = `گزارش اردوگاه چالخان

داریوش کلانتری گفت که ۱۲۰۰ بازداشتی به اردوگاه چالخان در نزدیکی ورزنه منتقل شدند.
خانواده‌ها از سرنوشت آنان خبر ندارند.
`;

export interface Fixture {
  dir: string;
  ws: Workspace;
  ids: { enHtml: string; enText: string; fa: string };
  personId: string;
  otherPersonId: string;
  placeId: string;
  cleanup(): Promise<void>;
}

export async function makeFixture(): Promise<Fixture> {
  const root = mkdtempSync(join(tmpdir(), 'daftar-api-'));
  const files = join(root, 'files');
  mkdirSync(files);
  writeFileSync(join(files, 'chalkhan.html'), EN_HTML);
  writeFileSync(join(files, 'report.txt'), EN_TEXT);
  writeFileSync(join(files, 'fa-chalkhan.txt'), FA_TEXT);
  const dir = join(root, 'ws');
  const ws = openWorkspace(dir, { create: true });
  const report = await ingestPaths(ws, [files], { ...defaultIngestOptions(), workers: 0 });
  if (report.failed.length) throw new Error(`fixture ingest failed: ${JSON.stringify(report.failed)}`);
  const idOf = (name: string) => [...report.added, ...report.present].find((a) => a.path.endsWith(name))!.id;
  const ids = { enHtml: idOf('chalkhan.html'), enText: idOf('report.txt'), fa: idOf('fa-chalkhan.txt') };

  const personId = 'person:dariush-kalantari';
  const otherPersonId = 'person:daryoush-kalantary';
  const placeId = 'place:chalkhan';
  const mentionsOf = async (docId: string, specs: [string, Mention['type'], string | null, string | null][]) => {
    const doc = (await ws.store.getDocument(docId))!;
    const out: Mention[] = [];
    for (const [text, type, entityId, value] of specs) {
      const start = doc.text.indexOf(text);
      if (start < 0) throw new Error(`fixture: "${text}" not in ${doc.fileName}`);
      out.push({
        id: `${docId.slice(0, 8)}:${start}:${type}`, documentId: docId, start, end: start + text.length, type, text, value,
        attributes: {}, extractor: 'fixture@1', confidence: 0.9, status: 'suggested', entityId,
      });
    }
    await ws.store.putMentions(docId, out);
  };
  await mentionsOf(ids.enHtml, [
    ['Dariush Kalantari', 'PERSON', personId, null],
    ['Chalkhan camp', 'PLACE', placeId, null],
    ['Ministry of Justice', 'ORG', null, null],
    ['1,200 detainees', 'QUANTITY', null, '1200'],
  ]);
  await mentionsOf(ids.enText, [
    ['Daryoush Kalantary', 'PERSON', otherPersonId, null],
    ['March 2019', 'DATE', null, '2019-03'],
  ]);
  await mentionsOf(ids.fa, [
    ['داریوش کلانتری', 'PERSON', personId, null],
    ['اردوگاه چالخان', 'PLACE', placeId, null],
  ]);
  const entities: Entity[] = [
    { id: personId, type: 'PERSON', name: 'Dariush Kalantari', aliases: [{ name: 'داریوش کلانتری', script: 'arabic', source: 'extracted' }], attributes: {}, sensitivity: 'public' },
    { id: otherPersonId, type: 'PERSON', name: 'Daryoush Kalantary', aliases: [], attributes: {}, sensitivity: 'public' },
    { id: placeId, type: 'PLACE', name: 'Chalkhan camp', aliases: [{ name: 'اردوگاه چالخان', script: 'arabic', source: 'extracted' }], attributes: { lat: 32.4, lon: 52.6 }, sensitivity: 'public' },
  ];
  await ws.store.putEntities(entities);
  const sentence = async (docId: string, needle: string) => {
    const t = (await ws.store.getDocument(docId))!.text;
    const i = t.indexOf(needle);
    return { start: i, end: i + needle.length };
  };
  const claims: Claim[] = [
    { id: 'claim:a', documentId: ids.enHtml, ...(await sentence(ids.enHtml, '1,200 detainees')), quantityMentionId: null, value: 1200, valueMax: null, qualifier: 'exact', counted: 'detainees', predicate: 'moved', date: '2019-03', place: 'Chalkhan camp', groupId: 'group:1200' },
    { id: 'claim:b', documentId: ids.fa, ...(await sentence(ids.fa, '۱۲۰۰ بازداشتی')), quantityMentionId: null, value: 1200, valueMax: null, qualifier: 'exact', counted: 'detainees', predicate: 'moved', date: '2019-03', place: 'Chalkhan camp', groupId: 'group:1200' },
    { id: 'claim:c', documentId: ids.enText, ...(await sentence(ids.enText, 'about 1,500 detainees')), quantityMentionId: null, value: 1500, valueMax: null, qualifier: 'approximately', counted: 'detainees', predicate: 'held', date: '2019-03', place: 'Chalkhan camp', groupId: 'group:1500' },
  ];
  await ws.store.putClaims(claims);
  const a = await sentence(ids.enHtml, 'Dariush Kalantari said on Monday');
  const b = await sentence(ids.enText, 'Witnesses told reporters');
  await ws.store.putReuseLinks([
    { id: 'reuse:1', sourceDocumentId: ids.enHtml, sourceStart: a.start, sourceEnd: a.end + 40, targetDocumentId: ids.enText, targetStart: b.start, targetEnd: b.end + 40, similarity: 0.8, direction: 'source_earlier', clusterId: null, boilerplate: false },
  ]);
  await ws.store.putEvents([{ id: 'event:1', label: 'Transfer to Chalkhan camp', date: '2019-03-04', placeEntityId: placeId, participants: [{ entityId: personId, role: 'source' }], mentionIds: [] }]);
  return {
    dir,
    ws,
    ids,
    personId,
    otherPersonId,
    placeId,
    cleanup: async () => {
      await ws.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
