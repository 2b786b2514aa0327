import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/admin/auth/password.ts';
import { mountConsole } from '../../src/admin/mount-console.ts';
import { recordUpdateOutcome } from '../../src/store/article-updates.ts';
import type { Db } from '../../src/store/db.ts';
import { addRevision, ensureFirstRevision } from '../../src/store/translation-revisions.ts';
import { insertUser } from '../../src/store/users.ts';
import { startWebServer } from '../../src/web/start-web-server.ts';
import { editorialHarness, seedArticle, seedTranslation, testConfig, type EditorialHarness } from '../admin/editorial-context.ts';
import { expectAccessibleAndFitting, launchChromium, screenshot, WIDTHS } from '../helpers/browser.ts';
import { logInToConsole } from '../helpers/console-login.ts';
import { openTestDb } from '../helpers/test-db.ts';

// Issue 12 §4: a source update the gate held, as an editor meets it in the console — in the queue
// and on its own page, accessible and fitting at 375 px — and published anyway with one button.

const PASSWORD = 'correct horse battery staple 42';

let db: Db;
let h: EditorialHarness;
let server: Awaited<ReturnType<typeof startWebServer>>;
let browser: Browser;
let updateId = 0;
let publicPath = '';

beforeAll(async () => {
  browser = await launchChromium();
  db = await openTestDb();
  h = editorialHarness(db, testConfig({ site: { name: 'Wire', baseUrl: 'http://127.0.0.1', languages: ['es'] } }));
  await insertUser(db, { email: 'ed@newsroom.example', role: 'editor', passwordHash: await hashPassword(PASSWORD), mustChangePassword: false });
  const article = await seedArticle(db, {
    title: 'Trucks wait at the port',
    html: '<p>The port said that 70 trucks were waiting at the gate on Monday morning.</p><p>The union signed the deal on Friday.</p>',
    sourceName: 'Harbour News',
  });
  const live = await seedTranslation(db, article, {
    title: 'Los camiones esperan en el puerto',
    html: '<p>El puerto dijo que 7 camiones esperaban en la puerta el lunes por la mañana.</p><p>El sindicato firmó el acuerdo el viernes.</p>',
    verdict: 'publish',
  });
  publicPath = (await db.query<{ path: string }>('SELECT path FROM publications WHERE translation_id = $1', [live.id])).rows[0]!.path;
  // What the refetch job leaves when the gate holds an update's translation (refetch-article.ts).
  const update = await db.query<{ id: number }>(
    `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash) VALUES ($1, $2, $3, $4, 'a', 'b') RETURNING id`,
    [article.id, JSON.stringify({ headlineChanged: false, paragraphsAdded: 0, paragraphsChanged: 1, paragraphsRemoved: 0, figures: [{ from: 7, to: 70 }] }), article.title, article.html],
  );
  await ensureFirstRevision(db, live);
  const reason = 'hold: 1× numbers (error)';
  const held = await addRevision(db, live.id, {
    kind: 'machine', title: live.title, excerpt: null, engine: 'apertium', verdict: 'hold', editor: null,
    html: '<p>El puerto dijo que 17 camiones esperaban en la puerta el lunes por la mañana.</p><p>El sindicato firmó el acuerdo el viernes.</p>',
    checks: { ok: false, findings: [{ check: 'numbers', severity: 'error', segment: 0, source: '70', target: '17', detail: '70 in the source, 17 in the translation' }] },
    note: `source updated; held (${reason}): the earlier translation stays live`,
  });
  await recordUpdateOutcome(db, update.rows[0]!.id, 'es', { outcome: 'held', reason, revisionId: held.id, cost: { engine: 'apertium', characters: 80, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null } });
  updateId = (await db.query<{ id: number }>('SELECT id FROM article_update_translations')).rows[0]!.id;
  server = await startWebServer({ db, site: h.services.site, host: '127.0.0.1', port: 0, routes: mountConsole({ services: h.services }) });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await h?.close();
  await db?.close();
});

const logIn = (width: number) => logInToConsole(browser, server.url, { email: 'ed@newsroom.example', password: PASSWORD }, width);

describe.each(WIDTHS)('a held source update at %i px', (width) => {
  it('the queue and its page pass axe without sideways scrolling', async () => {
    const { context, page } = await logIn(width);
    await page.goto(`${server.url}/admin/review`);
    expect(await page.locator('table.queue').textContent()).toContain('source update held: hold: 1× numbers (error)');
    await expectAccessibleAndFitting(page, 'console-review-queue-update', width);
    await screenshot(page, `console-review-queue-update-${width}`);
    await page.goto(`${server.url}/admin/review/update/${updateId}`);
    await expectAccessibleAndFitting(page, 'console-held-update', width);
    await screenshot(page, `console-held-update-${width}`);
    await context.close();
  }, 180_000);
});

it('an editor publishes the held update anyway: the public page shows it with the update note', async () => {
  const { context, page } = await logIn(1280);
  await page.goto(`${server.url}/admin/review`);
  await Promise.all([page.waitForNavigation(), page.click('a:has-text("Los camiones esperan en el puerto")')]);
  expect(await page.locator('.diff-table').textContent()).toContain('17');
  await Promise.all([page.waitForNavigation(), page.click('button:has-text("Publish the update anyway")')]);
  expect(await page.locator('.done').textContent()).toContain('Published');
  const until = Date.now() + 10_000;
  let html = '';
  while (Date.now() < until && !html.includes('source-update')) {
    html = await (await page.request.get(`${server.url}${publicPath}`)).text();
    await new Promise((r) => setTimeout(r, 250));
  }
  expect(html).toContain('17 camiones');
  expect(html).toContain('class="correction source-update"');
  await context.close();
}, 120_000);
