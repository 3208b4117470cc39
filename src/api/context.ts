// What every route reads from: the workspace (store + blobs) and the read model.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Workspace } from '../pipeline/workspace.js';
import { problemResponse } from './errors.js';
import type { ApiReadModel } from './read-model.js';

export interface ApiDeps {
  ws: Workspace;
  read: ApiReadModel;
  uploadLimitBytes: number;
}

/** A router whose validation failures answer as one-line problems (400 invalid_input). */
export function newRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0];
        const where = issue?.path.length ? issue.path.join('.') : (result as { target?: string }).target ?? 'request';
        return problemResponse(c, 'invalid_input', `${where}: ${issue?.message ?? 'invalid'}`);
      }
    },
  });
}

/** Documents in API answers never carry more than this much context around a mention. */
export const CONTEXT_CHARS = 80;
