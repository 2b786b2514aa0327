import { parseHTML } from 'linkedom';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import { upsertArticle } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createInMemoryTranslationMemory, createTranslator, type Translator } from '../../src/translate/index.ts';
import { buildPage } from '../../src/web/build-page.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';

// Issue 13: the Spanish article page showed its lead image's caption in English.
const SITE: SiteOptions = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
let db: Db;
let translator: Translator;
let path: string;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  translator = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  const source = await upsertSource(db, { url: 'https://courier.example/feed.xml', name: 'Courier', lang: 'en' });
  const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, status) VALUES ($1, $2, $2, 'extracted') RETURNING id`, [source.id, 'https://courier.example/house']);
  const article = await upsertArticle(db, {
    item_id: item.rows[0]!.id, source_id: source.id, url: 'https://courier.example/house', canonical_url: null, title: 'The house is red', byline: null,
    published_at: new Date(Date.now() - 3600_000), modified_at: null, lang: 'en', dir: 'ltr', site_name: 'Courier', category: null,
    // A lead image the site serves itself (a mirrored one is looked up the same way, by URL).
    image_url: '/media/house.jpg', image_caption: 'The red house at night.',
    excerpt: null, html: '<p>We saw the house on Monday.</p>', text: 'We saw the house on Monday.', content_hash: 'house',
  });
  await createTranslateArticleHandler({ db, translator, log: pino({ level: 'silent' }), policy: { error: 'publish', warning: 'publish' } })({ articleId: article.id, lang: 'es' });
  path = (await db.query<{ path: string }>('SELECT path FROM publications WHERE article_id = $1', [article.id])).rows[0]!.path;
}, 120_000);
afterAll(async () => {
  await translator?.close();
  await db?.close();
});

describe('the lead image on a page in another language', () => {
  it('its caption is translated and stored with the translation', async () => {
    const { rows } = await db.query<{ image_caption: string | null }>('SELECT image_caption FROM translations');
    expect(rows).toEqual([{ image_caption: 'La casa roja por la noche.' }]);
  });

  it('the Spanish page shows the Spanish caption under the image, the English one nowhere', async () => {
    const page = await buildPage(db, SITE, path);
    const d = parseHTML(page!.body).document;
    const figure = d.querySelector('figure.lead-image')!;
    expect(figure.querySelector('img')!.getAttribute('src')).toBe('/media/house.jpg');
    expect(figure.querySelector('figcaption')!.textContent).toBe('La casa roja por la noche.');
    // The caption is the image's text alternative, right beside it: an alt repeating it would be read twice.
    expect(figure.querySelector('img')!.getAttribute('alt')).toBe('');
    expect(page!.body).not.toContain('red house');
  });

  it('a translation made before captions were translated shows none rather than the English one', async () => {
    await db.query('UPDATE translations SET image_caption = NULL');
    const d = parseHTML((await buildPage(db, SITE, path))!.body).document;
    expect(d.querySelector('figure.lead-image img')).not.toBeNull();
    expect(d.querySelector('figure.lead-image figcaption')).toBeNull();
  });
});
