/**
 * Screenshots of every page type of the public site, at 375 and 1280 px, light and dark, in
 * Debian's Chromium (playwright-core, no download). Two sites: the demo (`transwire demo`: the
 * sample newsroom's stories through Apertium en→es, as a user sees it), and the test fixture
 * in Spanish and Arabic for the right-to-left pages, a taken-down story (410) and a story told by
 * four outlets that disagree (the story page, both directions).
 *
 *   npm run screenshots                 # → artifacts/screenshots/
 *   npm run screenshots -- --out /tmp/shots
 *   npm run screenshots -- --demo-url http://127.0.0.1:8080   # a demo already running
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { createRenderSiteHandler } from '../src/jobs/handlers/render-site.ts';
import { openDb } from '../src/store/open-db.ts';
import { putMedia, recordMediaSource } from '../src/store/media.ts';
import { mediaRoute } from '../src/web/media-route.ts';
import { diskMediaFiles } from '../src/media/media-files.ts';
import { startWebServer } from '../src/web/start-web-server.ts';
import { seedSite, SITE } from '../test/web/seed-site.ts';
import { seedStory } from '../test/web/story-seed.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'] as const;

const { values } = parseArgs({ options: { out: { type: 'string', default: 'artifacts/screenshots' }, 'no-demo': { type: 'boolean' }, 'demo-url': { type: 'string' } } });
const OUT = values.out!;
mkdirSync(OUT, { recursive: true });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `transwire demo` and waits until its Spanish feed stops growing (every story translated). */
async function startDemo(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'transwire-shots-'));
  const child = spawn(process.execPath, ['bin/transwire.js', 'demo', '--port', String(port), '--data', dataDir], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await settled(url, () => child.exitCode !== null);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, stop };
}

/** Waits until the site's Spanish feed has stories and has stopped growing for a few seconds. */
async function settled(url: string, exited = () => false): Promise<void> {
  let last = -1;
  let stableSince = Date.now();
  // Apertium on two busy cores can take a minute and a half for the fourteen stories.
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error('the demo exited before publishing');
    const n = await fetch(`${url}/es/feed.json`).then(async (r) => (r.ok ? ((await r.json()) as { items: unknown[] }).items.length : 0)).catch(() => 0);
    if (n !== last) { last = n; stableSince = Date.now(); }
    else if (n > 0 && Date.now() - stableSince > 8000) return;
    await sleep(500);
  }
  throw new Error('the demo published nothing within 5 minutes');
}

const html = async (url: string) => (await fetch(url)).text();
const firstHref = (page: string, re: RegExp) => re.exec(page)?.[1] ?? null;

async function demoPages(url: string): Promise<Array<[string, string]>> {
  const home = await html(`${url}/es/`);
  const feed = (await (await fetch(`${url}/es/feed.json`)).json()) as { items: { url: string; content_html: string }[] };
  const paths = feed.items.map((i) => new URL(i.url).pathname);
  let flagged: string | null = null;
  for (const p of paths) if (!flagged && (await html(url + p)).includes('class="warning"')) flagged = p;
  const article = paths.find((p) => p !== flagged) ?? paths[0]!;
  const articleHtml = await html(url + article);
  const pages: Array<[string, string]> = [
    ['home', '/es/'],
    ['article', article],
    ['topic', firstHref(home, /href="(\/es\/topic\/[^"]+)"/) ?? '/es/'],
    ['source', firstHref(articleHtml, /href="(\/es\/source\/[^"]+)"/) ?? '/es/'],
    ['search', '/es/search?q=puerto'],
    ['about', '/es/about'],
    ['404', '/es/no-such-page'],
  ];
  if (flagged) pages.push(['article-flagged', flagged]);
  // A story told by more than one outlet (the demo newsroom has a few): its page.
  const story = firstHref(home, /href="(\/es\/story\/\d+)"/);
  if (story) pages.push(['story', story]);
  return pages;
}

/** The fixture site (Spanish and Arabic) with a mirrored lead image on every story, one story taken down. */
async function fixtureSite() {
  const db = await openDb({ databaseUrl: null, dataDir: 'memory://' });
  const seeded = await seedSite(db);
  const story = await seedStory(db);
  const svg = readFileSync('demo/newsroom/static/port-cranes.svg');
  const sha = 'c0'.repeat(32);
  await putMedia(db, { sha256: sha, contentType: 'image/svg+xml', ext: 'svg', bytes: svg, width: 960, height: 540 });
  const { rows } = await db.query<{ id: number }>('SELECT id FROM articles');
  for (const a of rows) {
    const src = `https://outlet.example/img/${a.id}.svg`;
    await db.query('UPDATE articles SET image_url = $1, image_caption = $2 WHERE id = $3', [src, 'Grúas en el puerto al amanecer.', a.id]);
    await recordMediaSource(db, { articleId: a.id, url: src, role: 'lead', sha256: sha, error: null });
  }
  const gone = seeded.pubs.get('rain:es')!;
  await db.query(`UPDATE publications SET status = 'gone', gone_reason = 'takedown' WHERE id = $1`, [gone.id]);
  const render = createRenderSiteHandler({ db, site: SITE });
  for (const lang of SITE.languages) await render({ lang, reason: 'rebuild' });
  const server = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0, routes: [mediaRoute(db, { files: diskMediaFiles(mkdtempSync(join(tmpdir(), 'transwire-media-'))) })] });
  const pages: Array<[string, string]> = [
    ['rtl-home', '/ar/'],
    ['rtl-article', seeded.pubs.get('port:ar')!.path],
    ['410', gone.path],
    ['fixture-article-flagged', seeded.pubs.get('comet:es')!.path],
    ['fixture-story', `/es/story/${story.storyId}`],
    ['rtl-story', `/ar/story/${story.storyId}`],
  ];
  return { url: server.url, pages, close: async () => { await server.close(); await db.close(); } };
}

async function shoot(browser: Browser, base: string, pages: Array<[string, string]>): Promise<string[]> {
  const problems: string[] = [];
  for (const [name, path] of pages) {
    for (const width of WIDTHS) {
      for (const scheme of SCHEMES) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme });
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: 'load' });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${name} at ${width}px: ${overflow}px of horizontal overflow`);
        const file = join(OUT, `${name}-${width}-${scheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        await context.close();
      }
    }
  }
  return problems;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const problems: string[] = [];
const fixture = await fixtureSite();
try {
  problems.push(...(await shoot(browser, fixture.url, fixture.pages)));
  if (values['demo-url']) {
    await settled(values['demo-url']);
    problems.push(...(await shoot(browser, values['demo-url'], await demoPages(values['demo-url']))));
  } else if (!values['no-demo']) {
    const demo = await startDemo();
    try {
      problems.push(...(await shoot(browser, demo.url, await demoPages(demo.url))));
    } finally {
      await demo.stop();
    }
  }
} finally {
  await fixture.close();
  await browser.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
