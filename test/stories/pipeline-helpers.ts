import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { stringify } from 'yaml';
import { createConsoleHandler } from '../../src/admin/mount-console.ts';
import { configSchema } from '../../src/config/schema.ts';
import { createHttpClient } from '../../src/fetch/index.ts';
import { createStoryPlacement } from '../../src/jobs/handlers/place-story.ts';
import { upsertArticle, type ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { openDb } from '../../src/store/open-db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import type { StoryArticle } from '../../src/stories/index.ts';
import type { Translator } from '../../src/translate/index.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';

/** Stores a fixture article as the pipeline would have extracted it, from an outlet of its own. */
export async function storeArticle(db: Db, a: StoryArticle): Promise<ArticleRow> {
  const outlet = a.outlet ?? 'wire.example';
  const source = await upsertSource(db, { url: `https://${outlet}/feed.xml`, name: outlet, lang: a.lang });
  const url = a.url ?? `https://${outlet}/${a.id}`;
  const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, status) VALUES ($1, $2, $2, 'new') RETURNING id`, [source.id, url]);
  const html = a.text.split('\n').map((p) => `<p>${p}</p>`).join('');
  return upsertArticle(db, {
    item_id: item.rows[0]!.id, source_id: source.id, url, canonical_url: url, title: a.title, byline: null, published_at: a.published,
    modified_at: null, lang: a.lang, dir: 'ltr', site_name: outlet, category: null, image_url: null, image_caption: null,
    excerpt: a.lead ?? null, html, text: a.text, content_hash: `hash:${a.id}`,
  });
}

/** A worker's placement step, its log lines kept. */
export function worker(db: Db, opts: { translator?: Translator; targets?: string[] } = {}) {
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  const placement = createStoryPlacement({ db, log, targetLanguages: opts.targets ?? ['es'], ...(opts.translator ? { translator: () => opts.translator! } : {}) });
  return { ...placement, lines };
}

export async function translateJobs(db: Db): Promise<string[]> {
  const { rows } = await db.query<{ key: string }>(`SELECT key FROM jobs WHERE kind = 'translate' ORDER BY key`);
  return rows.map((r) => r.key);
}

export async function articleStory(db: Db, id: number) {
  const { rows } = await db.query<{ story_id: number | null; story_role: string | null; duplicate_of: number | null; placed_at: Date | null; story_score: number | null }>(
    'SELECT story_id, story_role, duplicate_of, placed_at, story_score FROM articles WHERE id = $1',
    [id],
  );
  return rows[0]!;
}

/** The local token the editors' console API takes in these tests. */
const LOCAL_TOKEN = 'local-secret-for-this-test';

/** A pipeline an editor acts on, through the console's API and through `transwire` on the database. */
export interface EditorPipeline {
  /** The database now open: whileClosed() opens it anew, so take it again after one. */
  readonly db: Db;
  /** A config file naming the database, for `transwire … --config`. */
  readonly configFile: string;
  /** A request to the console's API (`/api/v1/…`) with the local token. */
  api(method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; json: any }>;
  /** Closes the database while `run` runs (on PGlite only one process may hold it: the CLI's), then opens it again and mounts the API on it. */
  whileClosed<T>(run: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * A database the CLI can open too: PGlite on disk under a new folder (`prefix`), or in the
 * PostgreSQL run a new database on the test server, dropped by close(); Spanish its one language.
 */
export async function openEditorPipeline(prefix: string): Promise<EditorPipeline> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const configFile = join(dir, 'transwire.yaml');
  let databaseUrl: string | null = null;
  let dropDb = async () => {};
  if (onPostgres) ({ url: databaseUrl, drop: dropDb } = await createTestDatabase());
  writeFileSync(configFile, stringify({ database: { url: databaseUrl, dataDir: join(dir, 'db') }, site: { languages: ['es'] } }));
  const open = () => openDb({ databaseUrl, dataDir: join(dir, 'db') });
  let db = await open();
  let handler = mountApi(db);
  return {
    get db() { return db; },
    configFile,
    async api(method, path, body) {
      const headers: Record<string, string> = { authorization: `Bearer ${LOCAL_TOKEN}` };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await handler(new Request(`http://127.0.0.1:8080${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
      return { status: res.status, json: await res.json() };
    },
    async whileClosed(run) {
      await db.close();
      try {
        return await run();
      } finally {
        db = await open();
        handler = mountApi(db);
      }
    },
    async close() {
      await db.close();
      await dropDb();
    },
  };
}

function mountApi(db: Db): ReturnType<typeof createConsoleHandler> {
  const site = { name: 'Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
  return createConsoleHandler({
    services: {
      db, config: configSchema.parse({ site: { name: site.name, baseUrl: site.baseUrl, languages: site.languages } }), site, log: pino({ level: 'silent' }),
      translator: () => { throw new Error('no translator in this test'); },
      http: () => createHttpClient({ userAgent: 'transwire-test' }),
    },
    localToken: LOCAL_TOKEN,
  });
}
