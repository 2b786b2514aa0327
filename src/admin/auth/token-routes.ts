import { ROLES, type AdminContext, type AdminRoute } from '../admin-route.ts';
import { redirect } from '../admin-responses.ts';
import { csrfField, esc, renderAdminPage, utcTimeTag } from '../render-admin-page.ts';
import { AccountError, parseRole, showingRefusals } from './accounts.ts';
import { allTokens, createApiToken, parseScopes, revokeToken } from './api-tokens.ts';

const day = (d: Date | null) => (d ? utcTimeTag(d, 'minute') : '—');

async function tokensPage(ctx: AdminContext, opts: { error?: string; secret?: { name: string; token: string }; status?: number } = {}): Promise<Response> {
  const tokens = await allTokens(ctx.services.db);
  const rows = tokens.map((t) => `<tr${t.revoked_at ? ' class="revoked"' : ''}><td>${esc(t.name)}</td><td>${esc(t.role)}</td><td>${t.scopes.length ? t.scopes.map((s) => `<code>${esc(s)}</code>`).join(' ') : 'all'}</td>
<td>${esc(t.created_by ?? '—')}, ${day(t.created_at)}</td><td>${day(t.last_used_at)}</td>
<td>${t.revoked_at ? `revoked ${day(t.revoked_at)}` : `<form class="inline" method="post" action="/admin/tokens/${t.id}/revoke">${csrfField(ctx)}<button class="danger">Revoke</button></form>`}</td></tr>`).join('');
  const secret = opts.secret
    ? `<div class="secret" role="status"><p>The token <strong>${esc(opts.secret.name)}</strong>, shown only now (only its hash is kept):</p><p><code>${esc(opts.secret.token)}</code></p><p>Send it as <code>Authorization: Bearer …</code> to <code>/api/v1/</code>.</p></div>`
    : '';
  const body = `${opts.error ? `<p class="error-message" role="alert">${esc(opts.error)}</p>` : ''}${secret}
<div class="table-wrap"><table><caption>API tokens for <code>/api/v1/</code></caption>
<thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Scopes</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th></tr></thead>
<tbody>${rows || '<tr><td colspan="6">No tokens yet.</td></tr>'}</tbody></table></div>
<section><h2>Create a token</h2><form method="post" action="/admin/tokens">${csrfField(ctx)}
<p><label for="token-name">Name</label><input id="token-name" name="name" required maxlength="64" pattern="[A-Za-z0-9_.@\\-]+" autocomplete="off"></p>
<p><label for="token-role">Role</label><select id="token-role" name="role">${ROLES.map((r) => `<option${r === 'viewer' ? ' selected' : ''}>${r}</option>`).join('')}</select></p>
<p><label for="token-scopes">Scopes (optional; the paths under /api/v1/ it may call, e.g. <code>takedowns review</code>)</label><input id="token-scopes" name="scopes" autocomplete="off"></p>
<p><button>Create token</button></p></form></section>`;
  return renderAdminPage(ctx, { title: 'API tokens', body, active: 'tokens', status: opts.status });
}

const attempt = showingRefusals(tokensPage);

export const tokenRoutes: AdminRoute[] = [
  { method: 'GET', path: '/admin/tokens', role: 'admin', summary: 'the API tokens', handle: (ctx) => tokensPage(ctx) },
  {
    method: 'POST', path: '/admin/tokens', role: 'admin', summary: 'create an API token (shown once)',
    handle: (ctx) => attempt(ctx, async () => {
      const form = await ctx.form();
      const { token, row } = await createApiToken(ctx.services.db, { name: form.get('name') ?? '', role: parseRole(form.get('role')), scopes: parseScopes(form.get('scopes')), createdBy: ctx.user.email });
      await ctx.audit({ action: 'token.add', target: `token:${row.name}`, after: { name: row.name, role: row.role, scopes: row.scopes } });
      return tokensPage(ctx, { secret: { name: row.name, token } });
    }),
  },
  {
    method: 'POST', path: '/admin/tokens/:id/revoke', role: 'admin', summary: 'revoke an API token',
    handle: (ctx) => attempt(ctx, async () => {
      if (!/^\d+$/.test(ctx.params.id ?? '')) throw new AccountError(`no token ${ctx.params.id ?? ''}`, 404);
      const row = await revokeToken(ctx.services.db, ctx.params.id!, ctx.auth?.now());
      await ctx.audit({ action: 'token.revoke', target: `token:${row.name}`, before: { revoked: false }, after: { revoked: true } });
      return redirect('/admin/tokens');
    }),
  },
];
