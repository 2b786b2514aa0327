import type { Db } from '../../store/db.ts';
import { countAdmins } from '../../store/users.ts';

/** The line a first start prints when nobody can log in to the console yet. */
export const FIRST_ADMIN_HINT = 'console: no admin yet — make one with `transwire user add you@example.org --role admin`, then log in at /admin/';

/** Says, once at start, how to make the first admin; silent when one exists. */
export async function announceFirstAdmin(db: Db, log: { warn(fields: object, msg: string): void }, consoleUrl: string | null): Promise<void> {
  if ((await countAdmins(db)) > 0) return;
  log.warn({ console: consoleUrl ? `${consoleUrl}/admin/` : undefined }, FIRST_ADMIN_HINT);
}
