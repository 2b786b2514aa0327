/**
 * The shapes the web tier's modules share. They live here, below every module of web/, so that a
 * page builder or a route can name them without importing the server or the site app (which import
 * those modules back: the import circle this file breaks).
 */
import type { SiteInfo } from '../publish/site-view.ts';

/** The site as the renderers take it (name, base URL, languages): one shape, publish/'s. */
export type SiteOptions = SiteInfo;

/**
 * A route mounted by the composition root (healthz, websub, admin, api) before the public site.
 * A prefix ending in `/` takes every path under it (`/media/`); any other names one path exactly
 * (`/healthz`, so `/healthzXYZ` is the site's 404, not a health answer).
 */
export interface Route {
  method: 'GET' | 'POST' | '*';
  prefix: string;
  /** `info.address` is the client's address (after `trustProxy`), for per-address limits. */
  handle(req: Request, info?: { address?: string }): Promise<Response>;
}

/** The logger the web tier writes to (pino's shape: fields first, then the message). */
export interface WebLog {
  info(fields: object, msg: string): void;
  warn(fields: object, msg: string): void;
}

/** A request as the site needs it: no body, any server (node:http, fetch Request). */
export interface SiteRequest {
  method: string;
  /** Path as received (percent-encoded). */
  path: string;
  query: URLSearchParams;
  header(name: string): string | undefined;
  /** The client's address, for per-address limits (search). */
  address?: string;
}

export interface SiteReply {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
  /** The same headers flattened (`[name, value, …]`), when precomputed. */
  flat?: string[];
}
