import type { StoryEventView, StoryMemberView } from '../../store/story-console.ts';
import { STYLESHEETS } from '../assets/stylesheets.ts';
import { esc } from '../render-admin-page.ts';
import { editorialStyles, utcTime } from '../editorial/view-parts.ts';

/** The editorial sheet (facts, states, notices) and the story pages' own rules on top of it. */
export const storyStyles = (): string => `${editorialStyles()}${STYLESHEETS.stories.link}`;

export const storyHref = (id: number): string => `/admin/stories/${id}`;
export const storyLink = (id: number): string => `<a href="${storyHref(id)}">story #${id}</a>`;

/**
 * A member's part in the story as an editor reads it: `duplicate` (a near-duplicate, never
 * translated), `update` (adds facts: translated as an update), `report` (translated: a lead, or a
 * translation of its own) or `listed` (a report named on the story's page, not translated).
 */
export function memberRole(m: StoryMemberView, leadIn: readonly string[]): string {
  if (m.role === 'duplicate' || m.role === 'update') return m.role;
  return leadIn.length > 0 || m.translated.length > 0 ? 'report' : 'listed';
}

/** Who decided: the pipeline (members grew apart) or an editor. */
const decider = (by: string): string => (by === 'pipeline' ? 'the pipeline' : `<span class="editor">${esc(by)}</span>`);

/** One split or merge, in words, both stories linked. */
export function eventItem(e: StoryEventView): string {
  const what = e.kind === 'split'
    ? `${storyLink(e.story_id)} split: ${e.moved} member${e.moved === 1 ? '' : 's'} became ${storyLink(e.other_id)}`
    : `${storyLink(e.other_id)} merged into ${storyLink(e.story_id)}`;
  return `<li class="story-event event-${e.kind}">${utcTime(e.at)} — ${what}, decided by ${decider(e.decided_by)}</li>`;
}

/** The list of events, or a line saying there are none. */
export function eventList(events: readonly StoryEventView[], none: string): string {
  return events.length ? `<ol class="story-events">${events.map(eventItem).join('')}</ol>` : `<p class="empty">${esc(none)}</p>`;
}
