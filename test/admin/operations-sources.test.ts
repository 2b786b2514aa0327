import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsRoutes } from '../../src/admin/operations/operations-routes.ts';
import type { Db } from '../../src/store/db.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { opsHarness, type OpsHarness } from './operations-context.ts';
import { HOSTILE, inert } from './operations-seed.ts';

const rss = (title: string, link: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>${link}</link>
<item><guid>a1</guid><title>First</title><link>${link}article</link></item></channel></rss>`;
const ARTICLE = `<!doctype html><html lang="en"><head><title>Harbour reopens</title></head><body><header>Site menu</header>
<article><h1>Harbour reopens</h1><p class="lede">The harbour reopened on Monday after a week of repairs to the northern quay.</p>
<p>Fishing boats returned at dawn, and the harbour master said traffic would be normal by Friday.</p>
<p class="note">Tide tables for the coming week are printed on page four of the weekly edition.</p><p>Repairs cost the town 2.4 million euros, paid from the reserve fund.</p></article>
<footer>Footer links</footer></body></html>`;

let db: Db;
let ops: OpsHarness;
let site: Server;
let base: string;
let refused: Server;
let refusedBase: string;

function serve(handler: (path: string) => { type: string; body: string } | null): Promise<Server> {
  const server = createServer((req, res) => {
    const r = handler(req.url ?? '/');
    if (!r) { res.writeHead(404); res.end('no'); return; }
    res.writeHead(200, { 'content-type': r.type });
    res.end(r.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  db = await openTestDb();
  site = await serve((path) => {
    if (path === '/') return { type: 'text/html', body: `<html><head><link rel="alternate" type="application/rss+xml" href="/world.xml"><link rel="alternate" type="application/atom+xml" href="/sport.xml"></head><body>Home</body></html>` };
    if (path === '/world.xml') return { type: 'application/rss+xml', body: rss('World', `${base}/`) };
    if (path === '/sport.xml') return { type: 'application/rss+xml', body: rss('Sport', `${base}/`) };
    if (path === '/article') return { type: 'text/html', body: ARTICLE };
    return null;
  });
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  refused = await serve(() => ({ type: 'application/rss+xml', body: rss('Private', 'http://127.0.0.1/') }));
  refusedBase = `http://127.0.0.1:${(refused.address() as AddressInfo).port}`;
  // Only the newsroom's port is allowed past the SSRF guard, as `fetch.allowPrivate` would say.
  ops = opsHarness(db, operationsRoutes, { config: { fetch: { allowPrivate: [new URL(base).host] } } });
}, 180_000);
afterAll(async () => {
  site?.close();
  refused?.close();
  await db?.close();
});

const html = async (res: Response) => parseHTML(await res.text()).document;
const sourceByUrl = async (url: string) => (await db.query<{ id: number; name: string | null; lang: string | null; category: string | null; enabled: boolean; extract_rules: unknown }>('SELECT * FROM sources WHERE url = $1', [url])).rows[0];

describe('sources in the console', () => {
  let id: number;

  it('adds a page: the first feed it offers is taken, the others offered, the first poll queued, audited', async () => {
    const res = await ops.call('POST', '/admin/sources', { form: { url: `${base}/`, name: 'Harbour News', lang: 'en', category: 'Local' } });
    expect(res.status).toBe(200);
    const doc = await html(res);
    expect(doc.querySelector('.notice')!.textContent).toContain(`Added ${base}/world.xml`);
    expect(doc.querySelector(`.notice form[action="/admin/sources"] input[name="url"][value="${base}/sport.xml"]`)).not.toBeNull();
    const row = (await sourceByUrl(`${base}/world.xml`))!;
    expect(row).toMatchObject({ name: 'Harbour News', lang: 'en', category: 'Local' });
    id = row.id;
    expect((await db.query(`SELECT state FROM jobs WHERE key = $1`, [`poll:source:${id}`])).rows).toEqual([{ state: 'queued' }]);
    expect(ops.audits.at(-1)).toMatchObject({ action: 'source.add', target: `source:${id}`, after: { url: `${base}/world.xml`, name: 'Harbour News' } });
  });

  it('refuses an address the fetcher refuses (SSRF guard), adding nothing', async () => {
    for (const url of [`${refusedBase}/feed.xml`, 'http://169.254.169.254/latest/meta-data/', 'http://[::1]:9/feed']) {
      const res = await ops.call('POST', '/admin/sources', { form: { url } });
      expect(res.status, url).toBe(400);
      expect((await html(res)).querySelector('.error-message')!.textContent, url).toMatch(/fetch|refus|private|not allowed/i);
      expect(await sourceByUrl(url)).toBeUndefined();
    }
    expect((await ops.call('POST', '/admin/sources', { form: { url: 'file:///etc/passwd' } })).status).toBe(400);
  });

  it('edits name, language, section and extraction rules, checked as the config checks them; audited with before and after', async () => {
    const bad = await ops.call('POST', `/admin/sources/${id}`, { form: { name: 'Harbour', lang: 'english', category: '', select: 'article' } });
    expect(bad.status, `${bad.headers.get('location')} ${id}`).toBe(400);
    expect((await html(bad)).querySelector('.error-message')!.textContent).toContain('lang: not a language code');
    const badSelector = await ops.call('POST', `/admin/sources/${id}`, { form: { name: 'Harbour', lang: 'en', select: 'article[[' } });
    expect(badSelector.status).toBe(400);
    expect((await html(badSelector)).querySelector('.error-message')!.textContent).toContain('"article[[" is not a CSS selector');
    const ok = await ops.call('POST', `/admin/sources/${id}`, { form: { name: 'Harbour Gazette', lang: 'en', category: 'Ports', select: 'article', drop: '.note\n\n' } });
    expect(ok.status).toBe(303);
    expect(await sourceByUrl(`${base}/world.xml`)).toMatchObject({ name: 'Harbour Gazette', category: 'Ports', extract_rules: { select: ['article'], drop: ['.note'] } });
    expect(ops.audits.at(-1)).toMatchObject({ action: 'source.edit', before: { name: 'Harbour News', extract: null }, after: { name: 'Harbour Gazette', extract: { drop: ['.note'] } } });
  });

  it('previews the extraction of the newest item with the rules in the form, saving nothing', async () => {
    await db.query(`INSERT INTO items (source_id, guid, url, title) VALUES ($1, 'a1', $2, 'Harbour reopens')`, [id, `${base}/article`]);
    const withDrop = await html(await ops.call('POST', `/admin/sources/${id}/preview`, { form: { name: 'Harbour Gazette', lang: 'en', select: 'article', drop: '.note' } }));
    const text = withDrop.querySelector('.preview')!.textContent!;
    expect(text).toContain('Fishing boats returned at dawn');
    expect(text).not.toContain('Tide tables for the coming week');
    const without = await html(await ops.call('POST', `/admin/sources/${id}/preview`, { form: { name: 'Harbour Gazette', lang: 'en', select: 'article', drop: '' } }));
    expect(without.querySelector('.preview')!.textContent).toContain('Tide tables for the coming week');
    // The form keeps what was typed; the stored rules did not change.
    expect(without.querySelector('#src-drop')!.textContent).toBe('');
    expect((await sourceByUrl(`${base}/world.xml`))!.extract_rules).toEqual({ select: ['article'], drop: ['.note'] });
  });

  it('pauses, resumes and polls now, each audited', async () => {
    expect((await ops.call('POST', `/admin/sources/${id}/pause`, { form: {} })).headers.get('location')).toBe(`/admin/sources/${id}?done=paused`);
    expect((await sourceByUrl(`${base}/world.xml`))!.enabled).toBe(false);
    const paused = await html(await ops.call('GET', '/admin/sources', { role: 'viewer' }));
    expect(paused.querySelector(`a[href="/admin/sources/${id}"]`)!.closest('tr')!.textContent).toContain('paused');
    await ops.call('POST', `/admin/sources/${id}/resume`, { form: {} });
    expect((await sourceByUrl(`${base}/world.xml`))!.enabled).toBe(true);
    await db.query(`DELETE FROM jobs WHERE key = $1`, [`poll:source:${id}`]);
    expect((await ops.call('POST', `/admin/sources/${id}/poll`, { form: {} })).headers.get('location')).toBe(`/admin/sources/${id}?done=polled`);
    expect((await ops.call('POST', `/admin/sources/${id}/poll`, { form: {} })).headers.get('location')).toBe(`/admin/sources/${id}?done=already-polling`);
    expect(ops.audits.slice(-4).map((a) => a.action)).toEqual(['source.pause', 'source.resume', 'source.poll', 'source.poll']);
  });

  it('lists every source with status, last fetch, next fetch, items per day, last error and every warning', async () => {
    await db.query(`UPDATE sources SET status = 'failing', last_error = $2, warnings = $3 WHERE id = $1`, [id, `fetch: HTTP 503 ${HOSTILE}`, JSON.stringify(['one', 'two', `three ${HOSTILE}`])]);
    await db.query(`UPDATE sources SET name = $2 WHERE id = $1`, [id, `Harbour ${HOSTILE}`]);
    const res = await ops.call('GET', '/admin/sources', { role: 'viewer' });
    const body = await res.text();
    expect(inert(body)).toEqual([]);
    const row = parseHTML(body).document.querySelector(`a[href="/admin/sources/${id}"]`)!.closest('tr')!;
    const cells = [...row.querySelectorAll('td')].map((c) => c.textContent!.replace(/\s+/g, ' ').trim());
    expect(cells[1]).toBe('failing');
    expect(cells[4]).toBe('1');
    expect(cells[5]).toContain('fetch: HTTP 503 <script>alert(1)</script>');
    expect([...row.querySelectorAll('.warnings li')].map((li) => li.textContent)).toEqual(['one', 'two', `three ${HOSTILE}`]);
    // A viewer gets no form that changes anything.
    expect(parseHTML(body).document.querySelector('form[method="post"][action^="/admin/sources"]')).toBeNull();
    const detail = await ops.call('GET', `/admin/sources/${id}`, { role: 'viewer' });
    const detailBody = await detail.text();
    expect(inert(detailBody)).toEqual([]);
    expect(parseHTML(detailBody).document.querySelector('form[method="post"]:not([action="/admin/logout"])')).toBeNull();
  });

  it('exports OPML and imports an uploaded OPML file', async () => {
    const exported = await ops.call('GET', '/admin/sources.opml', { role: 'viewer' });
    expect(exported.headers.get('content-type')).toMatch(/opml/);
    expect(await exported.text()).toContain(`xmlUrl="${base}/world.xml"`);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body><outline text="Tech"><outline text="Gadget Wire" type="rss" xmlUrl="https://gadgets.example/feed.xml"/></outline></body></opml>`;
    const form = new FormData();
    form.append('csrf', 'test-csrf-token');
    form.append('opml', new Blob([opml], { type: 'text/x-opml' }), 'subs.opml');
    const body = new Response(form);
    const res = await ops.call('POST', '/admin/sources/import', { body: await body.arrayBuffer(), contentType: body.headers.get('content-type')! });
    expect(res.status).toBe(303);
    expect(await sourceByUrl('https://gadgets.example/feed.xml')).toMatchObject({ name: 'Gadget Wire', category: 'Tech' });
    expect(ops.audits.at(-1)).toMatchObject({ action: 'source.import', after: { outlines: 1 } });
    const broken = await ops.call('POST', '/admin/sources/import', { form: { opml: 'not xml at all' } });
    expect(broken.status).toBe(400);
  });

  it('removes a source, audited', async () => {
    const res = await ops.call('POST', `/admin/sources/${id}/remove`, { form: {} });
    expect(res.headers.get('location')).toBe('/admin/sources?done=removed');
    expect(await sourceByUrl(`${base}/world.xml`)).toBeUndefined();
    expect(ops.audits.at(-1)).toMatchObject({ action: 'source.remove', target: `source:${id}`, before: { url: `${base}/world.xml` } });
    expect((await ops.call('GET', `/admin/sources/${id}`)).status).toBe(404);
  });
});
