import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import '../metrics/http-requests.ts'; // registers the HTTP counter the server feeds
import { jobsFailed, queueDepth, queueOldestSeconds, registry, workersAlive } from '../metrics/registry.ts';
import type { Db } from '../store/db.ts';
import { failedJobsByKind } from '../store/failed-jobs.ts';
import { queueByKind } from '../store/operations-stats.ts';
import { countAliveWorkers } from '../store/worker-heartbeats.ts';
import type { Route } from './web-types.ts';

export interface MetricsAccess {
  /** A bearer token that may scrape from anywhere; null for none. */
  token: string | null;
  /** Addresses or CIDR ranges that may scrape without it. */
  allow: readonly string[];
}

/** The allowance as a BlockList (addresses and ranges, IPv4 and IPv6); an entry that is neither is refused at start. */
export function allowList(allow: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of allow) {
    const [addr, bits] = entry.split('/');
    const family = isIP(addr ?? '');
    if (!family) throw new Error(`metrics.allow: "${entry}" is not an address or a CIDR range`);
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr!, type);
    else list.addSubnet(addr!, Number(bits), type);
  }
  return list;
}

function allowed(list: BlockList, address: string | undefined): boolean {
  if (!address) return false;
  // An IPv4 client of a dual-stack socket arrives as ::ffff:a.b.c.d.
  const plain = address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
  const family = isIP(plain);
  return family !== 0 && list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}

function sameToken(header: string | null, token: string | null): boolean {
  if (!token || !header) return false;
  const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

/** What every process shares, read from the database at scrape: queue depth and age, failed jobs, live workers. */
async function readShared(db: Db): Promise<void> {
  const queue = await queueByKind(db);
  queueDepth.reset();
  queueOldestSeconds.reset();
  for (const r of queue) {
    if (r.queued === 0) continue; // a kind with only running jobs has nothing waiting
    queueDepth.set({ kind: r.kind }, r.queued);
    queueOldestSeconds.set({ kind: r.kind }, r.oldest_s ?? 0);
  }
  jobsFailed.reset();
  for (const r of await failedJobsByKind(db)) jobsFailed.set({ kind: r.kind }, r.n);
  workersAlive.set(await countAliveWorkers(db));
}

const notFound = () => new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } });

/**
 * `/metrics` in Prometheus text format. Not public: a request with the configured bearer token or
 * from an allowed address gets it; anyone else the same 404 as an unknown path, so nothing tells
 * a stranger it is there.
 */
export function metricsRoute(opts: { db: Db; access: MetricsAccess }): Route {
  const list = allowList(opts.access.allow);
  return {
    method: 'GET',
    prefix: '/metrics',
    async handle(req: Request, info?: { address?: string }) {
      if (!sameToken(req.headers.get('authorization'), opts.access.token) && !allowed(list, info?.address)) return notFound();
      await readShared(opts.db);
      return new Response(await registry.metrics(), { headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' } });
    },
  };
}
