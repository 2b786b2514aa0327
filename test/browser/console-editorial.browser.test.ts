import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { mountConsole } from '../../src/admin/mount-console.ts';
import type { Db } from '../../src/store/db.ts';
import { insertUser } from '../../src/store/users.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { editorialHarness, seedArticle, seedTranslation, testConfig, type EditorialHarness } from '../admin/editorial-context.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { logInToConsole } from '../helpers/console-login.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';

const PASSWORD = 'correct horse battery staple 42';

let db: Db;
let h: EditorialHarness;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;
let flaggedPath = '';
let flaggedId = 0;
let correctPath = '';

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  browser = await launchChromium();
  db = await openTestDb();
  // Plain http on 127.0.0.1: the session cookie is not Secure, as for any http base URL.
  h = editorialHarness(db, testConfig({ site: { name: 'Wire', baseUrl: 'http://127.0.0.1', languages: ['es', 'ca'] } }));
  await insertUser(db, { email: 'ed@newsroom.example', role: 'editor', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  await insertUser(db, { email: 'viewer@newsroom.example', role: 'viewer', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  const storm = await seedArticle(db, {
    title: 'Storm leaves 12 dead in the south',
    excerpt: 'Rescue teams searched through the night for survivors of the floods.',
    html: '<p>The storm killed 12 people on Tuesday, the regional government said.</p><p>Officials said more rain is expected on Thursday and schools will stay closed.</p><p>The army sent 300 soldiers to help clear the roads.</p>',
    sourceName: 'Coast Daily',
  });
  const flagged = await seedTranslation(db, storm, {
    title: 'La tormenta deja 12 muertos en el sur',
    excerpt: 'Los equipos de rescate buscaron durante la noche a supervivientes de las inundaciones.',
    html: '<p>La tormenta mató a 21 personas el martes, dijo el gobierno regional.</p><p>Los funcionarios dijeron que se espera más lluvia el jueves y que las escuelas seguirán cerradas.</p><p>El ejército envió 300 soldados para ayudar a despejar las carreteras.</p>',
    findings: [{ check: 'numbers', severity: 'error', segment: 0, source: '12', target: '21', detail: '12 in the source, 21 in the translation' }],
    verdict: 'publish-flagged',
  });
  flaggedId = flagged.id;
  flaggedPath = (await db.query<{ path: string }>('SELECT path FROM publications WHERE translation_id = $1', [flagged.id])).rows[0]!.path;
  const port = await seedArticle(db, { title: 'Port strike ends after 9 days', html: '<p>Dockers returned to work after 9 days.</p><p>The union signed the deal on Friday.</p>', sourceName: 'Harbour News' });
  const strike = await seedTranslation(db, port, { title: 'La huelga del puerto termina tras 9 días', html: '<p>Los estibadores volvieron al trabajo tras 19 días.</p><p>El sindicato firmó el acuerdo el viernes.</p>', verdict: 'publish' });
  correctPath = (await db.query<{ path: string }>('SELECT path FROM publications WHERE translation_id = $1', [strike.id])).rows[0]!.path;
  server = await startWebServer({ db, site: h.services.site, host: '127.0.0.1', port: 0, routes: mountConsole({ services: h.services }) });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
  await db?.close();
});

const logIn = (width: number, email = 'ed@newsroom.example') => logInToConsole(browser, server.url, { email, password: PASSWORD }, width);

/** axe, no sideways scrolling, and a full-page screenshot of the page now shown. */
async function inspect(page: Page, name: string, width: number): Promise<void> {
  await expectAccessibleAndFitting(page, name, width);
  await screenshot(page, `${name}-${width}`);
}

/** The public page once the web server serves the change (its page cache follows the database within about a second). */
async function publicWhen(page: Page, path: string, ok: (status: number, html: string) => boolean): Promise<{ status: number; html: string }> {
  const until = Date.now() + 10_000;
  for (;;) {
    // Not through the page's HTTP cache: the site lets browsers keep a page for a while.
    const res = await page.request.get(`${server.url}${path}`);
    const got = { status: res.status(), html: await res.text() };
    if (ok(got.status, got.html) || Date.now() > until) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const submit = (page: Page, selector: string) => Promise.all([page.waitForNavigation(), page.click(selector)]);

describe.each(WIDTHS)('the editorial console at %i px', (width) => {
  it('every editorial page passes axe without sideways scrolling', async () => {
    const { context, page } = await logIn(width);
    await page.goto(`${server.url}/admin/review`);
    await inspect(page, 'console-review-queue', width);
    await page.goto(`${server.url}/admin/review/${flaggedId}`);
    await inspect(page, 'console-review', width);
    await page.goto(`${server.url}/admin/published`);
    await inspect(page, 'console-published', width);
    await page.click(`a:has-text("La huelga del puerto")`);
    await page.waitForLoadState();
    await inspect(page, 'console-published-story', width);
    await context.close();
  }, 180_000);
});

it('an editor finds a flagged story, fixes a segment, approves it; corrects, takes down and restores a story', async () => {
  const { context, page } = await logIn(1280);
  expect((await publicWhen(page, flaggedPath, () => true)).html).toContain('no revisado por un editor');

  await page.goto(`${server.url}/admin/review`);
  await page.selectOption('select[name="check"]', 'numbers');
  await submit(page, 'button:has-text("Filter")');
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("La tormenta deja 12 muertos")')]);
  expect(await page.locator('#u-seg-0 .finding').textContent()).toContain('12 → 21');
  await page.fill('#f-seg-0', 'La tormenta mató a 12 personas el martes, dijo el gobierno regional.');
  await submit(page, 'button:has-text("Save and approve")');
  expect(await page.locator('.done').textContent()).toContain('Approved');
  await inspect(page, 'console-review-approved', 1280);

  const publicHtml = (await publicWhen(page, flaggedPath, (_, html) => html.includes('revisado por un editor'))).html;
  expect(publicHtml).toContain('Traducido automáticamente por Apertium y revisado por un editor.');
  expect(publicHtml).toContain('mató a 12 personas');
  expect(publicHtml).not.toContain('id="checks"');

  await page.goto(`${server.url}/admin/published?q=huelga`);
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("La huelga del puerto")')]);
  const storyUrl = page.url();
  await page.fill('#f-seg-0', 'Los estibadores volvieron al trabajo tras 9 días.');
  await page.fill('textarea[name="note"]', 'La huelga duró 9 días, no 19.');
  await submit(page, 'button:has-text("Publish correction")');
  expect(await page.locator('.done').textContent()).toContain('Correction published');
  const correctedHtml = (await publicWhen(page, correctPath, (_, html) => html.includes('class="correction"'))).html;
  expect(correctedHtml).toMatch(/Corrección, <time[^>]*>[^<]+<\/time>: La huelga duró 9 días, no 19\./);
  await page.goto(`${server.url}${correctPath}`);
  await screenshot(page, 'console-public-corrected-1280');

  await page.goto(storyUrl);
  await page.fill('input[name="reason"]', 'legal request');
  await submit(page, 'button:has-text("Take down")');
  expect((await publicWhen(page, correctPath, (status) => status === 410)).status).toBe(410);
  await page.goto(storyUrl);
  await inspect(page, 'console-published-gone', 1280);
  await submit(page, 'button:has-text("Restore")');
  expect((await publicWhen(page, correctPath, (status) => status === 200)).status).toBe(200);
  await context.close();
}, 180_000);

it('a viewer reads the review and published pages but cannot change anything', async () => {
  const { context, page } = await logIn(1280, 'viewer@newsroom.example');
  const before = (await db.query<{ html: string; status: string }>('SELECT html, status FROM translations WHERE id = $1', [flaggedId])).rows[0]!;
  /** No button that acts, no box that can be typed in: the console's own log-out form aside. */
  const editable = (p: Page) => p.evaluate(() => ({
    buttons: [...document.querySelectorAll('main button, main input[type="submit"]')].map((b) => b.textContent?.trim() ?? ''),
    fields: [...document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('main textarea, main input:not([type="hidden"]):not([type="search"])')]
      .filter((f) => !f.readOnly && !f.disabled && f.closest('form[method="get"]') === null).map((f) => f.name),
  }));

  await page.goto(`${server.url}/admin/review/${flaggedId}`);
  expect(await page.locator('#f-seg-0').count()).toBe(1);
  expect(await page.locator('.readonly-note').textContent()).toContain('an editor can change it');
  expect(await editable(page)).toEqual({ buttons: [], fields: [] });
  await page.goto(`${server.url}/admin/published?q=huelga`);
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("La huelga del puerto")')]);
  expect(await editable(page)).toEqual({ buttons: [], fields: [] });
  const publicationId = Number(new URL(page.url()).pathname.split('/').pop());

  // A forged POST with the viewer's own session and a valid form token is refused by role.
  await page.goto(`${server.url}/admin/review/${flaggedId}`);
  const csrf = await page.locator('input[name="csrf"]').first().inputValue();
  const forged = (path: string, form: Record<string, string>) => page.request.post(`${server.url}${path}`, { form: { csrf, ...form }, headers: { origin: server.url }, maxRedirects: 0 });
  for (const res of [
    await forged(`/admin/review/${flaggedId}/approve`, { 'seg-0': 'cambiado por un lector' }),
    await forged(`/admin/review/${flaggedId}/reject`, {}),
    await forged(`/admin/published/${publicationId}/takedown`, { reason: 'forged', scope: 'all' }),
  ]) {
    expect(res.status()).toBe(403);
    expect(await res.text()).toContain('needs the editor role');
  }
  expect((await db.query('SELECT html, status FROM translations WHERE id = $1', [flaggedId])).rows[0]).toEqual(before);
  expect((await db.query<{ status: string }>('SELECT status FROM publications WHERE id = $1', [publicationId])).rows[0]!.status).toBe('live');
  await context.close();
}, 180_000);
