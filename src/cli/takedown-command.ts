import { siteOptions } from '../app.ts';
import { openDb } from '../store/open-db.ts';
import { configFrom, parseCommandArgs } from './args.ts';
import takedownCommand from './takedown.ts';

/** Opens the configured database for the takedown command, which only needs the store and site. */
export default async function takedown(argv: string[]): Promise<number> {
  const configAt = argv.indexOf('--config');
  const { values } = parseCommandArgs(configAt >= 0 ? argv.slice(configAt, configAt + 2) : [], {});
  const rest = configAt >= 0 ? [...argv.slice(0, configAt), ...argv.slice(configAt + 2)] : argv;
  const config = configFrom(values);
  const db = await openDb({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  try {
    return await takedownCommand(rest, { db, site: siteOptions(config) });
  } finally {
    await db.close();
  }
}
