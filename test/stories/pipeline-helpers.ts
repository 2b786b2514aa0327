import pino from 'pino';
import { createStoryPlacement } from '../../src/jobs/handlers/place-story.ts';
import { upsertArticle, type ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import type { StoryArticle } from '../../src/stories/index.ts';
import type { Translator } from '../../src/translate/index.ts';

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
