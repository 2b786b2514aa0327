import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/domain/translation.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { editorialHarness, publicPage, seedArticle, seedTranslation, type EditorialHarness } from './editorial-context.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

let db: Db;
let h: EditorialHarness;
let article: ArticleRow;
let held: TranslationRow;
let flagged: TranslationRow;

const numbers = (segment: number | null, detail: string): Finding => ({ check: 'numbers', severity: 'error', segment, source: '12', target: '21', detail });

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  h = editorialHarness(db);
  article = await seedArticle(db, {
    title: 'Storm leaves 12 dead in Valencia',
    excerpt: 'Rescuers searched through the night.',
    html: '<p>The storm killed 12 people on Tuesday.</p><p>Officials in Valencia said more rain is expected.</p>',
    sourceName: 'Coast Daily',
  });
  held = await seedTranslation(db, article, {
    title: 'La tormenta deja 21 muertos en Valencia',
    excerpt: 'Los rescatadores buscaron durante la noche.',
    html: '<p>La tormenta mató a 21 personas el martes.</p><p>Los funcionarios de Valencia dijeron que se espera más lluvia.</p>',
    findings: [numbers(0, '12 in the source, 21 in the translation'), numbers(null, 'title: 12 in the source, 21 in the translation')],
    verdict: 'hold',
  });
  const other = await seedArticle(db, { title: 'Markets rally', html: '<p>Shares rose 3 percent.</p>', sourceName: 'Money Wire' });
  flagged = await seedTranslation(db, other, {
    lang: 'ca', title: 'Els mercats pugen', html: '<p>Les accions van pujar un 3 per cent.</p>',
    findings: [{ check: 'names', severity: 'warning', segment: 0, source: 'Dow', target: null, detail: '"Dow" is not in the translation' }],
    verdict: 'publish-flagged',
  });
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

it('lists held and flagged translations, filtered by source, language, finding and age', async () => {
  const all = await (await h.request('GET', '/admin/review', { role: 'viewer' })).text();
  expect(all).toContain('2 to review');
  expect(all).toContain('La tormenta deja 21 muertos en Valencia');
  expect(all).toContain('Els mercats pugen');
  expect(all).toMatch(/state-held[^]*state-flagged|state-flagged[^]*state-held/);

  const byLang = await (await h.request('GET', '/admin/review?lang=ca')).text();
  expect(byLang).toContain('Els mercats pugen');
  expect(byLang).not.toContain('La tormenta');
  const byCheck = await (await h.request('GET', '/admin/review?check=numbers')).text();
  expect(byCheck).toContain('La tormenta');
  expect(byCheck).not.toContain('Els mercats');
  const byAge = await (await h.request('GET', '/admin/review?age=gt24h')).text();
  expect(byAge).toContain('Nothing to review');
  const sourceId = (await db.query<{ id: number }>(`SELECT id FROM sources WHERE name = 'Money Wire'`)).rows[0]!.id;
  const bySource = await (await h.request('GET', `/admin/review?source=${sourceId}`)).text();
  expect(bySource).toContain('Els mercats pugen');
  expect(bySource).not.toContain('La tormenta');
});

it('shows source and translation side by side, each finding on its segment, the changed number marked', async () => {
  const page = await (await h.request('GET', `/admin/review/${held.id}`, { role: 'viewer' })).text();
  const seg0 = page.slice(page.indexOf('id="u-seg-0"') - 30, page.indexOf('id="u-seg-1"'));
  expect(seg0).toContain('The storm killed <mark>12</mark> people on Tuesday.');
  expect(seg0).toContain('<textarea id="f-seg-0" name="seg-0" lang="es" rows="2" readonly>La tormenta mató a 21 personas el martes.</textarea>');
  expect(seg0).toContain('<mark class="was">12</mark> → <mark class="now">21</mark>');
  expect(seg0).toContain('unit-flagged');
  const seg1 = page.slice(page.indexOf('id="u-seg-1"'));
  expect(seg1.slice(0, seg1.indexOf('</div>\n</div>'))).not.toContain('class="finding');
  const title = page.slice(page.indexOf('id="u-title"'), page.indexOf('id="u-excerpt"'));
  expect(title).toContain('Storm leaves <mark>12</mark> dead in Valencia');
  // A viewer reads; only an editor gets the buttons.
  expect(page).not.toContain('formaction=');
  expect(await (await h.request('GET', `/admin/review/${held.id}`)).text()).toContain(`formaction="/admin/review/${held.id}/approve"`);
  expect((await h.request('POST', `/admin/review/${held.id}/save`, { role: 'viewer', form: {} })).status).toBe(403);
});

it('saves an edit as a new revision, re-runs the gate on it, and shows the diff', async () => {
  const res = await h.request('POST', `/admin/review/${held.id}/save`, {
    form: { title: 'La tormenta deja 12 muertos en Valencia', excerpt: 'Los rescatadores buscaron durante la noche.', 'seg-0': 'La tormenta mató a 12 personas el martes.', 'seg-1': 'Los funcionarios de Valencia dijeron que se espera más lluvia.' },
  });
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe(`/admin/review/${held.id}?done=saved`);
  const t = (await db.query<{ title: string; html: string; checks: { findings: Finding[] }; status: string; reviewed_at: Date | null }>('SELECT title, html, checks, status, reviewed_at FROM translations WHERE id = $1', [held.id])).rows[0]!;
  expect(t.title).toBe('La tormenta deja 12 muertos en Valencia');
  expect(t.html).toBe('<p>La tormenta mató a 12 personas el martes.</p><p>Los funcionarios de Valencia dijeron que se espera más lluvia.</p>');
  expect(t.status).toBe('held');
  expect(t.checks.findings.filter((f) => f.check === 'numbers')).toEqual([]);
  const revs = (await db.query<{ n: number; kind: string; editor: string | null }>('SELECT n, kind, editor FROM translation_revisions WHERE translation_id = $1 ORDER BY n', [held.id])).rows;
  expect(revs).toEqual([{ n: 1, kind: 'machine', editor: null }, { n: 2, kind: 'edit', editor: 'editor@wire.test' }]);
  expect(h.audits.at(-1)).toMatchObject({ action: 'review.edit', target: `translation:${held.id}`, before: { title: 'La tormenta deja 21 muertos en Valencia', 'seg-0': 'La tormenta mató a 21 personas el martes.' }, after: { title: 'La tormenta deja 12 muertos en Valencia' } });

  const page = await (await h.request('GET', `/admin/review/${held.id}?done=saved`)).text();
  expect(page).toContain('The fidelity gate ran again on your edit');
  expect(page).toMatch(/Fidelity gate: (publish|publish-flagged|hold)<\/strong> — 0 errors/);
  expect(page).toContain('Changes from revision 1 to 2');
  expect(page).toContain('mató a <del>21</del><ins>12</ins> personas');

  const again = await h.request('POST', `/admin/review/${held.id}/save`, { form: { 'seg-0': 'La tormenta mató a 12 personas el martes.' } });
  expect(again.headers.get('location')).toContain('done=unchanged');
});

it('approves: published without a warning, the public notice says an editor reviewed it', async () => {
  const res = await h.request('POST', `/admin/review/${held.id}/approve`, { form: {} });
  expect(res.status).toBe(303);
  const pub = (await db.query<{ path: string; status: string; flagged: boolean }>('SELECT path, status, flagged FROM publications WHERE translation_id = $1', [held.id])).rows[0]!;
  expect(pub).toMatchObject({ status: 'live', flagged: false });
  const page = await publicPage(db, pub.path);
  expect(page?.status).toBe(200);
  expect(page?.html).toContain('Traducido automáticamente por Apertium y revisado por un editor.');
  expect(page?.html).toContain('La tormenta mató a 12 personas el martes.');
  expect(h.audits.at(-1)).toMatchObject({ action: 'review.approve', before: { status: 'held' }, after: { status: 'approved', path: pub.path } });
  expect(await (await h.request('GET', '/admin/review')).text()).not.toContain('La tormenta');
});

it('approves a flagged story: the warning goes, the page is rendered again; hold and reject take it off', async () => {
  const pubBefore = (await db.query<{ path: string; flagged: boolean }>('SELECT path, flagged FROM publications WHERE translation_id = $1', [flagged.id])).rows[0]!;
  expect(pubBefore.flagged).toBe(true);
  await h.request('POST', `/admin/review/${flagged.id}/approve`, { form: {} });
  const page = await publicPage(db, pubBefore.path);
  expect(page?.html).toContain('Traduït automàticament per Apertium i revisat per un editor.');
  expect(page?.html).not.toContain('id="checks"');

  await h.request('POST', `/admin/review/${flagged.id}/hold`, { form: { reason: 'checking the index name' } });
  expect((await publicPage(db, pubBefore.path))?.status).toBe(410);
  expect((await db.query<{ status: string; hold_reason: string }>('SELECT status, hold_reason FROM translations WHERE id = $1', [flagged.id])).rows[0]).toEqual({ status: 'held', hold_reason: 'checking the index name' });
  await h.request('POST', `/admin/review/${flagged.id}/approve`, { form: {} });
  expect((await publicPage(db, pubBefore.path))?.status).toBe(200);
  await h.request('POST', `/admin/review/${flagged.id}/reject`, { form: {} });
  expect((await publicPage(db, pubBefore.path))?.status).toBe(410);
  expect(h.audits.map((a) => a.action)).toEqual(expect.arrayContaining(['review.hold', 'review.reject']));
});

it('retranslates only with a configured engine, asked afresh', async () => {
  const bad = await h.request('POST', `/admin/review/${held.id}/retranslate`, { form: { engine: 'deepl' } });
  expect(bad.status).toBe(400);
  expect(await bad.text()).toContain('is not configured');
  expect((await db.query(`SELECT 1 FROM jobs WHERE kind = 'translate'`)).rows).toEqual([]);
  const ok = await h.request('POST', `/admin/review/${held.id}/retranslate`, { form: { engine: 'apertium' } });
  expect(ok.status).toBe(303);
  const job = (await db.query<{ payload: Record<string, unknown> }>(`SELECT payload FROM jobs WHERE kind = 'translate'`)).rows[0]!;
  expect(job.payload).toEqual({ articleId: article.id, lang: 'es', force: true, engine: 'apertium', fresh: true });
  expect(h.audits.at(-1)).toMatchObject({ action: 'review.retranslate', after: { engine: 'apertium', queued: true } });
});

it('pages the queue by key: next and previous keep the filters', async () => {
  await db.query(`INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status, created_at)
    SELECT $1, 'x' || g, 'Queued ' || lpad(g::text, 3, '0'), '<p>x</p>', 'x', 'apertium', '1', '{"ok":false,"findings":[]}'::jsonb, 'hold', 'held', now() - interval '1 hour' + g * interval '1 second'
    FROM generate_series(1, 60) g`, [article.id]);
  const first = await (await h.request('GET', '/admin/review?check=')).text();
  expect(first).toContain('Queued 001');
  expect(first).not.toContain('Queued 051');
  const next = /<a href="([^"]+)" rel="next">/.exec(first)![1]!.replace(/&amp;/g, '&');
  expect(next).toMatch(/^\/admin\/review\?check=&after=\d+$/);
  const second = await (await h.request('GET', next)).text();
  expect(second).toContain('Queued 051');
  expect(second).not.toContain('Queued 050');
  const prev = /<a href="([^"]+)" rel="prev">/.exec(second)![1]!.replace(/&amp;/g, '&');
  const back = await (await h.request('GET', prev)).text();
  expect(back).toContain('Queued 001');
  expect(back).toContain('Queued 050');
});
