// Curation over HTTP (issue 7): merge, split, confirm/reject (a suggested duplicate or
// a mention), undo. Each route calls src/pipeline/curation.ts, which records one Action
// (who, when, what, why) with its log entry; the answer is that action. The actor is
// the `X-Daftar-Actor` header, else DAFTAR_ACTOR or the server's OS user.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Action } from '../model/schema.js';
import { keepApart, mergeEntities, reviewMention, splitEntity, undoAction, type CurationOptions } from '../pipeline/curation.js';
import { currentActor } from '../pipeline/workspace.js';
import { newRouter, type ApiDeps } from './context.js';
import { ApiError } from './errors.js';
import { ActionSchema, EntityIdParam, ProblemSchema, problemResponses } from './schemas.js';

export const CURATION_NOTE = 'Curation actions record who, when and why, and can be undone from the entity\'s history.';

const Id = z.string().min(1).max(256);
const reasonRequired = z
  .string({ error: 'say why (it goes into the entity\'s history)' })
  .trim()
  .min(1, 'say why (it goes into the entity\'s history)')
  .max(2000);
const reasonOptional = z.string().trim().max(2000).optional();

/** `others`: merge them into this entity; `into`: merge this entity into that one. */
export const MergeBodySchema = z
  .object({ others: z.array(Id).min(1).max(100).optional(), into: Id.optional(), reason: reasonRequired })
  .refine((b) => (b.others === undefined) !== (b.into === undefined), { message: 'give either others (merged into this entity) or into (this entity merged into that one)', path: ['others'] })
  .openapi('MergeBody');
export const SplitBodySchema = z
  .object({ mentionIds: z.array(Id).min(1).max(10_000), name: z.string().trim().min(1).max(300).optional(), reason: reasonRequired })
  .openapi('SplitBody');
/** A suggested duplicate: confirm merges the others into this entity, reject keeps each apart from it. */
export const PairBodySchema = z.object({ others: z.array(Id).min(1).max(100), reason: reasonRequired }).openapi('PairBody');
export const ReasonBodySchema = z.object({ reason: reasonOptional }).openapi('ReasonBody');

const ActionOut = ActionSchema.omit({ payload: true }).extend({ payload: z.record(z.string(), z.unknown()) });
export const ActionResultSchema = z.object({ action: ActionOut, actions: z.array(ActionOut) }).openapi('ActionResult');

const ACTOR_RE = /^[^\u0000-\u001f\u007f]{1,100}$/;

function actorOf(c: Context): string {
  const h = c.req.header('x-daftar-actor');
  if (h === undefined) return currentActor();
  let name = h.trim();
  try {
    name = decodeURIComponent(name); // lets a browser send non-Latin names
  } catch {
    /* keep as sent */
  }
  if (!ACTOR_RE.test(name)) throw new ApiError('invalid_input', 'X-Daftar-Actor: expected 1 to 100 printable characters');
  return name;
}

/** An action as the API shows it: without the state it replaced (`payload.before`, kept for undo). */
export function publicAction(a: Action): Action {
  const { before: _before, ...payload } = a.payload;
  return { ...a, payload };
}

export function registerCurationRoutes(app: OpenAPIHono, deps: ApiDeps): void {
  const r = newRouter();
  const responses = {
    200: { description: 'the action taken', content: { 'application/json': { schema: ActionResultSchema } } },
    409: { description: 'refused: conflicts with another decision', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...problemResponses,
  };
  const done = (c: Context, actions: Action[]) => {
    deps.read.invalidate();
    const out = actions.map(publicAction);
    return c.json({ action: out[out.length - 1]!, actions: out }, 200);
  };
  const opts = (c: Context, reason: string | undefined): CurationOptions => ({ actor: actorOf(c), reason: reason || null });
  const body = <T extends z.ZodTypeAny>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

  r.openapi(
    createRoute({ method: 'post', path: '/api/entities/{id}/merge', summary: 'Merge entities (others into this one, or this one into `into`); undoable', request: { params: EntityIdParam, body: body(MergeBodySchema) }, responses }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const ids = b.into ? [b.into, id] : [id, ...b.others!];
      return done(c, [await mergeEntities(deps.ws, ids, opts(c, b.reason))]);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/api/entities/{id}/split', summary: 'Move some mentions to a new entity kept apart from this one; undoable', request: { params: EntityIdParam, body: body(SplitBodySchema) }, responses }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      return done(c, [await splitEntity(deps.ws, id, b.mentionIds, { ...opts(c, b.reason), name: b.name })]);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/api/entities/{id}/confirm', summary: 'Confirm suggested duplicates: the others are merged into this entity; undoable', request: { params: EntityIdParam, body: body(PairBodySchema) }, responses }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      return done(c, [await mergeEntities(deps.ws, [id, ...b.others], opts(c, b.reason))]);
    },
  );

  r.openapi(
    createRoute({ method: 'post', path: '/api/entities/{id}/reject', summary: 'Reject suggested duplicates: each other entity is kept apart from this one (never merged or suggested again); undoable', request: { params: EntityIdParam, body: body(PairBodySchema) }, responses }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const o = opts(c, b.reason);
      const others = [...new Set(b.others)];
      if (others.includes(id)) throw new ApiError('invalid_input', `others: ${id} is this entity; name different entities`);
      // Check every id first so a bad one does not leave half the decisions taken.
      const found = new Set((await deps.ws.store.getEntities([id, ...others])).map((e) => e.id));
      const missing = [id, ...others].find((x) => !found.has(x));
      if (missing) throw new ApiError('not_found', `entity ${missing} is not in this workspace`);
      const actions = [];
      for (const other of others) actions.push(await keepApart(deps.ws, id, other, o));
      return done(c, actions);
    },
  );

  for (const verb of ['confirm', 'reject'] as const) {
    r.openapi(
      createRoute({
        method: 'post',
        path: `/api/mentions/{id}/${verb}`,
        summary: verb === 'confirm' ? 'Confirm a mention (right, and of its entity); undoable' : 'Reject a mention (not a name, or not this one: unlinked, never resolved again); undoable',
        request: { params: EntityIdParam, body: { ...body(ReasonBodySchema), required: false } },
        responses,
      }),
      async (c) => {
        const { id } = c.req.valid('param');
        const b = (await readOptionalBody(c)) ?? {};
        return done(c, [await reviewMention(deps.ws, id, verb === 'confirm' ? 'confirmed' : 'rejected', opts(c, b.reason))]);
      },
    );
  }

  r.openapi(
    createRoute({
      method: 'post',
      path: '/api/actions/{id}/undo',
      summary: 'Undo an action (409 when a later action on the same entities has not been undone)',
      request: { params: EntityIdParam, body: { ...body(ReasonBodySchema), required: false } },
      responses,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const b = (await readOptionalBody(c)) ?? {};
      return done(c, [await undoAction(deps.ws, id, opts(c, b.reason))]);
    },
  );

  app.route('/', r);
}

/** Bodies that may be left out: none, empty, or `{ reason? }`. */
async function readOptionalBody(c: Context): Promise<{ reason?: string } | null> {
  const text = await c.req.text();
  if (!text.trim()) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new ApiError('invalid_input', 'body: malformed JSON');
  }
  const parsed = ReasonBodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ApiError('invalid_input', `${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}
