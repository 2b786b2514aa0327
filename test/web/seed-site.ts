import { readFileSync } from 'node:fs';
import type { Db } from '../../src/store/db.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';

interface FixtureTranslation { slug: string; title: string; excerpt: string; html: string; engine: string; flagged?: boolean }
interface Fixture {
  sources: { key: string; url: string; name: string; category: string }[];
  articles: { key: string; source: string; category: string; hoursAgo: number; url: string; title: string; byline: string | null; lang: string; translations: Record<string, FixtureTranslation> }[];
}

export const FIXTURE: Fixture = JSON.parse(readFileSync(new URL('../fixtures/site/stories.json', import.meta.url), 'utf8'));
export const SITE: SiteOptions = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es', 'ar'], defaultLanguage: 'es' };

export interface Seeded {
  db: Db;
  /** publication id by `articleKey:lang` */
  pubs: Map<string, { id: number; path: string }>;
}

export async function seedSite(db: Db, now = new Date()): Promise<Seeded> {
  const sourceIds = new Map<string, number>();
  for (const s of FIXTURE.sources) {
    const { rows } = await db.query<{ id: number }>('INSERT INTO sources (url, name, category) VALUES ($1, $2, $3) RETURNING id', [s.url, s.name, s.category]);
    sourceIds.set(s.key, rows[0]!.id);
  }
  const pubs = new Map<string, { id: number; path: string }>();
  for (const a of FIXTURE.articles) {
    const at = new Date(now.getTime() - a.hoursAgo * 3600_000);
    const sourceId = sourceIds.get(a.source)!;
    const item = await db.query<{ id: number }>('INSERT INTO items (source_id, guid, url, title, published_at, status) VALUES ($1, $2, $2, $3, $4, \'extracted\') RETURNING id', [sourceId, a.url, a.title, at]);
    const art = await db.query<{ id: number }>(
      `INSERT INTO articles (item_id, source_id, url, title, byline, published_at, lang, site_name, category, html, text, content_hash, fetched_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $6) RETURNING id`,
      [item.rows[0]!.id, sourceId, a.url, a.title, a.byline, at, a.lang, null, a.category, `<p>${a.title}</p>`, a.title, a.key],
    );
    for (const [lang, t] of Object.entries(a.translations)) {
      const text = t.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
      const tr = await db.query<{ id: number }>(
        `INSERT INTO translations (article_id, lang, title, excerpt, html, text, engine, engine_version, checks, verdict, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, '1', '{"ok":true,"findings":[]}', $8, 'published') RETURNING id`,
        [art.rows[0]!.id, lang, t.title, t.excerpt, t.html, text, t.engine, t.flagged ? 'publish-flagged' : 'publish'],
      );
      const ym = `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
      const path = `/${lang}/${ym}/${t.slug}`;
      const pub = await db.query<{ id: number }>(
        'INSERT INTO publications (translation_id, article_id, lang, path, flagged, published_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id',
        [tr.rows[0]!.id, art.rows[0]!.id, lang, path, t.flagged ?? false, new Date(at.getTime() + 600_000)],
      );
      pubs.set(`${a.key}:${lang}`, { id: pub.rows[0]!.id, path });
    }
  }
  return { db, pubs };
}

export { openTestDb } from '../helpers/test-db.ts';
