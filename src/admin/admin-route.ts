import type { Config } from '../config/schema.ts';
import type { HttpClient } from '../fetch/index.ts';
import type { Logger } from '../logger.ts';
import type { Db } from '../store/db.ts';
import type { Translator } from '../translate/index.ts';
import type { SiteOptions } from '../web/start-web-server.ts';

/**
 * The contract between the console's mount (sessions, CSRF, roles, tokens: `auth/`) and the pages
 * and API commands that sit behind it (`editorial/`, `operations/`, `api/`). A page module only
 * declares routes; it never checks a session, a CSRF token or a role itself.
 */
export type Role = 'viewer' | 'editor' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'editor', 'admin'];
/** A route needs at least this rank: an admin may do what an editor may. */
export const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

export interface AdminUser {
  id: number;
  email: string;
  role: Role;
}

/** What the console and the API may use: handed in by the composition root (app.ts). */
export interface AdminServices {
  db: Db;
  config: Config;
  site: SiteOptions;
  log: Logger;
  /** The configured translator (retranslation, the gate re-run on an edit). */
  translator(): Translator;
  /** The polite HTTP client (a source's feed discovery when one is added). */
  http(): HttpClient;
  /** The PGlite data folder, when embedded (the local token file lives there); else undefined. */
  dataDir?: string;
}

export interface AuditEntry {
  /** `takedown`, `review.approve`, `source.pause`, `user.add`… */
  action: string;
  /** What it was done to: `publication:12`, `translation:7`, `source:3`, `user:ann@example.org`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface AdminContext {
  req: Request;
  url: URL;
  /** Values of the route's `:name` segments. */
  params: Record<string, string>;
  /** The signed-in user or the token's owner. Placeholder (id 0) on `anonymous` routes: do not read it there. */
  user: AdminUser;
  /** `session`: a browser with a cookie; `token`: `Authorization: Bearer …` (API tokens, the local CLI token). */
  via: 'session' | 'token';
  /** The session's CSRF token, for every form the page renders (`<input type="hidden" name="csrf">`); '' via token. */
  csrfToken: string;
  /** The request's form body (urlencoded or multipart), read once; the mount has already checked CSRF. */
  form(): Promise<URLSearchParams>;
  /** The request's JSON body, read once (API routes). */
  json<T = unknown>(): Promise<T>;
  /** Writes one audit-log row (who is the context's user; when is now). Every state change calls it. */
  audit(entry: AuditEntry): Promise<void>;
  services: AdminServices;
  /** The client's address (the socket's, or the proxy's with server.trustProxy); set by the mount. */
  address?: string;
  /** Set by the mount, for the pages that start and end sessions (login, logout, account). */
  auth?: ConsoleAuth;
}

/** Who acts, and the site's languages: what a story action (lead, split, merge) is given from the console or the API. */
export function storyEditor(ctx: AdminContext): { editor: string; targetLanguages: readonly string[] } {
  return { editor: ctx.user.email, targetLanguages: ctx.services.config.site.languages };
}

/** What the login, logout and account pages need from the mount. */
export interface ConsoleAuth {
  now(): Date;
  /** Cookies get `Secure` (the site's base URL is https). */
  secureCookies: boolean;
  /** The current session's cookie value, when signed in through a session. */
  sessionId?: string;
  sessionPolicy: { idleMs: number; absoluteMs: number };
}

export interface AdminRoute {
  method: 'GET' | 'POST';
  /** Path pattern with `:name` segments: `/admin/review/:id`, `/api/v1/takedowns`. */
  path: string;
  /** The least role that may call it; `anonymous` only for the login page and its form. */
  role: Role | 'anonymous';
  /** One line for the route list (`transwire routes`, the role table test, the API docs). */
  summary: string;
  handle(ctx: AdminContext): Promise<Response>;
}

/**
 * An answer a handler may throw instead of returning: the mount turns it into an error page (or a
 * JSON error under /api/v1) with this status and message. The message is shown to the caller.
 */
export class AdminHttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'AdminHttpError';
  }
}
