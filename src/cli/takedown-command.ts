import { openDbFor, siteOptions } from '../app.ts';
import { TranswireError } from '../domain/errors.ts';
import { takeDown, type ChangedPublication } from '../jobs/takedown.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import { reachData } from './reach-data.ts';
import { reportTakedown } from './takedown.ts';

/**
 * Takes a publication down on the configured database, or, when a running server holds the PGlite
 * folder, through that server's API: either way it prints the same lines (reportTakedown).
 */
export default async function takedown(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'takedown',
    args: '<path|URL|publication id>',
    summary: 'Takes a publication down: 410 Gone at its URL, and gone from every page, feed, sitemap and search.',
    options: { reason: { type: 'string', arg: 'TEXT', help: 'why (kept with the publication)' } },
    positionals: { min: 1, max: 1 },
  });
  const config = configFrom(values);
  const target = positionals[0]!;
  const reached = await reachData(config, () => openDbFor(config));
  if (reached.server) {
    const pub = await reached.server.post<ChangedPublication>('/api/v1/takedowns', { target, ...(values.reason !== undefined && { reason: values.reason }) }).catch((err: unknown) => {
      if (err instanceof TranswireError && err.httpStatus === 404) return null;
      throw err;
    });
    return reportTakedown(target, pub);
  }
  const db = reached.direct;
  try {
    return reportTakedown(target, await takeDown(db, siteOptions(config), target, values.reason));
  } finally {
    await db.close();
  }
}
