import { errorMessage, PermanentError, ThrottledError, TransientError, TranswireError } from '../../domain/errors.ts';
import { primaryLang, textDirection } from '../../domain/lang.ts';
import { extractArticle, detectLanguage } from '../../extract/index.ts';
import { normalizeSection } from '../../extract/section-name.ts';
import type { HttpClient } from '../../fetch/index.ts';
import { decodeBody } from '../../fetch/index.ts';
import { contentHash } from '../../stories/index.ts';
import { findDuplicateArticle, upsertArticle } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { acquireHostSlot, deferHost } from '../../store/host-limits.ts';
import { getItem, setItemStatus } from '../../store/items.ts';
import type { SourceWithRules } from '../../store/source-settings.ts';
import { getSource } from '../../store/sources.ts';
import type { Logger } from '../../logger.ts';
import { JobQueue } from '../queue.ts';
import { extractionsTotal } from '../../metrics/registry.ts';

export interface ExtractDeps {
  db: Db;
  http: HttpClient;
  log: Logger;
  targetLanguages: readonly string[];
  perHost: { concurrency: number; minIntervalMs: number };
  robots: { isAllowed(url: string): Promise<boolean>; crawlDelayMs?(url: string): Promise<number | null> };
  /** Per-source CSS rules, by source URL. */
  rulesFor: (sourceUrl: string) => { select?: string[]; drop?: string[] } | undefined;
}

/** Fetches an item's page, extracts the article and queues one translation per target language. */
export function createExtractItemHandler(deps: ExtractDeps) {
  const { db, http, log } = deps;
  return async function extractItem(payload: { itemId: number }): Promise<void> {
    const item = await getItem(db, payload.itemId);
    if (!item || !item.url || item.status === 'extracted' || item.status === 'skipped') return;
    const source = await getSource(db, item.source_id);
    if (!source) return;
    try {
      if (!(await deps.robots.isAllowed(item.url))) throw new PermanentError(`extract: robots.txt disallows ${item.url}`, 'fetch.robots');
      const host = new URL(item.url).host;
      const crawlDelay = (await deps.robots.crawlDelayMs?.(item.url)) ?? 0;
      const slot = await acquireHostSlot(db, host, { ...deps.perHost, minIntervalMs: Math.max(deps.perHost.minIntervalMs, crawlDelay) });
      if ('waitMs' in slot) throw new ThrottledError(`extract: host ${host} is busy`, 'fetch.host_limit', new Date(Date.now() + slot.waitMs));
      const res = await http.get(item.url, { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' }).finally(() => slot.release());
      if (res.status === 404 || res.status === 410) throw new PermanentError(`extract: the page is gone (HTTP ${res.status}): ${item.url}`, 'fetch.gone');
      if (res.status === 429 || res.status === 503) {
        // The whole host is asked to slow down, for every worker and process.
        const until = res.retryAfter ?? new Date(Date.now() + 60_000);
        await deferHost(db, host, until);
        throw new ThrottledError(`extract: HTTP ${res.status} from ${item.url}`, 'fetch.throttled', until);
      }
      if (res.status >= 500) throw new TransientError(`extract: HTTP ${res.status} from ${item.url}`, 'fetch.server_error');
      if (res.status >= 400) throw new PermanentError(`extract: HTTP ${res.status} from ${item.url}`, 'fetch.client_error');

      const { text: html } = decodeBody(res.body, { contentType: res.headers['content-type'] ?? null, kind: 'html' });
      // Rules set in the console replace the config's for this source.
      const rules = (source as Partial<SourceWithRules>).extract_rules ?? deps.rulesFor(source.url);
      const page = extractArticle(html, res.url, { rules });
      if (!page.text.trim()) throw new PermanentError(`extract: no article text found at ${item.url}`, 'extract.empty');
      const lang = primaryLang(source.lang) ?? primaryLang(page.lang) ?? detectLanguage(page.text).lang ?? 'en';
      const hash = contentHash(page.text);

      const duplicate = await findDuplicateArticle(db, page.canonical, hash, item.id);
      if (duplicate) {
        await setItemStatus(db, item.id, 'skipped', `duplicate of article ${duplicate.id}`);
        extractionsTotal.inc({ outcome: 'duplicate' });
        return;
      }
      await db.transaction(async (tx) => {
        const article = await upsertArticle(tx, {
          item_id: item.id,
          source_id: source.id,
          url: res.url,
          canonical_url: page.canonical,
          title: page.title ?? item.title ?? res.url,
          byline: page.byline,
          published_at: (page.published ?? item.published_at ?? null) as Date | null,
          modified_at: page.modified as unknown as Date | null,
          lang,
          dir: textDirection(lang),
          site_name: source.name ?? page.siteName,
          // The section: the page's own metadata, then the feed item's category, then the source's.
          category: page.section ?? normalizeSection(item.category) ?? source.category,
          image_url: page.image?.url ?? null,
          image_caption: page.image?.caption ?? null,
          excerpt: page.excerpt ?? item.summary,
          html: page.html,
          text: page.text,
          content_hash: hash,
        });
        await setItemStatus(tx, item.id, 'extracted');
        // Images are shown from the site's own origin once mirrored; the page never loads the outlet's.
        await JobQueue.enqueue(tx, { kind: 'mirror-media', key: `mirror-media:article:${article.id}`, payload: { articleId: article.id }, priority: 80 });
        for (const to of deps.targetLanguages) {
          if (to === lang) continue;
          await JobQueue.enqueue(tx, {
            kind: 'translate',
            key: `translate:article:${article.id}:${to}`,
            payload: { articleId: article.id, lang: to },
            priority: 60,
          });
        }
      });
      extractionsTotal.inc({ outcome: 'extracted' });
      log.info({ item_id: item.id, lang }, 'extracted');
    } catch (err) {
      // Postponed (a host limit, Retry-After) or put back at shutdown: not an attempt, nothing to record on the item.
      const postponed = err instanceof TranswireError && err.retry === 'throttled';
      extractionsTotal.inc({ outcome: postponed ? 'postponed' : 'failed' });
      if (postponed) throw err;
      // The item carries its latest error, whether or not the queue tries again.
      await setItemStatus(db, item.id, err instanceof PermanentError ? 'failed' : 'new', errorMessage(err));
      throw err;
    }
  };
}
