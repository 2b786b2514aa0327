import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.ts';

// The folder migrate.ts applies, beside this file.
const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Migrations this code ships that the database has not recorded (readiness: empty when current). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort();
  const { rows } = await db.query<{ name: string }>('SELECT name FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.name));
  return files.filter((f) => !applied.has(f));
}
