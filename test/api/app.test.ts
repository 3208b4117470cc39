// The HTTP API through app.request(): every route's happy path on a small ingested
// workspace, and the error shape (problem+json, one line, no stack) on its error paths.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, DEFAULT_UPLOAD_LIMIT_BYTES } from '../../src/api/app.js';
import { HTTP_STATUS } from '../../src/api/errors.js';
import * as schemas from '../../src/api/schemas.js';
import { ERROR_CODES } from '../../src/model/errors.js';
import { makeFixture, type Fixture } from './fixture.js';

let f: Fixture;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  f = await makeFixture();
  app = createApp({ workspace: f.ws, uploadLimitBytes: 64 * 1024, webDir: '/nonexistent-daftar-web' }).app;
});
afterAll(async () => f?.cleanup());

async function getJson(path: string, status = 200) {
  const res = await app.request(path);
  const body = await res.text();
  expect(res.status, `${path}: ${body}`).toBe(status);
  expect(res.headers.get('content-type')).toMatch(status < 400 ? /^application\/json/ : /^application\/problem\+json/);
  return JSON.parse(body);
}

/** The one error shape: RFC 9457 fields + stable code, one line, nothing from a stack. */
function expectProblem(body: Record<string, unknown>, status: number, code: string) {
  expect(Object.keys(body).sort()).toEqual(['code', 'detail', 'status', 'title', 'type']);
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(body.type).toBe(`urn:daftar:error:${code}`);
  expect(String(body.detail)).not.toMatch(/\n|    at |\.ts:\d+|node_modules|ZodError/);
  expect(String(body.detail).length).toBeGreaterThan(5);
}

describe('reads', () => {
  it('status counts the documents and says curation is available', async () => {
    const s = await getJson('/api/status');
    expect(s.documents).toBe(3);
    expect(s.curation.available).toBe(true);
  });

  it('search finds English and Persian text, marks matches and filters by language', async () => {
    const en = await getJson('/api/search?q=Chalkhan');
    expect(en.hits.map((h: { documentId: string }) => h.documentId).sort()).toEqual([f.ids.enHtml, f.ids.enText].sort());
    expect(en.hits[0].snippet).toContain('[[Chalkhan]]');
    const fa = await getJson('/api/search?q=' + encodeURIComponent('چالخان') + '&lang=fa');
    expect(fa.hits.map((h: { documentId: string }) => h.documentId)).toEqual([f.ids.fa]);
    const none = await getJson('/api/search?q=Chalkhan&lang=fa');
    expect(none.hits).toEqual([]);
  });

  it('search pages by cursor without repeating a hit', async () => {
    const p1 = await getJson('/api/search?q=Chalkhan&limit=1');
    expect(p1.hits).toHaveLength(1);
    expect(p1.nextCursor).toBeTypeOf('string');
    const p2 = await getJson(`/api/search?q=Chalkhan&limit=1&cursor=${p1.nextCursor}`);
    expect(p2.hits).toHaveLength(1);
    expect(p2.hits[0].documentId).not.toBe(p1.hits[0].documentId);
    expect(p2.nextCursor).toBeNull();
  });

  it('search facets count the result set or the workspace', async () => {
    const r = await getJson('/api/search?q=Chalkhan&facets=results');
    expect(r.facets.scope).toBe('results');
    expect(r.facets.language).toEqual({ en: 2 });
    expect(r.facets.kind).toMatchObject({ article: expect.any(Number) });
    const w = await getJson('/api/search?q=Chalkhan&facets=workspace');
    expect(w.facets.language).toEqual({ en: 2, fa: 1 });
    expect(w.facets.counted).toBe(3);
  });

  it('documents list pages by cursor and leaves out the text', async () => {
    const p1 = await getJson('/api/documents?limit=2');
    expect(p1.items).toHaveLength(2);
    expect(p1.items[0].text).toBeUndefined();
    const p2 = await getJson(`/api/documents?limit=2&cursor=${p1.nextCursor}`);
    expect(p2.items).toHaveLength(1);
    expect(p2.nextCursor).toBeNull();
    const all = [...p1.items, ...p2.items].map((d: { id: string }) => d.id).sort();
    expect(all).toEqual(Object.values(f.ids).sort());
  });

  it('a document comes with its text, passages and mentions whose offsets hold', async () => {
    const { document } = await getJson(`/api/documents/${f.ids.enHtml}`);
    expect(document.text).toContain('Dariush Kalantari said');
    const passages = (await getJson(`/api/documents/${f.ids.enHtml}/passages`)).items;
    expect(passages.length).toBeGreaterThanOrEqual(2);
    const mentions = (await getJson(`/api/documents/${f.ids.enHtml}/mentions`)).items;
    const person = mentions.find((m: { type: string }) => m.type === 'PERSON');
    expect(document.text.slice(person.start, person.end)).toBe('Dariush Kalantari');
    expect(person.entityId).toBe(f.personId);
  });

  it('serves the original bytes sandboxed, never sniffed', async () => {
    const res = await app.request(`/api/documents/${f.ids.enHtml}/original`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/^sandbox;/);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await res.text()).toContain('<script>window.evil = 1</script>'); // the evidence, byte for byte
  });

  it('reuse shows the other copy and the likely origin', async () => {
    const r = await getJson(`/api/documents/${f.ids.enText}/reuse`);
    expect(r.links).toHaveLength(1);
    expect(r.links[0].otherDocumentId).toBe(f.ids.enHtml);
    expect(r.links[0].otherIsOrigin).toBe(true);
    expect(r.likelyOrigin.id).toBe(f.ids.enHtml);
    const fromOrigin = await getJson(`/api/documents/${f.ids.enHtml}/reuse`);
    expect(fromOrigin.links[0].otherIsOrigin).toBe(false);
    expect(fromOrigin.likelyOrigin).toBeNull();
    const list = await getJson('/api/reuse');
    expect(list.items.map((l: { id: string }) => l.id)).toEqual(['reuse:1']);
  });

  it('entities list, filter by type and name, and page', async () => {
    const all = await getJson('/api/entities');
    expect(all.items.map((e: { id: string }) => e.id)).toEqual([f.personId, f.otherPersonId, f.placeId].sort());
    const places = await getJson('/api/entities?type=PLACE');
    expect(places.items.map((e: { id: string }) => e.id)).toEqual([f.placeId]);
    const byAlias = await getJson('/api/entities?q=' + encodeURIComponent('داریوش'));
    expect(byAlias.items.map((e: { id: string }) => e.id)).toEqual([f.personId]);
    const p1 = await getJson('/api/entities?limit=1');
    const p2 = await getJson(`/api/entities?limit=1&cursor=${p1.nextCursor}`);
    expect(p2.items[0].id).not.toBe(p1.items[0].id);
    // Walking the pages gives every entity once, in id order, and then no cursor.
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const pg: { items: { id: string }[]; nextCursor: string | null } = await getJson(`/api/entities?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...pg.items.map((e) => e.id));
      cursor = pg.nextCursor;
    } while (cursor);
    expect(walked).toEqual([f.personId, f.otherPersonId, f.placeId].sort());
    // q ignores case and matches inside names; type narrows it.
    expect((await getJson('/api/entities?q=KALANTAR&type=PERSON')).items.map((e: { id: string }) => e.id)).toEqual([f.personId, f.otherPersonId].sort());
    expect((await getJson('/api/entities?q=KALANTARI')).items.map((e: { id: string }) => e.id)).toEqual([f.personId]);
    expect((await getJson('/api/entities?q=KALANTAR&type=PLACE')).items).toEqual([]);
  });

  it('an entity page has mentions in context across scripts and its documents', async () => {
    const e = await getJson(`/api/entities/${encodeURIComponent(f.personId)}`);
    expect(e.entity.name).toBe('Dariush Kalantari');
    expect(e.mentionCount).toBe(2);
    const texts = e.mentions.map((m: { mention: { text: string } }) => m.mention.text).sort();
    expect(texts).toEqual(['Dariush Kalantari', 'داریوش کلانتری']);
    const en = e.mentions.find((m: { mention: { text: string } }) => m.mention.text === 'Dariush Kalantari');
    expect(en.after).toMatch(/^ said on Monday/);
    expect(e.documents.map((d: { id: string }) => d.id).sort()).toEqual([f.ids.enHtml, f.ids.fa].sort());
    expect(e.history).toEqual([]);
  });

  it('an entity page is read fresh from the store: a later entity and its history show at once', async () => {
    await f.ws.store.putEntities([{ id: 'org:justice', type: 'ORG', name: 'Ministry of Justice', aliases: [], attributes: {}, sensitivity: 'public' }]);
    await f.ws.store.putActions([{ id: 'action:1', operation: 'confirm', actor: 'tester', at: '2026-01-01T00:00:00Z', reason: 'checked the byline', payload: { entityIds: ['org:justice'] }, undoneBy: null }]);
    const e = await getJson('/api/entities/org%3Ajustice');
    expect(e.entity.name).toBe('Ministry of Justice');
    expect(e.history.map((a: { id: string }) => a.id)).toEqual(['action:1']);
  });

  it('claims come grouped, with independent sources and the conflicting group', async () => {
    const r = await getJson('/api/claims');
    const g1200 = r.items.find((g: { groupId: string }) => g.groupId === 'group:1200');
    expect(g1200.values).toEqual([{ value: 1200, valueMax: null, qualifier: 'exact', claims: 2 }]);
    expect(g1200.independentSources).toHaveLength(2); // the Persian report does not copy the English one
    expect(g1200.conflicts).toEqual(['group:1500']);
    expect(g1200.claims[0].sentence).toMatch(/1,200 detainees|۱۲۰۰ بازداشتی/);
    const one = await getJson('/api/claims/claim%3Ac');
    expect(one.groupId).toBe('group:1500');
    expect(one.conflicts).toEqual(['group:1200']);
  });

  it('events, timeline, map and log', async () => {
    expect((await getJson('/api/events')).items.map((e: { id: string }) => e.id)).toEqual(['event:1']);
    const t = await getJson('/api/timeline');
    expect(t.items.map((i: { date: string; source: string }) => `${i.date} ${i.source}`)).toContain('2019-03 mention');
    const dates = t.items.map((i: { date: string }) => i.date);
    expect([...dates].sort()).toEqual(dates);
    const narrowed = await getJson('/api/timeline?from=2019-03-02');
    expect(narrowed.items.every((i: { date: string }) => i.date >= '2019-03-02')).toBe(true);
    const map = await getJson('/api/map');
    expect(map.places).toHaveLength(1);
    expect(map.places[0]).toMatchObject({ entityId: f.placeId, name: 'Chalkhan camp', lat: 32.4, lon: 52.6 });
    expect([...map.places[0].documentIds].sort()).toEqual([f.ids.enHtml, f.ids.fa].sort());
    expect(map.places[0].documents.map((d: { title: string }) => d.title)).toContain('Detainees moved to Chalkhan camp');
    const log = await getJson('/api/log?limit=2');
    expect(log.items.map((e: { seq: number }) => e.seq)).toEqual([0, 1]);
    const rest = await getJson(`/api/log?cursor=${log.nextCursor}`);
    expect(rest.items[0].seq).toBe(2);
  });

  it('answers match the schemas the OpenAPI document is built from', async () => {
    const strict = <T extends { parse: (v: unknown) => unknown }>(schema: T, body: unknown) => expect(() => schema.parse(body)).not.toThrow();
    strict(schemas.SearchResultSchema, await getJson('/api/search?q=Chalkhan&facets=results'));
    strict(schemas.DocumentSchema, (await getJson(`/api/documents/${f.ids.fa}`)).document);
    strict(schemas.ReuseViewSchema, await getJson(`/api/documents/${f.ids.enText}/reuse`));
    strict(schemas.EntityPageSchema, await getJson(`/api/entities/${encodeURIComponent(f.personId)}`));
    strict(schemas.Page(schemas.ClaimGroupSchema), await getJson('/api/claims'));
    strict(schemas.Page(schemas.TimelineEntrySchema), await getJson('/api/timeline'));
    strict(schemas.MapSchema, await getJson('/api/map'));
    strict(schemas.StatusSchema, await getJson('/api/status'));
    strict(schemas.ProblemSchema, await getJson('/api/documents/nope', 400));
  });

  it('the OpenAPI document lists every route', async () => {
    const doc = await getJson('/api/openapi.json');
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/search', '/api/documents', '/api/documents/{id}', '/api/documents/{id}/original', '/api/entities/{id}', '/api/entities/{id}/merge', '/api/claims', '/api/timeline', '/api/map']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    expect(doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['q', 'lang', 'site', 'from', 'to', 'facets', 'cursor']));
  });
});

describe('upload', () => {
  it('ingests a multipart file, then reports it present the second time', async () => {
    const form = () => {
      const fd = new FormData();
      fd.append('file', new File(['Uploaded testimony about the Varzaneh road.\n'], 'testimony-7.txt', { type: 'text/plain' }));
      return fd;
    };
    const res = await app.request('/api/documents', { method: 'POST', body: form() });
    expect(res.status).toBe(201);
    const r = await res.json();
    expect(r.added).toHaveLength(1);
    expect(r.added[0].fileName).toBe('testimony-7.txt');
    const found = await getJson('/api/search?q=Varzaneh%20road');
    expect(found.hits.map((h: { documentId: string }) => h.documentId)).toEqual([r.added[0].id]);
    expect((await getJson(`/api/documents/${r.added[0].id}`)).document.fileName).toBe('testimony-7.txt');
    const again = await app.request('/api/documents', { method: 'POST', body: form() });
    expect(again.status).toBe(200);
    expect((await again.json()).present).toHaveLength(1);
    // The read model was told: facets include the new document.
    expect((await getJson('/api/search?q=Varzaneh&facets=workspace')).facets.counted).toBe(4);
  });

  it('ingests a raw body named by X-File-Name and reports an empty file as failed', async () => {
    const ok = await app.request('/api/documents', { method: 'POST', body: 'Raw upload of a short note on Golmarz.\n', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'note.txt' } });
    expect(ok.status).toBe(201);
    const empty = await app.request('/api/documents', { method: 'POST', body: '', headers: { 'content-type': 'application/octet-stream', 'x-file-name': 'empty.txt' } });
    const r = await empty.json();
    expect(r.failed).toHaveLength(1);
    expect(r.failed[0].fileName).toBe('empty.txt');
    expect(r.failed[0].message).not.toContain('daftar-upload-'); // no temp paths leak
  });
});

describe('errors', () => {
  it('maps every DaftarError code to an HTTP status in one table', () => {
    for (const code of ERROR_CODES) expect(HTTP_STATUS[code], code).toBeGreaterThanOrEqual(400);
    expect(HTTP_STATUS.not_found).toBe(404);
    expect(HTTP_STATUS.too_large).toBe(413);
  });

  it.each([
    ['/api/documents/not-a-hash', 400, 'invalid_input'],
    ['/api/documents/NOT-A-HASH/original', 400, 'invalid_input'],
    [`/api/documents/${'0'.repeat(64)}`, 404, 'not_found'],
    [`/api/documents/${'0'.repeat(64)}/original`, 404, 'not_found'],
    [`/api/documents/${'0'.repeat(64)}/mentions`, 404, 'not_found'],
    ['/api/entities/person%3Anobody', 404, 'not_found'],
    ['/api/claims/nothing', 404, 'not_found'],
    ['/api/search', 400, 'invalid_input'],
    ['/api/search?q=x&lang=de', 400, 'invalid_input'],
    ['/api/search?q=x&from=yesterday', 400, 'invalid_input'],
    ['/api/search?q=x&cursor=%25%25', 400, 'invalid_input'],
    ['/api/search?q=x&limit=100000', 400, 'invalid_input'],
    ['/api/documents?cursor=!!', 400, 'invalid_input'],
    ['/api/no-such-route', 404, 'not_found'],
  ])('GET %s -> %i %s', async (path, status, code) => {
    expectProblem(await getJson(path, status), status, code);
  });

  it('malformed JSON is a 400 problem, not a stack', async () => {
    const res = await app.request(`/api/entities/${encodeURIComponent(f.personId)}/merge`, { method: 'POST', body: '{"others": [', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expectProblem(await res.json(), 400, 'invalid_input');
  });

  it('a JSON body of the wrong shape is a 400 problem', async () => {
    const res = await app.request(`/api/entities/${encodeURIComponent(f.personId)}/merge`, { method: 'POST', body: '{"others": "x"}', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    const body = await res.json();
    expectProblem(body, 400, 'invalid_input');
    expect(body.detail).toMatch(/^others:/);
  });

  it('an oversize upload is 413 too_large', async () => {
    const big = new Uint8Array(DEFAULT_UPLOAD_LIMIT_BYTES > 0 ? 65 * 1024 : 0).fill(65);
    const res = await app.request('/api/documents', { method: 'POST', body: big, headers: { 'content-type': 'application/octet-stream', 'content-length': String(big.length) } });
    expect(res.status).toBe(413);
    expectProblem(await res.json(), 413, 'too_large');
  });

  it('an upload without a file is a 400 problem', async () => {
    const fd = new FormData();
    fd.append('note', 'no file here');
    const res = await app.request('/api/documents', { method: 'POST', body: fd });
    expect(res.status).toBe(400);
    expectProblem(await res.json(), 400, 'invalid_input');
  });

  it('a POST from another origin is refused (CSRF)', async () => {
    const res = await app.request('http://127.0.0.1:8470/api/documents', { method: 'POST', body: 'x', headers: { origin: 'https://evil.example', 'x-file-name': 'x.txt' } });
    expect(res.status).toBe(403);
    expectProblem(await res.json(), 403, 'forbidden');
  });

  it('a loopback server refuses other Host names (DNS rebinding)', async () => {
    const guarded = createApp({ workspace: f.ws, allowedHosts: ['127.0.0.1', 'localhost'] }).app;
    expect((await guarded.request('http://127.0.0.1:8470/api/status')).status).toBe(200);
    const res = await guarded.request('http://rebound.example:8470/api/status');
    expect(res.status).toBe(403);
    expectProblem(await res.json(), 403, 'forbidden');
  });

  it('a route that throws unexpectedly says nothing of its internals', async () => {
    const broken = createApp({
      workspace: { ...f.ws, store: new Proxy(f.ws.store, { get: (t, k) => (k === 'countDocuments' ? () => Promise.reject(new Error('SQLITE_CORRUPT at /secret/path.db\n    at foo (x.ts:1:1)')) : Reflect.get(t, k)) }) },
    }).app;
    const orig = console.error;
    console.error = () => undefined; // the server logs the cause; the client must not see it
    try {
      const res = await broken.request('/api/status');
      expect(res.status).toBe(500);
      const body = await res.json();
      expectProblem(body, 500, 'internal');
      expect(body.detail).not.toContain('/secret');
    } finally {
      console.error = orig;
    }
  });

  it('the UI files are never served from outside the web folder', async () => {
    const res = await app.request('/..%2f..%2fdaftar.db');
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});
