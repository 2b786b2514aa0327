/**
 * The web tier under load while the workers publish: autocannon (bench/lib) against every web
 * process at once, RSS sampled from /proc every second.
 */
import { autocannon, type Load } from '../lib/autocannon.ts';
import { rssMiB, type Proc } from './processes.ts';

export interface LoadResult {
  connections: number;
  seconds: number;
  perWeb: Array<Load & { url: string; rssStartMiB: number; rssMaxMiB: number; rssEndMiB: number }>;
}

export async function loadWebs(webs: Proc[], urls: string[], connections: number, seconds: number): Promise<LoadResult> {
  const rss = webs.map((w) => ({ start: rssMiB(w.child.pid) ?? 0, max: 0, end: 0 }));
  const sampler = setInterval(() => {
    webs.forEach((w, i) => {
      const m = rssMiB(w.child.pid);
      if (m !== null) rss[i]!.max = Math.max(rss[i]!.max, m);
    });
  }, 1000);
  const per = Math.ceil(connections / urls.length);
  const loads = await Promise.all(urls.map((u) => autocannon(`${u}/es/`, { connections: per, seconds })));
  clearInterval(sampler);
  webs.forEach((w, i) => (rss[i]!.end = rssMiB(w.child.pid) ?? 0));
  return {
    connections,
    seconds,
    perWeb: loads.map((l, i) => ({ ...l, url: urls[i]!, rssStartMiB: rss[i]!.start, rssMaxMiB: Math.max(rss[i]!.max, rss[i]!.end), rssEndMiB: rss[i]!.end })),
  };
}
