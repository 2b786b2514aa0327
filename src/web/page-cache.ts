import type { Db } from '../store/db.ts';
import { getPage, maxPageVersion, pagesChangedSince, putPageIfUnchanged } from '../store/pages.ts';
import { buildPage } from './build-page.ts';
import { encodePage, RENDER_VERSION, siteHeaders, toServed, type ServedPage } from './encode-page.ts';
import { pageEvents } from './page-events.ts';
import type { SiteOptions, WebLog } from './web-types.ts';
import { LruCache } from '../shared/lru-cache.ts';

export interface PageCacheOptions {
  pollMs?: number;
  maxEntries?: number;
  /** A list page ("updated 5 minutes ago") older than this is served, then rendered again. */
  listMaxAgeMs?: number;
  /** Also refresh at once on an in-process render (default); off, only the poll sees changes. */
  inProcessEvents?: boolean;
  log?: WebLog;
}

const LOOKBACK = 100;

/**
 * Rendered pages in memory, backed by the `pages` table. A hit is a Map lookup. A miss reads the
 * table, or renders (and stores) the page when it is not there yet. Changes written by any
 * process are picked up by polling the page version every `pollMs`.
 */
export class PageCache {
  /** Rendered pages by path; a page read is made recent, so the hot pages are the ones kept. */
  private readonly mem: LruCache<string, ServedPage>;
  private readonly inflight = new Map<string, Promise<ServedPage | null>>();
  private readonly background = new Set<Promise<unknown>>();
  private lastVersion = 0;
  private timer: NodeJS.Timeout | null = null;
  private polling: Promise<void> | null = null;
  private pollAgain = false;
  /** A write was signalled: poll now, or once more after the poll in progress. */
  private readonly onChanged = () => void this.track(this.refresh());
  /** The timer signals no write: a poll in progress already does its job. */
  private readonly onTick = () => {
    if (!this.polling) void this.track(this.refresh());
  };
  private readonly pollMs: number;
  private readonly listMaxAgeMs: number;
  private readonly extra: Record<string, string>;

  constructor(private readonly db: Db, private readonly site: SiteOptions, private readonly opts: PageCacheOptions = {}) {
    this.pollMs = opts.pollMs ?? 1000;
    this.mem = new LruCache(opts.maxEntries ?? 5000);
    this.listMaxAgeMs = opts.listMaxAgeMs ?? 120_000;
    this.extra = siteHeaders(site);
  }

  async start(): Promise<void> {
    this.lastVersion = await maxPageVersion(this.db);
    this.timer = setInterval(this.onTick, this.pollMs);
    this.timer.unref();
    if (this.opts.inProcessEvents !== false) pageEvents.on('changed', this.onChanged);
  }

  /** The page if it is in memory (the fast path); stale list pages are re-rendered behind it. */
  peek(path: string): ServedPage | undefined {
    const page = this.mem.get(path);
    if (page && page.kind === 'list' && Date.now() - page.renderedAt > this.listMaxAgeMs) this.revalidate(path, page);
    return page;
  }

  /** The page, from memory, the table, or rendered now; null when the path names nothing. */
  get(path: string): Promise<ServedPage | null> {
    const hit = this.peek(path);
    if (hit) return Promise.resolve(hit);
    let pending = this.inflight.get(path);
    if (!pending) {
      pending = this.fill(path).finally(() => this.inflight.delete(path));
      this.inflight.set(path, pending);
    }
    return pending;
  }

  private async fill(path: string): Promise<ServedPage | null> {
    const row = await getPage(this.db, path);
    if (row && !row.stale && row.body && row.render_version === RENDER_VERSION) return this.remember(toServed(row, this.extra));
    return this.render(path, row?.version ?? null);
  }

  private async render(path: string, seenVersion: number | null): Promise<ServedPage | null> {
    const rendered = await buildPage(this.db, this.site, path);
    if (!rendered) return null;
    const page = await encodePage(rendered);
    const written = await putPageIfUnchanged(this.db, page, seenVersion);
    if (written) return this.remember(toServed({ ...page, ...written }, this.extra));
    // Someone wrote a newer version meanwhile: that one is the truth.
    const again = await getPage(this.db, path);
    if (again?.body && !again.stale) return this.remember(toServed(again, this.extra));
    return toServed({ ...page, version: 0, rendered_at: new Date() }, this.extra);
  }

  private revalidate(path: string, page: ServedPage): void {
    if (this.inflight.has(path)) return;
    const pending = this.render(path, page.version).catch((err: Error) => {
      this.opts.log?.warn({ path, error: err.message }, 'web: revalidate failed');
      return null;
    }).finally(() => this.inflight.delete(path));
    this.inflight.set(path, pending);
    this.track(pending);
  }

  private remember(page: ServedPage): ServedPage {
    const current = this.mem.peek(page.path);
    if (current && current.version > page.version) return current;
    this.mem.set(page.path, page);
    return page;
  }

  /** The newest page version this process has seen: it moves whenever any page changes. */
  get version(): number {
    return this.lastVersion;
  }

  /**
   * Polls for pages written by any process; drops older copies and reloads the ones in memory.
   * A call during a poll asks for one more after it: that poll may have read the table before
   * the write the caller is signalling, and the signal must not wait for the next timer tick.
   */
  refresh(): Promise<void> {
    if (this.polling) {
      this.pollAgain = true;
      return this.polling;
    }
    this.polling = (async () => {
      do {
        this.pollAgain = false;
        await this.poll().catch((err: Error) => {
          this.opts.log?.warn({ error: err.message }, 'web: page poll failed');
        });
      } while (this.pollAgain);
    })().finally(() => { this.polling = null; });
    return this.polling;
  }

  private async poll(): Promise<void> {
    const changed = await pagesChangedSince(this.db, Math.max(0, this.lastVersion - LOOKBACK));
    const reload: string[] = [];
    for (const c of changed) {
      if (c.version > this.lastVersion) this.lastVersion = c.version;
      const held = this.mem.peek(c.path);
      if (held && held.version < c.version) {
        this.mem.delete(c.path);
        if (!c.stale) reload.push(c.path);
      }
    }
    // Hot pages someone rendered come straight back, so the next reader does not pay for the
    // miss; tombstones wait for a reader, or every web process would render them at once.
    await Promise.all(reload.map((p) => this.get(p).catch(() => null)));
  }

  private track(p: Promise<unknown>): void {
    this.background.add(p);
    void p.finally(() => this.background.delete(p));
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    pageEvents.off('changed', this.onChanged);
    await Promise.allSettled([...this.background, ...this.inflight.values()]);
  }
}
