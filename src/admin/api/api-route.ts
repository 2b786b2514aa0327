import type { z } from 'zod';
import { TranswireError, PermanentError } from '../../domain/errors.ts';
import { apiError } from '../admin-responses.ts';
import type { AdminContext, AdminRoute } from '../admin-route.ts';

/**
 * Turns the errors of the shared actions (TranswireError: a PermanentError is the caller's
 * mistake) into the API's error shape: 400 with one line, 404 for an unknown id, 500 otherwise.
 * The command line prints that line as it would its own error.
 */
export function apiRoute(route: AdminRoute): AdminRoute {
  return {
    ...route,
    async handle(ctx) {
      try {
        return await route.handle(ctx);
      } catch (err) {
        const message = oneLine(err);
        const refusal = refusalOf(err);
        if (!refusal) ctx.services.log.error({ err: message, route: route.path }, 'api: request failed');
        return apiError(refusal?.status ?? 500, message);
      }
    },
  };
}

/**
 * A shared action's refusal as a caller's mistake: its status (the error's own under 500; 400 for
 * a PermanentError without one) and its one line; null for anything else (a 500). The API and the
 * console's forms answer a refusal alike.
 */
export function refusalOf(err: unknown): { status: number; message: string } | null {
  if (err instanceof TranswireError && err.httpStatus < 500) return { status: err.httpStatus, message: oneLine(err) };
  if (err instanceof PermanentError) return { status: 400, message: oneLine(err) };
  return null;
}

const oneLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, '; ');

/** The request's JSON body, checked against `schema`; a body that is not what the route takes is a 400 naming the field. */
export async function bodyOf<S extends z.ZodType>(ctx: AdminContext, schema: S, what: string): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await ctx.json();
  } catch {
    throw new PermanentError(`${what}: the request body is not JSON`, 'api.bad_request', { httpStatus: 400 });
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new PermanentError(`${what}: ${field}${issue.message}`, 'api.bad_request', { httpStatus: 400 });
  }
  return parsed.data;
}

/** A route's `:id` as a positive whole number, or 404 (`notFound` names it: `review approve: no translation`). */
export function idParam(ctx: AdminContext, notFound: string): number {
  const raw = ctx.params.id ?? '';
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : 0;
  if (id < 1) throw new PermanentError(`${notFound} ${raw}`, 'api.not_found', { httpStatus: 404 });
  return id;
}
