import { openDbFor } from '../app.ts';
import { migrate } from '../store/migrate.ts';
import { configFrom, parseCommandArgs } from './args.ts';

export default async function migrateCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, {
    name: 'migrate',
    summary: 'Applies the SQL migrations to the configured database (also done at every start) and lists them.',
    options: {},
    positionals: { max: 0 },
  });
  const config = configFrom(values);
  const db = await openDbFor(config);
  try {
    const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
    const again = await migrate(db);
    process.stdout.write(`migrations applied: ${rows.map((r) => r.name).join(', ')}${again.length ? ` (+${again.join(', ')})` : ''}\n`);
    return 0;
  } finally {
    await db.close();
  }
}
