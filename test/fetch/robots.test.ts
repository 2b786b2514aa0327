import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, createRobotsPolicy, isPathAllowed, robotsTxt, type HttpClient } from '../../src/fetch/index.ts';
import { startServer, type TestServer } from './test-server.ts';

const UA = 'transwire/0.1 (+https://news.example)';

const ROBOTS = `
# groups for other bots do not concern us
User-agent: OtherBot
Disallow: /

User-agent: *
Disallow: /private
Allow: /private/press

User-agent: Transwire/1.0
User-agent: somebot
Disallow: /drafts/
Disallow: /*.pdf$
Disallow: /search*q=
Allow: /drafts/public
Disallow: /caf%c3%a9
Sitemap: https://news.example/sitemap.xml
Allow: /archive/
Disallow: /archive

user-agent: transwire
disallow: /merged
`;

describe('robotsTxt + isPathAllowed (RFC 9309)', () => {
  const rules = robotsTxt(ROBOTS, 'transwire');
  it.each([
    ['/', true],
    ['/private', true], // the * group does not apply: a group names us
    ['/drafts/', false],
    ['/drafts/x', false],
    ['/drafts/public', true], // longer Allow wins
    ['/drafts/publicity', true],
    ['/doc.pdf', false],
    ['/doc.pdf?x=1', true], // $ anchors the end
    ['/doc.pdfx', true],
    ['/search?q=iran', false],
    ['/search?lang=es&q=iran', false],
    ['/search', true],
    ['/café', false], // percent-encoding normalized both ways
    ['/caf%C3%A9/x', false],
    ['/archive', false],
    ['/archive/', true], // Allow /archive/ is longer than Disallow /archive
    ['/merged/page', false], // groups for the same agent are merged
    ['/robots.txt', true],
  ])('%s → %s', (path, allowed) => {
    expect(isPathAllowed(rules, path)).toBe(allowed);
  });

  it('falls back to the * group, and an equal-length tie goes to Allow', () => {
    const star = robotsTxt('User-agent: *\nDisallow: /private\nAllow: /private/press\nDisallow: /a\nAllow: /a\n', 'transwire');
    expect(isPathAllowed(star, '/private/x')).toBe(false);
    expect(isPathAllowed(star, '/private/press/1')).toBe(true);
    expect(isPathAllowed(star, '/a')).toBe(true);
  });

  it('reads Crawl-delay from our group, else from *, capped at 60 s', () => {
    expect(robotsTxt('User-agent: *\nCrawl-delay: 2.5\nDisallow: /x\n', 'transwire').crawlDelayMs).toBe(2500);
    expect(robotsTxt('User-agent: *\nCrawl-delay: 2\n\nUser-agent: transwire\nCrawl-delay: 7\n', 'transwire').crawlDelayMs).toBe(7000);
    expect(robotsTxt('User-agent: transwire\nCrawl-delay: 3600\n', 'transwire').crawlDelayMs).toBe(60_000);
    expect(robotsTxt('User-agent: *\nCrawl-delay: soon\n', 'transwire').crawlDelayMs).toBeNull();
    // A Crawl-delay line ends the user-agent list: the next user-agent starts a new group.
    const g = robotsTxt('User-agent: transwire\nCrawl-delay: 1\nUser-agent: other\nDisallow: /\n', 'transwire');
    expect(isPathAllowed(g, '/x')).toBe(true);
  });

  it('an empty Disallow allows everything; no matching group allows everything', () => {
    expect(isPathAllowed(robotsTxt('User-agent: *\nDisallow:\n', 'transwire'), '/x')).toBe(true);
    expect(isPathAllowed(robotsTxt('User-agent: otherbot\nDisallow: /\n', 'transwire'), '/x')).toBe(true);
  });

  it('a group naming us with no rules still overrides *', () => {
    expect(isPathAllowed(robotsTxt('User-agent: *\nDisallow: /\n\nUser-agent: transwire\n', 'transwire'), '/x')).toBe(true);
    // …but user-agent lines separated only by blank lines form one group (RFC 9309 §2.2).
    expect(isPathAllowed(robotsTxt('User-agent: transwire\n\nUser-agent: *\nDisallow: /\n', 'transwire'), '/x')).toBe(false);
  });
});

describe('createRobotsPolicy', () => {
  let srv: TestServer;
  let http: HttpClient;
  const status: Record<string, number> = {};
  let robotsHits = 0;

  beforeAll(async () => {
    // One server plays several sites: the robots.txt answer depends on ?site= in a host alias.
    srv = await startServer((req, res) => {
      const site = (req.headers.host ?? '').split('.')[0]!;
      if (req.url === '/robots.txt') {
        robotsHits++;
        const code = status[site] ?? 200;
        if (site === 'huge') return res.end(`User-agent: *\nDisallow: /secret\n${'# padding\n'.repeat(300_000)}`);
        if (code === 200) return res.end('User-agent: *\nDisallow: /secret\n');
        if (code === 301) return res.writeHead(301, { location: '/robots.txt' }).end();
        return res.writeHead(code).end();
      }
      res.end('page');
    });
    http = createHttpClient({
      userAgent: UA,
      lookup: async () => ['127.0.0.1'],
      allowPrivate: ['ok', 'gone', 'forbidden', 'down', 'busy', 'loop', 'flaky', 'huge'].map((s) => `${s}.test:${srv.port}`),
    });
  });
  afterAll(async () => {
    await http.close();
    await srv.close();
  });

  const url = (site: string, path: string): string => `http://${site}.test:${srv.port}${path}`;

  it('reads robots.txt once per origin and applies it', async () => {
    const robots = createRobotsPolicy({ http, userAgent: UA });
    const before = robotsHits;
    const answers = await Promise.all([robots.isAllowed(url('ok', '/news/1')), robots.isAllowed(url('ok', '/secret/x'))]);
    expect(answers).toEqual([true, false]);
    expect(await robots.crawlDelayMs(url('ok', '/'))).toBeNull();
    expect(await robots.isAllowed(url('ok', '/news/2'))).toBe(true);
    expect(robotsHits - before).toBe(1);
  });

  it.each([
    ['gone', 404, true],
    ['forbidden', 403, true], // RFC 9309: any 4xx means "unavailable", crawl allowed
    ['busy', 429, false],
    ['down', 503, false], // 5xx means "unreachable": assume complete disallow
    ['loop', 301, true], // more than 5 redirects: unavailable
  ])('%s: robots.txt answering %i → allowed %s', async (site, code, allowed) => {
    status[site] = code;
    const robots = createRobotsPolicy({ http, userAgent: UA });
    expect(await robots.isAllowed(url(site, '/news/1'))).toBe(allowed);
  });

  it('reads the first 512 KiB of a 3 MB robots.txt rather than refusing it', async () => {
    const robots = createRobotsPolicy({ http, userAgent: UA });
    expect(await robots.isAllowed(url('huge', '/secret/1'))).toBe(false);
    expect(await robots.isAllowed(url('huge', '/news/1'))).toBe(true);
  });

  it('treats an unreachable host as disallowed', async () => {
    const closed = await startServer(() => undefined);
    const port = closed.port;
    await closed.close();
    const h = createHttpClient({ userAgent: UA, allowPrivate: [`127.0.0.1:${port}`] });
    const robots = createRobotsPolicy({ http: h, userAgent: UA });
    expect(await robots.isAllowed(`http://127.0.0.1:${port}/news`)).toBe(false);
    await h.close();
  });

  it('caches for at most 24 h, retries errors sooner, and keeps the last good copy while unreachable', async () => {
    let now = 0;
    const robots = createRobotsPolicy({ http, userAgent: UA, ttlMs: 7 * 24 * 3600_000, errorTtlMs: 60_000, now: () => now });
    status.flaky = 200;
    const before = robotsHits;
    expect(await robots.isAllowed(url('flaky', '/secret'))).toBe(false);
    now += 23 * 3600_000;
    expect(await robots.isAllowed(url('flaky', '/x'))).toBe(true);
    expect(robotsHits - before).toBe(1);
    now += 2 * 3600_000; // past 24 h even though 7 days were asked for
    status.flaky = 503;
    expect(await robots.isAllowed(url('flaky', '/x'))).toBe(true); // last good copy: /x allowed
    expect(await robots.isAllowed(url('flaky', '/secret'))).toBe(false);
    expect(robotsHits - before).toBe(2);
    now += 61_000; // the error answer is retried after errorTtlMs
    status.flaky = 404;
    expect(await robots.isAllowed(url('flaky', '/secret'))).toBe(true);
    expect(robotsHits - before).toBe(3);
  });

  it('lets a blocked address surface as the refusal it is', async () => {
    const robots = createRobotsPolicy({ http: createHttpClient({ userAgent: UA }), userAgent: UA });
    await expect(robots.isAllowed(`http://127.0.0.1:${srv.port}/`)).rejects.toMatchObject({ code: 'fetch.blocked_address' });
  });
});
