import type { AdminContext, AdminRoute, AdminServices, AuditEntry, Role } from '../../src/admin/admin-route.ts';
import { ROLE_RANK } from '../../src/admin/admin-route.ts';
import { editorialRoutes } from '../../src/admin/editorial/editorial-routes.ts';
import { translatorFor, siteOptions } from '../../src/app.ts';
import { parseConfig } from '../../src/config/load-config.ts';
import type { Config } from '../../src/config/schema.ts';
import type { TranslatedArticle, Finding, Verdict } from '../../src/domain/translation.ts';
import { createHttpClient } from '../../src/fetch/index.ts';
import { createRenderSiteHandler } from '../../src/jobs/handlers/render-site.ts';
import { publishTranslation } from '../../src/jobs/publish-translation.ts';
import { createLogger } from '../../src/logger.ts';
import { upsertArticle, type ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import { insertItemIfNew } from '../../src/store/items.ts';
import { getPage } from '../../src/store/pages.ts';
import { upsertSource } from '../../src/store/sources.ts';
import { createSqlTranslationMemory } from '../../src/store/translation-memory.ts';
import { upsertTranslation, type TranslationRow } from '../../src/store/translations.ts';
import type { Translator } from '../../src/translate/index.ts';

/**
 * Calls the editorial routes the way the console's mount does — a context with a user, a CSRF
 * token already checked, a form body and an audit sink — without the mount: role checks are the
 * mount's, so here a route above the caller's role answers 403 as the mount would.
 */
export interface EditorialHarness {
  services: AdminServices;
  audits: Array<AuditEntry & { by: string }>;
  request(method: 'GET' | 'POST', path: string, opts?: { form?: Record<string, string>; role?: Role }): Promise<Response>;
  close(): Promise<void>;
}

export function testConfig(extra: Record<string, unknown> = {}): Config {
  return parseConfig({ site: { name: 'Wire', baseUrl: 'https://wire.test', languages: ['es', 'en', 'ca'] }, ...extra });
}

export function editorialHarness(db: Db, config: Config = testConfig()): EditorialHarness {
  let translator: Translator | null = null;
  const services: AdminServices = {
    db,
    config,
    site: siteOptions(config),
    log: createLogger({ level: 'silent' }),
    translator: () => (translator ??= translatorFor(config, createSqlTranslationMemory(db))),
    http: () => createHttpClient({ userAgent: 'transwire-test' }),
  };
  const audits: EditorialHarness['audits'] = [];
  return {
    services,
    audits,
    async request(method, path, opts = {}) {
      const url = new URL(path, 'https://wire.test');
      const role = opts.role ?? 'editor';
      const found = matchRoute(editorialRoutes, method, url.pathname);
      if (!found) return new Response('not found', { status: 404 });
      if (found.route.role !== 'anonymous' && ROLE_RANK[role] < ROLE_RANK[found.route.role]) return new Response('forbidden', { status: 403 });
      const body = new URLSearchParams(opts.form ?? {});
      const req = new Request(url, method === 'POST' ? { method, body, headers: { 'content-type': 'application/x-www-form-urlencoded' } } : { method });
      const user = { id: 1, email: `${role}@wire.test`, role };
      const ctx: AdminContext = {
        req,
        url,
        params: found.params,
        user,
        via: 'session',
        csrfToken: 'csrf-test-token',
        form: async () => body,
        json: async () => JSON.parse(await req.text()),
        audit: async (e) => { audits.push({ ...e, by: user.email }); },
        services,
      };
      return found.route.handle(ctx);
    },
    close: async () => { await translator?.close(); },
  };
}

function matchRoute(routes: AdminRoute[], method: string, path: string): { route: AdminRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const want = route.path.split('/');
    const got = path.split('/');
    if (want.length !== got.length) continue;
    const params: Record<string, string> = {};
    if (want.every((w, i) => (w.startsWith(':') ? ((params[w.slice(1)] = decodeURIComponent(got[i]!)), true) : w === got[i]))) return { route, params };
  }
  return null;
}

let seq = 0;

/** A source and an English article with this title, excerpt and body. */
export async function seedArticle(db: Db, a: { title: string; excerpt?: string | null; html: string; sourceName?: string; url?: string }): Promise<ArticleRow> {
  const n = ++seq;
  const name = a.sourceName ?? 'Wire';
  const source = await upsertSource(db, { url: `https://wire${n}.example/feed.xml`, name });
  const url = a.url ?? `https://wire${n}.example/story-${n}`;
  const item = (await insertItemIfNew(db, { sourceId: source.id, guid: `g${n}`, url, urlKey: url, title: a.title, summary: null, publishedAt: null }))!;
  return upsertArticle(db, {
    item_id: item.id, source_id: source.id, url, canonical_url: null, title: a.title, byline: null,
    published_at: new Date('2026-11-02T10:00:00Z'), modified_at: null, lang: 'en', dir: 'ltr', site_name: name,
    category: null, image_url: null, image_caption: null, excerpt: a.excerpt ?? null, html: a.html, text: a.html.replace(/<[^>]+>/g, ' '), content_hash: `h${n}`,
  });
}

/** A stored translation with these findings, held or published (flagged) as `verdict` says. */
export async function seedTranslation(
  db: Db,
  article: ArticleRow,
  t: { lang?: string; title: string; excerpt?: string | null; html: string; findings?: Finding[]; verdict: Verdict; holdReason?: string },
): Promise<TranslationRow> {
  const translated: TranslatedArticle = {
    lang: t.lang ?? 'es', title: t.title, excerpt: t.excerpt ?? null, html: t.html, text: t.html.replace(/<[^>]+>/g, ' '), engine: 'apertium', engineVersion: '1', nameRenderings: {},
    checks: { ok: !(t.findings ?? []).some((f) => f.severity === 'error'), findings: t.findings ?? [] },
    cost: { engine: 'apertium', characters: 1, memoryCharacters: 0, memoryHits: 0, segments: 1, money: null },
  };
  const held = t.verdict === 'hold';
  const row = await upsertTranslation(db, article.id, translated, t.verdict, held ? 'held' : 'published', held ? (t.holdReason ?? 'hold: numbers (error)') : null);
  if (!held) {
    const pub = await publishTranslation(db, article, row, t.verdict === 'publish-flagged');
    await createRenderSiteHandler({ db, site: siteOptions(testConfig()) })({ lang: row.lang, publicationId: pub.id, reason: 'publish' });
  }
  return row;
}

/** The public page as rendered and stored: status and HTML. */
export async function publicPage(db: Db, path: string): Promise<{ status: number; html: string } | null> {
  const row = await getPage(db, path);
  if (!row?.body) return null;
  return { status: row.status, html: new TextDecoder().decode(row.body) };
}
