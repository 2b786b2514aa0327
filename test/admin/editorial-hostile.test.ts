import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Db } from '../../src/store/db.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { requireApertiumPair } from '../helpers/require-tool.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { editorialHarness, publicPage, seedArticle, seedTranslation, type EditorialHarness } from './editorial-context.ts';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 300_000 });

const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';
const LINK = '<a href="javascript:alert(3)">click</a>';

/** Markup a payload would have made live: a script, an event handler, a javascript: URL. */
function live(html: string): string[] {
  return [
    ...html.matchAll(/<script>alert/gi),
    ...html.matchAll(/<img\b[^>]*\bonerror\s*=/gi),
    ...html.matchAll(/\b(?:href|src|action|formaction)\s*=\s*["']?\s*javascript:/gi),
  ].map((m) => m[0]);
}

let db: Db;
let h: EditorialHarness;
let held: TranslationRow;
let published: TranslationRow;

beforeAll(async () => {
  requireApertiumPair('eng-spa');
  db = await openTestDb();
  h = editorialHarness(db);
  const article = await seedArticle(db, {
    title: `Mayor ${SCRIPT} resigns`,
    excerpt: `Excerpt ${IMG}`,
    html: `<p>The mayor ${LINK} resigned ${IMG} on Monday.</p><p>${SCRIPT} Council meets today.</p>`,
    sourceName: `Evil ${SCRIPT} Times`,
    url: 'https://evil.example/a',
  });
  held = await seedTranslation(db, article, {
    title: `El alcalde ${SCRIPT} dimite`,
    excerpt: `Extracto ${IMG}`,
    html: `<p>El alcalde ${LINK} dimitió ${IMG} el lunes.</p><p>${SCRIPT} El consejo se reúne hoy.</p>`,
    findings: [{ check: 'names', severity: 'error', segment: 0, source: IMG, target: SCRIPT, detail: `lost ${LINK}` }],
    verdict: 'hold',
    holdReason: `hold: ${IMG}`,
  });
  const other = await seedArticle(db, { title: `Other ${IMG}`, html: '<p>Plain text here.</p>', sourceName: `Evil ${IMG}` });
  published = await seedTranslation(db, other, { title: `Otro ${SCRIPT}`, html: '<p>Texto sencillo aquí.</p>', verdict: 'publish' });
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

it('every editorial view shows hostile titles, excerpts, segments, source names, findings and reasons as inert text', async () => {
  const pub = (await db.query<{ id: number }>('SELECT id FROM publications WHERE translation_id = $1', [published.id])).rows[0]!;
  await h.request('POST', `/admin/published/${pub.id}/correct`, { form: { note: `note ${SCRIPT}${IMG}` } });
  const views = ['/admin/review', `/admin/review/${held.id}`, '/admin/published', `/admin/published/${pub.id}`, `/admin/published?q=${encodeURIComponent(SCRIPT)}`];
  for (const path of views) {
    const html = await (await h.request('GET', path)).text();
    expect(live(html), path).toEqual([]);
  }
  const review = await (await h.request('GET', `/admin/review/${held.id}`)).text();
  expect(review).toContain('El alcalde &lt;script&gt;alert(1)&lt;/script&gt; dimite');
  expect(review).toContain('Evil &lt;script&gt;alert(1)&lt;/script&gt; Times');
  expect(review).toContain('hold: &quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  const article = (await publicPage(db, (await db.query<{ path: string }>('SELECT path FROM publications WHERE id = $1', [pub.id])).rows[0]!.path))!;
  expect(article.html).toContain('note &lt;script&gt;alert(1)&lt;/script&gt;');
  expect(live(article.html)).toEqual([]);
});

it("an editor's hostile segment is sanitized before it is stored, published or remembered", async () => {
  await h.request('POST', `/admin/review/${held.id}/approve`, {
    form: { title: `Titular ${SCRIPT}`, 'seg-0': `Texto ${LINK} ${IMG} <b onclick="alert(4)">negrita</b>`, 'seg-1': `<p>bloque</p><div>${SCRIPT}</div>` },
  });
  const t = (await db.query<{ title: string; html: string }>('SELECT title, html FROM translations WHERE id = $1', [held.id])).rows[0]!;
  expect(live(t.html)).toEqual([]);
  expect(t.html).not.toMatch(/onclick|<script/i);
  expect(t.html).toContain('<b>negrita</b>');
  expect(t.title).toBe(`Titular ${SCRIPT}`); // plain text, escaped wherever shown
  const memory = (await db.query<{ target: string }>('SELECT target FROM human_translation_memory')).rows.map((r) => r.target).join('\n');
  expect(live(memory)).toEqual([]);
  const path = (await db.query<{ path: string }>('SELECT path FROM publications WHERE translation_id = $1', [held.id])).rows[0]!.path;
  const page = (await publicPage(db, path))!;
  expect(page.status).toBe(200);
  expect(live(page.html)).toEqual([]);
  expect(page.html).toContain('Titular &lt;script&gt;alert(1)&lt;/script&gt;');
});
