import { esc } from '../publish/html.ts';
import type { AdminContext } from './admin-route.ts';

export interface AdminPage {
  title: string;
  /** Trusted HTML built by the page (every value from the database escaped with `esc` or sanitized). */
  body: string;
  /** The navigation entry to mark as current: `dashboard`, `review`, `published`, `sources`… */
  active?: string;
  status?: number;
}

/** Escapes a value for HTML text or a quoted attribute. */
export { esc };

/** A hidden CSRF field for a form in this context. */
export function csrfField(ctx: AdminContext): string {
  return `<input type="hidden" name="csrf" value="${esc(ctx.csrfToken)}">`;
}

const NAV: Array<[string, string, string]> = [
  ['dashboard', '/admin/', 'Dashboard'],
  ['review', '/admin/review', 'Review'],
  ['published', '/admin/published', 'Published'],
  ['sources', '/admin/sources', 'Sources'],
  ['glossary', '/admin/glossary', 'Glossary'],
  ['users', '/admin/users', 'Users'],
  ['audit', '/admin/audit', 'Audit log'],
];

/** The console's page shell: one layout, the console's CSP, never cached. */
export function renderAdminPage(ctx: AdminContext, page: AdminPage): Response {
  const nav = NAV.map(([key, href, label]) => `<a href="${href}"${key === page.active ? ' aria-current="page"' : ''}>${label}</a>`).join('');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} · transwire console</title><link rel="stylesheet" href="/admin/assets/console.css"></head>
<body><header class="console-head"><a class="console-brand" href="/admin/">transwire console</a><nav>${nav}</nav>
<form method="post" action="/admin/logout">${csrfField(ctx)}<span>${esc(ctx.user.email)} (${esc(ctx.user.role)})</span> <button>Log out</button></form></header>
<main id="main"><h1>${esc(page.title)}</h1>${page.body}</main></body></html>`;
  return new Response(html, { status: page.status ?? 200, headers: adminHeaders('text/html; charset=utf-8') });
}

/** Headers every console answer carries: no caching, no framing, the console's CSP. */
export function adminHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'cache-control': 'no-store',
    'content-security-policy': "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  };
}
