import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleHandler } from '../../src/admin/mount-console.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import { listAudit, type AuditRow } from '../../src/store/audit-log.ts';
import type { Db } from '../../src/store/db.ts';
import { createStory, reserveStoryId } from '../../src/store/stories.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { editorialHarness, seedArticle, seedTranslation, type EditorialHarness } from './editorial-context.ts';
import { seedHeldUpdate } from './held-update-seed.ts';

/**
 * The editor's actions the command line calls beside a running server — a story's lead, split and
 * merge; a held translation approved or retranslated; a held source update published or dismissed —
 * through the real mount with the local token: each answer's status and JSON, exactly, the audit
 * row of each success, and no audit row for a refusal.
 */
const LOCAL = 'local-secret-for-editor-actions';
let db: Db;
let h: EditorialHarness;
let api: ReturnType<typeof createConsoleHandler>;
let story: number;
let other: number;
let members: ArticleRow[];
let elsewhere: ArticleRow;

async function call(path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${LOCAL}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await api(new Request(`http://127.0.0.1:8080${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body) }));
  return { status: res.status, json: await res.json() };
}
const audits = async (): Promise<AuditRow[]> => listAudit(db, {});
const lastAudit = async (): Promise<Pick<AuditRow, 'actor' | 'via' | 'action' | 'target' | 'before' | 'after'>> => {
  const { actor, via, action, target, before, after } = (await audits())[0]!;
  return { actor, via, action, target, before, after };
};
const error = (status: number, message: string) => ({ status, json: { error: { status, message } } });

async function newStory(articles: ArticleRow[], lang = 'en'): Promise<number> {
  const id = await reserveStoryId(db);
  await createStory(db, id);
  for (const a of articles) await db.query(`UPDATE articles SET story_id = $2, story_role = 'report', lang = $3 WHERE id = $1`, [a.id, id, lang]);
  return id;
}

beforeAll(async () => {
  db = await openTestDb();
  h = editorialHarness(db);
  api = createConsoleHandler({ services: h.services, localToken: LOCAL });
  members = [];
  for (const n of [1, 2, 3, 4]) members.push(await seedArticle(db, { title: `Quake report ${n}`, html: `<p>Report ${n} on the quake.</p>` }));
  story = await newStory(members);
  // The fourth report is a near-duplicate of the third.
  await db.query(`UPDATE articles SET story_role = 'duplicate', duplicate_of = $2 WHERE id = $1`, [members[3]!.id, members[2]!.id]);
  elsewhere = await seedArticle(db, { title: 'Informe del incendio', html: '<p>Un incendio.</p>' });
  other = await newStory([elsewhere], 'es');
}, 120_000);
afterAll(async () => {
  await h?.close();
  await db?.close();
});

describe('story lead, split and merge', () => {
  it('lead: the pick, queued in every target language but its own, audited', async () => {
    const picked = await call(`/api/v1/stories/${story}/lead`, { articleId: members[1]!.id });
    expect(picked).toEqual({ status: 200, json: { storyId: story, articleId: members[1]!.id, translating: ['es', 'ca'] } });
    expect(await lastAudit()).toEqual({ actor: 'local-cli', via: 'token', action: 'story.lead', target: `story:${story}`, before: null, after: picked.json });
  });

  it('lead: refusals are one line, 400 or 404, and leave no audit row', async () => {
    const before = (await audits()).length;
    expect(await call(`/api/v1/stories/${story}/lead`, { articleId: elsewhere.id })).toEqual(error(404, `story lead: article ${elsewhere.id} is not in story ${story}`));
    expect(await call(`/api/v1/stories/${story}/lead`, { articleId: members[3]!.id })).toEqual(error(400, `story lead: article ${members[3]!.id} is a near-duplicate of another member; pick the original`));
    expect(await call('/api/v1/stories/999999/lead', { articleId: members[0]!.id })).toEqual(error(404, 'story lead: no story 999999'));
    expect(await call('/api/v1/stories/abc/lead', { articleId: members[0]!.id })).toEqual(error(404, 'story lead: no story abc'));
    expect(await call(`/api/v1/stories/${story}/lead`, '{not json')).toEqual(error(400, 'story lead: the request body is not JSON'));
    expect(await call(`/api/v1/stories/${story}/lead`, { articleId: 'two' })).toEqual(error(400, 'story lead: articleId: Invalid input: expected number, received string'));
    expect(await call(`/api/v1/stories/${story}/lead`, { articleId: 1, extra: true })).toEqual(error(400, 'story lead: Unrecognized key: "extra"'));
    expect((await audits()).length).toBe(before);
  });

  it('split: the named report and its near-duplicate leave; the story keeps its first member; audited', async () => {
    const before = (await audits()).length;
    expect(await call(`/api/v1/stories/${story}/split`, { articleIds: [] })).toEqual(error(400, 'story split: articleIds: Too small: expected array to have >=1 items'));
    expect(await call(`/api/v1/stories/${story}/split`, { articleIds: members.map((m) => m.id) })).toEqual(error(400, `story split: that is every member of story ${story} (with their near-duplicates); a split leaves some behind`));
    expect(await call(`/api/v1/stories/${story}/split`, { articleIds: [elsewhere.id] })).toEqual(error(404, `story split: article ${elsewhere.id} is not in story ${story}`));
    expect(await call('/api/v1/stories/0/split', { articleIds: [1] })).toEqual(error(404, 'story split: no story 0'));
    expect((await audits()).length).toBe(before);

    const split = await call(`/api/v1/stories/${story}/split`, { articleIds: [members[2]!.id] });
    expect(split).toEqual({
      status: 200,
      json: {
        storyId: story, newStoryId: expect.any(Number), kept: [members[0]!.id, members[1]!.id], moved: [members[2]!.id, members[3]!.id],
        leads: expect.any(Array), eventId: expect.any(Number),
      },
    });
    expect(await lastAudit()).toEqual({ actor: 'local-cli', via: 'token', action: 'story.split', target: `story:${story}`, before: null, after: split.json });
  });

  it('merge: the other story joins this one, audited; merging a story into itself is refused', async () => {
    expect(await call(`/api/v1/stories/${story}/merge`, { from: story })).toEqual(error(400, `story merge: ${story} and ${story} are one story (${story}) already`));
    expect(await call(`/api/v1/stories/${story}/merge`, { from: 999999 })).toEqual(error(404, 'story merge: no story 999999'));
    expect(await call(`/api/v1/stories/${story}/merge`, {})).toEqual(error(400, 'story merge: from: Invalid input: expected number, received undefined'));
    const merged = await call(`/api/v1/stories/${story}/merge`, { from: other });
    expect(merged).toEqual({ status: 200, json: { storyId: story, merged: other, eventId: expect.any(Number) } });
    expect(await lastAudit()).toEqual({ actor: 'local-cli', via: 'token', action: 'story.merge', target: `story:${story}`, before: null, after: merged.json });
  });
});

describe('held translations and held source updates', () => {
  let held: TranslationRow;
  let live: TranslationRow;
  let heldUpdate: number;
  let otherUpdate: number;

  beforeAll(async () => {
    const a = await seedArticle(db, { title: 'Port strike ends', html: '<p>800 workers returned.</p>' });
    held = await seedTranslation(db, a, { title: 'Termina la huelga', html: '<p>900 trabajadores volvieron.</p>', verdict: 'hold' });
    const b = await seedArticle(db, { title: 'Ferry resumes', html: '<p>The ferry runs again.</p>' });
    live = await seedTranslation(db, b, { title: 'El ferri vuelve', html: '<p>El ferri funciona de nuevo.</p>', verdict: 'publish' });
    heldUpdate = await seedHeldUpdate(db, live, { title: 'El ferri vuelve', html: '<p>El ferri funciona de nuevo con 900 plazas.</p>' });
    const c = await seedArticle(db, { title: 'Bridge closes', html: '<p>The bridge closed.</p>' });
    const t = await seedTranslation(db, c, { title: 'Cierra el puente', html: '<p>El puente cerró.</p>', verdict: 'publish' });
    otherUpdate = await seedHeldUpdate(db, t, { title: 'Cierra el puente', html: '<p>El puente cerró dos días.</p>' });
  });

  it('retranslate: queued by a configured engine, audited; an unknown engine or id refused', async () => {
    const before = (await audits()).length;
    expect(await call(`/api/v1/review/${held.id}/retranslate`, { engine: 'deepl' })).toEqual(error(400, 'review retranslate: the engine "deepl" is not configured (configured: apertium)'));
    expect(await call('/api/v1/review/999999/retranslate', {})).toEqual(error(404, 'review retranslate: no translation 999999 (transwire review list shows the held ones)'));
    expect(await call(`/api/v1/review/${held.id}/retranslate`, { engine: 7 })).toEqual(error(400, 'review retranslate: engine: Invalid input: expected string, received number'));
    expect((await audits()).length).toBe(before);
    const queued = await call(`/api/v1/review/${held.id}/retranslate`, { engine: 'apertium' });
    expect(queued).toEqual({ status: 200, json: { articleId: held.article_id, lang: 'es', engine: 'apertium' } });
    expect(await lastAudit()).toEqual({ actor: 'local-cli', via: 'token', action: 'review.retranslate', target: `translation:${held.id}`, before: null, after: queued.json });
    // No body: by the configured chain.
    expect((await call(`/api/v1/review/${held.id}/retranslate`)).json).toEqual({ articleId: held.article_id, lang: 'es', engine: null });
  });

  it('approve: published as it is, audited; takes no body', async () => {
    const approved = await call(`/api/v1/review/${held.id}/approve`, '{ignored');
    expect(approved).toEqual({ status: 200, json: { translationId: held.id, path: expect.stringMatching(/^\/es\/2026\/11\//) } });
    expect(await lastAudit()).toEqual({
      actor: 'local-cli', via: 'token', action: 'review.approve', target: `translation:${held.id}`,
      before: { status: 'held' }, after: { status: 'approved', path: (approved.json as { path: string }).path },
    });
    expect(await call('/api/v1/review/x1/approve')).toEqual(error(404, 'review approve: no translation x1'));
  });

  it('publish-update: the held version goes live, audited; a second decision is 409', async () => {
    const published = await call(`/api/v1/review/updates/${heldUpdate}/publish`);
    expect(published).toEqual({ status: 200, json: { updateId: heldUpdate, translationId: live.id, path: expect.stringMatching(/^\/es\//) } });
    expect(await lastAudit()).toEqual({
      actor: 'local-cli', via: 'token', action: 'review.update.publish', target: `update:${heldUpdate}`,
      before: { outcome: 'held' }, after: { outcome: 'published', translation: live.id, path: (published.json as { path: string }).path },
    });
    const before = (await audits()).length;
    expect(await call(`/api/v1/review/updates/${heldUpdate}/publish`)).toEqual(error(409, `review publish-update: update ${heldUpdate} is no longer held (it was published by local-cli)`));
    expect(await call(`/api/v1/review/updates/${heldUpdate}/dismiss`)).toEqual(error(409, `review dismiss-update: update ${heldUpdate} is no longer held (it was published by local-cli)`));
    expect(await call('/api/v1/review/updates/999999/publish')).toEqual(error(404, 'review publish-update: no held update 999999'));
    expect(await call('/api/v1/review/updates/-1/publish')).toEqual(error(404, 'review publish-update: no update -1'));
    expect((await audits()).length).toBe(before);
  });

  it('dismiss-update: the earlier translation stays, audited', async () => {
    expect(await call(`/api/v1/review/updates/${otherUpdate}/dismiss`)).toEqual({ status: 200, json: { updateId: otherUpdate } });
    expect(await lastAudit()).toEqual({ actor: 'local-cli', via: 'token', action: 'review.update.dismiss', target: `update:${otherUpdate}`, before: { outcome: 'held' }, after: { outcome: 'dismissed' } });
    expect(await call('/api/v1/review/updates/0/dismiss')).toEqual(error(404, 'review dismiss-update: no update 0'));
  });
});
