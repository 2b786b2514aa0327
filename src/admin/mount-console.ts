import type { Route } from '../web/start-web-server.ts';
import { AdminHttpError, ROLE_RANK, type AdminContext, type AdminRoute, type AdminServices, type AdminUser, type AuditEntry } from './admin-route.ts';
import { findTokenBySecret, tokenAllows } from './auth/api-tokens.ts';
import { consoleOrigins, crossOriginReason } from './auth/request-origin.ts';
import { randomToken, secretsEqual } from './auth/secrets.ts';
import { cookieHeader, DEFAULT_SESSION_POLICY, LOGIN_COOKIE, readCookie, readSession, SESSION_COOKIE, type SessionPolicy } from './auth/session.ts';
import { createRouteMatcher, type RouteMatch } from './match-route.ts';
import { renderAdminError } from './render-admin-page.ts';
import { bodyReaders } from './request-body.ts';
import { apiError, redirect } from './admin-responses.ts';
import { adminRoutes } from './route-table.ts';
import { STYLESHEETS } from './assets/stylesheets.ts';
import { insertAudit } from '../store/audit-log.ts';
import { touchApiToken } from '../store/api-tokens.ts';

export interface ConsoleOptions {
  services: AdminServices;
  /** Default: every route of adminRoutes(). */
  routes?: AdminRoute[];
  /**
   * A secret the command line on this machine presents (`Authorization: Bearer …`) to act as the
   * built-in admin `local-cli`; handed in by app.ts, which keeps it in a file only its user reads.
   */
  localToken?: string;
  /** The clock (tests move it to expire sessions). */
  now?: () => Date;
  session?: SessionPolicy;
}

/** Who a page anyone may open sees when nobody is signed in: read nothing from it. */
const ANONYMOUS: AdminUser = Object.freeze({ id: 0, email: '', role: 'viewer' });
/** The command line on this machine, through the local token. */
export const LOCAL_CLI: AdminUser = Object.freeze({ id: 0, email: 'local-cli', role: 'admin' });

/** While a one-time password is unchanged, only these pages open. */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['/admin/account', '/admin/account/password', '/admin/logout', '/admin/logout-everywhere']);
/** The same for everyone and cached for a year: answered before any session lookup. */
const ASSET_PATHS = new Set(Object.values(STYLESHEETS).map((s) => s.path));

/**
 * The console and the API, mounted before the public site: `/admin`, everything under `/admin/`,
 * and everything under `/api/v1/`. Every request is matched, authenticated (a session cookie for
 * pages, a bearer token for the API), its role checked and — for a POST through a session — its
 * origin and CSRF token, before the route's handler sees it. The public site's routes never pass
 * through here.
 */
export function mountConsole(opts: ConsoleOptions): Route[] {
  const handle = createConsoleHandler(opts);
  return [
    { method: '*', prefix: '/admin', handle },
    { method: '*', prefix: '/admin/', handle },
    { method: '*', prefix: '/api/v1/', handle },
  ];
}

export function createConsoleHandler(opts: ConsoleOptions): (req: Request, info?: { address?: string }) => Promise<Response> {
  const { services } = opts;
  const { db, log } = services;
  const matcher = createRouteMatcher(opts.routes ?? adminRoutes());
  const clock = opts.now ?? (() => new Date());
  const policy = opts.session ?? DEFAULT_SESSION_POLICY;
  const secureCookies = services.site.baseUrl.startsWith('https:');

  function context(req: Request, url: URL, user: AdminUser, via: 'session' | 'token', csrfToken: string, address: string, sessionId?: string): AdminContext {
    const body = bodyReaders(req);
    return {
      req,
      url,
      params: {},
      user,
      via,
      csrfToken,
      address,
      form: body.form,
      json: body.json,
      services,
      auth: { now: clock, secureCookies, sessionId, sessionPolicy: policy },
      async audit(entry: AuditEntry) {
        await insertAudit(db, { userId: user.id || null, actor: user.email || 'anonymous', via, action: entry.action, target: entry.target, before: entry.before, after: entry.after, at: clock() });
      },
    };
  }

  async function run(route: AdminRoute, ctx: AdminContext, api: boolean): Promise<Response> {
    try {
      return await route.handle(ctx);
    } catch (err) {
      if (err instanceof AdminHttpError) return api ? apiError(err.status, err.message) : renderAdminError(ctx, err.status, err.message);
      log.warn({ route: `${route.method} ${route.path}`, path: ctx.url.pathname, status: 500, err: err instanceof Error ? err.message : String(err) }, 'admin: request failed');
      return api ? apiError(500, 'the server failed to answer; the error is in its log') : renderAdminError(ctx, 500, 'The server failed to answer this request. The error is in its log.');
    }
  }

  async function page(req: Request, url: URL, address: string): Promise<Response> {
    const found = matcher.match(req.method, url.pathname);
    // No database query for a stylesheet, and no login cookie on a response caches share.
    if (found && !('methodMismatch' in found) && ASSET_PATHS.has(found.route.path)) return run(found.route, context(req, url, ANONYMOUS, 'session', '', address), false);
    const cookies = req.headers.get('cookie');
    const sessionId = readCookie(cookies, SESSION_COOKIE);
    const session = await readSession(db, sessionId, clock(), policy);
    const user: AdminUser = session ? { id: session.user_id, email: session.email, role: session.role } : ANONYMOUS;
    // Before login every path looks alike: nothing says which console pages exist.
    const toLogin = () => redirect(req.method === 'GET' ? `/admin/login?next=${encodeURIComponent(url.pathname + url.search)}` : '/admin/login');
    if (!found || 'methodMismatch' in found) {
      if (!session) return toLogin();
      const ctx = context(req, url, user, 'session', session.csrf_token, address, sessionId);
      return found ? renderAdminError(ctx, 405, `${req.method} is not answered at ${url.pathname}.`) : renderAdminError(ctx, 404, `There is no console page at ${url.pathname}.`);
    }
    const { route, params } = found as RouteMatch;
    // Before login the login form's CSRF token is a cookie of its own (double submit): a page on
    // another site cannot sign a browser into an account of its choosing.
    let loginToken = session ? undefined : readCookie(cookies, LOGIN_COOKIE);
    const freshLoginToken = !session && !loginToken && route.role === 'anonymous';
    if (freshLoginToken) loginToken = randomToken();
    const ctx = context(req, url, user, 'session', session?.csrf_token ?? loginToken ?? '', address, session ? sessionId : undefined);
    ctx.params = params;
    if (route.role !== 'anonymous') {
      if (!session) return toLogin();
      if (session.must_change_password && !WHILE_PASSWORD_MUST_CHANGE.has(route.path)) return redirect('/admin/account?first=1');
      if (ROLE_RANK[user.role] < ROLE_RANK[route.role]) return renderAdminError(ctx, 403, `This page needs the ${route.role} role; you are ${user.role}.`);
    }
    if (req.method === 'POST') {
      const crossOrigin = crossOriginReason(req, consoleOrigins(services.site.baseUrl, req));
      if (crossOrigin) {
        log.warn({ path: url.pathname, reason: crossOrigin }, 'admin: cross-origin POST refused');
        return renderAdminError(ctx, 403, 'This request came from another site and was refused.');
      }
      if (!(await csrfMatches(req, ctx, session?.csrf_token ?? readCookie(cookies, LOGIN_COOKIE)))) {
        return renderAdminError(ctx, 403, 'The form has expired or did not come from this console. Go back, reload the page and send it again.');
      }
    }
    const response = await run(route, ctx, false);
    return freshLoginToken ? withCookie(response, cookieHeader(LOGIN_COOKIE, loginToken!, { secure: secureCookies, maxAgeS: 3600 })) : response;
  }

  async function csrfMatches(req: Request, ctx: AdminContext, expected: string | undefined): Promise<boolean> {
    if (!expected) return false;
    let given = req.headers.get('x-csrf-token');
    if (given === null) {
      const type = (req.headers.get('content-type') ?? '').toLowerCase();
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) given = (await ctx.form()).get('csrf');
    }
    return given !== null && secretsEqual(given, expected);
  }

  async function api(req: Request, url: URL, address: string): Promise<Response> {
    const found = matcher.match(req.method, url.pathname);
    const route = found && !('methodMismatch' in found) ? found.route : null;
    let user = ANONYMOUS;
    let scopes: readonly string[] = [];
    if (route?.role !== 'anonymous') {
      const bearer = /^Bearer[ ]+(\S+)\s*$/i.exec(req.headers.get('authorization') ?? '')?.[1];
      if (!bearer) return apiError(401, 'an API token is required: Authorization: Bearer <token> (transwire token add)', { 'www-authenticate': 'Bearer realm="transwire"' });
      if (opts.localToken && secretsEqual(bearer, opts.localToken)) user = LOCAL_CLI;
      else {
        const token = await findTokenBySecret(db, bearer);
        if (!token) return apiError(401, 'the API token is unknown or revoked', { 'www-authenticate': 'Bearer realm="transwire", error="invalid_token"' });
        user = { id: 0, email: `token:${token.name}`, role: token.role };
        scopes = token.scopes;
        const now = clock();
        if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > 60_000) await touchApiToken(db, token.id, now);
      }
    }
    // Scopes are about paths: a token outside its scopes learns nothing about what is there.
    if (route?.role !== 'anonymous' && !tokenAllows(scopes, url.pathname)) return apiError(403, `the token's scopes (${scopes.join(', ')}) do not include ${url.pathname}`);
    if (!found) return apiError(404, `no API route ${url.pathname}`);
    if ('methodMismatch' in found) return apiError(405, `${req.method} is not answered at ${url.pathname}`);
    if (route!.role !== 'anonymous') {
      if (ROLE_RANK[user.role] < ROLE_RANK[route!.role as keyof typeof ROLE_RANK]) return apiError(403, `this route needs the ${route!.role} role; the token has ${user.role}`);
    }
    const ctx = context(req, url, user, 'token', '', address);
    ctx.params = found.params;
    return run(route!, ctx, true);
  }

  return async (req, info) => {
    const url = new URL(req.url);
    const address = info?.address ?? 'unknown';
    if (url.pathname === '/admin') return redirect('/admin/');
    const isApi = url.pathname.startsWith('/api/v1/');
    try {
      return isApi ? await api(req, url, address) : await page(req, url, address);
    } catch (err) {
      // Outside any handler: the database is down, a body was too large.
      const status = err instanceof AdminHttpError ? err.status : 500;
      if (status === 500) log.warn({ path: url.pathname, status, err: err instanceof Error ? err.message : String(err) }, 'admin: request failed');
      const message = err instanceof AdminHttpError ? err.message : 'the server failed to answer; the error is in its log';
      return isApi ? apiError(status, message) : new Response(message, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });
    }
  };
}

function withCookie(response: Response, cookie: string): Response {
  const headers = new Headers(response.headers);
  headers.append('set-cookie', cookie);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
