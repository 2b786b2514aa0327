import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import { putMedia, recordMediaSource } from '../../src/store/media.ts';
import { mediaRoute } from '../../src/web/media-route.ts';
import { diskMediaFiles } from '../../src/media/media-files.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { openTestDb, seedSite, SITE, type Seeded } from '../web/seed-site.ts';

let db: Db;
let seeded: Seeded;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  seeded = await seedSite(db);
  await mirrorLeadImages(db);
  // One story taken down: its page answers 410.
  await db.query(`UPDATE publications SET status = 'gone', gone_reason = 'takedown' WHERE id = $1`, [seeded.pubs.get('rain:es')!.id]);
  // Nothing is rendered yet: every page is built from these rows on its first request.
  server = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0, routes: [mediaRoute(db, { files: diskMediaFiles(mkdtempSync(join(tmpdir(), 'transwire-media-'))) })] });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

/**
 * Every story gets a mirrored lead image as large as the outlets' (960 × 540): the picture that
 * made every article scroll sideways on a phone.
 */
async function mirrorLeadImages(db: Db): Promise<void> {
  const sha = 'c0'.repeat(32);
  const svg = readFileSync(new URL('../../demo/newsroom/static/port-cranes.svg', import.meta.url));
  await putMedia(db, { sha256: sha, contentType: 'image/svg+xml', ext: 'svg', bytes: svg, width: 960, height: 540 });
  const { rows } = await db.query<{ id: number }>('SELECT id FROM articles');
  for (const a of rows) {
    const url = `https://outlet.example/img/${a.id}.svg`;
    await db.query('UPDATE articles SET image_url = $1, image_caption = $2 WHERE id = $3', [url, 'Grúas en el puerto al amanecer.', a.id]);
    await recordMediaSource(db, { articleId: a.id, url, role: 'lead', sha256: sha, error: null });
  }
}

interface Visit { page: Page; status: number; csp: string[]; offsite: string[] }

/** Opens `path` at `width`, recording CSP violations and any request that leaves the site. */
async function visit(path: string, width: number, colorScheme: 'light' | 'dark' = 'light'): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
  const page = await context.newPage();
  const csp: string[] = [];
  const offsite: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text()); });
  page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) offsite.push(r.url()); });
  const res = await page.goto(server.url + path, { waitUntil: 'load' });
  csp.push(...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])));
  return { page, status: res?.status() ?? 0, csp, offsite };
}

async function check(name: string, path: string, width: number, expectStatus = 200, colorScheme: 'light' | 'dark' = 'light'): Promise<Page> {
  const v = await visit(path, width, colorScheme);
  expect(v.status, `${name} status`).toBe(expectStatus);
  expect(v.csp, `${name}: CSP violations`).toEqual([]);
  expect(v.offsite, `${name}: requests to third parties`).toEqual([]);
  await expectAccessibleAndFitting(v.page, name, width);
  await screenshot(v.page, `${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}`);
  return v.page;
}

const pathOf = (key: string) => seeded.pubs.get(key)!.path;

describe.each(WIDTHS)('the site at %i px', (width) => {
  it('home', async () => {
    const page = await check('home', '/es/', width);
    expect(await page.locator('.lead h2').textContent()).toContain('Aprobada la ampliación del puerto');
    await page.context().close();
  });

  it('home in dark mode', async () => {
    const page = await check('home', '/es/', width, 200, 'dark');
    const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(bg).toBe('rgb(18, 18, 18)');
    await page.context().close();
  });

  it('article, left to right, flagged', async () => {
    const page = await check('article-es', pathOf('comet:es'), width);
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await expect(page.locator('.warning').isVisible()).resolves.toBe(true);
    expect(await page.locator('.notice').textContent()).toContain('Traducido automáticamente por Apertium; no revisado por un editor.');
    // The lead image is there and fits the column.
    const img = (await page.locator('figure.lead-image img').boundingBox())!;
    expect(img.width).toBeGreaterThan(0);
    expect(img.x + img.width).toBeLessThanOrEqual(width);
    await page.context().close();
  });

  it('article, right to left (Arabic)', async () => {
    const page = await check('article-ar', pathOf('port:ar'), width);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    // The back-to-top control sits at the inline end: the left edge in Arabic.
    const box = (await page.locator('a.to-top').boundingBox())!;
    expect(box.x + box.width / 2).toBeLessThan(width / 2);
    await page.context().close();
  });

  it('search', async () => {
    const page = await check('search', '/es/search?q=puerto', width);
    expect(await page.locator('main mark').first().textContent()).toBe('puerto');
    await page.context().close();
  });

  it('article in dark mode', async () => {
    const page = await check('article-es', pathOf('port:es'), width, 200, 'dark');
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(18, 18, 18)');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).color)).not.toBe('rgb(18, 18, 18)');
    await page.context().close();
  });

  it('home, right to left (Arabic)', async () => {
    const page = await check('home-ar', '/ar/', width);
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await page.context().close();
  });

  it('article, right to left, in dark mode', async () => {
    const page = await check('article-ar', pathOf('port:ar'), width, 200, 'dark');
    await page.context().close();
  });

  it('topic', async () => {
    const page = await check('topic', '/es/topic/economy', width);
    expect(await page.locator('nav.sections [aria-current]').textContent()).toBe('Economy');
    await page.context().close();
  });

  it('source', async () => {
    const page = await check('source', '/es/source/valley-times', width);
    await page.context().close();
  });

  it('about', async () => {
    const page = await check('about', '/es/about', width);
    await page.context().close();
  });

  it('410 for a story taken down', async () => {
    const page = await check('gone', pathOf('rain:es'), width, 410);
    await page.context().close();
  });

  it('404', async () => {
    const page = await check('not-found', '/es/no-such-page', width, 404);
    expect(await page.locator('h1').textContent()).toBe('Página no encontrada');
    await page.context().close();
  });
});

describe('the narrowest phones', () => {
  it.each([['/es/'], ['article']])('%s fits 320 px without horizontal scrolling', async (which) => {
    const { page } = await visit(which === 'article' ? pathOf('port:es') : which, 320);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });
});

describe('reading with a keyboard and switching language', () => {
  it('switches to the same story in Arabic', async () => {
    const { page } = await visit(pathOf('port:es'), 1280);
    await page.locator('nav.langs a[hreflang="ar"]').click();
    await page.waitForURL(`**${pathOf('port:ar')}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.context().close();
  });

  it('the search form works without JavaScript', async () => {
    const { page } = await visit('/es/', 375);
    await page.locator('input[name=q]').fill('peajes');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/es/search?q=peajes');
    expect(await page.locator('main h2 a').first().getAttribute('href')).toBe(pathOf('bridge:es'));
    await page.context().close();
  });

  it.each(WIDTHS)('back to top is hidden until the reader scrolls, and never covers text, at %i px', async (width) => {
    const { page } = await visit(pathOf('port:es'), width);
    // Shown only after scrolling: out of sight at the top of the page.
    expect(await page.evaluate(() => {
      const el = document.querySelector('a.to-top')!;
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return s.visibility !== 'hidden' && Number(s.opacity) > 0 && r.bottom > 0 && r.top < innerHeight;
    })).toBe(false);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    let seen = false;
    for (let y = 300; y < height; y += 250) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      const found = await page.evaluate(() => {
        const el = document.querySelector('a.to-top')!;
        const s = getComputedStyle(el);
        const r = el.getBoundingClientRect();
        const visible = s.visibility !== 'hidden' && Number(s.opacity) > 0 && r.bottom > 0 && r.top < innerHeight;
        if (!visible) return { visible, covers: [] as string[] };
        // Every line of text on the page, as the rectangles its characters occupy.
        const covers: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (!n.textContent!.trim() || el.contains(n)) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          for (const t of range.getClientRects()) {
            if (t.right > r.left && t.left < r.right && t.bottom > r.top && t.top < r.bottom) covers.push(n.textContent!.trim().slice(0, 30));
          }
        }
        return { visible, covers };
      });
      seen ||= found.visible;
      expect(found.covers, `back to top covers text at scroll ${y}`).toEqual([]);
    }
    expect(seen, 'back to top is shown somewhere on the way down').toBe(true);
    await page.context().close();
  });

  it.each(WIDTHS)('back to top works by keyboard at %i px', async (width) => {
    const { page } = await visit(pathOf('port:es'), width);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForFunction(() => window.scrollY > 0);
    // Shift+Tab from the start of the page reaches the last control: back to top.
    await page.locator('body').focus();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('to-top');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('top');
    await page.context().close();
  });
});
