import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNewsroom, type Newsroom } from '../../demo/newsroom/start-newsroom.ts';
import { createApp, type App } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import { createLogger } from '../../src/logger.ts';
import { countLive } from '../../src/store/publications.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { createTestDatabase, onPostgres } from '../helpers/test-db.ts';
import { waitFor } from '../helpers/wait-for.ts';

// Sample newsroom (English, on 127.0.0.1) → poll → extract → Apertium en→es → fidelity → site.
let newsroom: Newsroom;
let app: App;
let site: string;
let dropDb = async () => {};
const LIVE_AT_START = 3;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  newsroom = await startNewsroom({ initialCount: LIVE_AT_START });
  let databaseUrl: string | null = null;
  if (onPostgres) {
    const created = await createTestDatabase();
    databaseUrl = created.url;
    dropDb = created.drop;
  }
  const config = parseConfig({
    site: { name: 'Prueba', baseUrl: 'http://127.0.0.1:1', languages: ['es'] },
    server: { host: '127.0.0.1', port: 0 },
    database: { url: databaseUrl, dataDir: 'memory://' },
    sources: [
      { url: newsroom.rssUrl, name: 'The Northbridge Gazette', lang: 'en' },
      { url: newsroom.brokenFeedUrl, name: 'Broken feed' },
    ],
    fetch: { allowPrivate: [new URL(newsroom.url).host], poll: { minSeconds: 1, maxSeconds: 5 }, perHost: { concurrency: 4, minIntervalMs: 0 } },
    worker: { concurrency: 3, pollMs: 100, leaseSeconds: 60 },
  });
  app = await createApp(config, { log: createLogger({ level: 'warn' }), retryBaseMs: 200 });
  const { url } = await app.start(['scheduler', 'worker', 'web']);
  site = url!;
  await waitFor('the first stories to be published', async () => (await countLive(app.db, 'es')) >= LIVE_AT_START, 90_000);
}, 120_000);

afterAll(async () => {
  await app?.close();
  await newsroom?.close();
  await dropDb();
});

async function get(path: string): Promise<{ status: number; body: string }> {
  const res = await fetch(site + path);
  return { status: res.status, body: await res.text() };
}

async function firstPublication() {
  const { rows } = await app.db.query<{ path: string; a_text: string; t_text: string; a_url: string; a_title: string; checks: { findings: unknown[] } }>(
    `SELECT p.path, a.text AS a_text, t.text AS t_text, a.url AS a_url, a.title AS a_title, t.checks
       FROM publications p JOIN translations t ON t.id = p.translation_id JOIN articles a ON a.id = p.article_id
      ORDER BY p.id LIMIT 1`,
  );
  return rows[0]!;
}

describe('sample newsroom → Spanish site', () => {
  it('lists the published stories on the Spanish home page within seconds of publishing', async () => {
    const { rows } = await app.db.query<{ title: string }>('SELECT t.title FROM translations t JOIN publications p ON p.translation_id = t.id');
    expect(rows.length).toBe(LIVE_AT_START);
    const heads = rows.map(({ title }) => title.slice(0, 20).replace(/&/g, '&amp;'));
    // The home page is rendered by the render job that follows a publish, so it may trail the
    // publication row by that job; a reader sees every story once it has run.
    const body = await waitFor('the home page to list every published story', async () => {
      const page = await get('/es/');
      expect(page.status).toBe(200);
      return heads.every((h) => page.body.includes(h)) ? page.body : null;
    }, 10_000);
    for (const h of heads) expect(body).toContain(h);
  });

  it('serves each article in Spanish with the notice, the original link and the same numbers', async () => {
    const pub = await firstPublication();
    const { status, body } = await get(pub.path);
    expect(status).toBe(200);
    expect(body).toMatch(/<html[^>]*lang="es"/);
    expect(body).toContain('Traducido automáticamente por');
    expect(body).toContain('no revisado por un editor');
    expect(body).toContain(`href="${pub.a_url}"`);
    // Spanish, not English: common Spanish words are there and the English opening sentence is not.
    expect(pub.t_text).toMatch(/\b(el|la|los|las|del|que|por)\b/);
    const englishOpening = pub.a_text.split('\n\n')[0]!.slice(0, 60);
    expect(body).not.toContain(englishOpening);
    // Every number of the source survives in Spanish notation (2,000 → 2.000).
    const numbers = pub.a_text.match(/\d[\d,.]*\d|\d/g) ?? [];
    expect(numbers.length).toBeGreaterThan(3);
    for (const n of numbers.filter((x) => /^\d{1,3}(,\d{3})+$/.test(x))) {
      expect(pub.t_text).toContain(n.replace(/,/g, '.'));
    }
  });

  it('shows the article figure from the site itself, never from the outlet', { timeout: 60_000 }, async () => {
    const pub = await firstPublication();
    const body = await waitFor('the figure to be mirrored and the page re-rendered', async () => {
      const page = await get(pub.path);
      return /<img[^>]+src="\/media\/[0-9a-f]{64}\.svg"/.test(page.body) ? page.body : null;
    }, 45_000);
    // The page links to the original, but loads nothing from it.
    expect(body).not.toMatch(new RegExp(`(src|srcset)="[^"]*${new URL(newsroom.url).host}`));
    const src = /<img[^>]+src="(\/media\/[^"]+)"/.exec(body)![1]!;
    const image = await fetch(site + src);
    expect(image.headers.get('content-type')).toBe('image/svg+xml');
    expect(image.headers.get('content-security-policy')).toContain('sandbox');
  });

  it('keeps page chrome out of the article text', async () => {
    const { rows } = await app.db.query<{ text: string; html: string }>('SELECT text, html FROM articles');
    for (const { text, html } of rows) {
      for (const chrome of ['Back to top', 'Share', 'Tweet', 'cookies', 'Newsletter', 'Related stories']) {
        expect(text).not.toContain(chrome);
        expect(html).not.toContain(chrome);
      }
    }
  });

  it('serves the Spanish RSS feed', async () => {
    const { status, body } = await get('/es/feed.xml');
    expect(status).toBe(200);
    expect(body).toContain('<rss');
    expect((body.match(/<item>/g) ?? []).length).toBe(LIVE_AT_START);
  });

  it('records a story whose page is gone, and a broken feed, with their errors; the rest goes on', { timeout: 60_000 }, async () => {
    const gone = await waitFor('the withdrawn story to be recorded', async () => {
      const { rows } = await app.db.query<{ status: string; error: string }>(`SELECT status, error FROM items WHERE url LIKE '%story-withdrawn%'`);
      return rows[0]?.status === 'failed' ? rows[0] : null;
    });
    expect(gone.error).toMatch(/404/);
    // The broken feed (a PHP error, then a truncated document) is recorded with what was wrong
    // with it: an error, or the warnings of the liberal parser that recovered what it could.
    const broken = await waitFor('the broken feed to be recorded', async () => {
      const { rows } = await app.db.query<{ last_fetch_at: Date | null; last_error: string | null; warnings: string[] }>(
        'SELECT last_fetch_at, last_error, warnings FROM sources WHERE url = $1',
        [newsroom.brokenFeedUrl],
      );
      return rows[0]?.last_fetch_at ? rows[0] : null;
    }, 20_000);
    expect(broken.last_error ?? broken.warnings.join('; ')).toMatch(/unclosed|content after the root|error/i);
    expect(await countLive(app.db, 'es')).toBe(LIVE_AT_START);
  });

  it('publishes a story added to the newsroom while running', { timeout: 60_000 }, async () => {
    const next = await newsroom.publishNext();
    expect(next).not.toBeNull();
    // Published, or held by the fidelity gate with its reason: never lost, never silently wrong.
    const outcome = await waitFor('the new story to be published or held', async () => {
      const { rows } = await app.db.query<{ status: string; hold_reason: string | null; path: string | null }>(
        `SELECT t.status, t.hold_reason, p.path FROM translations t JOIN articles a ON a.id = t.article_id
           LEFT JOIN publications p ON p.translation_id = t.id WHERE a.url = $1`,
        [next!.url],
      );
      return rows[0];
    }, 45_000);
    if (outcome.status === 'held') expect(outcome.hold_reason).toBeTruthy();
    else expect((await get(outcome.path!)).status).toBe(200);
  });

  it('publishes each story once although it is in the feed and polled again and again', async () => {
    const { rows } = await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM publications GROUP BY article_id HAVING count(*) > 1');
    expect(rows).toEqual([]);
  });
});
