import { listStories, recentStoryEvents, type StoryListRow } from '../../store/story-console.ts';
import type { AdminContext } from '../admin-route.ts';
import { esc, renderAdminPage } from '../render-admin-page.ts';
import { pager, utcTime } from '../editorial/view-parts.ts';
import { eventList, storyHref, storyStyles } from './story-parts.ts';

const PAGE_SIZE = 50;
const EVENTS = 20;

/** `/admin/stories`: live stories, newest activity first, paged; and the latest splits and merges. */
export async function storiesListPage(ctx: AdminContext): Promise<Response> {
  const q = ctx.url.searchParams;
  const { db, site } = ctx.services;
  const page = Math.max(1, Math.min(10_000, Number(q.get('page')) || 1));
  // The lead in the site's first language titles a story: the one most readers see.
  const lang = site.languages[0] ?? 'en';
  const [{ rows, total }, events] = await Promise.all([
    listStories(db, { lang, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    page === 1 ? recentStoryEvents(db, { limit: EVENTS }) : Promise.resolve([]),
  ]);
  const table = rows.length === 0
    ? '<p class="empty">No stories yet: the pipeline places each article in a story as it arrives.</p>'
    : `<div class="table-wrap"><table class="queue stories"><caption>${total} ${total === 1 ? 'story' : 'stories'}, newest activity first</caption>
<thead><tr><th scope="col">Story</th><th scope="col">Sources</th><th scope="col">Languages</th><th scope="col">Last update</th></tr></thead><tbody>
${rows.map(row).join('\n')}
</tbody></table></div>${pager('/admin/stories', q, page, Math.ceil(total / PAGE_SIZE))}`;
  const recent = page === 1
    ? `<section aria-labelledby="events"><h2 id="events">Recent splits and merges</h2>${eventList(events, 'No story has been split or merged yet.')}</section>`
    : '';
  return renderAdminPage(ctx, { title: 'Stories', active: 'stories', body: `${storyStyles()}${table}${recent}` });
}

function row(r: StoryListRow): string {
  const original = r.translated_title ? `<div class="original" lang="${esc(r.title_lang)}">${esc(r.title)}</div>` : '';
  const title = r.translated_title ?? r.title;
  return `<tr><td><a href="${storyHref(r.id)}"${r.translated_title ? '' : ` lang="${esc(r.title_lang)}"`}>${esc(title)}</a>${original}<div class="path">#${r.id}</div></td>
<td data-label="Sources">${r.outlets} source${r.outlets === 1 ? '' : 's'}${r.members > r.outlets ? ` <span class="hint">(${r.members} articles)</span>` : ''}</td>
<td data-label="Languages" class="langs">${r.langs.map((l) => `<span class="check">${esc(l)}</span>`).join(' ')}</td>
<td data-label="Last update">${utcTime(r.active_at)}</td></tr>`;
}
