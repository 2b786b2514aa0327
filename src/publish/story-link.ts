import { esc } from './html.ts';
import { sourcesLabel, storyMessages } from './messages/stories.ts';
import type { StoryRef } from './site-view.ts';

/** "3 sources · see the story" under an article's byline; '' when the article is its story's only member. */
export function storyLink(lang: string, story: StoryRef | null | undefined): string {
  if (!story) return '';
  return `<p class="story-link"><a href="${esc(story.path)}">${esc(sourcesLabel(lang, story.outlets))} · ${esc(storyMessages(lang).seeStory)}</a></p>`;
}

/** " · 3 sources" on a card's meta line, linking to the story. */
export function storyCount(lang: string, story: StoryRef | null | undefined): string {
  if (!story) return '';
  return ` · <a class="sources" href="${esc(story.path)}">${esc(sourcesLabel(lang, story.outlets))}</a>`;
}
