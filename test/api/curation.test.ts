// Curation over HTTP: merge, split, confirm/reject of duplicates and of mentions, undo.
// Each happy path checks the action answered and what the read routes show after it;
// each error path checks the problem (404 unknown, 400 missing reason or bad body,
// 409 refused). Tests run in order on one workspace and undo what they did.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { currentActor } from '../../src/pipeline/workspace.js';
import { makeFixture, type Fixture } from './fixture.js';

let f: Fixture;
let app: ReturnType<typeof createApp>['app'];

beforeAll(async () => {
  f = await makeFixture();
  app = createApp({ workspace: f.ws, webDir: '/nonexistent-daftar-web' }).app;
});
afterAll(async () => f?.cleanup());

const enc = encodeURIComponent;

async function post(path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await app.request(path, {
    method: 'POST',
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await res.json();
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: json };
}

async function get(path: string) {
  const res = await app.request(path);
  return { status: res.status, body: await res.json() };
}

function expectProblem(r: { status: number; type: string; body: Record<string, unknown> }, status: number, code: string, detail?: RegExp) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.type).toMatch(/^application\/problem\+json/);
  expect(r.body.code).toBe(code);
  expect(String(r.body.detail)).not.toContain('\n');
  if (detail) expect(String(r.body.detail)).toMatch(detail);
}

const entityPage = async (id: string) => get(`/api/entities/${enc(id)}`);
const mentionIdsOf = async (id: string) => ((await entityPage(id)).body.mentions as { mention: { id: string; text: string } }[]).map((m) => m.mention);

describe('merge and undo', () => {
  it('merges the others into this entity and answers the action with who and why', async () => {
    const r = await post(`/api/entities/${enc(f.personId)}/merge`, { others: [f.otherPersonId], reason: 'same lawyer, two spellings' }, { 'X-Daftar-Actor': 'maryam' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const a = r.body.action;
    expect(a).toMatchObject({ operation: 'merge', actor: 'maryam', reason: 'same lawyer, two spellings', undoneBy: null });
    expect(a.payload).toMatchObject({ into: f.personId, merged: [f.otherPersonId], mentions: 1 });
    expect(a.payload.before).toBeUndefined(); // the replaced state stays on the server
    expect(r.body.actions.map((x: { id: string }) => x.id)).toEqual([a.id]);

    const page = await entityPage(f.personId);
    expect(page.body.mentionCount).toBe(3);
    expect(page.body.entity.aliases.map((x: { name: string }) => x.name)).toContain('Daryoush Kalantary');
    expect(page.body.history.map((h: { id: string }) => h.id)).toContain(a.id);
    expect(page.body.history.every((h: { payload: Record<string, unknown> }) => !('before' in h.payload))).toBe(true);
    expect((await entityPage(f.otherPersonId)).status).toBe(404);
    const list = await get('/api/entities?type=PERSON');
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([f.personId]);
    const log = await get('/api/log?limit=200');
    expect(log.body.items.some((e: { subject: string; actor: string }) => e.subject === a.id && e.actor === 'maryam')).toBe(true);

    const u = await post(`/api/actions/${enc(a.id)}/undo`, { reason: 'too early' }, { 'X-Daftar-Actor': 'maryam' });
    expect(u.status, JSON.stringify(u.body)).toBe(200);
    expect(u.body.action).toMatchObject({ operation: 'undo', reason: 'too early', payload: { undoes: a.id } });
    expect((await entityPage(f.otherPersonId)).body.entity.name).toBe('Daryoush Kalantary');
    expect((await entityPage(f.personId)).body.mentionCount).toBe(2);
    const hist = (await entityPage(f.personId)).body.history as { id: string; undoneBy: string | null }[];
    expect(hist.find((h) => h.id === a.id)?.undoneBy).toBe(u.body.action.id);

    // An undone action cannot be undone twice.
    expectProblem(await post(`/api/actions/${enc(a.id)}/undo`), 409, 'conflict', /already undone/);
  });

  it('`into` merges this entity into the other one; the actor defaults to the server user', async () => {
    const r = await post(`/api/entities/${enc(f.otherPersonId)}/merge`, { into: f.personId, reason: 'same person' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.action.payload.into).toBe(f.personId);
    expect(r.body.action.actor).toBe(currentActor());
    expect((await entityPage(f.otherPersonId)).status).toBe(404);
    expect((await post(`/api/actions/${enc(r.body.action.id)}/undo`)).status).toBe(200);
    expect((await entityPage(f.otherPersonId)).status).toBe(200);
  });

  it('a percent-encoded X-Daftar-Actor carries a Persian name into the action and the log', async () => {
    const r = await post(`/api/entities/${enc(f.personId)}/merge`, { others: [f.otherPersonId], reason: 'یک نفر' }, { 'X-Daftar-Actor': enc('مریم') });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.action.actor).toBe('مریم');
    const log = await get('/api/log?limit=200');
    expect(log.body.items.find((e: { subject: string }) => e.subject === r.body.action.id).actor).toBe('مریم');
    expect((await post(`/api/actions/${enc(r.body.action.id)}/undo`)).status).toBe(200);
  });

  it('refuses a merge without a reason, of an unknown entity, across types, or with a bad body', async () => {
    const base = `/api/entities/${enc(f.personId)}/merge`;
    expectProblem(await post(base, { others: [f.otherPersonId] }), 400, 'invalid_input', /^reason: say why/);
    expectProblem(await post(base, { others: [f.otherPersonId], reason: '   ' }), 400, 'invalid_input', /^reason:/);
    expectProblem(await post(`/api/entities/nobody/merge`, { others: [f.otherPersonId], reason: 'x' }), 404, 'not_found', /nobody/);
    expectProblem(await post(base, { others: ['nobody'], reason: 'x' }), 404, 'not_found', /nobody/);
    expectProblem(await post(base, { others: [f.placeId], reason: 'x' }), 400, 'invalid_input', /only entities of one type/);
    expectProblem(await post(base, { others: [f.personId], reason: 'x' }), 400, 'usage', /two different/);
    expectProblem(await post(base, { others: [f.otherPersonId], into: f.placeId, reason: 'x' }), 400, 'invalid_input', /either others/);
    expectProblem(await post(base, { others: 'x', reason: 'x' }), 400, 'invalid_input', /^others:/);
    expectProblem(await post(base, { others: [f.otherPersonId], reason: 'x' }, { 'X-Daftar-Actor': 'x'.repeat(101) }), 400, 'invalid_input', /X-Daftar-Actor/);
    // Nothing was merged by the refusals.
    expect((await entityPage(f.otherPersonId)).status).toBe(200);
  });

  it('undo of an action that a later action depends on is 409; undone in reverse order it works', async () => {
    const m = await post(`/api/entities/${enc(f.personId)}/merge`, { others: [f.otherPersonId], reason: 'same' });
    const moved = (await mentionIdsOf(f.personId)).find((x) => x.text === 'Daryoush Kalantary')!;
    const s = await post(`/api/entities/${enc(f.personId)}/split`, { mentionIds: [moved.id], reason: 'a different Kalantary after all' });
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    expectProblem(await post(`/api/actions/${enc(m.body.action.id)}/undo`), 409, 'conflict', new RegExp(`changed later by ${s.body.action.id}`));
    expectProblem(await post('/api/actions/act-nope/undo'), 404, 'not_found', /act-nope/);
    expect((await post(`/api/actions/${enc(s.body.action.id)}/undo`)).status).toBe(200);
    expect((await post(`/api/actions/${enc(m.body.action.id)}/undo`, { reason: 'back' })).status).toBe(200);
    expect((await entityPage(f.otherPersonId)).body.mentionCount).toBe(1);
    expect((await entityPage(f.personId)).body.mentionCount).toBe(2);
  });
});

describe('split', () => {
  it('moves the named mentions to a new entity', async () => {
    const fa = (await mentionIdsOf(f.personId)).find((x) => x.text === 'داریوش کلانتری')!;
    const r = await post(`/api/entities/${enc(f.personId)}/split`, { mentionIds: [fa.id], name: 'داریوش کلانتری', reason: 'another man' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const newId = r.body.action.payload.newEntityId as string;
    const created = await entityPage(newId);
    expect(created.body.entity.name).toBe('داریوش کلانتری');
    expect(created.body.mentions.map((x: { mention: { id: string; status: string } }) => [x.mention.id, x.mention.status])).toEqual([[fa.id, 'confirmed']]);
    expect((await entityPage(f.personId)).body.mentionCount).toBe(1);
    expect((await post(`/api/actions/${enc(r.body.action.id)}/undo`)).status).toBe(200);
    expect((await entityPage(newId)).status).toBe(404);
    expect((await entityPage(f.personId)).body.mentionCount).toBe(2);
  });

  it('refuses a split without mentions, of a mention elsewhere, of every mention, or without a reason', async () => {
    const base = `/api/entities/${enc(f.personId)}/split`;
    const mine = await mentionIdsOf(f.personId);
    const other = (await mentionIdsOf(f.otherPersonId))[0]!;
    expectProblem(await post(base, { mentionIds: [], reason: 'x' }), 400, 'invalid_input', /^mentionIds:/);
    expectProblem(await post(base, { mentionIds: [other.id], reason: 'x' }), 400, 'invalid_input', /is not linked to/);
    expectProblem(await post(base, { mentionIds: mine.map((x) => x.id), reason: 'x' }), 400, 'invalid_input', /every mention/);
    expectProblem(await post(base, { mentionIds: [mine[0]!.id] }), 400, 'invalid_input', /^reason:/);
    expectProblem(await post('/api/entities/nobody/split', { mentionIds: ['m'], reason: 'x' }), 404, 'not_found');
  });
});

describe('suggested duplicates: confirm and reject', () => {
  it('reject keeps two entities apart, so a merge is refused until it is undone', async () => {
    const r = await post(`/api/entities/${enc(f.personId)}/reject`, { others: [f.otherPersonId], reason: 'different fathers' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.action.operation).toBe('keep_apart');
    expectProblem(await post(`/api/entities/${enc(f.personId)}/confirm`, { others: [f.otherPersonId], reason: 'same' }), 409, 'conflict', /kept apart/);
    expectProblem(await post(`/api/entities/${enc(f.personId)}/reject`, { others: ['nobody'], reason: 'x' }), 404, 'not_found', /nobody/);
    expectProblem(await post(`/api/entities/${enc(f.personId)}/reject`, { others: [f.personId], reason: 'x' }), 400, 'invalid_input');
    expectProblem(await post(`/api/entities/${enc(f.personId)}/reject`, { others: [f.otherPersonId] }), 400, 'invalid_input', /^reason:/);
    expect((await post(`/api/actions/${enc(r.body.action.id)}/undo`)).status).toBe(200);
  });

  it('confirm merges the others into this entity', async () => {
    const r = await post(`/api/entities/${enc(f.personId)}/confirm`, { others: [f.otherPersonId], reason: 'reviewed' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.action.operation).toBe('merge');
    expect((await entityPage(f.otherPersonId)).status).toBe(404);
    expectProblem(await post(`/api/entities/nobody/confirm`, { others: [f.otherPersonId], reason: 'x' }), 404, 'not_found');
    expect((await post(`/api/actions/${enc(r.body.action.id)}/undo`)).status).toBe(200);
    expect((await entityPage(f.otherPersonId)).status).toBe(200);
  });
});

describe('mentions: confirm and reject', () => {
  it('confirm marks a mention confirmed; reject takes it off its entity; both undo', async () => {
    const [m] = await mentionIdsOf(f.placeId);
    const c = await post(`/api/mentions/${enc(m!.id)}/confirm`, { reason: 'checked the source' });
    expect(c.status, JSON.stringify(c.body)).toBe(200);
    expect(c.body.action).toMatchObject({ operation: 'confirm', reason: 'checked the source', payload: { mentionId: m!.id } });
    const page = await entityPage(f.placeId);
    expect(page.body.mentions.find((x: { mention: { id: string } }) => x.mention.id === m!.id).mention.status).toBe('confirmed');

    const rj = await post(`/api/mentions/${enc(m!.id)}/reject`); // the reason is optional here, as in the CLI
    expect(rj.status, JSON.stringify(rj.body)).toBe(200);
    expect(rj.body.action.reason).toBeNull();
    expect((await entityPage(f.placeId)).body.mentionCount).toBe(1);
    expect((await post(`/api/actions/${enc(rj.body.action.id)}/undo`, { reason: 'wrong button' })).status).toBe(200);
    expect((await post(`/api/actions/${enc(c.body.action.id)}/undo`)).status).toBe(200);
    const after = await entityPage(f.placeId);
    expect(after.body.mentionCount).toBe(2);
    expect(after.body.mentions.find((x: { mention: { id: string } }) => x.mention.id === m!.id).mention.status).toBe('suggested');
  });

  it('an unknown mention is 404 and a malformed body 400', async () => {
    expectProblem(await post('/api/mentions/no-such-mention/confirm', {}), 404, 'not_found', /no-such-mention/);
    expectProblem(await post('/api/mentions/no-such-mention/reject', { reason: 5 }), 400, 'invalid_input', /^reason:/);
    const res = await app.request('/api/mentions/x/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{nope' });
    expect(res.status).toBe(400);
    expect((await res.json()).detail).toBe('body: malformed JSON');
  });
});

describe('status and discovery', () => {
  it('status says curation is available and the OpenAPI document lists every curation route', async () => {
    expect((await get('/api/status')).body.curation.available).toBe(true);
    const doc = (await get('/api/openapi.json')).body;
    for (const p of ['/api/entities/{id}/merge', '/api/entities/{id}/split', '/api/entities/{id}/confirm', '/api/entities/{id}/reject', '/api/mentions/{id}/confirm', '/api/mentions/{id}/reject', '/api/actions/{id}/undo']) {
      expect(doc.paths[p]?.post, p).toBeDefined();
    }
  });
});
