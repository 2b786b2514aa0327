import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { countRequest, routeClass, siteClass } from '../metrics/http-requests.ts';
import type { Db } from '../store/db.ts';
import type { SearchLimits } from './search-guard.ts';
import { createSiteApp, type SiteApp } from './site-app.ts';
import type { Route, SiteOptions, SiteReply, WebLog } from './web-types.ts';

// Kept importable from here: the composition root, admin and jobs name them through this module.
export type { Route, SiteOptions, WebLog } from './web-types.ts';

export interface WebServerOptions {
  db: Db;
  site: SiteOptions;
  host: string;
  port: number;
  routes?: Route[];
  log?: WebLog;
  /** Search limits (rate per address, concurrency, timeout, cache); defaults otherwise. */
  search?: Partial<SearchLimits>;
  /**
   * Behind a reverse proxy every client has the proxy's address: with this set, the client's is
   * the last one the proxy appended to X-Forwarded-For. Only with a proxy that sets it.
   */
  trustProxy?: boolean;
}

export function matchRoute(routes: Route[], method: string, path: string): Route | undefined {
  return routes.find((r) => (r.method === '*' || r.method === method || (r.method === 'GET' && method === 'HEAD')) &&
    (r.prefix.endsWith('/') ? path.startsWith(r.prefix) : path === r.prefix));
}

/** The client's address: the socket's peer, or with `trustProxy` the proxy's last X-Forwarded-For entry. */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = rawHeader(req.rawHeaders, 'x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  return req.socket.remoteAddress;
}

async function callRoute(route: Route, req: IncomingMessage, res: ServerResponse, origin: string, trustProxy: boolean): Promise<void> {
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const request = new Request(origin + req.url, {
    method: req.method,
    headers: req.headers as Record<string, string>,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // @ts-expect-error Node's fetch needs this for a streamed body; not in the DOM types.
    duplex: hasBody ? 'half' : undefined,
  });
  const response = await route.handle(request, { address: clientAddress(req, trustProxy) });
  countRequest(routeClass(route.prefix), response.status);
  const headers: Record<string, string | string[]> = Object.fromEntries(response.headers);
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 1) headers['set-cookie'] = cookies; // fromEntries kept only the last
  res.writeHead(response.status, headers);
  if (!response.body || req.method === 'HEAD') {
    res.end();
    return;
  }
  res.end(Buffer.from(await response.arrayBuffer()));
}

const NO_QUERY = new URLSearchParams();

/**
 * A request header read from the raw list: touching `req.headers` makes node:http build an object
 * of every header, a measurable share of a cache hit's cost. `name` is lowercase.
 */
export function rawHeader(raw: string[], name: string): string | undefined {
  let found: string | undefined;
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i]!;
    if (key.length === name.length && key.toLowerCase() === name) found = found === undefined ? raw[i + 1] : `${found}, ${raw[i + 1]}`;
  }
  return found;
}

function write(res: ServerResponse, reply: SiteReply): void {
  res.writeHead(reply.status, reply.flat ?? reply.headers);
  res.end(reply.body ?? undefined);
}

/**
 * The public site on node:http. A cached page is answered from memory with headers built once,
 * without constructing Request/Response objects: that is what lets it keep pace with nginx.
 */
export async function startWebServer(opts: WebServerOptions): Promise<{ url: string; close(): Promise<void>; app: SiteApp }> {
  const app = createSiteApp({ db: opts.db, site: opts.site, log: opts.log, search: opts.search });
  await app.start();
  const routes = opts.routes ?? [];
  let origin = '';
  const server = createServer({ keepAliveTimeout: 5000, noDelay: true }, (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q === -1 ? url : url.slice(0, q);
    const route = routes.length ? matchRoute(routes, req.method ?? 'GET', path) : undefined;
    if (route) {
      callRoute(route, req, res, origin, opts.trustProxy ?? false).catch((err: Error) => fail(err, route.prefix, path, res));
      return;
    }
    const siteReq = {
      method: req.method ?? 'GET',
      path,
      query: q === -1 ? NO_QUERY : new URLSearchParams(url.slice(q + 1)),
      header: (name: string) => rawHeader(req.rawHeaders, name),
      get address() {
        return clientAddress(req, opts.trustProxy ?? false);
      },
    };
    // The hot path: a page in memory is written without waiting for a promise.
    const cached = app.handleCached(siteReq);
    if (cached) {
      countRequest(siteClass(path), cached.status);
      write(res, cached);
      return;
    }
    app.handle(siteReq).then((reply) => {
      countRequest(siteClass(path), reply.status);
      write(res, reply);
    }, (err: Error) => fail(err, 'site', path, res));
  });
  const fail = (err: Error, route: string, path: string, res: ServerResponse) => {
    opts.log?.warn({ route, path, status: 500, error: err.message }, 'web: request failed');
    countRequest(route === 'site' ? siteClass(path) : routeClass(route), 500);
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Internal Server Error');
  };
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  opts.log?.info({ url: origin }, 'web: listening');
  return {
    url: origin,
    app,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      await app.close();
    },
  };
}
