import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from '../../src/admin/auth/api-tokens.ts';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { mountConsole } from '../../src/admin/mount-console.ts';
import { configSchema } from '../../src/config/schema.ts';
import { insertAudit } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { openTestDb } from '../helpers/test-db.ts';

const SITE = { name: 'Wire', baseUrl: 'http://127.0.0.1:8080', languages: ['es', 'en'], defaultLanguage: 'es' };
const EMAIL = 'editor-in-chief@newsroom.example';
const PASSWORD = 'a long and good password';

let db: Db;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  await insertUser(db, { email: EMAIL, role: 'admin', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  await insertUser(db, { email: 'a.very.long.address.of.a.contributor@regional-bureau.newsroom.example', role: 'viewer', passwordHash: 'x', mustChangePassword: true });
  await insertUser(db, { email: '<script>alert(1)</script>@evil.example', role: 'editor', passwordHash: 'x', mustChangePassword: false });
  await createApiToken(db, { name: 'newsroom-bot', role: 'editor', scopes: ['takedowns', 'review'], createdBy: EMAIL });
  for (let i = 0; i < 3; i++) {
    await insertAudit(db, { userId: 1, actor: EMAIL, via: 'session', action: 'review.approve', target: `translation:${40 + i}`, before: { status: 'held' }, after: { status: 'approved', title: 'Aprobada la ampliación del puerto de Valparaíso tras meses de debate' } });
  }
  await insertAudit(db, { userId: null, actor: 'local-cli', via: 'cli', action: 'takedown', target: '/es/2026/11/<img src=x onerror=alert(1)>', before: { status: 'live' }, after: { status: 'gone', reason: 'legal request' } });
  const config = configSchema.parse({ site: { name: SITE.name, baseUrl: SITE.baseUrl, languages: SITE.languages } });
  const routes = mountConsole({ services: { db, config, site: SITE, log: pino({ level: 'silent' }), translator: () => { throw new Error('none'); }, http: () => { throw new Error('none'); } } });
  server = await startWebServer({ db, site: SITE, host: '127.0.0.1', port: 0, routes });
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

/** The page as it stands: no serious axe finding, no sideways scrolling, no CSP violation; a screenshot. */
async function check(page: Page, name: string, width: number, csp: string[]): Promise<void> {
  await expectAccessibleAndFitting(page, name, width);
  expect(csp, `${name}: CSP violations`).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { pwned?: boolean }).pwned)).toBeUndefined();
  await screenshot(page, `console-${name}-${width}`);
}

describe.each(WIDTHS)('the console at %i px', (width) => {
  it('log in, see the dashboard link, visit the admin pages, log out', { timeout: 240_000 }, async () => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const csp: string[] = [];
    page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text()); });
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });

    // A console page asked for before login leads to the login form, and back after it.
    await page.goto(`${server.url}/admin/users`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    await check(page, 'login', width, csp);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe('The email or the password is wrong.');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${server.url}/admin/users`);
    expect(await page.getByRole('link', { name: 'Dashboard' }).getAttribute('href')).toBe('/admin/');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'tw_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/admin' });
    await check(page, 'users', width, csp);
    expect(await page.getByText('<script>alert(1)</script>@evil.example').count()).toBeGreaterThan(0);

    for (const name of ['tokens', 'audit', 'account']) {
      await page.goto(`${server.url}/admin/${name}`);
      await check(page, name, width, csp);
    }
    await page.goto(`${server.url}/admin/audit`);
    await expect(page.getByText('/es/2026/11/<img src=x onerror=alert(1)>').count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(`${server.url}/admin/login`);
    await page.goto(`${server.url}/admin/users`);
    expect(new URL(page.url()).pathname).toBe('/admin/login');
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
