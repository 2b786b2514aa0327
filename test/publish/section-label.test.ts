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

// Issue 13, sections: the Spanish site's bar, topic pages and an article's topic links name the
// section in Spanish ("Ciencia"), translated by the article's own engine chain, not "Science".
const SITE: SiteOptions = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
let db: Db;
let translator: Translator;
const STORIES = [
  { key: 'comet', category: 'Science', title: 'A comet passes close to the Earth', body: 'Astronomers watched the comet pass the planet on Monday night.' },
  { key: 'probe', category: 'Science', title: 'The probe reaches the moon', body: 'The small probe reached the moon on Friday after a long journey.' },
  { key: 'clinic', category: 'Health', title: 'A new clinic opens in the town', body: 'The clinic opened on Tuesday with ten doctors and twenty nurses.' },
];

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  translator = createTranslator({ engines: new Map([['apertium', createApertiumEngine()]]), chains: { 'en-es': ['apertium'] }, memory: createInMemoryTranslationMemory() });
  const source = await upsertSource(db, { url: 'https://courier.example/feed.xml', name: 'Courier', lang: 'en' });
  const translate = createTranslateArticleHandler({ db, translator, log: pino({ level: 'silent' }), policy: { error: 'publish', warning: 'publish' } });
  for (const [i, s] of STORIES.entries()) {
    const item = await db.query<{ id: number }>(`INSERT INTO items (source_id, guid, url, status) VALUES ($1, $2, $2, 'extracted') RETURNING id`, [source.id, `https://courier.example/${s.key}`]);
    const article = await upsertArticle(db, {
      item_id: item.rows[0]!.id, source_id: source.id, url: `https://courier.example/${s.key}`, canonical_url: null, title: s.title, byline: null,
      published_at: new Date(Date.now() - (i + 1) * 3600_000), modified_at: null, lang: 'en', dir: 'ltr', site_name: 'Courier', category: s.category,
      image_url: null, image_caption: null, excerpt: null, html: `<p>${s.body}</p>`, text: s.body, content_hash: s.key,
    });
    await translate({ articleId: article.id, lang: 'es' });
  }
}, 120_000);
afterAll(async () => {
  await translator?.close();
  await db?.close();
});

const render = async (path: string) => {
  const page = await buildPage(db, SITE, path);
  expect(page, path).not.toBeNull();
  return parseHTML(page!.body).document;
};

describe('a section’s name on a site in another language', () => {
  it('is stored with each translation, the same for every story of the section', async () => {
    const { rows } = await db.query<{ title: string; category: string }>('SELECT t.title, t.category FROM translations t ORDER BY t.id');
    expect(rows.map((r) => r.category)).toEqual(['Ciencia', 'Ciencia', 'Salud']);
  });

  it('the Spanish bar names the sections in Spanish, linking topic pages that list their stories', async () => {
    const d = await render('/es/');
    const bar = [...d.querySelectorAll('nav.sections a')].map((a) => [a.textContent!.trim(), a.getAttribute('href')]);
    expect(bar).toContainEqual(['Ciencia', '/es/topic/ciencia']);
    expect(bar).toContainEqual(['Salud', '/es/topic/salud']);
    expect(d.querySelector('nav.sections')!.textContent).not.toMatch(/Science|Health/);
    const topic = await render('/es/topic/ciencia');
    expect(topic.querySelectorAll('main .card, main .lead').length).toBe(2);
    expect(await buildPage(db, SITE, '/es/topic/science')).toBeNull();
  });

  it('an article’s kicker and topic link name its section in Spanish', async () => {
    const { rows } = await db.query<{ path: string }>(`SELECT p.path FROM publications p JOIN articles a ON a.id = p.article_id WHERE a.content_hash = 'comet'`);
    const d = await render(rows[0]!.path);
    const links = [...d.querySelectorAll('.kicker a, nav.story-topics a[rel="tag"]')].map((a) => [a.textContent!.trim(), a.getAttribute('href')]);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const l of links) expect(l).toEqual(['Ciencia', '/es/topic/ciencia']);
    expect(d.body.textContent).not.toContain('Science');
  });
});
