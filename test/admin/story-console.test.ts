import { parseHTML } from 'linkedom';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ArticleRow } from '../../src/store/articles.ts';
import { listAudit } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { createStory, recordStoryEvent, reserveStoryId } from '../../src/store/stories.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { consoleHarness, type ConsoleHarness, type Identity } from './auth-harness.ts';
import { seedArticle, seedTranslation } from './editorial-context.ts';

/**
 * The console's story screens through the real mount (sessions, CSRF, roles): what an editor and a
 * viewer see of the stories and of one story, and each action — make lead, split, merge — changing
 * the story as the API's does, audited, and refused without the form's CSRF token or for a viewer.
 */
vi.setConfig({ testTimeout: 120_000 });
let db: Db;
let h: ConsoleHarness;
let editor: Identity;
let viewer: Identity;
let story: number;
let lone: number;
const a: ArticleRow[] = [];
let loneArticle: ArticleRow;
let held: TranslationRow;

async function newStory(articles: ArticleRow[], updatedAt: string): Promise<number> {
  const id = await reserveStoryId(db);
  await createStory(db, id);
  for (const x of articles) await db.query(`UPDATE articles SET story_id = $2, story_role = 'report', placed_at = now() WHERE id = $1`, [x.id, id]);
  await db.query('UPDATE stories SET updated_at = $2, member_count = $3 WHERE id = $1', [id, updatedAt, articles.length]);
  return id;
}

const page = async (path: string, who: Identity = editor) => {
  const res = await h.call('GET', path, { cookie: who.cookie });
  return { status: res.status, location: res.headers.get('location'), doc: parseHTML(await res.text()).document };
};
const post = (path: string, form: Record<string, string | string[]>, who: Identity = editor, csrf: string | null = who.csrf) => {
  const body = new URLSearchParams();
  if (csrf !== null) body.append('csrf', csrf);
  for (const [k, v] of Object.entries(form)) for (const x of [v].flat()) body.append(k, x);
  return h.call('POST', path, { cookie: who.cookie, body: body.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
};
const text = (d: ParentNode, sel: string) => [...d.querySelectorAll(sel)].map((e) => e.textContent!.replace(/\s+/g, ' ').trim());
/** A table row's cells, each its text, joined with ' | '. */
const cells = (d: ParentNode, sel: string) => [...d.querySelectorAll(sel)].map((r) => [...r.children].map((c) => c.textContent!.replace(/\s+/g, ' ').trim()).join(' | '));
const membersOf = async (id: number) => (await db.query<{ id: number }>('SELECT id FROM articles WHERE story_id = $1 ORDER BY id', [id])).rows.map((r) => r.id);
const leadsOf = async (id: number) => (await db.query<{ lang: string; article_id: number; picked_by: string | null }>('SELECT lang, article_id, picked_by FROM story_leads WHERE story_id = $1 ORDER BY lang', [id])).rows;

beforeAll(async () => {
  db = await openTestDb();
  h = consoleHarness(db);
  editor = await h.signIn('editor', 'ed@newsroom.example');
  viewer = await h.signIn('viewer', 'vi@newsroom.example');
  const specs: Array<[string, string]> = [
    ['Ferry capsizes off the north pier', 'Harbour Gazette'],
    ['Ferry disaster at the north pier', 'Valley Times'],
    ['Naufragio de un ferry en el muelle norte', 'Costa Diario'],
    ['Naufragio de un ferry (copia)', 'Bay Wire'],
    ['Ferry rescue ends as divers search the hull', 'Valley Times'],
  ];
  for (const [title, sourceName] of specs) a.push(await seedArticle(db, { title, sourceName, html: `<p>${title}.</p>`, url: `https://${sourceName.toLowerCase().replace(/ /g, '-')}.example/${a.length}` }));
  await db.query(`UPDATE articles SET lang = 'es' WHERE id = ANY($1::bigint[])`, [[a[2]!.id, a[3]!.id]]);
  story = await newStory(a, '2026-12-01T08:00:00Z');
  await db.query(`UPDATE articles SET story_role = 'duplicate', duplicate_of = $2 WHERE id = $1`, [a[3]!.id, a[2]!.id]);
  await db.query(`UPDATE articles SET story_role = 'update' WHERE id = $1`, [a[4]!.id]);
  await db.query(`INSERT INTO story_leads (story_id, lang, article_id) VALUES ($1, 'es', $2)`, [story, a[0]!.id]);
  held = await seedTranslation(db, a[0]!, { lang: 'es', title: 'Vuelca un ferry frente al muelle norte', html: '<p>Vuelca un ferry.</p>', verdict: 'hold' });
  loneArticle = await seedArticle(db, { title: 'Harbour crane collapses', sourceName: 'Port Weekly', html: '<p>A crane fell.</p>' });
  lone = await newStory([loneArticle], '2026-11-30T08:00:00Z');
  // Two stories the pipeline split apart earlier.
  const p = await newStory([], '2026-11-01T08:00:00Z');
  const q = await newStory([], '2026-11-01T08:00:00Z');
  await recordStoryEvent(db, { kind: 'split', storyId: p, otherId: q, kept: [1], moved: [2, 3], decidedBy: 'pipeline' });
}, 300_000);
afterAll(async () => db?.close());

describe('the stories list', () => {
  it('shows live stories, newest activity first, with lead title, sources, languages and last update, and the recent splits', async () => {
    const { status, doc } = await page('/admin/stories', viewer);
    expect(status).toBe(200);
    expect(doc.querySelector('nav a[aria-current="page"]')?.textContent).toBe('Stories');
    const rows = [...doc.querySelectorAll('table.stories tbody tr')];
    // Stories without members (p and q above) are not listed.
    expect(rows.map((r) => r.querySelector('a')?.getAttribute('href'))).toEqual([`/admin/stories/${story}`, `/admin/stories/${lone}`]);
    const first = rows[0]!;
    // Titled by the lead in the site's first language (es): its translation, the original beneath.
    expect(first.querySelector('a')?.textContent).toBe('Vuelca un ferry frente al muelle norte');
    expect(first.querySelector('.original')?.textContent).toBe('Ferry capsizes off the north pier');
    expect(first.querySelector('[data-label="Sources"]')?.textContent).toBe('4 sources (5 articles)');
    expect(text(first, '[data-label="Languages"] .check')).toEqual(['en', 'es']);
    expect(first.querySelector('[data-label="Last update"] time')?.getAttribute('datetime')).toBe('2026-12-01T08:00:00.000Z');
    expect(rows[1]!.querySelector('[data-label="Sources"]')?.textContent).toBe('1 source');
    expect(text(doc, '.story-events li')).toEqual([expect.stringMatching(/split: 2 members became story #\d+, decided by the pipeline$/)]);
  });
});

describe('one story', () => {
  it('a viewer reads the members in placement order with outlet, time, linked title, role and language, and the leads — and no action', async () => {
    const { status, doc } = await page(`/admin/stories/${story}`, viewer);
    expect(status).toBe(200);
    const rows = [...doc.querySelectorAll('table.members tbody tr')];
    expect(rows.map((r) => r.querySelector('[data-label="Outlet"]')?.textContent)).toEqual(['Harbour Gazette', 'Valley Times', 'Costa Diario', 'Bay Wire', 'Valley Times']);
    expect(rows.map((r) => r.querySelector('[data-label="Role"] .state')?.textContent)).toEqual(['report', 'listed', 'listed', 'duplicate', 'update']);
    expect(rows.map((r) => r.querySelector('[data-label="Language"]')?.textContent)).toEqual(['en', 'en', 'es', 'es', 'en']);
    expect(rows.map((r) => r.querySelector('[data-label="Title"] a')?.getAttribute('href'))).toEqual(a.map((x) => x.url));
    expect(rows[0]!.querySelector('[data-label="Role"]')?.textContent).toContain('lead: es');
    expect(rows[3]!.querySelector('[data-label="Role"]')?.textContent).toContain(`of #${a[2]!.id}`);
    expect(rows[0]!.querySelector('[data-label="Time"] time')?.getAttribute('datetime')).toMatch(/^2026-11-02T10:00/);
    expect(cells(doc, 'table.leads tbody tr')).toEqual([
      `es | Ferry capsizes off the north pier (#${a[0]!.id}, Harbour Gazette) | the pipeline's choice`,
      expect.stringMatching(/^en \| none: no member is translated into it as the lead/),
    ]);
    // Nothing of it is published yet (its lead's translation is held): no public page to link.
    expect(doc.querySelector('.facts')?.textContent).toContain('Public pagenone yet: no member is published');
    expect(doc.querySelector(`form[action^="/admin/stories/${story}/"]`)).toBeNull();
    expect(doc.querySelector('button[formaction]')).toBeNull();
  });

  it('an editor gets the forms: a split box per member, make lead for every member but a copy, a merge form, each with the CSRF token', async () => {
    const { doc } = await page(`/admin/stories/${story}`);
    const split = doc.querySelector(`form[action="/admin/stories/${story}/split"]`)!;
    expect(split.querySelector('input[name="csrf"]')?.getAttribute('value')).toBe(editor.csrf);
    expect([...split.querySelectorAll('input[name="articleIds"]')].map((i) => Number(i.getAttribute('value')))).toEqual(a.map((x) => x.id));
    expect([...split.querySelectorAll('button[formaction$="/lead"]')].map((b) => Number(b.getAttribute('value')))).toEqual([a[0]!.id, a[1]!.id, a[2]!.id, a[4]!.id]);
    const merge = doc.querySelector(`form[action="/admin/stories/${story}/merge"]`)!;
    expect(merge.querySelector('input[name="csrf"]')?.getAttribute('value')).toBe(editor.csrf);
    expect(merge.querySelector('input[name="from"]')).not.toBeNull();
    // A story of one member cannot be split: no boxes to tick, a line saying why; it can still take a merge.
    const single = (await page(`/admin/stories/${lone}`)).doc;
    expect(single.querySelector('input[name="articleIds"]')).toBeNull();
    expect(single.querySelector('.split-none')?.textContent).toContain('cannot be split');
    expect(single.querySelector(`form[action="/admin/stories/${lone}/merge"]`)).not.toBeNull();
  });

  it('an unknown story is a 404', async () => {
    expect((await page('/admin/stories/999999')).status).toBe(404);
    expect((await page('/admin/stories/abc')).status).toBe(404);
  });
});

describe('make lead', () => {
  it('is refused without the CSRF token and for a viewer: nothing changes', async () => {
    const before = await leadsOf(story);
    expect((await post(`/admin/stories/${story}/lead`, { articleId: String(a[1]!.id) }, editor, null)).status).toBe(403);
    expect((await post(`/admin/stories/${story}/lead`, { articleId: String(a[1]!.id) }, editor, 'x'.repeat(43))).status).toBe(403);
    expect((await post(`/admin/stories/${story}/lead`, { articleId: String(a[1]!.id) }, viewer)).status).toBe(403);
    expect(await leadsOf(story)).toEqual(before);
  });

  it("makes the member the lead in the other target languages, audited, and lands on the story with a notice and the editor's name", async () => {
    const res = await post(`/admin/stories/${story}/lead`, { articleId: String(a[1]!.id) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/stories/${story}?done=lead`);
    expect(await leadsOf(story)).toEqual([{ lang: 'es', article_id: a[1]!.id, picked_by: 'ed@newsroom.example' }]);
    const audit = (await listAudit(db, {}))[0]!;
    expect({ actor: audit.actor, action: audit.action, target: audit.target, after: audit.after }).toEqual({
      actor: 'ed@newsroom.example', action: 'story.lead', target: `story:${story}`, after: { storyId: story, articleId: a[1]!.id, translating: ['es'] },
    });
    const { doc } = await page(res.headers.get('location')!);
    expect(doc.querySelector('.done')?.textContent).toContain('Lead picked');
    expect(cells(doc, 'table.leads tbody tr')[0]).toMatch(new RegExp(`^es \\| Ferry disaster at the north pier \\(#${a[1]!.id}, Valley Times\\) \\| picked by ed@newsroom\\.example, \\d{4}-`));
  });

  it('a near-duplicate cannot lead: the story again, with the refusal, and no change', async () => {
    const res = await post(`/admin/stories/${story}/lead`, { articleId: String(a[3]!.id) });
    expect(res.status).toBe(400);
    const doc = parseHTML(await res.text()).document;
    expect(doc.querySelector('.error-message')?.textContent).toBe(`Not done: story lead: article ${a[3]!.id} is a near-duplicate of another member; pick the original`);
    expect(doc.querySelector('table.members')).not.toBeNull();
    expect((await leadsOf(story))[0]!.article_id).toBe(a[1]!.id);
  });
});

describe('split', () => {
  it('is refused without the CSRF token, for a viewer, with nothing ticked and with every member ticked', async () => {
    expect((await post(`/admin/stories/${story}/split`, { articleIds: String(a[2]!.id) }, editor, null)).status).toBe(403);
    expect((await post(`/admin/stories/${story}/split`, { articleIds: String(a[2]!.id) }, viewer)).status).toBe(403);
    const none = await post(`/admin/stories/${story}/split`, {});
    expect(none.status).toBe(400);
    expect(parseHTML(await none.text()).document.querySelector('.error-message')?.textContent).toBe('Not done: story split: tick the members that leave the story');
    const all = await post(`/admin/stories/${story}/split`, { articleIds: a.map((x) => String(x.id)) });
    expect(all.status).toBe(400);
    expect(await membersOf(story)).toEqual(a.map((x) => x.id));
  });

  it('moves the ticked member and its near-duplicate to a new story; both pages link each other', async () => {
    const res = await post(`/admin/stories/${story}/split`, { articleIds: String(a[2]!.id) });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const newStory = Number(/other=(\d+)/.exec(location)?.[1]);
    expect(location).toBe(`/admin/stories/${story}?done=split&other=${newStory}`);
    expect(await membersOf(newStory)).toEqual([a[2]!.id, a[3]!.id]);
    expect(await membersOf(story)).toEqual([a[0]!.id, a[1]!.id, a[4]!.id]);
    expect((await listAudit(db, {}))[0]).toMatchObject({ action: 'story.split', target: `story:${story}`, after: { storyId: story, newStoryId: newStory, moved: [a[2]!.id, a[3]!.id] } });
    const kept = (await page(location)).doc;
    expect(kept.querySelector('.done a')?.getAttribute('href')).toBe(`/admin/stories/${newStory}`);
    expect(text(kept, '.story-events li')).toEqual([expect.stringMatching(new RegExp(`story #${story} split: 2 members became story #${newStory}, decided by ed@newsroom\\.example$`))]);
    const split = (await page(`/admin/stories/${newStory}`)).doc;
    expect(split.querySelector('.facts')?.textContent).toMatch(new RegExp(`Split fromstory #${story}, \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`));
    expect(split.querySelector(`.facts a[href="/admin/stories/${story}"]`)).not.toBeNull();
    expect(text(split, 'table.members [data-label="Outlet"]')).toEqual(['Costa Diario', 'Bay Wire']);
  });
});

describe('merge', () => {
  it('is refused without the CSRF token, for a viewer, for a story with itself and for an unknown story', async () => {
    expect((await post(`/admin/stories/${story}/merge`, { from: String(lone) }, editor, null)).status).toBe(403);
    expect((await post(`/admin/stories/${story}/merge`, { from: String(lone) }, viewer)).status).toBe(403);
    const same = await post(`/admin/stories/${story}/merge`, { from: String(story) });
    expect(same.status).toBe(400);
    expect(parseHTML(await same.text()).document.querySelector('.error-message')?.textContent).toContain('are one story');
    expect((await post(`/admin/stories/${story}/merge`, { from: '999999' })).status).toBe(404);
    expect((await post(`/admin/stories/${story}/merge`, { from: 'two' })).status).toBe(400);
    expect(await membersOf(lone)).toEqual([loneArticle.id]);
  });

  it("brings the other story's members here; the merged story's id redirects to the story it joined", async () => {
    const res = await post(`/admin/stories/${story}/merge`, { from: String(lone) });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/admin/stories/${story}?done=merged&other=${lone}`);
    expect(await membersOf(story)).toContain(loneArticle.id);
    expect((await listAudit(db, {}))[0]).toMatchObject({ action: 'story.merge', target: `story:${story}`, after: { storyId: story, merged: lone } });
    const gone = await page(`/admin/stories/${lone}`, viewer);
    expect(gone.status).toBe(303);
    expect(gone.location).toBe(`/admin/stories/${story}?from=${lone}`);
    const { doc } = await page(gone.location!, viewer);
    expect(doc.querySelector('.done')?.textContent).toContain(`Story #${lone} was merged into this one`);
    const list = (await page('/admin/stories', viewer)).doc;
    expect([...list.querySelectorAll('table.stories tbody tr a')].map((x) => x.getAttribute('href'))).not.toContain(`/admin/stories/${lone}`);
    expect(text(list, '.story-events li')[0]).toMatch(new RegExp(`story #${lone} merged into story #${story}, decided by ed@newsroom\\.example$`));
  });
});

describe('the review queue', () => {
  it("links a held translation to its original's story, in the queue and on its review page", async () => {
    const queue = (await page('/admin/review', viewer)).doc;
    const row = [...queue.querySelectorAll('table.queue tbody tr')].find((r) => r.textContent!.includes('Vuelca un ferry'))!;
    expect(row.querySelector(`a[href="/admin/stories/${story}"]`)?.textContent).toBe(`story #${story}`);
    const review = (await page(`/admin/review/${held.id}`, viewer)).doc;
    expect(review.querySelector(`.back a[href="/admin/stories/${story}"]`)).not.toBeNull();
  });
});

describe('paging', () => {
  it('shows fifty stories a page, newest activity first, with previous and next links', async () => {
    for (let i = 0; i < 50; i++) {
      const x = await seedArticle(db, { title: `Paged story ${i}`, sourceName: 'Pager Post', html: '<p>Paged.</p>' });
      await newStory([x], new Date(Date.UTC(2026, 9, 1, 0, i)).toISOString());
    }
    const total = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories WHERE merged_into IS NULL AND member_count > 0')).rows[0]!.n;
    expect(total).toBe(52);
    const first = (await page('/admin/stories', viewer)).doc;
    expect(first.querySelector('caption')?.textContent).toBe('52 stories, newest activity first');
    const titles = text(first, 'table.stories tbody tr td:first-child a');
    expect(titles).toHaveLength(50);
    // The merged-into story (its lead in es now the editor's pick, untranslated: its original title), then the story split off.
    expect(titles.slice(0, 2)).toEqual(['Ferry disaster at the north pier', 'Naufragio de un ferry en el muelle norte']);
    expect(titles[2]).toBe('Paged story 49');
    expect(first.querySelector('.pager a[rel="next"]')?.getAttribute('href')).toBe('/admin/stories?page=2');
    const second = (await page('/admin/stories?page=2', viewer)).doc;
    expect(text(second, 'table.stories tbody tr td:first-child a')).toEqual(['Paged story 1', 'Paged story 0']);
    expect(second.querySelector('.pager a[rel="prev"]')).not.toBeNull();
    // The splits and merges are on the first page only.
    expect(second.querySelector('.story-events')).toBeNull();
  });
});
