import type { Db } from '../store/db.ts';
import { pendingMigrations } from '../store/schema-status.ts';
import type { Route, WebLog } from './web-types.ts';

/** One readiness check: resolves when ready, throws with the details (for the log) when not. */
export type Check = () => Promise<void>;

export interface HealthOptions {
  db: Db;
  log?: WebLog;
  /** Engines able to translate every configured pair (processes that translate). */
  engines?: Check;
  /** Longest a check may take: a database that does not answer is as down as one that refuses. */
  timeoutMs?: number;
  /** How long an engine check's answer is reused. */
  enginesEveryMs?: number;
  /** How often the same failure is logged again while it lasts. */
  logEveryMs?: number;
}

function within<T>(ms: number, what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

function remembered(check: Check, ms: number): Check {
  let last: { at: number; result: Promise<void> } | null = null;
  return () => {
    if (!last || Date.now() - last.at >= ms) last = { at: Date.now(), result: check() };
    return last.result;
  };
}

const json = (status: number, body: object) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });

/**
 * `/healthz` (the process answers and reaches its database) and `/readyz` (and the schema is
 * current and the engines can translate every configured pair). Anyone may ask, so the answer
 * says only ok or not per check; why goes to the log, at warn, once per failure and then at
 * most every `logEveryMs` while it lasts (a prober every second must not flood it).
 */
export function healthRoutes(opts: HealthOptions): Route[] {
  const timeoutMs = opts.timeoutMs ?? 2000;
  const logEveryMs = opts.logEveryMs ?? 60_000;
  const lastLogged = new Map<string, { error: string; at: number }>();
  const checks: Record<string, Check> = {
    database: async () => void (await opts.db.query('SELECT 1')),
    migrations: async () => {
      const pending = await pendingMigrations(opts.db);
      if (pending.length) throw new Error(`migrations not applied: ${pending.join(', ')}`);
    },
  };
  // Listing the engines' pairs spawns `apertium -l` (or asks a remote engine): once per half minute.
  if (opts.engines) checks.engines = remembered(opts.engines, opts.enginesEveryMs ?? 30_000);

  async function run(name: string): Promise<boolean> {
    try {
      await within(timeoutMs, name, checks[name]!());
      if (lastLogged.delete(name)) opts.log?.info({ check: name }, 'health: ok again');
      return true;
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const seen = lastLogged.get(name);
      if (!seen || seen.error !== error || Date.now() - seen.at >= logEveryMs) {
        lastLogged.set(name, { error, at: Date.now() });
        opts.log?.warn({ check: name, error }, 'health: not ok');
      }
      return false;
    }
  }

  return [
    {
      method: 'GET',
      prefix: '/healthz',
      handle: async () => {
        const ok = await run('database');
        return json(ok ? 200 : 503, { ok });
      },
    },
    {
      method: 'GET',
      prefix: '/readyz',
      handle: async () => {
        const names = Object.keys(checks);
        const results = await Promise.all(names.map(run));
        const ok = results.every(Boolean);
        return json(ok ? 200 : 503, { ok, checks: Object.fromEntries(names.map((n, i) => [n, results[i]])) });
      },
    },
  ];
}
