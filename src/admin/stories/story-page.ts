import { storySplitOrigin } from '../../store/story-origin.ts';
import { storyLanguages, storyTarget } from '../../store/story-reads.ts';
import { recentStoryEvents, storyHead, storyLeadsForConsole, storyMembersForConsole, type StoryLeadView, type StoryMemberView } from '../../store/story-console.ts';
import { redirect } from '../admin-responses.ts';
import type { AdminContext } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { idParam } from '../editorial/load-review.ts';
import { canEdit } from '../editorial/segment-editor.ts';
import { utcTime } from '../editorial/view-parts.ts';
import { eventList, memberRole, storyHref, storyLink, storyStyles } from './story-parts.ts';

/** What the page says after an action (`?done=…`); `other` (a story id, digits only) is linked. */
function doneText(q: URLSearchParams): string {
  const other = /^\d{1,15}$/.test(q.get('other') ?? '') ? Number(q.get('other')) : null;
  switch (q.get('done')) {
    case 'lead': return 'Lead picked: it is queued for translation into the other target languages, and the story\'s page leads with it once translated.';
    case 'split': return other ? `Split: the chosen members are now ${storyLink(other)}; the rest stay here.` : '';
    case 'split-kept': return other ? `Split: the chosen members keep this story (they include its first member); the others are now ${storyLink(other)}.` : '';
    case 'merged': return other ? `Story #${other} merged into this one: its members are here and its pages redirect here.` : '';
    default: return '';
  }
}

/** A notice: the done text (fixed words and a number, never echoed input), or a refusal's message. */
function notice(q: URLSearchParams, refusal: string | undefined): string {
  if (refusal) return `<p class="error-message" role="alert">Not done: ${esc(refusal)}</p>`;
  const movedFrom = /^\d{1,15}$/.test(q.get('from') ?? '') ? Number(q.get('from')) : null;
  if (movedFrom) return `<p class="done" role="status">Story #${movedFrom} was merged into this one: you are on the story it joined.</p>`;
  const text = doneText(q);
  return text ? `<p class="done" role="status">${text}</p>` : '';
}

/**
 * `/admin/stories/:id`: the members in placement order with their roles and a "make lead" button
 * each, the lead per target language, a split form (checkboxes) and a merge form, and the story's
 * splits and merges. A merged story's id redirects to the story it joined. `refusal`: an action's
 * refusal, shown above the story with `status`.
 */
export async function storyPage(ctx: AdminContext, refusal?: { status: number; message: string }): Promise<Response> {
  const { db, site } = ctx.services;
  const id = idParam(ctx.params.id);
  const target = id ? await storyTarget(db, id) : null;
  const head = target && !target.merged ? await storyHead(db, target.id) : null;
  if (target?.merged) return redirect(`${storyHref(target.id)}?from=${id}`);
  if (!head) return renderAdminPage(ctx, { title: 'Not found', active: 'stories', status: 404, body: `<p>No such story. <a href="/admin/stories">Back to the stories</a>.</p>` });
  const [members, leads, events, splitFrom, readIn] = await Promise.all([
    storyMembersForConsole(db, head.id),
    storyLeadsForConsole(db, head.id),
    recentStoryEvents(db, { limit: 50, storyId: head.id }),
    storySplitOrigin(db, head.id, site.languages[0] ?? 'en'),
    storyLanguages(db, head.id),
  ]);
  // Titled as the list titles it: by the lead in the site's first language, else its first member.
  const lead = leads.find((l) => l.lang === site.languages[0]);
  const title = (lead ? members.find((m) => m.article_id === lead.article_id) : members[0])?.title ?? `Story #${head.id}`;
  // The site's story page answers in a language once a member is published there.
  const live = site.languages.filter((l) => readIn.includes(l));
  const publicPages = live.length ? live.map((l) => `<a href="/${esc(l)}/story/${head.id}" hreflang="${esc(l)}">${esc(l)}</a>`).join(', ') : 'none yet: no member is published';
  const facts = `<dl class="facts">
<dt>Story</dt><dd>#${head.id}</dd>
<dt>Last update</dt><dd>${utcTime(head.active_at)}</dd>
<dt>Members</dt><dd>${members.length} (${sourcesText(new Set(members.map((m) => m.outlet)).size)})</dd>
${splitFrom && splitFrom.storyId !== head.id ? `<dt>Split from</dt><dd>${storyLink(splitFrom.storyId)}${splitFrom.storyId !== head.split_from ? ` (story #${head.split_from}, since merged)` : ''}, ${utcTime(splitFrom.at)}</dd>` : ''}
<dt>Public page</dt><dd>${publicPages}</dd>
</dl>`;
  const editable = canEdit(ctx);
  const body = `${storyStyles()}${notice(ctx.url.searchParams, refusal?.message)}
<p class="back"><a href="/admin/stories">← Stories</a></p>
${facts}
${leadTable(leads, members, site.languages)}
${memberForm(ctx, head.id, members, leads, editable)}
${editable ? mergeForm(ctx, head.id) : ''}
<section aria-labelledby="events"><h2 id="events">Splits and merges</h2>${eventList(events, 'This story has not been split or merged.')}</section>`;
  return renderAdminPage(ctx, { title: `Story: ${title}`, active: 'stories', status: refusal?.status, body });
}

/** The lead in each target language: which member, and whether an editor or the pipeline chose it. */
function leadTable(leads: StoryLeadView[], members: StoryMemberView[], languages: readonly string[]): string {
  const byLang = new Map(leads.map((l) => [l.lang, l]));
  const rows = languages.map((lang) => {
    const lead = byLang.get(lang);
    const m = lead && members.find((x) => x.article_id === lead.article_id);
    const who = lead ? (lead.picked_by ? `picked by <span class="editor">${esc(lead.picked_by)}</span>, ${utcTime(lead.updated_at)}` : 'the pipeline\'s choice') : '';
    return `<tr><th scope="row">${esc(lang)}</th><td data-label="Lead">${m ? `<span lang="${esc(m.lang)}">${esc(m.title)}</span> <span class="hint">(#${m.article_id}, ${esc(m.outlet)})</span>` : '<span class="hint">none: no member is translated into it as the lead (a member in this language is read as it is)</span>'}</td><td data-label="Chosen">${who || '—'}</td></tr>`;
  });
  return `<section aria-labelledby="leads"><h2 id="leads">Lead per language</h2><div class="table-wrap"><table class="leads">
<thead><tr><th scope="col">Language</th><th scope="col">Lead</th><th scope="col">Chosen</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></section>`;
}

/**
 * The members, one form: each row's "make lead" button posts to /lead with its article id, the
 * split button posts the ticked rows to /split (formaction: works without JavaScript).
 */
function memberForm(ctx: AdminContext, storyId: number, members: StoryMemberView[], leads: StoryLeadView[], editable: boolean): string {
  const base = storyHref(storyId);
  const canSplit = editable && members.length > 1;
  const rows = members.map((m, i) => {
    const leadIn = leads.filter((l) => l.article_id === m.article_id).map((l) => l.lang);
    const role = memberRole(m, leadIn);
    const url = /^https?:\/\//i.test(m.url) ? m.url : null;
    const titleText = `<span class="member-title">${esc(m.title)}</span>`;
    const title = url ? `<a href="${esc(url)}" rel="noopener noreferrer" lang="${esc(m.lang)}">${titleText}</a>` : `<span lang="${esc(m.lang)}">${titleText}</span>`;
    const copyOf = m.role === 'duplicate' && m.duplicate_of !== null ? ` <span class="hint">of #${m.duplicate_of}</span>` : '';
    const pick = canSplit ? `<td class="pick" data-label="Split off"><input type="checkbox" name="articleIds" value="${m.article_id}" aria-label="Split off #${m.article_id}: ${esc(m.title)}"></td>` : '';
    const act = editable
      ? `<td class="act" data-label="Lead">${m.role === 'duplicate' ? '<span class="hint">a copy: pick its original</span>' : `<button name="articleId" value="${m.article_id}" formaction="${base}/lead" formnovalidate>Make lead</button>`}</td>`
      : '';
    return `<tr>${pick}<td data-label="Order">${i + 1}. <span class="hint">#${m.article_id}</span></td><td data-label="Outlet">${esc(m.outlet)}</td><td data-label="Time">${utcTime(m.at)}</td>
<td data-label="Title">${title}</td><td data-label="Role"><span class="state role-${role}">${role}</span>${copyOf}${leadIn.length ? ` <span class="check">lead: ${leadIn.map(esc).join(', ')}</span>` : ''}</td><td data-label="Language">${esc(m.lang)}</td>${act}</tr>`;
  });
  const table = `<div class="table-wrap"><table class="members"><caption>${members.length} member${members.length === 1 ? '' : 's'}, in the order they were placed</caption>
<thead><tr>${canSplit ? '<th scope="col">Split off</th>' : ''}<th scope="col">Order</th><th scope="col">Outlet</th><th scope="col">Time</th><th scope="col">Title</th><th scope="col">Role</th><th scope="col">Language</th>${editable ? '<th scope="col">Lead</th>' : ''}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div>`;
  if (!editable) return `<section aria-labelledby="members"><h2 id="members">Members</h2>${table}</section>`;
  // One member cannot be split from itself: the box only says so.
  const splitBox = !canSplit
    ? '<p class="hint split-none">A story of one member cannot be split; merge another story into it, or it into another.</p>'
    : `<div class="story-box"><h2>Split</h2><p class="hint">The ticked members (and their near-duplicates) become a story of their own. If they include the first member, they keep this story and its address, and the others leave.</p>
<button class="danger">Split the ticked members off</button></div>`;
  return `<section aria-labelledby="members"><h2 id="members">Members</h2>
<form method="post" action="${base}/split">${csrfField(ctx)}${table}${splitBox}</form></section>`;
}

const sourcesText = (n: number): string => `${n} source${n === 1 ? '' : 's'}`;

function mergeForm(ctx: AdminContext, storyId: number): string {
  return `<form method="post" action="${storyHref(storyId)}/merge" class="story-box">${csrfField(ctx)}<h2>Merge</h2>
<p class="hint">Another story joins this one: its members move here, this story keeps its leads, and the other story's pages redirect here.</p>
<label for="merge-from">Story id to merge into this one</label> <input id="merge-from" name="from" type="number" min="1" step="1" required inputmode="numeric"> <button>Merge into this story</button></form>`;
}
