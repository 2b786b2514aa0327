import { idParam } from '../editorial/load-review.ts';
import { AdminHttpError, type AdminContext } from '../admin-route.ts';
import { esc } from '../render-admin-page.ts';

/** The route's `:id` as a positive whole number, or a 404 that names it (`no source x`). */
export function pathId(ctx: AdminContext, what: string): number {
  const id = idParam(ctx.params.id);
  if (id === null) throw new AdminHttpError(404, `no ${what} ${ctx.params.id}`);
  return id;
}

/** A refused form's problems, one a line, announced to a screen reader; nothing when there are none. */
export function errorList(errors: readonly string[] | undefined): string {
  return errors?.length ? `<div class="error-message" role="alert"><ul>${errors.map((e) => `<li>${esc(e)}</li>`).join('')}</ul></div>` : '';
}
