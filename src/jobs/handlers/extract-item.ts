import { errorMessage, PermanentError, TransientError, TranswireError } from '../../domain/errors.ts';
import { primaryLang, textDirection } from '../../domain/lang.ts';
import { extractArticle, detectLanguage } from '../../extract/index.ts';
import { normalizeSection } from '../../extract/section-name.ts';
import type { HttpClient } from '../../fetch/index.ts';
import { decodeBody } from '../../fetch/index.ts';
import { contentHash } from '../../stories/index.ts';
import { findDuplicateArticle, upsertArticle } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { getItem, setItemStatus } from '../../store/items.ts';
import type { SourceWithRules } from '../../store/source-settings.ts';
import { getSource } from '../../store/sources.ts';
import type { Logger } from '../../logger.ts';
import { HTML_ACCEPT, politeGet } from '../polite-get.ts';
import { JobQueue } from '../queue.ts';
import { enqueueTranslation } from '../story-jobs.ts';
import type { StoryPlacement } from './place-story.ts';
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
  /** Places each article in a story and decides what is translated (the story's lead, updates); without it every article is translated. */
  stories?: StoryPlacement;
}

/**
 * Fetches an item's page, extracts the article, places it in a story and queues its translations:
 * one per target language for the story's lead or an update, none for a near-duplicate or a member
 * that adds nothing to the lead (without stories: one per target language).
 */
export function createExtractItemHandler(deps: ExtractDeps) {
  const { db, log } = deps;
  return async function extractItem(payload: { itemId: number }): Promise<void> {
    const item = await getItem(db, payload.itemId);
    if (!item || !item.url || item.status === 'extracted' || item.status === 'skipped') return;
    const source = await getSource(db, item.source_id);
    if (!source) return;
    try {
      // robots.txt, the host's slot and its Retry-After, shared with every worker (polite-get.ts).
      const res = await politeGet(deps, 'extract', item.url, { accept: HTML_ACCEPT });
      if (res.status === 404 || res.status === 410) throw new PermanentError(`extract: the page is gone (HTTP ${res.status}): ${item.url}`, 'fetch.gone');
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
      // Another outlet carrying the same copy word for word joins its story as a near-duplicate
      // (listed with its outlet, never translated); the same page again is skipped.
      const copyElsewhere = !!deps.stories && !!duplicate && duplicate.source_id !== source.id && duplicate.url !== res.url
        && (page.canonical === null || duplicate.canonical_url !== page.canonical);
      if (duplicate && !copyElsewhere) {
        await setItemStatus(db, item.id, 'skipped', `duplicate of article ${duplicate.id}`);
        extractionsTotal.inc({ outcome: 'duplicate' });
        return;
      }
      const article = await db.transaction(async (tx) => {
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
        // Images are shown from the site's own origin once mirrored; the page never loads the outlet's.
        await JobQueue.enqueue(tx, { kind: 'mirror-media', key: `mirror-media:article:${article.id}`, payload: { articleId: article.id }, priority: 80 });
        if (deps.stories) return article;
        await setItemStatus(tx, item.id, 'extracted');
        for (const to of deps.targetLanguages) if (to !== lang) await enqueueTranslation(tx, article.id, to);
        return article;
      });
      if (deps.stories) {
        // 'extracted' once placed (translations are queued with the placement): a job retried before that places it then.
        await deps.stories.place(article);
        await setItemStatus(db, item.id, 'extracted');
      }
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
