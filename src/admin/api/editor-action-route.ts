import type { z } from 'zod';
import { apiJson } from '../admin-responses.ts';
import type { AdminContext, AdminRoute, AuditEntry } from '../admin-route.ts';
import { apiRoute, bodyOf, idParam } from './api-route.ts';

/**
 * One editor's action on one thing named by the path's `:id` (a story, a held translation, a held
 * update), as the command line calls it beside a running server.
 */
export interface EditorAction<Done, Body> {
  /** `POST` path with an `:id` segment: `/api/v1/stories/:id/lead`. */
  path: string;
  summary: string;
  /** Names the action in every refusal: `story lead` → "story lead: no story 7", "story lead: the request body is not JSON". */
  what: string;
  /** What the `:id` stands for: `story` → an id that is no number answers 404 "story lead: no story abc". */
  idOf: string;
  /** The JSON body the action takes; left out, the body is not read (whatever was sent). */
  body?: z.ZodType<Body>;
  /**
   * Carries the action out and says what was done (the JSON answer). The action owns its
   * transaction: some render pages once it has committed (approve, publish an update).
   */
  run(ctx: AdminContext, id: number, body: Body): Promise<Done>;
  /** The audit row of a success; a refusal (thrown) writes none. */
  audit(done: Done, id: number, body: Body): AuditEntry;
}

/**
 * The shape every editor action shares: an editor's POST (the mount checks the session or token,
 * CSRF and role), the `:id` parsed, the body checked, the action run, audited, answered as JSON;
 * a refusal becomes the API's one-line 4xx (apiRoute).
 */
export function editorActionRoute<Done, Body = undefined>(action: EditorAction<Done, Body>): AdminRoute {
  return apiRoute({
    method: 'POST',
    path: action.path,
    role: 'editor',
    summary: action.summary,
    async handle(ctx) {
      const id = idParam(ctx, `${action.what}: no ${action.idOf}`);
      const body = (action.body ? await bodyOf(ctx, action.body, action.what) : undefined) as Body;
      const done = await action.run(ctx, id, body);
      await ctx.audit(action.audit(done, id, body));
      return apiJson(done);
    },
  });
}
