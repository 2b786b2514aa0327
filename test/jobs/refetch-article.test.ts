import type { IncomingMessage } from 'node:http';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import { parseFeed } from '../../src/feeds/index.ts';
import { createExtractItemHandler } from '../../src/jobs/handlers/extract-item.ts';
import { createRefetchArticleHandler } from '../../src/jobs/handlers/refetch-article.ts';
import { createTranslateArticleHandler } from '../../src/jobs/handlers/translate-article.ts';
import { ingestFeedItems } from '../../src/jobs/ingest-feed.ts';
import type { PublishPolicy } from '../../src/publish/policy.ts';
import type { Db } from '../../src/store/db.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { createSqlTranslationMemory } from '../../src/store/translation-memory.ts';
import { createApertiumEngine } from '../../src/translate/engines/apertium/apertium-engine.ts';
import { createTranslator, type TranslationEngine } from '../../src/translate/index.ts';
import { buildPage } from '../../src/web/build-page.ts';
import type { SiteOptions } from '../../src/web/start-web-server.ts';
import { createConsoleHandler } from '../../src/admin/mount-console.ts';
import { storySpend } from '../../src/store/stories.ts';
import { editorialHarness, testConfig, type EditorialHarness } from '../admin/editorial-context.ts';
import { startServer, type TestServer } from '../fetch/test-server.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';

// Issue 12 §4, following the story at its source: a published article is fetched again
// (conditional GET); a changed text is stored, translated again with only the changed paragraphs
// sent to the engine, judged by the fidelity gate, and noted on the page, feeds and sitemaps; a
// 404/410 marks our page; a 5xx or a timeout is tried again at the next step, never taken as gone.

const SITE: SiteOptions = { name: 'Transwire Test', baseUrl: 'https://news.example', languages: ['es'], defaultLanguage: 'es' };
const log = pino({ level: 'silent' });
// Only a wrong or missing figure holds a translation here: Apertium's other quirks are not this test's subject.
const POLICY: PublishPolicy = { error: 'publish', warning: 'publish', rules: [{ check: 'numbers', severity: 'error', verdict: 'hold' }] };

const COUNCIL = 'The city council met on Tuesday evening to discuss the new budget for the schools and the hospital.';
const CALM = 'The government has asked for calm and promised a full report on the events before the end of the month.';
const ROADS = 'Residents of the area told reporters that the roads were closed for most of the day.';
const soldiers = (n: number) => `The army said that ${n} soldiers were killed in the attack on the northern border this week.`;
const LATER = 'Later on Wednesday the ministry said that the number of victims could rise further.';
const trucks = (n: number) => `The port said that ${n} trucks were waiting at the gate on Monday morning.`;

interface Page { title: string; paragraphs: string[]; status?: number; etag?: string; hang?: boolean; image?: { src: string; caption: string } }
const pages = new Map<string, Page>();
const html = (p: Page) =>
  `<!doctype html><html lang="en"><head><title>${p.title}</title>${p.image ? `<meta property="og:image" content="${p.image.src}">` : ''}</head>` +
  `<body><article><h1>${p.title}</h1>${p.image ? `<figure><img src="${p.image.src}" alt=""><figcaption>${p.image.caption}</figcaption></figure>` : ''}` +
  `${p.paragraphs.map((t) => `<p>${t}</p>`).join('')}</article></body></html>`;

let db: Db;
let server: TestServer;
let http: HttpClient;
/** Every unit the engine was asked to translate, in order. */
const sent: string[] = [];
/** Applied to the engine's output: a fault injected where a test wants the gate to fail. */
let fault: (out: string) => string = (out) => out;
let refetch: (payload: { articleId: number }) => Promise<void>;
const ids = new Map<string, number>();
/** Engine characters of each article's first translation into Spanish, as the ledger had them before any update. */
const firstCost = new Map<string, number>();
const costOf = async (articleId: number) =>
  (await db.query<{ n: number }>(`SELECT (cost->>'characters')::int AS n FROM translations WHERE article_id = $1 AND lang = 'es'`, [articleId])).rows[0]!.n;
/** The first translation's run in the cost ledger. */
const firstRun = async (articleId: number) =>
  (await db.query<{ n: number }>(`SELECT characters AS n FROM engine_spend WHERE article_id = $1 AND lang = 'es' AND reason = 'translation'`, [articleId])).rows[0]!.n;

/** Real Apertium, with every unit it is sent recorded (and a fault applied on the way back when a test sets one). */
function recorded(engine: TranslationEngine): TranslationEngine {
  return {
    ...engine,
    translate: async (segments, from, to) => {
      sent.push(...segments);
      return (await engine.translate(segments, from, to)).map((s) => fault(s));
    },
    translateWithLexicon: engine.translateWithLexicon && (async (segments, from, to) => {
      sent.push(...segments);
      const out = await engine.translateWithLexicon!(segments, from, to);
      return { ...out, texts: out.texts.map((s) => fault(s)) };
    }),
  };
}

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  pages.set('/story', { title: 'Soldiers killed at the border', paragraphs: [COUNCIL, soldiers(50), CALM, ROADS], etag: '"v1"' });
  pages.set('/port', { title: 'Trucks wait at the port', paragraphs: [COUNCIL.replace('council', 'port board'), trucks(7), CALM.replace('calm', 'patience'), ROADS.replace('roads', 'docks')] });
  pages.set('/gone', { title: 'A bridge reopens', paragraphs: [ROADS.replace('roads', 'bridges'), CALM.replace('government', 'mayor'), COUNCIL.replace('Tuesday', 'Friday')] });
  pages.set('/flaky', { title: 'A market opens', paragraphs: [ROADS.replace('roads', 'markets'), CALM.replace('events', 'prices'), COUNCIL.replace('schools', 'parks')] });
  server = await startServer((req: IncomingMessage, res) => {
    const path = req.url!;
    const p = pages.get(path);
    if (!p) return void res.writeHead(404).end();
    if (p.hang) return; // never answers: the client's deadline ends it
    if (p.status && p.status !== 200) return void res.writeHead(p.status).end('no');
    if (p.etag && req.headers['if-none-match'] === p.etag) return void res.writeHead(304, { etag: p.etag }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(p.etag ? { etag: p.etag } : {}) });
    res.end(html(p));
  });
  http = createHttpClient({ userAgent: 'transwire-test', allowPrivate: [new URL(server.origin).host], timeoutMs: 1500 });
  const translator = createTranslator({ engines: new Map([['apertium', recorded(createApertiumEngine())]]), chains: { 'en-es': ['apertium'] }, memory: createSqlTranslationMemory(db) });
  const polite = { db, http, perHost: { concurrency: 4, minIntervalMs: 0 }, robots: { isAllowed: async () => true } };
  refetch = createRefetchArticleHandler({ ...polite, log, translator, policy: POLICY, rulesFor: () => undefined });

  const source = await upsertSource(db, { url: `${server.origin}/feed.xml`, name: 'Courier', lang: 'en' });
  const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title><link>${server.origin}/</link>${[...pages.keys()]
    .map((p) => `<item><title>${pages.get(p)!.title}</title><link>${server.origin}${p}</link><guid>${p}</guid></item>`).join('')}</channel></rss>`;
  await db.transaction((tx) => ingestFeedItems(tx, source.id, parseFeed(rss, { url: `${server.origin}/feed.xml` })));
  const extract = createExtractItemHandler({ ...polite, log, targetLanguages: [], rulesFor: () => undefined });
  const translate = createTranslateArticleHandler({ db, translator, log, policy: POLICY });
  const { rows: items } = await db.query<{ id: number; guid: string }>('SELECT id, guid FROM items ORDER BY id');
  for (const item of items) {
    await extract({ itemId: item.id });
    const { rows } = await db.query<{ id: number }>('SELECT id FROM articles WHERE item_id = $1', [item.id]);
    ids.set(item.guid, rows[0]!.id);
    await translate({ articleId: rows[0]!.id, lang: 'es' });
  }
  for (const [path, id] of ids) firstCost.set(path, await costOf(id));
}, 120_000);

afterAll(async () => {
  await http?.close();
  await server?.close();
  await db?.close();
});

async function state(path: string) {
  const { rows } = await db.query<{
    text: string; refetch_at: Date | null; refetch_error: string | null; source_gone_at: Date | null; etag: string | null;
    t_text: string; t_status: string; t_updated: Date; pub_path: string; listed_at: Date; p_updated: Date;
  }>(
    `SELECT a.text, a.refetch_at, a.refetch_error, a.source_gone_at, a.etag, t.text AS t_text, t.status AS t_status, t.updated_at AS t_updated,
            p.path AS pub_path, p.published_at AS listed_at, p.updated_at AS p_updated
       FROM articles a JOIN translations t ON t.article_id = a.id AND t.lang = 'es' JOIN publications p ON p.translation_id = t.id
      WHERE a.id = $1`,
    [ids.get(path)],
  );
  return rows[0]!;
}

const page = async (path: string) => (await buildPage(db, SITE, path))!.body;
const updates = async (path: string) =>
  (await db.query<{ id: number; changes: unknown }>('SELECT id, changes FROM article_updates WHERE article_id = $1 ORDER BY id', [ids.get(path)])).rows;

describe('refetching a published article', () => {
  it('stores a changed text, sends only the changed paragraphs to the engine, and notes the update on page, feeds and sitemaps', async () => {
    const before = await state('/story');
    expect(before.t_text).toContain('50');
    pages.set('/story', { ...pages.get('/story')!, paragraphs: [COUNCIL, soldiers(105), CALM, ROADS, LATER], etag: '"v2"' });
    sent.length = 0;
    await refetch({ articleId: ids.get('/story')! });

    const after = await state('/story');
    expect(after.text).toContain('105 soldiers');
    expect(after.text).toContain(LATER);
    expect(after.etag).toBe('"v2"');
    expect(after.t_status).toBe('published');
    expect(after.t_text).toContain('105');
    expect(after.t_text).not.toMatch(/\b50\b/);
    // The engine saw the changed and the added paragraph (and names of theirs it had not seen);
    // the headline and the three unchanged paragraphs came from the translation memory.
    const all = sent.join('\n');
    expect(all).toContain('soldiers were killed');
    expect(all).toContain('the ministry said');
    for (const kept of ['council met', 'asked for calm', 'roads were closed', 'killed at the border']) expect(all).not.toContain(kept);
    expect(all.length).toBeLessThan(2 * (soldiers(105).length + LATER.length));

    expect((await updates('/story')).map((u) => u.changes)).toEqual([
      { headlineChanged: false, paragraphsAdded: 1, paragraphsChanged: 1, paragraphsRemoved: 0, figures: [{ from: 50, to: 105 }] },
    ]);
    // The next fetch: the schedule's next step after now, counted from our publication.
    expect(after.refetch_at!.getTime() - new Date(after.listed_at).getTime()).toBe(10 * 60_000);

    const body = await page(after.pub_path);
    expect(body).toMatch(/<p class="correction source-update">Actualizado el <time datetime="[^"]+">[^<]+<\/time>: la fuente modificó esta noticia \(1 párrafo añadido, 1 párrafo modificado y cifra cambiada: <bdi dir="ltr">50 → 105<\/bdi>\)\.<\/p>/);
    const modified = new Date(Math.max(new Date(after.t_updated).getTime(), new Date(after.p_updated).getTime())).toISOString();
    expect(modified > new Date(after.listed_at).toISOString()).toBe(true);
    expect(body).toContain(`"dateModified":"${modified}"`);

    const json = JSON.parse((await buildPage(db, SITE, '/es/feed.json'))!.body) as { items: Array<{ url: string; date_modified: string }> };
    expect(json.items.find((i) => i.url.endsWith(after.pub_path))!.date_modified).toBe(modified);
    const rss = (await buildPage(db, SITE, '/es/feed.xml'))!.body;
    expect(rss).toContain(`<atom:updated>${modified}</atom:updated>`);
    const atom = (await buildPage(db, SITE, '/es/atom.xml'))!.body;
    expect(atom).toContain(`<updated>${modified}</updated>`);
    const sitemap = (await buildPage(db, SITE, '/es/sitemap.xml'))!.body;
    expect(sitemap).toContain(`${after.pub_path}</loc><lastmod>${modified}</lastmod>`);
  });

  it('asks with the stored ETag and changes nothing on a 304', async () => {
    const before = await state('/story');
    const seen = server.seen.length;
    sent.length = 0;
    await refetch({ articleId: ids.get('/story')! });
    const req = server.seen.slice(seen).find((r) => r.url === '/story')!;
    expect(req.headers['if-none-match']).toBe('"v2"');
    expect(sent).toEqual([]);
    expect(await updates('/story')).toHaveLength(1);
    const after = await state('/story');
    expect(after.t_updated).toEqual(before.t_updated);
    expect(after.refetch_error).toBeNull();
  });

  it('holds a new translation the gate fails, and leaves the earlier one live with no update note', async () => {
    pages.set('/port', { ...pages.get('/port')!, paragraphs: pages.get('/port')!.paragraphs.map((p) => p.replace('7 trucks', '70 trucks')) });
    fault = (out) => out.replace(/\b70\b/g, '17');
    try {
      await refetch({ articleId: ids.get('/port')! });
    } finally {
      fault = (out) => out;
    }
    const after = await state('/port');
    expect(after.text).toContain('70 trucks'); // the source's text is ours
    expect(after.t_status).toBe('published');
    expect(after.t_text).toMatch(/\b7\b/); // the earlier translation stays live
    expect(after.t_text).not.toMatch(/\b17\b/);
    const { rows } = await db.query<{ outcome: string; reason: string }>(
      'SELECT o.outcome, o.reason FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id WHERE u.article_id = $1',
      [ids.get('/port')],
    );
    expect(rows).toEqual([{ outcome: 'held', reason: expect.stringContaining('numbers') }]);
    // The held version is in the translation's history for an editor.
    const history = await db.query<{ verdict: string; note: string | null }>(
      'SELECT r.verdict, r.note FROM translation_revisions r JOIN translations t ON t.id = r.translation_id WHERE t.article_id = $1 ORDER BY r.n',
      [ids.get('/port')],
    );
    expect(history.rows.map((r) => r.verdict)).toEqual(['publish', 'hold']);
    expect(await page(after.pub_path)).not.toContain('source-update');
  });

  it('marks our page when the source answers 410, and takes the mark away when the article is back', async () => {
    const before = await state('/gone');
    pages.get('/gone')!.status = 410;
    await db.query(`DELETE FROM jobs WHERE kind = 'render'`); // queued by the first publication
    await refetch({ articleId: ids.get('/gone')! });
    const after = await state('/gone');
    expect(after.source_gone_at).not.toBeNull();
    expect(after.refetch_at).not.toBeNull(); // still followed: a 404 can be a slip
    expect(new Date(after.p_updated).getTime()).toBeGreaterThan(new Date(before.p_updated).getTime());
    const body = await page(after.pub_path);
    expect(body).toMatch(/<p class="correction source-gone"><strong>El artículo original ya no está disponible en la fuente desde el <time datetime="[^"]+">[^<]+<\/time>\.<\/strong><\/p>/);
    const { rows } = await db.query<{ key: string }>(`SELECT key FROM jobs WHERE kind = 'render' AND state = 'queued'`);
    expect(rows.map((r) => r.key)).toContain(`render:es:${(await db.query<{ id: number }>('SELECT id FROM publications WHERE path = $1', [after.pub_path])).rows[0]!.id}`);

    pages.get('/gone')!.status = 200;
    await refetch({ articleId: ids.get('/gone')! });
    expect((await state('/gone')).source_gone_at).toBeNull();
    expect(await page(after.pub_path)).not.toContain('source-gone');
  });

  it('tries a 5xx and a timeout again at the next step, never taking them as gone', async () => {
    pages.get('/flaky')!.status = 500;
    await refetch({ articleId: ids.get('/flaky')! });
    let s = await state('/flaky');
    expect(s.source_gone_at).toBeNull();
    expect(s.refetch_error).toMatch(/HTTP 500/);
    expect(s.refetch_at!.getTime() - new Date(s.listed_at).getTime()).toBe(10 * 60_000);

    pages.get('/flaky')!.status = 200;
    pages.get('/flaky')!.hang = true;
    await refetch({ articleId: ids.get('/flaky')! });
    s = await state('/flaky');
    expect(s.source_gone_at).toBeNull();
    expect(s.refetch_error).toMatch(/time|abort/i);
    expect(s.refetch_at).not.toBeNull();
    expect(await page(s.pub_path)).not.toContain('source-gone');
  });
});

// Issue 12 §3 and §4: a source update the gate held reaches an editor through the review queue,
// who publishes it anyway or dismisses it; and the cost ledger keeps every translation's spend.
describe('a held source update in the review queue', () => {
  const heldUpdates = async (path: string) =>
    (await db.query<{ id: number; outcome: string; engine_characters: number }>(
      `SELECT o.id, o.outcome, o.engine_characters FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id
        WHERE u.article_id = $1 ORDER BY o.id`,
      [ids.get(path)],
    )).rows;
  /** The source changes the trucks' number again; the engine's output gets it wrong, so the gate holds it. */
  async function holdAnotherUpdate(from: number, to: number, wrong: number): Promise<number> {
    pages.set('/port', { ...pages.get('/port')!, paragraphs: pages.get('/port')!.paragraphs.map((p) => p.replace(`${from} trucks`, `${to} trucks`)) });
    fault = (out) => out.replace(new RegExp(`\\b${to}\\b`, 'g'), String(wrong));
    try {
      await refetch({ articleId: ids.get('/port')! });
    } finally {
      fault = (out) => out;
    }
    return (await heldUpdates('/port')).at(-1)!.id;
  }
  let h: EditorialHarness;
  beforeAll(() => {
    h = editorialHarness(db, testConfig({ site: { name: SITE.name, baseUrl: SITE.baseUrl, languages: ['es'] } }));
  });
  afterAll(async () => h?.close());

  it('lists it as its own entry, with the reason and what changed, within the filters and the count', async () => {
    const [held] = await heldUpdates('/port');
    expect(held!.outcome).toBe('held');
    const queue = await (await h.request('GET', '/admin/review', { role: 'viewer' })).text();
    expect(queue).toContain('1 to review');
    const entry = queue.slice(queue.indexOf(`href="/admin/review/update/${held!.id}"`));
    expect(entry).toMatch(/source update held: [^<]*numbers/);
    expect(entry).toContain('figure changed: <bdi dir="ltr">7 → 70</bdi>');
    expect(entry).toContain('Trucks wait at the port');
    expect(entry).toContain('state-held">source update held<');
    for (const q of ['lang=es', 'check=numbers', `source=${(await db.query<{ source_id: number }>('SELECT source_id FROM articles WHERE id = $1', [ids.get('/port')])).rows[0]!.source_id}`]) {
      expect(await (await h.request('GET', `/admin/review?${q}`)).text()).toContain(`/admin/review/update/${held!.id}"`);
    }
    expect(await (await h.request('GET', '/admin/review?check=names')).text()).toContain('Nothing to review');

    const page = await (await h.request('GET', `/admin/review/update/${held!.id}`, { role: 'viewer' })).text();
    expect(page).toMatch(/<del>7<\/del>[^]*<ins>17<\/ins>/); // the held version against the live one
    expect(page).not.toContain('/publish"'); // a viewer reads only
  });

  it('dismissed: the earlier translation stays and the entry leaves the queue', async () => {
    const [held] = await heldUpdates('/port');
    const before = await state('/port');
    const res = await h.request('POST', `/admin/review/update/${held!.id}/dismiss`);
    expect(res.status).toBe(303);
    expect((await heldUpdates('/port'))[0]!.outcome).toBe('dismissed');
    expect(h.audits.at(-1)).toMatchObject({ action: 'review.update.dismiss', target: `update:${held!.id}`, by: 'editor@wire.test' });
    expect(await (await h.request('GET', '/admin/review')).text()).toContain('Nothing to review');
    const after = await state('/port');
    expect(after.t_text).toBe(before.t_text);
    expect(after.t_updated).toEqual(before.t_updated);
    // Decided once: a second answer is refused, saying why.
    const again = await h.request('POST', `/admin/review/update/${held!.id}/publish`);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('no longer held (it was dismissed by editor@wire.test)');
  });

  it('published anyway: the held version goes live, with the update note and dateModified, and the caption of the picture the update added', async () => {
    pages.set('/port', { ...pages.get('/port')!, image: { src: '/media/trucks-gate.jpg', caption: 'Trucks wait at the port gate on Monday.' } });
    const id = await holdAnotherUpdate(70, 700, 170);
    const before = await state('/port');
    const caption = async () => (await db.query<{ image_caption: string | null }>(`SELECT image_caption FROM translations WHERE article_id = $1 AND lang = 'es'`, [ids.get('/port')])).rows[0]!.image_caption;
    // Held: the live translation keeps what it had; the held revision keeps the new caption's translation.
    expect(await caption()).toBeNull();
    const { rows: heldRevision } = await db.query<{ image_caption: string | null }>(
      `SELECT r.image_caption FROM article_update_translations o JOIN translation_revisions r ON r.id = o.revision_id WHERE o.id = $1`, [id]);
    expect(heldRevision[0]!.image_caption).toMatch(/camiones/i);
    expect(before.t_text).toMatch(/\b7\b/);
    const res = await h.request('POST', `/admin/review/update/${id}/publish`);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/review/update/${id}?done=published`);
    expect(h.audits.at(-1)).toMatchObject({ action: 'review.update.publish', target: `update:${id}`, after: { outcome: 'published', path: before.pub_path } });

    const after = await state('/port');
    expect(after.t_text).toMatch(/\b170\b/); // the editor published the held text as it was
    expect(after.t_status).toBe('approved');
    const body = await page(after.pub_path);
    expect(body).toContain('170');
    expect(body).toContain('source-update');
    const modified = new Date(Math.max(new Date(after.t_updated).getTime(), new Date(after.p_updated).getTime())).toISOString();
    expect(modified > new Date(before.t_updated).toISOString()).toBe(true);
    expect(body).toContain(`"dateModified":"${modified}"`);
    expect(await (await h.request('GET', '/admin/review')).text()).toContain('Nothing to review');
    const history = await db.query<{ editor: string | null; note: string | null }>(
      'SELECT r.editor, r.note FROM translation_revisions r JOIN translations t ON t.id = r.translation_id WHERE t.article_id = $1 ORDER BY r.n DESC LIMIT 1',
      [ids.get('/port')],
    );
    expect(history.rows[0]).toMatchObject({ editor: 'editor@wire.test', note: expect.stringContaining('source update published by an editor') });
    expect(await caption()).toBe(heldRevision[0]!.image_caption);
  });

  it('a later held update supersedes an earlier one still held: the queue shows only the latest', async () => {
    const first = await holdAnotherUpdate(700, 800, 180);
    const second = await holdAnotherUpdate(800, 900, 190);
    const outcomes = new Map((await heldUpdates('/port')).map((u) => [u.id, u.outcome]));
    expect([outcomes.get(first), outcomes.get(second)]).toEqual(['superseded', 'held']);
    const queue = await (await h.request('GET', '/admin/review')).text();
    expect(queue).toContain('1 to review');
    expect(queue).toContain(`/admin/review/update/${second}"`);
  });

  it('is listed, published or dismissed through the API the command line uses beside a server', async () => {
    const api = createConsoleHandler({ services: h.services, localToken: 'local-secret-for-this-test' });
    const call = async (method: 'GET' | 'POST', path: string) => {
      const res = await api(new Request(`http://127.0.0.1:8080${path}`, { method, headers: { authorization: 'Bearer local-secret-for-this-test', ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) }, body: method === 'POST' ? '{}' : undefined }));
      return { status: res.status, json: await res.json() as any };
    };
    const held = (await heldUpdates('/port')).at(-1)!;
    const list = await call('GET', '/api/v1/review/updates');
    expect(list.status).toBe(200);
    expect(list.json).toEqual([expect.objectContaining({ id: held.id, lang: 'es', reason: expect.stringContaining('numbers'), changed: '1 paragraph changed and figure changed: 800 → 900' })]);
    expect(await call('POST', `/api/v1/review/updates/${held.id}/dismiss`)).toEqual({ status: 200, json: { updateId: held.id } });
    const again = await call('POST', `/api/v1/review/updates/${held.id}/publish`);
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.json)).toContain(`update ${held.id} is no longer held`);
    expect((await call('GET', '/api/v1/review/updates')).json).toEqual([]);
    expect((await call('POST', '/api/v1/review/updates/999999/dismiss')).status).toBe(404);
  });

  it('counts each translation once in the story\'s spend: first translations, every update (held ones too), placement', async () => {
    const story = (await db.query<{ id: number }>('INSERT INTO stories DEFAULT VALUES RETURNING id')).rows[0]!.id;
    await db.query('UPDATE articles SET story_id = $1 WHERE id = ANY($2::bigint[])', [story, [ids.get('/story'), ids.get('/port')]]);
    // A re-translation leaves the first translation's line of the ledger as it was.
    expect(await firstRun(ids.get('/story')!)).toBe(firstCost.get('/story'));
    expect(await firstRun(ids.get('/port')!)).toBe(firstCost.get('/port'));
    const updates = [...await heldUpdates('/story'), ...await heldUpdates('/port')];
    expect(updates).toHaveLength(5); // /story: one published; /port: dismissed, published, superseded, dismissed
    // translations.cost is what the text now shown cost: /story's published update.
    expect(await costOf(ids.get('/story')!)).toBe(updates[0]!.engine_characters);
    for (const u of updates) expect(u.engine_characters).toBeGreaterThan(0);
    const updateChars = updates.reduce((n, u) => n + u.engine_characters, 0);
    // Only the changed paragraph went to the engine: an update costs a share of a first translation.
    expect(updates[0]!.engine_characters).toBeLessThan(firstCost.get('/story')!);
    const spend = await storySpend(db, story);
    expect(spend).toEqual({
      storyId: story,
      translated: firstCost.get('/story')! + firstCost.get('/port')! + updateChars,
      placement: 0,
      total: firstCost.get('/story')! + firstCost.get('/port')! + updateChars,
      translations: 2 + 5,
    });
  });
});

describe('a configured schedule', () => {
  const handler = (schedule: number[]) => createRefetchArticleHandler({
    db, http, perHost: { concurrency: 4, minIntervalMs: 0 }, robots: { isAllowed: async () => true }, log, translator: createTranslator({ engines: new Map(), chains: {}, memory: createSqlTranslationMemory(db) }),
    policy: POLICY, rulesFor: () => undefined, schedule,
  });

  it('sets the next fetch by its steps', async () => {
    await handler([2 * 60 * 60_000, 5 * 60 * 60_000])({ articleId: ids.get('/story')! });
    const s = await state('/story');
    expect(s.refetch_at!.getTime() - new Date(s.listed_at).getTime()).toBe(2 * 60 * 60_000);
  });

  it('empty: the article is no longer followed, and the source is not asked', async () => {
    const seen = server.seen.length;
    await handler([])({ articleId: ids.get('/story')! });
    expect((await state('/story')).refetch_at).toBeNull();
    expect(server.seen.length).toBe(seen);
  });
});
