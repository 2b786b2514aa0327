import type { Db } from '../store/db.ts';
import type { SiteOptions } from '../web/start-web-server.ts';
import { createRenderSiteHandler } from './handlers/render-site.ts';

export interface ChangedPublication {
  id: number;
  lang: string;
  path: string;
}

type RenderReason = 'publish' | 'correction' | 'takedown';

/** Renders the pages that show one publication again, now: every change of a publication ends here. */
function render(db: Db, site: SiteOptions, pub: { id: number; lang: string }, reason: RenderReason): Promise<void> {
  return createRenderSiteHandler({ db, site })({ lang: pub.lang, publicationId: pub.id, reason });
}

/** Renders the pages that show a translation again, now, when it has a live publication (an editor's edit, approval or correction). */
export async function renderIfLive(db: Db, site: SiteOptions, translationId: number, reason: RenderReason): Promise<void> {
  const { rows } = await db.query<{ id: number; lang: string }>(`SELECT id, lang FROM publications WHERE translation_id = $1 AND status = 'live'`, [translationId]);
  for (const p of rows) await render(db, site, p, reason);
}

/** A publication id (`12`), a path (`/es/2026/11/slug`) or a full URL. */
function targetWhere(target: string | number): { sql: string; value: unknown } {
  if (typeof target === 'number' || /^\d+$/.test(target)) return { sql: 'id = $1', value: Number(target) };
  let path = target;
  if (/^https?:\/\//i.test(target)) path = new URL(target).pathname;
  try { path = decodeURIComponent(path); } catch { /* keep as given */ }
  return { sql: 'path = $1', value: path };
}

/**
 * Takes a publication down: 410 at its URL, and gone from home, topics, search, feeds and
 * sitemaps. Lists read only live rows, and the pages that show it are rendered again right here,
 * so every web process serves the change within its next poll (about a second). Null when no
 * publication matches. Used by `transwire takedown` and the console.
 */
export async function takeDown(db: Db, site: SiteOptions, target: string | number, reason?: string | null): Promise<ChangedPublication | null> {
  const where = targetWhere(target);
  const { rows } = await db.query<ChangedPublication>(
    `UPDATE publications SET status = 'gone', gone_reason = coalesce($2, gone_reason, 'takedown'), updated_at = now()
     WHERE ${where.sql} RETURNING id, lang, path`,
    [where.value, reason ?? null],
  );
  const pub = rows[0];
  if (!pub) return null;
  await render(db, site, pub, 'takedown');
  return pub;
}

/** Puts a taken-down publication back: live at its URL, in lists, feeds, sitemaps and search again. */
export async function restore(db: Db, site: SiteOptions, target: string | number): Promise<ChangedPublication | null> {
  const where = targetWhere(target);
  const { rows } = await db.query<ChangedPublication>(
    `UPDATE publications SET status = 'live', gone_reason = NULL, updated_at = now() WHERE ${where.sql} RETURNING id, lang, path`,
    [where.value],
  );
  const pub = rows[0];
  if (!pub) return null;
  await render(db, site, pub, 'publish');
  return pub;
}
