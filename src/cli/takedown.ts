import { parseArgs } from 'node:util';
import { takeDown, type ChangedPublication } from '../jobs/takedown.ts';
import type { Db } from '../store/db.ts';
import type { SiteOptions } from '../web/start-web-server.ts';

const USAGE = 'usage: transwire takedown <path|URL|publication id> [--reason TEXT]';

/** Takes a publication down (see `takeDown`, shared with the console). */
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
  return reportTakedown(target, await takeDown(ctx.db, ctx.site, target, reason));
}

/** What the command prints and its exit code, whether it took the page down itself or a running server did. */
export function reportTakedown(target: string, pub: ChangedPublication | null): number {
  if (!pub) {
    process.stderr.write(`takedown: no publication ${target}\n`);
    return 1;
  }
  process.stdout.write(`takedown: ${pub.path} (publication ${pub.id}) is gone: 410 at its URL, removed from lists, search, feeds and sitemaps\n`);
  return 0;
}
