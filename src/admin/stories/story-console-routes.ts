import type { AdminRoute } from '../admin-route.ts';
import { storiesListPage } from './stories-list-page.ts';
import { mergeAction, pickLeadAction, splitAction } from './story-actions.ts';
import { storyPage } from './story-page.ts';

/** The console's story screens: recent stories, one story, and an editor's lead, split and merge. */
export const storyConsoleRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/stories', role: 'viewer', summary: 'stories, newest activity first: lead title, sources, languages, last update; recent splits and merges', handle: storiesListPage },
  { method: 'GET', path: '/admin/stories/:id', role: 'viewer', summary: "a story's members in placement order, its lead per language, its splits and merges (a merged story's id redirects to the story it joined)", handle: (ctx) => storyPage(ctx) },
  { method: 'POST', path: '/admin/stories/:id/lead', role: 'editor', summary: "make a member the story's lead in every target language but its own (queued for translation)", handle: pickLeadAction },
  { method: 'POST', path: '/admin/stories/:id/split', role: 'editor', summary: 'split the ticked members (and their near-duplicates) off into a new story', handle: splitAction },
  { method: 'POST', path: '/admin/stories/:id/merge', role: 'editor', summary: 'merge another story into this one: its members move, its pages redirect here', handle: mergeAction },
];
