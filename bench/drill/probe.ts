/**
 * A steady reader of the web tier while the faults run, as users behind a load balancer: each
 * request goes to the web processes in turn, and a connection refused or reset is tried once on
 * another one (what a balancer's retry does). What the user got is recorded: an answer's status
 * and time, or nothing (no web answered within the timeout).
 */
import { percentile } from '../lib/percentile.ts';

export interface ProbeStats {
  requests: number;
  /** 5xx answers. */
  serverErrors: number;
  /** No answer at all: every web refused, or none answered within the timeout. */
  unanswered: number;
  /** Connections refused or reset by one web, answered by another (a killed process). */
  failedOver: number;
  p50: number;
  p99: number;
  max: number;
}

export interface Prober {
  /** Stats since the last snapshot (or the start), and begins a new window. */
  snapshot(): ProbeStats;
  stop(): Promise<ProbeStats>;
}

const PATHS = ['/es/', '/healthz', '/es/', '/sitemap.xml'];

export function startProber(urls: () => string[], opts: { concurrency: number; timeoutMs: number; pauseMs: number }): Prober {
  let stopped = false;
  let window = fresh();
  const total = fresh();
  function fresh() {
    return { latencies: [] as number[], requests: 0, serverErrors: 0, unanswered: 0, failedOver: 0 };
  }
  const record = (f: (w: ReturnType<typeof fresh>) => void) => {
    f(window);
    f(total);
  };
  let turn = 0;

  async function once(): Promise<void> {
    const list = urls();
    if (!list.length) return;
    const first = turn++ % list.length;
    const path = PATHS[turn % PATHS.length]!;
    const t0 = performance.now();
    for (let i = 0; i < list.length; i++) {
      const base = list[(first + i) % list.length]!;
      try {
        const res = await fetch(base + path, { signal: AbortSignal.timeout(opts.timeoutMs), redirect: 'manual' });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        record((w) => {
          w.requests++;
          w.latencies.push(ms);
          if (res.status >= 500) w.serverErrors++;
          if (i > 0) w.failedOver++;
        });
        return;
      } catch (err) {
        const timedOut = (err as Error).name === 'TimeoutError';
        if (timedOut) break; // a hung web is not retried: the user waited the whole timeout
      }
    }
    record((w) => {
      w.requests++;
      w.unanswered++;
      w.latencies.push(performance.now() - t0);
    });
  }

  const loops = Array.from({ length: opts.concurrency }, async () => {
    while (!stopped) {
      await once();
      await new Promise((r) => setTimeout(r, opts.pauseMs));
    }
  });

  const summarize = (w: ReturnType<typeof fresh>): ProbeStats => {
    const sorted = [...w.latencies].sort((a, b) => a - b);
    const pct = (p: number) => Math.round(percentile(sorted, p) || 0);
    return { requests: w.requests, serverErrors: w.serverErrors, unanswered: w.unanswered, failedOver: w.failedOver, p50: pct(0.5), p99: pct(0.99), max: Math.round(sorted.at(-1) ?? 0) };
  };
  return {
    snapshot() {
      const s = summarize(window);
      window = fresh();
      return s;
    },
    async stop() {
      stopped = true;
      await Promise.all(loops);
      return summarize(total);
    },
  };
}
