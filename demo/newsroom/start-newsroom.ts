/**
 * The sample newsroom: an HTTP server on 127.0.0.1 with a front page, article pages, RSS and Atom
 * feeds, a deliberately deleted story (404) and a broken feed, plus a way to publish a held-back
 * story while a demo runs (publishNext() or POST /_newsroom/publish-next from 127.0.0.1).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadArticles, SPANISH_ARTICLES_DIR, type Article } from './load-articles.ts';
import { DIARIO, GAZETTE, type Outlet } from './page-chrome.ts';
import { renderArticlePage, articleUrl } from './render-article-page.ts';
import { renderHomePage, renderNotFoundPage, type LiveStory } from './render-home-page.ts';
import { BROKEN_FEED, renderAtom, renderRss, type FeedEntry } from './render-feeds.ts';

export interface NewsroomOptions {
  host?: string;
  port?: number;
  /** How many stories are live at start; the rest are held back for publishNext(). */
  initialCount?: number;
  articlesDir?: string;
  /** Whose site it is (default the Gazette); only the Gazette's RSS lists the withdrawn story. */
  outlet?: Outlet;
}

export interface Newsroom {
  url: string;
  rssUrl: string;
  atomUrl: string;
  brokenFeedUrl: string;
  liveCount(): number;
  publishNext(): Promise<{ slug: string; url: string } | null>;
  close(): Promise<void>;
}

/** Listed in the RSS feed, but its page answers 404: the story was withdrawn after syndication. */
export const DELETED_STORY: FeedEntry = {
  slug: 'harbour-tunnel-tender-story-withdrawn',
  title: 'Harbour tunnel tender awarded to Castellan consortium',
  summary: 'The city council picked a £410 million bid for the second harbour tunnel.',
  author: 'Gazette Reporter',
  category: 'business',
  published: new Date('2026-03-02T07:15:00Z'),
};

const STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));
const STATIC_TYPES: Record<string, string> = { svg: 'image/svg+xml', png: 'image/png', css: 'text/css; charset=utf-8' };

function loadStatic(): Map<string, { type: string; body: Buffer }> {
  const files = new Map<string, { type: string; body: Buffer }>();
  for (const name of readdirSync(STATIC_DIR)) {
    const type = STATIC_TYPES[name.split('.').pop() ?? ''];
    if (type) files.set(name, { type, body: readFileSync(STATIC_DIR + name) });
  }
  return files;
}

function isLoopback(req: IncomingMessage): boolean {
  const a = req.socket.remoteAddress ?? '';
  return a === '127.0.0.1' || a === '::1' || a === '::ffff:127.0.0.1';
}

function toSecond(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

export async function startNewsroom(opts: NewsroomOptions = {}): Promise<Newsroom> {
  const { host = '127.0.0.1', port = 0, outlet = GAZETTE } = opts;
  const articles = loadArticles(opts.articlesDir);
  const initialCount = Math.max(0, Math.min(articles.length, opts.initialCount ?? articles.length - 2));
  const live = new Map<string, LiveStory>();
  for (const a of articles.slice(0, initialCount)) live.set(a.slug, { article: a, published: new Date(a.published) });
  const held: Article[] = articles.slice(initialCount);
  const staticFiles = loadStatic();
  let baseUrl = '';

  const newestFirst = (): LiveStory[] => [...live.values()].sort((x, y) => y.published.getTime() - x.published.getTime());
  const lastModified = (): Date => toSecond(new Date(Math.max(0, ...[...live.values()].map((s) => s.published.getTime()))));
  const entries = (): FeedEntry[] =>
    newestFirst().map(({ article: a, published }) => ({ slug: a.slug, title: a.title, summary: a.standfirst, author: a.author, category: a.category, published }));

  function send(req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  function sendFeed(req: IncomingMessage, res: ServerResponse, type: string, body: string): void {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
    const modified = lastModified();
    const headers = { etag, 'last-modified': modified.toUTCString(), 'cache-control': 'public, max-age=0, must-revalidate' };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    const fresh = inm !== undefined
      ? inm.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}` || t.trim() === '*')
      : ims !== undefined && !Number.isNaN(Date.parse(ims)) && modified.getTime() <= Date.parse(ims);
    if (fresh) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    send(req, res, 200, type, body, headers);
  }

  async function publishNext(): Promise<{ slug: string; url: string } | null> {
    const next = held.shift();
    if (!next) return null;
    // Strictly newer than every live story, to the second, so feed readers see it on top.
    const published = new Date(Math.max(toSecond(new Date()).getTime(), lastModified().getTime() + 1000));
    live.set(next.slug, { article: next, published });
    return { slug: next.slug, url: articleUrl(baseUrl, next.slug) };
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // Collapse doubled slashes first: "//x" would otherwise parse as a host, not a path.
    const path = new URL((req.url ?? '/').replace(/^\/+/, '/'), 'http://newsroom.invalid').pathname;
    const html = 'text/html; charset=utf-8';
    if (req.method === 'POST' && path === '/_newsroom/publish-next') {
      if (!isLoopback(req)) return send(req, res, 403, 'text/plain', 'forbidden\n');
      void publishNext().then((r) => send(req, res, r ? 200 : 409, 'application/json', JSON.stringify(r ?? { error: 'nothing left to publish' }) + '\n'));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(req, res, 405, 'text/plain', 'method not allowed\n', { allow: 'GET, HEAD' });
    if (path === '/') return send(req, res, 200, html, renderHomePage(newestFirst(), outlet));
    if (path === '/robots.txt') return send(req, res, 200, 'text/plain', `User-agent: *\nAllow: /\n\nSitemap: ${baseUrl}/feed.rss\n`);
    if (path === '/feed.rss') {
      const all = [...entries(), ...(outlet === GAZETTE ? [DELETED_STORY] : [])].sort((x, y) => y.published.getTime() - x.published.getTime());
      return sendFeed(req, res, 'application/rss+xml; charset=utf-8', renderRss(baseUrl, all, lastModified(), outlet));
    }
    if (path === '/feed.atom') return sendFeed(req, res, 'application/atom+xml; charset=utf-8', renderAtom(baseUrl, entries(), lastModified(), outlet));
    if (path === '/broken.xml') return send(req, res, 200, 'application/rss+xml; charset=utf-8', BROKEN_FEED);
    const story = /^\/articles\/([a-z0-9-]+)\/?$/.exec(path);
    if (story) {
      const s = live.get(story[1]!);
      if (s) {
        const related = newestFirst().filter((o) => o.article.slug !== s.article.slug).slice(0, 4).map((o) => ({ slug: o.article.slug, title: o.article.title }));
        return send(req, res, 200, html, renderArticlePage({ article: s.article, baseUrl, published: s.published, related, outlet }), { 'last-modified': s.published.toUTCString() });
      }
    }
    const file = /^\/static\/([\w.-]+)$/.exec(path);
    const asset = file ? staticFiles.get(file[1]!) : undefined;
    if (asset) return send(req, res, 200, asset.type, asset.body, { 'cache-control': 'public, max-age=3600' });
    send(req, res, 404, html, renderNotFoundPage(outlet));
  }

  const server = createServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  baseUrl = `http://${addr.family === 'IPv6' ? `[${addr.address}]` : addr.address}:${addr.port}`;
  return {
    /** No trailing slash: callers write `${url}/articles/…`. */
    url: baseUrl,
    rssUrl: `${baseUrl}/feed.rss`,
    atomUrl: `${baseUrl}/feed.atom`,
    brokenFeedUrl: `${baseUrl}/broken.xml`,
    liveCount: () => live.size,
    publishNext,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/**
 * The demo's second outlet, Diario del Norte: a few of the Gazette's stories told again in Spanish,
 * every one live from the start. transwire places each in the Gazette's story (its title and lead
 * through Apertium spa-eng), so the demo shows stories with two sources in two languages.
 */
export function startSpanishOutlet(opts: Omit<NewsroomOptions, 'outlet' | 'articlesDir'> = {}): Promise<Newsroom> {
  return startNewsroom({ ...opts, outlet: DIARIO, articlesDir: SPANISH_ARTICLES_DIR, initialCount: opts.initialCount ?? Number.MAX_SAFE_INTEGER });
}
