import { deleteUserSessions } from '../../store/sessions.ts';
import { findUserByEmail, normalizeEmail } from '../../store/users.ts';
import type { AdminContext, AdminRoute, ConsoleAuth } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { loginRetryAfter, recordLogin } from './login-throttle.ts';
import { decoyHash, MAX_PASSWORD_LENGTH, verifyPassword } from './password.ts';
import { clearCookieHeader, cookieHeader, endSession, LOGIN_COOKIE, SESSION_COOKIE, startSession } from './session.ts';

/** One message for an unknown email and a wrong password: nothing tells which accounts exist. */
const WRONG = 'The email or the password is wrong.';

function auth(ctx: AdminContext): ConsoleAuth {
  if (!ctx.auth) throw new Error('admin: the login pages need the console mount (ctx.auth)');
  return ctx.auth;
}

/** Where to go after login: a console path only (never another site: no open redirect). */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/admin') || next.startsWith('//') || next.includes('\\') || /[\r\n]/.test(next)) return '/admin/';
  return next.startsWith('/admin/login') ? '/admin/' : next;
}

function loginPage(ctx: AdminContext, opts: { email?: string; next?: string | null; error?: string; status?: number; headers?: Record<string, string> } = {}): Response {
  const next = safeNext(opts.next ?? ctx.url.searchParams.get('next'));
  const body = `${opts.error ? `<p class="error-message" role="alert">${esc(opts.error)}</p>` : ''}
<form class="login" method="post" action="/admin/login">${csrfField(ctx)}<input type="hidden" name="next" value="${esc(next)}">
<p><label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required value="${esc(opts.email ?? '')}"></p>
<p><label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required maxlength="${MAX_PASSWORD_LENGTH}"></p>
<p><button>Log in</button></p></form>
<p class="hint">No account yet? An admin makes one with <code>transwire user add you@example.org --role editor</code>.</p>`;
  return renderAdminPage(ctx, { title: 'Log in', body, status: opts.status, headers: opts.headers });
}

async function showLogin(ctx: AdminContext): Promise<Response> {
  if (ctx.user.email) return redirect(safeNext(ctx.url.searchParams.get('next')));
  return loginPage(ctx);
}

async function logIn(ctx: AdminContext): Promise<Response> {
  const { now, secureCookies, sessionPolicy, sessionId } = auth(ctx);
  const form = await ctx.form();
  const email = normalizeEmail(form.get('email') ?? '').slice(0, 254);
  const password = form.get('password') ?? '';
  const address = ctx.address ?? 'unknown';
  const { db } = ctx.services;
  const at = now();
  const wait = await loginRetryAfter(db, email, address, at);
  if (wait > 0) {
    return loginPage(ctx, { email, next: form.get('next'), status: 429, headers: { 'retry-after': String(wait) }, error: `Too many failed attempts. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.` });
  }
  const user = email ? await findUserByEmail(db, email) : null;
  // An unknown email costs a hash too, so the answer's time does not tell it apart.
  const ok = password.length <= MAX_PASSWORD_LENGTH && (await verifyPassword(password, user?.password_hash ?? (await decoyHash()))) && user !== null;
  await recordLogin(db, { email, address, ok, now: at });
  if (!ok || !user) return loginPage(ctx, { email, next: form.get('next'), status: 401, error: WRONG });
  // A session the browser already had (anyone's) ends: the signed-in one is always new.
  if (sessionId) await endSession(db, sessionId);
  const session = await startSession(db, user.id, at, sessionPolicy, { address, userAgent: ctx.req.headers.get('user-agent') });
  const headers = new Headers({ location: user.must_change_password ? '/admin/account?first=1' : safeNext(form.get('next')), 'cache-control': 'no-store' });
  headers.append('set-cookie', cookieHeader(SESSION_COOKIE, session.id, { secure: secureCookies }));
  headers.append('set-cookie', clearCookieHeader(LOGIN_COOKIE, secureCookies));
  return new Response(null, { status: 303, headers });
}

function loggedOut(secure: boolean): Response {
  const headers = new Headers({ location: '/admin/login', 'cache-control': 'no-store' });
  headers.append('set-cookie', clearCookieHeader(SESSION_COOKIE, secure));
  return new Response(null, { status: 303, headers });
}

async function logOut(ctx: AdminContext): Promise<Response> {
  const { sessionId, secureCookies } = auth(ctx);
  if (sessionId) await endSession(ctx.services.db, sessionId);
  return loggedOut(secureCookies);
}

async function logOutEverywhere(ctx: AdminContext): Promise<Response> {
  const { secureCookies } = auth(ctx);
  const ended = await deleteUserSessions(ctx.services.db, ctx.user.id);
  await ctx.audit({ action: 'session.logout-everywhere', target: `user:${ctx.user.email}`, after: { sessionsEnded: ended } });
  return loggedOut(secureCookies);
}

export const loginRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/login', role: 'anonymous', summary: 'the login form', handle: showLogin },
  { method: 'POST', path: '/admin/login', role: 'anonymous', summary: 'log in (throttled per account and address)', handle: logIn },
  { method: 'POST', path: '/admin/logout', role: 'viewer', summary: 'end this session', handle: logOut },
  { method: 'POST', path: '/admin/logout-everywhere', role: 'viewer', summary: "end every session of the signed-in user", handle: logOutEverywhere },
];
