import { parseArgs } from 'node:util';
import { createRenderSiteHandler } from '../jobs/handlers/render-site.ts';
import type { Db } from '../store/db.ts';
import type { SiteOptions } from '../web/start-web-server.ts';

const USAGE = 'usage: transwire takedown <path|URL|publication id> [--reason TEXT]';

/**
 * Takes a publication down: 410 at its URL, and gone from home, topics, search, feeds and
 * sitemaps. Lists read only live rows, and the pages that show it are rendered again right here,
 * so every web process serves the change within its next poll (about a second).
 */
export default async function takedownCommand(argv: string[], ctx: { db: Db; site: SiteOptions }): Promise<number> {
  let target: string | undefined;
  let reason: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { reason: { type: 'string' } } });
    target = positionals[0];
    reason = values.reason;
    if (!target || positionals.length > 1) throw new Error('one path or publication id expected');
  } catch (err) {
    process.stderr.write(`takedown: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  let where: { sql: string; value: unknown };
  if (/^\d+$/.test(target)) where = { sql: 'id = $1', value: Number(target) };
  else {
    let path = target;
    if (/^https?:\/\//i.test(target)) path = new URL(target).pathname;
    try { path = decodeURIComponent(path); } catch { /* keep as given */ }
    where = { sql: 'path = $1', value: path };
  }
  const { rows } = await ctx.db.query<{ id: number; lang: string; path: string }>(
    `UPDATE publications SET status = 'gone', gone_reason = coalesce($2, gone_reason, 'takedown'), updated_at = now()
     WHERE ${where.sql} RETURNING id, lang, path`,
    [where.value, reason ?? null],
  );
  const pub = rows[0];
  if (!pub) {
    process.stderr.write(`takedown: no publication ${target}\n`);
    return 1;
  }
  await createRenderSiteHandler(ctx)({ lang: pub.lang, publicationId: pub.id, reason: 'takedown' });
  process.stdout.write(`takedown: ${pub.path} (publication ${pub.id}) is gone: 410 at its URL, removed from lists, search, feeds and sitemaps\n`);
  return 0;
}
