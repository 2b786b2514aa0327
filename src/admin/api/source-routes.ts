import { z } from 'zod';
import { addSource, importOpml, removeSourceByRef } from '../../jobs/source-actions.ts';
import { apiJson } from '../admin-responses.ts';
import type { AdminRoute } from '../admin-route.ts';
import { apiRoute, bodyOf } from './api-route.ts';

const optionalText = z.string().trim().min(1).max(500).optional();
const AddBody = z.strictObject({ url: z.string().trim().min(1).max(2000), name: optionalText, lang: optionalText, category: optionalText });
const RemoveBody = z.strictObject({ source: z.union([z.string().trim().min(1).max(2000), z.number().int().positive()]) });
/** The OPML document itself: the command reads the file on its own machine. */
const ImportBody = z.strictObject({ opml: z.string().min(1).max(10_000_000) });

/** `transwire source add|remove|import` beside a running server. */
export const sourceRoutes: AdminRoute[] = [
  apiRoute({
    method: 'POST',
    path: '/api/v1/sources',
    role: 'admin',
    summary: 'add a feed, or a page that links to one (url, name, lang, category)',
    async handle(ctx) {
      const { url, ...opts } = await bodyOf(ctx, AddBody, 'source add');
      const added = await addSource({ db: ctx.services.db, http: ctx.services.http() }, url, opts);
      await ctx.audit({ action: 'source.add', target: `source:${added.id}`, after: { url: added.url, ...opts } });
      return apiJson(added);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/sources/remove',
    role: 'admin',
    summary: 'remove a source (source: its id or URL)',
    async handle(ctx) {
      const { source } = await bodyOf(ctx, RemoveBody, 'source remove');
      const removed = await removeSourceByRef(ctx.services.db, String(source));
      await ctx.audit({ action: 'source.remove', target: `source:${removed.id}`, before: { url: removed.url } });
      return apiJson(removed);
    },
  }),
  apiRoute({
    method: 'POST',
    path: '/api/v1/sources/import',
    role: 'admin',
    summary: 'add the sources of an OPML document (opml: its text)',
    async handle(ctx) {
      const { opml } = await bodyOf(ctx, ImportBody, 'source import');
      const imported = await importOpml(ctx.services.db, opml);
      await ctx.audit({ action: 'source.import', target: 'opml', after: imported });
      return apiJson(imported);
    },
  }),
];
