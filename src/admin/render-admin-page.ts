import { esc } from '../publish/html.ts';
import { ROLE_RANK, type AdminContext, type Role } from './admin-route.ts';
import { STYLESHEETS } from './assets/stylesheets.ts';

export interface AdminPage {
  title: string;
  /** Trusted HTML built by the page (every value from the database escaped with `esc` or sanitized). */
  body: string;
  /** The navigation entry to mark as current: `dashboard`, `review`, `published`, `sources`… */
  active?: string;
  status?: number;
  /** Extra headers (a Set-Cookie, a Retry-After). */
  headers?: Record<string, string>;
}

/** Escapes a value for HTML text or a quoted attribute. */
export { esc };

const TIME_CHARS = { day: 10, minute: 16, second: 19 } as const;

/** A stored time as `<time>`, in UTC to the day, minute or second: the newsroom may be anywhere. */
export function utcTimeTag(d: Date | string, upTo: keyof typeof TIME_CHARS): string {
  const iso = new Date(d).toISOString();
  return `<time datetime="${iso}">${iso.slice(0, TIME_CHARS[upTo]).replace('T', ' ')}</time>`;
}

/** A hidden CSRF field for a form in this context. */
export function csrfField(ctx: AdminContext): string {
  return `<input type="hidden" name="csrf" value="${esc(ctx.csrfToken)}">`;
}


/** Navigation: each entry shown to the roles that may open it. */
const NAV: Array<[key: string, href: string, label: string, role: Role]> = [
  ['dashboard', '/admin/', 'Dashboard', 'viewer'],
  ['review', '/admin/review', 'Review', 'viewer'],
  ['published', '/admin/published', 'Published', 'viewer'],
  ['stories', '/admin/stories', 'Stories', 'viewer'],
  ['sources', '/admin/sources', 'Sources', 'viewer'],
  ['glossary', '/admin/glossary', 'Glossary', 'viewer'],
  ['users', '/admin/users', 'Users', 'admin'],
  ['tokens', '/admin/tokens', 'API tokens', 'admin'],
  ['audit', '/admin/audit', 'Audit log', 'admin'],
];

/** True for the placeholder user of a page anyone may open (the login page). */
function signedIn(ctx: AdminContext): boolean {
  return ctx.user.email !== '';
}

function header(ctx: AdminContext, active: string | undefined): string {
  if (!signedIn(ctx)) return `<header class="console-head"><span class="console-brand">transwire console</span></header>`;
  const rank = ROLE_RANK[ctx.user.role];
  const nav = NAV.filter(([, , , role]) => ROLE_RANK[role] <= rank)
    .map(([key, href, label]) => `<li><a href="${href}"${key === active ? ' aria-current="page"' : ''}>${label}</a></li>`)
    .join('');
  const account = ctx.via === 'session'
    ? `<form class="console-account" method="post" action="/admin/logout">${csrfField(ctx)}<a href="/admin/account">${esc(ctx.user.email)}</a> <span class="role">${esc(ctx.user.role)}</span> <button>Log out</button></form>`
    : '';
  return `<header class="console-head"><a class="console-brand" href="/admin/">transwire console</a><nav aria-label="Console"><ul>${nav}</ul></nav>${account}</header>`;
}

/** The console's page shell: one layout, the console's CSP, never cached. */
export function renderAdminPage(ctx: AdminContext, page: AdminPage): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(page.title)} · transwire console</title>${STYLESHEETS.console.link}</head>
<body><a class="skip" href="#main">Skip to content</a>${header(ctx, page.active)}
<main id="main"><h1>${esc(page.title)}</h1>${page.body}</main></body></html>`;
  return new Response(html, { status: page.status ?? 200, headers: { ...adminHeaders('text/html; charset=utf-8'), ...page.headers } });
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

/** A short page that says what went wrong (403, 404, 429, 500…), in the shell. */
export function renderAdminError(ctx: AdminContext, status: number, message: string, headers?: Record<string, string>): Response {
  const titles: Record<number, string> = { 400: 'Bad request', 403: 'Not allowed', 404: 'Not found', 405: 'Method not allowed', 409: 'Conflict', 413: 'Too large', 429: 'Too many attempts', 500: 'Something went wrong' };
  return renderAdminPage(ctx, { title: titles[status] ?? `Error ${status}`, body: `<p class="error-message">${esc(message)}</p>`, status, headers });
}
