import pino from 'pino';
import { AdminHttpError, type AdminContext, type AdminRoute, type AuditEntry, type Role } from '../../src/admin/admin-route.ts';
import { createRouteMatcher } from '../../src/admin/match-route.ts';
import { bodyReaders } from '../../src/admin/request-body.ts';
import { configSchema, type Config } from '../../src/config/schema.ts';
import { createHttpClient, type HttpClient } from '../../src/fetch/index.ts';
import type { Db } from '../../src/store/db.ts';
import type { Translator } from '../../src/translate/index.ts';

/**
 * Calls the console's routes in memory with a context built here, as the mount would hand it
 * (a signed-in user of a role, a CSRF token, the form, audit rows collected), without the
 * mount's checks: those are the mount's tests. What a handler throws as AdminHttpError comes back
 * as that status, as the mount answers it.
 */
export interface OpsHarness {
  audits: Array<AuditEntry & { by: string }>;
  call(method: 'GET' | 'POST', path: string, opts?: { role?: Role; form?: Record<string, string | string[]> | URLSearchParams; body?: BodyInit; contentType?: string }): Promise<Response>;
  config: Config;
}

export function opsHarness(db: Db, routes: AdminRoute[], opts: { config?: unknown; http?: HttpClient; translator?: () => Translator } = {}): OpsHarness {
  const config = configSchema.parse(opts.config ?? {});
  const matcher = createRouteMatcher(routes);
  const audits: OpsHarness['audits'] = [];
  let http = opts.http;
  const harness: OpsHarness = {
    audits,
    config,
    async call(method, path, o = {}) {
      const url = new URL(path, 'http://127.0.0.1');
      const found = matcher.match(method, url.pathname);
      if (!found || 'methodMismatch' in found) return new Response('no route', { status: found ? 405 : 404 });
      let body: BodyInit | undefined = o.body;
      let contentType = o.contentType;
      if (o.form) {
        const form = o.form instanceof URLSearchParams ? o.form : new URLSearchParams();
        if (!(o.form instanceof URLSearchParams)) for (const [k, v] of Object.entries(o.form)) for (const x of [v].flat()) form.append(k, x);
        body = form.toString();
        contentType = 'application/x-www-form-urlencoded';
      }
      const req = new Request(url, { method, body, headers: contentType ? { 'content-type': contentType } : {} });
      const readers = bodyReaders(req);
      const role = o.role ?? 'admin';
      const user = { id: 1, email: `${role}@newsroom.example`, role };
      const ctx: AdminContext = {
        req,
        url,
        params: found.params,
        user,
        via: 'session',
        csrfToken: 'test-csrf-token',
        form: () => readers.form(),
        json: <T>() => readers.json<T>(),
        audit: async (entry) => void audits.push({ ...entry, by: user.email }),
        services: {
          db,
          config,
          site: { name: config.site.name, baseUrl: config.site.baseUrl, languages: [...config.site.languages], defaultLanguage: config.site.languages[0]! },
          log: pino({ level: 'silent' }),
          translator: opts.translator ?? (() => { throw new Error('no translator in this test'); }),
          http: () => (http ??= createHttpClient({ userAgent: 'transwire-test', allowPrivate: [...config.fetch.allowPrivate] })),
        },
      };
      try {
        return await found.route.handle(ctx);
      } catch (err) {
        if (err instanceof AdminHttpError) return new Response(err.message, { status: err.status });
        throw err;
      }
    },
  };
  return harness;
}
