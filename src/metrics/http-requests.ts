import { Counter } from 'prom-client';
import { registry } from './registry.ts';

/**
 * HTTP answers by route class and status. A cached page is answered in microseconds, so a request
 * only bumps a number in a plain object; the counter reads them when scraped.
 */
const counts = new Map<string, Map<number, number>>();

export type RouteClass = 'page' | 'feed' | 'search' | 'admin' | 'api' | 'metrics' | 'health' | 'media' | 'websub' | 'other';

export function countRequest(routeClass: RouteClass, status: number): void {
  let byStatus = counts.get(routeClass);
  if (!byStatus) counts.set(routeClass, (byStatus = new Map()));
  byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
}

/** The public site's class of a path: search, a feed or sitemap, or a page. */
export function siteClass(path: string): RouteClass {
  if (path.endsWith('.xml') || path.endsWith('.json') || path.endsWith('.txt')) return 'feed';
  return path.includes('/search') ? 'search' : 'page';
}

/** The class of a mounted route, by its prefix. */
export function routeClass(prefix: string): RouteClass {
  if (prefix.startsWith('/admin')) return 'admin';
  if (prefix.startsWith('/api/')) return 'api';
  if (prefix === '/metrics') return 'metrics';
  if (prefix === '/healthz' || prefix === '/readyz') return 'health';
  if (prefix.startsWith('/media')) return 'media';
  if (prefix.startsWith('/websub')) return 'websub';
  return 'other';
}

new Counter({
  name: 'transwire_http_requests_total',
  help: 'HTTP answers by route class (page, feed, search, admin, api, metrics, health, media, websub) and status.',
  labelNames: ['route_class', 'status'] as const,
  registers: [registry],
  collect() {
    this.reset();
    for (const [cls, byStatus] of counts) for (const [status, n] of byStatus) this.inc({ route_class: cls, status: String(status) }, n);
  },
});
