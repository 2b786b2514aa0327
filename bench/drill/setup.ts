/** A fresh database with the world's sources in it, and the configuration file the processes share. */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { stringify } from 'yaml';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import type { World } from './world.ts';

export interface DrillConfig {
  databaseUrl: string;
  world: World;
  poll: { minSeconds: number; maxSeconds: number };
  /** A LibreTranslate first in the chain, Apertium after it. */
  libreUrl?: string;
  leaseSeconds: number;
  mediaDir: string;
}

/** Migrates the database and registers the world's sources (once, not at every worker start). */
export async function prepareDatabase(url: string, world: World): Promise<Db> {
  const db = await openDb({ databaseUrl: url, dataDir: '' });
  const urls = world.net.sources.map((s) => s.url);
  await db.query(`INSERT INTO sources (url, name, lang) SELECT u, 'Source ' || ord, 'en' FROM unnest($1::text[]) WITH ORDINALITY AS t(u, ord)`, [urls]);
  return db;
}

export function writeConfig(path: string, c: DrillConfig): void {
  const engines: Record<string, unknown> = { apertium: { kind: 'apertium' } };
  if (c.libreUrl) engines.libre = { kind: 'libretranslate', url: c.libreUrl, timeoutMs: 5000 };
  writeFileSync(
    path,
    stringify({
      site: { baseUrl: 'http://127.0.0.1:8080', languages: ['es'] },
      database: { url: c.databaseUrl },
      fetch: {
        allowPrivate: c.world.net.allow,
        // A hung host costs a job this long, then it is retried.
        timeoutMs: 10_000,
        perHost: { concurrency: 4, minIntervalMs: 0 },
        poll: c.poll,
        respectRobots: false,
      },
      translation: { engines, chains: { 'en-es': c.libreUrl ? ['libre', 'apertium'] : ['apertium'] } },
      media: { dir: c.mediaDir },
      worker: { concurrency: 4, leaseSeconds: c.leaseSeconds, pollMs: 200 },
      // The world is the demo newsroom's 16 articles retold by every source: with stories on, all
      // but the first of each would join its story as a near-duplicate and never reach the engine,
      // and the drill would measure nothing of translation. Stories with several workers are
      // tested in test/stories/pipeline-placement.test.ts.
      stories: { enabled: false },
      log: { level: 'info', format: 'json' },
    }),
  );
}

/** A free port on 127.0.0.1 (a web restarted after a kill comes back on the same one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
