import { deleteUserSessions } from '../../store/sessions.ts';
import { findUserById, updatePassword } from '../../store/users.ts';
import type { AdminContext, AdminRoute } from '../admin-route.ts';
import { csrfField, esc, renderAdminPage } from '../render-admin-page.ts';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from './password.ts';
import { cookieHeader, SESSION_COOKIE, startSession } from './session.ts';

function accountPage(ctx: AdminContext, opts: { error?: string; done?: string; status?: number } = {}): Response {
  const first = ctx.url.searchParams.get('first') === '1';
  const note = opts.error
    ? `<p class="error-message" role="alert">${esc(opts.error)}</p>`
    : opts.done
      ? `<p class="notice" role="status">${esc(opts.done)}</p>`
      : first
        ? '<p class="notice">You signed in with a one-time password. Choose your own to go on.</p>'
        : '';
  const body = `${note}<p>Signed in as <strong>${esc(ctx.user.email)}</strong>, role <strong>${esc(ctx.user.role)}</strong>.</p>
<section><h2>Change your password</h2>
<form method="post" action="/admin/account/password">${csrfField(ctx)}
<p><label for="current">Current password</label><input id="current" name="current" type="password" autocomplete="current-password" required maxlength="${MAX_PASSWORD_LENGTH}"></p>
<p><label for="password">New password (at least ${MIN_PASSWORD_LENGTH} characters)</label><input id="password" name="password" type="password" autocomplete="new-password" required minlength="${MIN_PASSWORD_LENGTH}" maxlength="${MAX_PASSWORD_LENGTH}"></p>
<p><label for="confirm">New password again</label><input id="confirm" name="confirm" type="password" autocomplete="new-password" required maxlength="${MAX_PASSWORD_LENGTH}"></p>
<p><button>Change password</button></p></form></section>
<section><h2>Sessions</h2><p>Signed in on another computer, or lost one? This ends every session of yours, this one too.</p>
<form method="post" action="/admin/logout-everywhere">${csrfField(ctx)}<button class="danger">Log out everywhere</button></form></section>`;
  return renderAdminPage(ctx, { title: 'Your account', body, status: opts.status });
}

async function changePassword(ctx: AdminContext): Promise<Response> {
  const form = await ctx.form();
  const { db } = ctx.services;
  const user = await findUserById(db, ctx.user.id);
  if (!user || !ctx.auth) return accountPage(ctx, { status: 400, error: 'Only a person signed in with a password can change it.' });
  const current = form.get('current') ?? '';
  const next = form.get('password') ?? '';
  if (!(await verifyPassword(current, user.password_hash))) return accountPage(ctx, { status: 400, error: 'The current password is wrong.' });
  const problem = passwordProblem(next);
  if (problem) return accountPage(ctx, { status: 400, error: `The new password is refused: ${problem}.` });
  if (next !== (form.get('confirm') ?? '')) return accountPage(ctx, { status: 400, error: 'The two new passwords differ.' });
  if (next === current) return accountPage(ctx, { status: 400, error: 'The new password is the current one.' });
  await updatePassword(db, user.id, await hashPassword(next), false);
  // Every other session ends (someone may know the old password); this browser gets a new one.
  await deleteUserSessions(db, user.id);
  const session = await startSession(db, user.id, ctx.auth.now(), ctx.auth.sessionPolicy, { address: ctx.address, userAgent: ctx.req.headers.get('user-agent') });
  await ctx.audit({ action: 'user.password', target: `user:${user.email}`, after: { changedBy: 'self' } });
  return new Response(null, {
    status: 303,
    headers: { location: '/admin/', 'cache-control': 'no-store', 'set-cookie': cookieHeader(SESSION_COOKIE, session.id, { secure: ctx.auth.secureCookies }) },
  });
}

export const accountRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/account', role: 'viewer', summary: 'your account: change password, log out everywhere', handle: async (ctx) => accountPage(ctx) },
  { method: 'POST', path: '/admin/account/password', role: 'viewer', summary: 'change your password (ends your other sessions)', handle: changePassword },
];
