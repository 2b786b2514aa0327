import { errorMessage, TranswireError } from '../../domain/errors.ts';
import type { TranslatedArticle, Verdict } from '../../domain/translation.ts';
import { extractArticle } from '../../extract/index.ts';
import type { FetchResult, HttpClient } from '../../fetch/index.ts';
import { decodeBody, FetchAbortedError } from '../../fetch/index.ts';
import { decideVerdict, type PublishPolicy } from '../../publish/policy.ts';
import { contentHash } from '../../stories/index.ts';
import type { Translator } from '../../translate/index.ts';
import { compareSourceVersions } from '../../translate/source-changes.ts';
import {
  applySourceUpdate, clearSourceGone, getRefetchTarget, markSourceGone, markUnreviewed, recordRefetch, recordUpdateOutcome,
  type ArticleVersion, type LivePublication, type RefetchTarget,
} from '../../store/article-updates.ts';
import type { Db } from '../../store/db.ts';
import { getSourceWithRules } from '../../store/source-settings.ts';
import { addRevision, ensureFirstRevision } from '../../store/translation-revisions.ts';
import { getTranslation, upsertTranslation } from '../../store/translations.ts';
import type { Logger } from '../../logger.ts';
import { refetchesTotal, translationCharactersTotal } from '../../metrics/registry.ts';
import { HTML_ACCEPT, politeGet, type PoliteGetDeps } from '../polite-get.ts';
import { publishTranslation } from '../publish-translation.ts';
import { JobQueue } from '../queue.ts';
import { nextRefetchAt, REFETCH_SCHEDULE_MS } from '../refetch-schedule.ts';

export interface RefetchDeps extends PoliteGetDeps {
  http: HttpClient;
  log: Logger;
  translator: Translator;
  /** The policy, or a function that reads it on each article (the console edits it while the wire runs). */
  policy: PublishPolicy | (() => Promise<PublishPolicy>);
  /** Per-source CSS rules, by source URL (the config's; the console's win). */
  rulesFor: (sourceUrl: string) => { select?: string[]; drop?: string[] } | undefined;
  /** Delays after the first publication (`fetch.refetchSchedule`); the default thins out from 10 minutes to 72 hours; empty: not followed. */
  schedule?: readonly number[];
}

/** Under this share of the text it had, a page is more likely a paywall or an error page than a correction. */
const MIN_TEXT_SHARE = 0.3;

interface Retranslation {
  pub: LivePublication;
  translated: TranslatedArticle;
  verdict: Verdict;
  reasons: string[];
}

/**
 * Fetches a published article again (conditional GET) and follows what the source did with it:
 * nothing (304, or the same text) → the next step of the schedule; a new text → stored, translated
 * again into each language it is live in (the memory serves the paragraphs that did not change),
 * judged by the fidelity gate like any translation (a held one leaves the earlier one live) and
 * noted as an update; 404 or 410 → marked gone on our pages. A 5xx, a 429 or a timeout is tried
 * again at the next step, never taken as gone.
 */
export function createRefetchArticleHandler(deps: RefetchDeps) {
  const { db, log } = deps;
  const schedule = deps.schedule ?? REFETCH_SCHEDULE_MS;
  return async function refetchArticle(payload: { articleId: number }): Promise<void> {
    const target = await getRefetchTarget(db, payload.articleId);
    if (!target) return;
    const { article } = target;
    // Taken down, or articles are not followed here (an empty schedule): no longer followed.
    if (target.live.length === 0 || schedule.length === 0) return recordRefetch(db, article.id, { next: null });
    const next = nextRefetchAt(target.followedSince, new Date(), schedule);
    let res: FetchResult;
    try {
      res = await politeGet(deps, 'refetch', article.url, { etag: article.etag, lastModified: article.last_modified, accept: HTML_ACCEPT });
    } catch (err) {
      // Waiting for a slot on the host, or shutting down: the queue runs it again without counting.
      if (err instanceof FetchAbortedError || (err instanceof TranswireError && err.code === 'fetch.host_limit')) throw err;
      return failed(article.id, next, errorMessage(err));
    }
    if (res.notModified) {
      refetchesTotal.inc({ outcome: 'not_modified' });
      return recordRefetch(db, article.id, { next, etag: res.etag, lastModified: res.lastModified });
    }
    if (res.status === 404 || res.status === 410) return gone(article.id, next, res.status);
    if (res.status >= 400) return failed(article.id, next, `refetch: HTTP ${res.status} from ${article.url}`);

    const source = await getSourceWithRules(db, article.source_id);
    const { text: html } = decodeBody(res.body, { contentType: res.headers['content-type'] ?? null, kind: 'html' });
    const page = extractArticle(html, res.url, { rules: source?.extract_rules ?? (source ? deps.rulesFor(source.url) : undefined) });
    if (page.text.trim().length < article.text.trim().length * MIN_TEXT_SHARE) {
      return failed(article.id, next, `refetch: the page now has ${page.text.trim().length} characters of text (it had ${article.text.trim().length}): not taken as an update`);
    }
    const version: ArticleVersion = {
      url: res.url,
      title: page.title ?? article.title,
      byline: page.byline ?? article.byline,
      modified_at: (page.modified as unknown as Date | null) ?? article.modified_at,
      image_url: page.image?.url ?? article.image_url,
      image_caption: page.image ? page.image.caption : article.image_caption,
      excerpt: page.excerpt ?? article.excerpt,
      html: page.html,
      text: page.text,
      content_hash: contentHash(page.text),
    };
    if (version.content_hash === article.content_hash && version.title === article.title) {
      const back = await db.transaction(async (tx) => {
        await recordRefetch(tx, article.id, { next, etag: res.etag, lastModified: res.lastModified });
        return enqueueRenders(tx, await clearSourceGone(tx, article.id));
      });
      refetchesTotal.inc({ outcome: back ? 'back' : 'unchanged' });
      if (back) log.info({ article_id: article.id }, 'source article is back');
      return;
    }
    await applyUpdate(target, version, res, next, source?.url);
  };

  async function applyUpdate(target: RefetchTarget, version: ArticleVersion, res: FetchResult, next: Date | null, sourceUrl: string | undefined): Promise<void> {
    const { article } = target;
    const changes = compareSourceVersions(article, version, article.lang);
    const policy = typeof deps.policy === 'function' ? await deps.policy() : deps.policy;
    // Translated before the transaction: a failing engine leaves everything as it was, and the
    // job's retry fetches again (the validators are only stored with the update).
    const retranslations: Retranslation[] = [];
    for (const pub of target.live) {
      if (pub.lang === article.lang) continue;
      const translated = await deps.translator.translateArticle(
        { title: version.title, excerpt: version.excerpt, html: version.html, imageCaption: version.image_caption },
        article.lang, pub.lang,
      );
      translationCharactersTotal.inc({ engine: translated.engine }, translated.cost.characters);
      const { verdict, reasons } = decideVerdict(translated.checks, policy, { site: pub.lang, source: sourceUrl });
      retranslations.push({ pub, translated, verdict, reasons });
    }
    await db.transaction(async (tx) => {
      const updateId = await applySourceUpdate(tx, article, version, { changes, etag: res.etag, lastModified: res.lastModified, next });
      for (const r of retranslations) {
        const current = await getTranslation(tx, r.pub.translation_id);
        if (!current) continue;
        await ensureFirstRevision(tx, current);
        const t = r.translated;
        const revision = { kind: 'machine' as const, title: t.title, excerpt: t.excerpt, html: t.html, image_caption: t.imageCaption ?? null, engine: t.engine, checks: t.checks, verdict: r.verdict, editor: null };
        if (r.verdict === 'hold') {
          const reason = r.reasons.join('; ');
          // The held text waits in this revision; the review queue lists it for an editor.
          const held = await addRevision(tx, current.id, { ...revision, note: `source updated; held (${reason}): the earlier translation stays live` });
          await recordUpdateOutcome(tx, updateId, r.pub.lang, { outcome: 'held', reason, revisionId: held.id, cost: t.cost });
          continue;
        }
        // translations.cost becomes what this text cost; the run is booked in the ledger once, with
        // the update's outcome (held ones are booked there too), not as a retranslation.
        const row = await upsertTranslation(tx, article.id, t, r.verdict, 'published', null, current.category, 'update');
        const published = await addRevision(tx, row.id, { ...revision, note: 'source updated' });
        await markUnreviewed(tx, row.id);
        await publishTranslation(tx, article, row, r.verdict === 'publish-flagged');
        await recordUpdateOutcome(tx, updateId, r.pub.lang, { outcome: 'published', reason: null, revisionId: published.id, cost: t.cost });
      }
      if (version.image_url !== article.image_url) {
        await JobQueue.enqueue(tx, { kind: 'mirror-media', key: `mirror-media:article:${article.id}`, payload: { articleId: article.id }, priority: 80 });
      }
    });
    refetchesTotal.inc({ outcome: 'updated' });
    const held = retranslations.filter((r) => r.verdict === 'hold').map((r) => r.pub.lang);
    log.info({ article_id: article.id, changes, held }, 'source article updated');
  }

  async function failed(articleId: number, next: Date | null, error: string): Promise<void> {
    refetchesTotal.inc({ outcome: 'failed' });
    log.warn({ article_id: articleId, err: error, next: next?.toISOString() ?? null }, 'refetch failed');
    await recordRefetch(db, articleId, { next, error });
  }

  async function gone(articleId: number, next: Date | null, status: number): Promise<void> {
    refetchesTotal.inc({ outcome: 'gone' });
    const marked = await db.transaction(async (tx) => enqueueRenders(tx, await markSourceGone(tx, articleId, next, `refetch: HTTP ${status}: the source no longer has the article`)));
    if (marked) log.info({ article_id: articleId, status }, 'source article gone');
  }
}

/** The pages that show these publications are rendered again; true when there were any. */
async function enqueueRenders(tx: Db, pubs: LivePublication[]): Promise<boolean> {
  for (const p of pubs) {
    await JobQueue.enqueue(tx, { kind: 'render', key: `render:${p.lang}:${p.id}`, payload: { lang: p.lang, publicationId: p.id, reason: 'correction' }, priority: 10 });
  }
  return pubs.length > 0;
}
