import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIP } from 'node:net';
import '../metrics/http-requests.ts'; // registers the HTTP counter the server feeds
import { jobsFailed, queueDepth, queueOldestSeconds, registry, workersAlive } from '../metrics/registry.ts';
import type { Db } from '../store/db.ts';
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
  const queue = await db.query<{ kind: string; queued: number; oldest: number | null }>(
    `SELECT kind, count(*)::int AS queued,
            EXTRACT(EPOCH FROM now() - min(run_at) FILTER (WHERE run_at <= now()))::float8 AS oldest
       FROM jobs WHERE state = 'queued' GROUP BY kind`,
  );
  queueDepth.reset();
  queueOldestSeconds.reset();
  for (const r of queue.rows) {
    queueDepth.set({ kind: r.kind }, r.queued);
    queueOldestSeconds.set({ kind: r.kind }, r.oldest ?? 0);
  }
  const failed = await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM jobs WHERE state = 'failed' GROUP BY kind`);
  jobsFailed.reset();
  for (const r of failed.rows) jobsFailed.set({ kind: r.kind }, r.n);
  const alive = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM worker_heartbeats
      WHERE stopped_at IS NULL AND last_beat_at >= now() - make_interval(secs => interval_ms * 3 / 1000.0)`,
  );
  workersAlive.set(alive.rows[0]?.n ?? 0);
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
