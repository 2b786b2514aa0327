import { countAdmins, findUserById, updateRole } from '../../store/users.ts';
import { ROLES, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { csrfField, esc, renderAdminPage, utcTimeTag } from '../render-admin-page.ts';
import { AccountError, addUser, allUsers, parseRole, removeUser, resetPassword, showingRefusals } from './accounts.ts';

function roleSelect(id: string, selected = 'editor'): string {
  return `<select id="${id}" name="role">${ROLES.map((r) => `<option${r === selected ? ' selected' : ''}>${r}</option>`).join('')}</select>`;
}

async function usersPage(ctx: AdminContext, opts: { message?: string; error?: string; secret?: { email: string; password: string }; status?: number } = {}): Promise<Response> {
  const users = await allUsers(ctx.services.db);
  const rows = users.map((u) => `<tr><td>${esc(u.email)}${u.id === ctx.user.id ? ' <span class="tag">you</span>' : ''}</td>
<td><form class="inline" method="post" action="/admin/users/${u.id}/role">${csrfField(ctx)}<label class="visually-hidden" for="role-${u.id}">Role of ${esc(u.email)}</label>${roleSelect(`role-${u.id}`, u.role)} <button>Set</button></form></td>
<td>${u.mustChangePassword ? 'one-time password' : 'set'}</td><td>${utcTimeTag(u.createdAt, 'day')}</td>
<td class="actions"><form class="inline" method="post" action="/admin/users/${u.id}/reset">${csrfField(ctx)}<button>Reset password</button></form>
<form class="inline" method="post" action="/admin/users/${u.id}/remove">${csrfField(ctx)}<button class="danger">Remove</button></form></td></tr>`).join('');
  const secret = opts.secret
    ? `<div class="secret" role="status"><p>The one-time password for <strong>${esc(opts.secret.email)}</strong>, shown only now:</p><p><code>${esc(opts.secret.password)}</code></p><p>They choose their own at the first login.</p></div>`
    : '';
  const body = `${opts.error ? `<p class="error-message" role="alert">${esc(opts.error)}</p>` : ''}${opts.message ? `<p class="notice" role="status">${esc(opts.message)}</p>` : ''}${secret}
<div class="table-wrap"><table><caption>${users.length} user${users.length === 1 ? '' : 's'}</caption>
<thead><tr><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Password</th><th scope="col">Added</th><th scope="col">Actions</th></tr></thead><tbody>${rows}</tbody></table></div>
<section><h2>Add a user</h2><form method="post" action="/admin/users">${csrfField(ctx)}
<p><label for="new-email">Email</label><input id="new-email" name="email" type="email" required autocomplete="off"></p>
<p><label for="new-role">Role</label>${roleSelect('new-role')}</p>
<p><button>Add user</button></p></form>
<p class="hint">Viewers read everything; editors also review, correct and take down stories and steer sources; admins also manage users, API tokens and the audit log.</p></section>`;
  return renderAdminPage(ctx, { title: 'Users', body, active: 'users', status: opts.status });
}

const attempt = showingRefusals(usersPage);

async function target(ctx: AdminContext) {
  const user = /^\d+$/.test(ctx.params.id ?? '') ? await findUserById(ctx.services.db, Number(ctx.params.id)) : null;
  if (!user) throw new AccountError(`no user ${ctx.params.id ?? ''}`, 404);
  return user;
}

export const userRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/users', role: 'admin', summary: 'the users and their roles', handle: (ctx) => usersPage(ctx) },
  {
    method: 'POST', path: '/admin/users', role: 'admin', summary: 'add a user (a one-time password is shown once)',
    handle: (ctx) => attempt(ctx, async () => {
      const form = await ctx.form();
      const { user, password } = await addUser(ctx.services.db, { email: form.get('email') ?? '', role: parseRole(form.get('role')) });
      await ctx.audit({ action: 'user.add', target: `user:${user.email}`, after: { email: user.email, role: user.role } });
      return usersPage(ctx, { secret: { email: user.email, password } });
    }),
  },
  {
    method: 'POST', path: '/admin/users/:id/remove', role: 'admin', summary: "remove a user and end their sessions",
    handle: (ctx) => attempt(ctx, async () => {
      const user = await target(ctx);
      if (user.id === ctx.user.id) throw new AccountError('You cannot remove your own account; another admin can.', 409);
      const removed = await removeUser(ctx.services.db, user.email);
      await ctx.audit({ action: 'user.remove', target: `user:${removed.email}`, before: { email: removed.email, role: removed.role } });
      return redirect('/admin/users');
    }),
  },
  {
    method: 'POST', path: '/admin/users/:id/reset', role: 'admin', summary: "give a user a new one-time password, ending their sessions",
    handle: (ctx) => attempt(ctx, async () => {
      const user = await target(ctx);
      const { password } = await resetPassword(ctx.services.db, user.email);
      await ctx.audit({ action: 'user.reset', target: `user:${user.email}`, before: { mustChangePassword: user.must_change_password }, after: { mustChangePassword: true } });
      return usersPage(ctx, { secret: { email: user.email, password } });
    }),
  },
  {
    method: 'POST', path: '/admin/users/:id/role', role: 'admin', summary: "change a user's role",
    handle: (ctx) => attempt(ctx, async () => {
      const user = await target(ctx);
      const role = parseRole((await ctx.form()).get('role'));
      if (role === user.role) return redirect('/admin/users');
      if (user.role === 'admin' && (await countAdmins(ctx.services.db)) <= 1) throw new AccountError(`${user.email} is the last admin; make another admin first`, 409);
      await updateRole(ctx.services.db, user.id, role);
      await ctx.audit({ action: 'user.role', target: `user:${user.email}`, before: { role: user.role }, after: { role } });
      return usersPage(ctx, { message: `${user.email} is now ${role}.` });
    }),
  },
];
