import { openDb } from '../store/open-db.ts';
import { migrate } from '../store/migrate.ts';
import { configFrom, parseCommandArgs } from './args.ts';

export default async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {});
  const config = configFrom(values);
  const db = await openDb({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  try {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    const again = await migrate(db);
    process.stdout.write(`migrations applied: ${rows.map((r) => r.name).join(', ')}${again.length ? ` (+${again.join(', ')})` : ''}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
