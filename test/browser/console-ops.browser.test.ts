import pino from 'pino';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { mountConsole } from '../../src/admin/mount-console.ts';
import { configSchema } from '../../src/config/schema.ts';
import { createHttpClient } from '../../src/fetch/index.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { seedOperations, type OpsSeed } from '../admin/operations-seed.ts';
import { horizontalOverflow, launchChromium, screenshot, seriousAxeViolations, WIDTHS } from '../helpers/browser.ts';
import { logInToConsole } from '../helpers/console-login.ts';
import { openTestDb } from '../helpers/test-db.ts';

// The operations pages in Debian's Chromium: axe, no sideways scrolling on a phone, screenshots.
const PASSWORD = 'correct horse battery staple 42';

let db: Db;
let seed: OpsSeed;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  seed = await seedOperations(db);
  await db.query(`INSERT INTO glossary_entries (from_lang, to_lang, term, rendering, updated_by) VALUES ('en', 'es', 'Northwind Council', 'Consejo de Vientonorte', 'ops@newsroom.example')`);
  await insertUser(db, { email: 'ops@newsroom.example', role: 'admin', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  const config = configSchema.parse({ site: { name: 'Wire', baseUrl: 'http://127.0.0.1', languages: ['es'] }, translation: { engines: { apertium: { kind: 'apertium', dailyCharBudget: 10_000 } } } });
  const services = {
    db, config, site: { name: 'Wire', baseUrl: 'http://127.0.0.1', languages: ['es'], defaultLanguage: 'es' }, log: pino({ level: 'silent' }),
    translator: () => { throw new Error('no translator in this test'); },
    http: () => createHttpClient({ userAgent: 'transwire-test', allowPrivate: [] }),
  };
  server = await startWebServer({ db, site: services.site, host: '127.0.0.1', port: 0, routes: mountConsole({ services }) });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

const logIn = (width: number) => logInToConsole(browser, server.url, { email: 'ops@newsroom.example', password: PASSWORD }, width);

describe.each(WIDTHS)('the operations pages at %i px', (width) => {
  it('pass axe, scroll no sideways, run no script, and are screenshotted', async () => {
    const { context, page } = await logIn(width);
    const csp: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text()); });
    for (const [name, path] of [['dashboard', '/admin/'], ['sources', '/admin/sources'], ['source', `/admin/sources/${seed.failingSourceId}`], ['glossary', '/admin/glossary?pair=en-es'], ['policy', '/admin/policy']] as const) {
      await db.query(`UPDATE worker_heartbeats SET last_beat_at = now() WHERE worker_id = '1:alive'`); // it is still beating
      const res = await page.goto(`${server.url}${path}`);
      expect(res?.status(), path).toBe(200);
      // The stylesheet really applied (the CSP allows it): the cards are laid out.
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('main')!).maxWidth), path).not.toBe('none');
      expect(await seriousAxeViolations(page), `${path}: serious or critical axe violations`).toEqual([]);
      const overflow = await horizontalOverflow(page);
      if (overflow > 0) console.log(path, await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)));
      expect(overflow, `${path}: horizontal overflow at ${width}px`).toBeLessThanOrEqual(0);
      // Hostile names and errors are text on the page, never markup that ran.
      expect(await page.evaluate(() => document.querySelectorAll('main script, main img[src="x"], main svg[onload]').length), path).toBe(0);
      await screenshot(page, `console-ops-${name}-${width}`);
    }
    expect(csp).toEqual([]);
    await context.close();
  }, 120_000);
});
