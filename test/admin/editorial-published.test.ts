import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { editorialHarness, publicPage, seedArticle, seedTranslation, type EditorialHarness } from './editorial-context.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let db: Db;
let h: EditorialHarness;
let es: TranslationRow;
let pubEs: { id: number; path: string };
let pubCa: { id: number; path: string };

const pubOf = async (translationId: number) => (await db.query<{ id: number; path: string }>('SELECT id, path FROM publications WHERE translation_id = $1', [translationId])).rows[0]!;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  h = editorialHarness(db);
  const article = await seedArticle(db, { title: 'Port strike ends after 9 days', html: '<p>Dockers returned to work after 9 days.</p><p>The union signed the deal.</p>', sourceName: 'Harbour News' });
  es = await seedTranslation(db, article, { title: 'La huelga del puerto termina tras 9 días', html: '<p>Los estibadores volvieron al trabajo tras 19 días.</p><p>El sindicato firmó el acuerdo.</p>', verdict: 'publish' });
  const ca = await seedTranslation(db, article, { lang: 'ca', title: 'La vaga del port acaba després de 9 dies', html: '<p>Els estibadors van tornar a la feina després de 9 dies.</p><p>El sindicat va signar l’acord.</p>', verdict: 'publish' });
  pubEs = await pubOf(es.id);
  pubCa = await pubOf(ca.id);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

it('lists published stories and finds them by title, path or source', async () => {
  const all = await (await h.request('GET', '/admin/published', { role: 'viewer' })).text();
  expect(all).toContain('2 publications');
  for (const q of ['huelga', pubEs.path.slice(4, 20), 'Harbour']) {
    const found = await (await h.request('GET', `/admin/published?q=${encodeURIComponent(q)}&lang=es`)).text();
    expect(found, q).toContain(`href="/admin/published/${pubEs.id}"`);
    expect(found, q).not.toContain(`href="/admin/published/${pubCa.id}"`);
  }
  expect(await (await h.request('GET', '/admin/published?q=nothing-like-this')).text()).toContain('No published story matches');
});

it('corrects a published story: the page, its JSON-LD and the feed are rendered again with a dated note', async () => {
  const before = await publicPage(db, pubEs.path);
  const datePublished = /"datePublished":"([^"]+)"/.exec(before!.html)![1]!;
  expect((await h.request('POST', `/admin/published/${pubEs.id}/correct`, { form: { 'seg-0': 'Los estibadores volvieron al trabajo tras 9 días.' } })).status).toBe(400);
  const res = await h.request('POST', `/admin/published/${pubEs.id}/correct`, {
    form: { 'seg-0': 'Los estibadores volvieron al trabajo tras 9 días.', note: 'The strike lasted 9 days, not 19.' },
  });
  expect(res.status).toBe(303);
  const page = (await publicPage(db, pubEs.path))!;
  expect(page.status).toBe(200);
  expect(page.html).toContain('Los estibadores volvieron al trabajo tras 9 días.');
  expect(page.html).toMatch(/<p class="correction">Corrección, <time datetime="[^"]+">[^<]+<\/time>: The strike lasted 9 days, not 19.<\/p>/);
  expect(page.html).toContain('"correction":[{"@type":"CorrectionComment","text":"The strike lasted 9 days, not 19."');
  expect(page.html).toContain('revisado por un editor');
  const dateModified = /"dateModified":"([^"]+)"/.exec(page.html)![1]!;
  expect(new Date(dateModified).getTime()).toBeGreaterThan(new Date(datePublished).getTime());
  expect((await publicPage(db, '/es/feed.xml'))!.html).toContain('tras 9 días');
  expect(h.audits.at(-1)).toMatchObject({ action: 'published.correct', target: `publication:${pubEs.id}`, before: { 'seg-0': 'Los estibadores volvieron al trabajo tras 19 días.' }, after: { note: 'The strike lasted 9 days, not 19.' } });
  const admin = await (await h.request('GET', `/admin/published/${pubEs.id}`)).text();
  expect(admin).toContain('The strike lasted 9 days, not 19.');
  expect(admin).toContain('<del>19</del><ins>9</ins>');
});

it('takes one language down, then all, with a reason, and restores', async () => {
  expect((await h.request('POST', `/admin/published/${pubEs.id}/takedown`, { form: { reason: '' } })).status).toBe(400);
  await h.request('POST', `/admin/published/${pubEs.id}/takedown`, { form: { scope: 'one', reason: 'legal request' } });
  expect((await publicPage(db, pubEs.path))?.status).toBe(410);
  expect((await publicPage(db, pubCa.path))?.status).toBe(200);
  expect((await db.query<{ gone_reason: string }>('SELECT gone_reason FROM publications WHERE id = $1', [pubEs.id])).rows[0]!.gone_reason).toBe('legal request');

  await h.request('POST', `/admin/published/${pubCa.id}/takedown`, { form: { scope: 'all', reason: 'court order' } });
  expect((await publicPage(db, pubCa.path))?.status).toBe(410);
  expect(h.audits.filter((a) => a.action === 'takedown').map((a) => a.target)).toEqual([`publication:${pubEs.id}`, `publication:${pubCa.id}`]);

  const page = await (await h.request('GET', `/admin/published/${pubEs.id}`)).text();
  expect(page).toContain(`action="/admin/published/${pubEs.id}/restore"`);
  expect((await h.request('POST', `/admin/published/${pubEs.id}/restore`, { role: 'viewer', form: {} })).status).toBe(403);
  await h.request('POST', `/admin/published/${pubEs.id}/restore`, { form: {} });
  expect((await publicPage(db, pubEs.path))?.status).toBe(200);
  expect((await publicPage(db, pubCa.path))?.status).toBe(410);
  expect(h.audits.at(-1)).toMatchObject({ action: 'restore', target: `publication:${pubEs.id}`, before: { status: 'gone', reason: 'legal request' }, after: { status: 'live' } });
  expect((await publicPage(db, '/es/feed.xml'))!.html).toContain(pubEs.path);
});
