import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One fake news source: where it lives and when its items appear (ms since the epoch). */
export interface FakeSource {
  id: number;
  host: string;
  url: string;
  /** Mean gap between items. */
  gapMs: number;
  behaviour: 'ok' | 'slow' | 'failing';
  /** Appearance time of each item, ascending; items before the start are history. */
  times: number[];
}

export interface FakeInternet {
  sources: FakeSource[];
  hosts: string[];
  /** host:port pairs to allow in the HTTP client. */
  allow: string[];
  /** item id "s<source>-<k>" → appearance time. */
  appearedAt(itemId: string): number | undefined;
  requests: Map<string, number>;
  /** A host that hangs: it accepts connections and never answers, until `hang(host, false)`. */
  hang(host: string, on: boolean): void;
  close(): Promise<void>;
}

/** What a host answers for a path other than a feed (an article page, an image); null: 404. */
export type PageServer = (host: string, path: string) => { type: string; body: string | Buffer } | null;

export interface InternetOptions {
  sources: number;
  hosts: number;
  start: number;
  durationMs: number;
  /** Mean gaps between items are log-uniform in this range. */
  minGapMs: number;
  maxGapMs: number;
  /** Mean response delay of the slow sources. */
  slowMs: number;
  random: () => number;
  /** Items of history before the start (default 20). */
  history?: number;
  /** Serves the items' pages (`/articles/s<source>-<k>`) and anything else; the default: 404. */
  pages?: PageServer;
}

/**
 * A fake internet on 127.0.0.x: `hosts` HTTP servers, each serving the RSS feeds of its share of
 * `sources`. Items appear as Poisson processes; 5 % of sources are slow (slowMs on average), 5 % always fail
 * (503). Feeds honour If-None-Match, so an unchanged feed costs a 304.
 */
export async function startFakeInternet(o: InternetOptions): Promise<FakeInternet> {
  const hosts = Array.from({ length: o.hosts }, (_, i) => `127.0.0.${i + 2}`);
  const requests = new Map<string, number>();
  const sources: FakeSource[] = [];
  for (let id = 0; id < o.sources; id++) {
    const gapMs = Math.exp(Math.log(o.minGapMs) + o.random() * (Math.log(o.maxGapMs) - Math.log(o.minGapMs)));
    const roll = o.random();
    const behaviour = roll < 0.05 ? 'failing' : roll < 0.1 ? 'slow' : 'ok';
    const times: number[] = [];
    // 20 items of history, then arrivals until the end and none after it: an arrival past the end
    // would appear while a caller drains (the fault drill counted 5 such items as never ingested).
    let t = o.start - (o.history ?? 20) * gapMs;
    for (;;) {
      t += -Math.log(1 - o.random()) * gapMs;
      if (t >= o.start + o.durationMs) break;
      times.push(Math.round(t));
    }
    sources.push({ id, host: hosts[id % o.hosts]!, url: '', gapMs, behaviour, times });
  }
  const servers: Server[] = [];
  const ports = new Map<string, number>();
  const hanging = new Map<string, Set<ServerResponse>>();
  const hang = (host: string, on: boolean): void => {
    if (on) hanging.set(host, hanging.get(host) ?? new Set());
    else {
      for (const res of hanging.get(host) ?? []) res.destroy();
      hanging.delete(host);
    }
  };
  for (const host of hosts) {
    const server = createServer((req, res) => {
      requests.set(host, (requests.get(host) ?? 0) + 1);
      const held = hanging.get(host);
      if (held) return void held.add(res);
      const id = Number(/^\/feed\/(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? -1);
      const s = sources[id];
      if (!s || s.host !== host) {
        const page = o.pages?.(host, req.url ?? '/');
        if (!page) return void res.writeHead(404).end();
        res.writeHead(200, { 'content-type': page.type });
        return void res.end(page.body);
      }
      if (s.behaviour === 'failing') return void res.writeHead(503, { 'retry-after': '30' }).end('down');
      const send = (): void => {
        const { body, etag } = renderFeed(s, Date.now());
        if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
        res.end(body);
      };
      if (s.behaviour === 'slow') setTimeout(send, o.slowMs * (0.5 + o.random()));
      else send();
    });
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, host, resolve));
    ports.set(host, (server.address() as AddressInfo).port);
    servers.push(server);
  }
  for (const s of sources) s.url = `http://${s.host}:${ports.get(s.host)}/feed/${s.id}.xml`;
  return {
    sources,
    hosts,
    allow: hosts.map((h) => `${h}:${ports.get(h)}`),
    appearedAt(itemId) {
      const m = /^s(\d+)-(\d+)$/.exec(itemId);
      return m ? sources[Number(m[1])]?.times[Number(m[2])] : undefined;
    },
    requests,
    hang,
    close: async () => {
      for (const host of [...hanging.keys()]) hang(host, false);
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** The feed a source serves at `now` (its latest 20 items): what a poll gets and what a hub pushes. */
export function renderFeed(s: FakeSource, now: number): { body: string; etag: string; count: number } {
  let n = 0;
  while (n < s.times.length && s.times[n]! <= now) n++;
  const items = [];
  for (let k = n - 1; k >= Math.max(0, n - 20); k--) {
    const when = new Date(s.times[k]!).toUTCString();
    items.push(`<item><guid>s${s.id}-${k}</guid><title>Story ${k} from source ${s.id}</title><link>${new URL(s.url).origin}/articles/s${s.id}-${k}</link><pubDate>${when}</pubDate><description>Text of story ${k}.</description></item>`);
  }
  const body = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Source ${s.id}</title><link>http://${s.host}/</link>${items.join('')}</channel></rss>`;
  return { body, etag: `"${s.id}-${n}"`, count: n };
}
