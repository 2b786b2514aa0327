import type { AdminRoute } from '../admin-route.ts';
import { heldUpdateAction, heldUpdatePage } from './held-update-page.ts';
import { correctPublished, restorePublished, takeDownPublished } from './published-actions.ts';
import { publishedListPage, publishedPage } from './published-pages.ts';
import { reviewAction } from './review-actions.ts';
import { reviewPage } from './review-page.ts';
import { reviewQueuePage } from './review-queue-page.ts';

/** Review queue, post-editing, published stories, corrections, takedowns. */
export const editorialRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/review', role: 'viewer', summary: 'held and flagged translations and held source updates, filterable by source, language, finding and age', handle: reviewQueuePage },
  { method: 'GET', path: '/admin/review/:id', role: 'viewer', summary: 'a translation beside its source, segment by segment, with the gate\'s findings and its history', handle: reviewPage },
  { method: 'POST', path: '/admin/review/:id/save', role: 'editor', summary: 'save an edit as a new revision (the gate runs again; edited segments teach the memory)', handle: reviewAction('save') },
  { method: 'POST', path: '/admin/review/:id/approve', role: 'editor', summary: 'save the edit and publish as reviewed by an editor', handle: reviewAction('approve') },
  { method: 'POST', path: '/admin/review/:id/hold', role: 'editor', summary: 'save the edit and hold the translation (not public)', handle: reviewAction('hold') },
  { method: 'POST', path: '/admin/review/:id/reject', role: 'editor', summary: 'reject the translation (not public)', handle: reviewAction('reject') },
  { method: 'POST', path: '/admin/review/:id/retranslate', role: 'editor', summary: 'queue a new translation by a configured engine, never from the memory it replaces', handle: reviewAction('retranslate') },
  { method: 'GET', path: '/admin/review/update/:id', role: 'viewer', summary: 'a source update the gate held: what changed, the held version against the live one', handle: heldUpdatePage },
  { method: 'POST', path: '/admin/review/update/:id/publish', role: 'editor', summary: 'publish a held source update anyway: it becomes the live translation, noted as an update', handle: heldUpdateAction('publish') },
  { method: 'POST', path: '/admin/review/update/:id/dismiss', role: 'editor', summary: 'dismiss a held source update: the earlier translation stays live', handle: heldUpdateAction('dismiss') },
  { method: 'GET', path: '/admin/published', role: 'viewer', summary: 'published stories: list and search by title, path or source', handle: publishedListPage },
  { method: 'GET', path: '/admin/published/:id', role: 'viewer', summary: 'one publication: correct, take down, restore', handle: publishedPage },
  { method: 'POST', path: '/admin/published/:id/correct', role: 'editor', summary: 'correct a published story: re-rendered with dateModified and a dated correction note', handle: correctPublished },
  { method: 'POST', path: '/admin/published/:id/takedown', role: 'editor', summary: 'take down one language or every language of a story, with a reason', handle: takeDownPublished },
  { method: 'POST', path: '/admin/published/:id/restore', role: 'editor', summary: 'put a taken-down publication back online', handle: restorePublished },
];
