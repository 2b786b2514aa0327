import { openDbFor, siteOptions } from '../app.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import takedownCommand from './takedown.ts';

/** Opens the configured database for the takedown command, which only needs the store and site. */
export default async function takedown(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    name: 'takedown',
    args: '<path|URL|publication id>',
    summary: 'Takes a publication down: 410 Gone at its URL, and gone from every page, feed, sitemap and search.',
    options: { reason: { type: 'string', arg: 'TEXT', help: 'why (kept with the publication)' } },
    positionals: { min: 1, max: 1 },
  });
  const config = configFrom(values);
  const db = await openDbFor(config);
  try {
    return await takedownCommand([positionals[0]!, ...(values.reason !== undefined ? ['--reason', values.reason] : [])], { db, site: siteOptions(config) });
  } finally {
    await db.close();
  }
}
