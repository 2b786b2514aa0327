import type { TranslationCost } from '../../domain/translation.ts';
import { decideVerdict, type PublishPolicy } from '../../publish/policy.ts';
import type { Translator } from '../../translate/index.ts';
import { getArticle } from '../../store/articles.ts';
import { getSource } from '../../store/sources.ts';
import type { Db } from '../../store/db.ts';
import { storyRoleOf } from '../../store/stories.ts';
import { recordEngineSpend, spentIn } from '../../store/engine-spend.ts';
import { upsertTranslation } from '../../store/translations.ts';
import type { Logger } from '../../logger.ts';
import { publishTranslation } from '../publish-translation.ts';
import { publishLatencySeconds, translationCharactersTotal, translationCostTotal, translationsTotal } from '../../metrics/registry.ts';

export interface TranslateDeps {
  db: Db;
  translator: Translator;
  log: Logger;
  /** The policy, or a function that reads it on each article (the console edits it while the wire runs). */
  policy: PublishPolicy | (() => Promise<PublishPolicy>);
}

/**
 * Translates an article, runs the fidelity gate and applies the publish policy: published
 * (possibly flagged) or held for review. Keyed by article and language: a second run changes nothing.
 * Which members of a story are translated at all is decided at placement (place-story.ts); a
 * near-duplicate queued by any other path is still not translated unless forced.
 */
export function createTranslateArticleHandler(deps: TranslateDeps) {
  const { db, translator, log } = deps;
  return async function translateArticle(payload: { articleId: number; lang: string; force?: boolean; engine?: string | null; fresh?: boolean }): Promise<void> {
    const article = await getArticle(db, payload.articleId);
    if (!article) return;
    if (!payload.force && (await storyRoleOf(db, article.id)) === 'duplicate') {
      // Listed in its story with its outlet; the original's translation is the story's.
      log.info({ article_id: article.id, lang: payload.lang }, 'near-duplicate: not translated');
      return;
    }
    if (!payload.force) {
      const done = await db.query('SELECT 1 FROM translations WHERE article_id = $1 AND lang = $2', [article.id, payload.lang]);
      if (done.rowCount > 0) return;
    }
    const translated = await translator.translateArticle(
      { title: article.title, excerpt: article.excerpt, html: article.html, imageCaption: article.image_caption },
      article.lang,
      payload.lang,
      // An editor's "retranslate with another engine" overrides the configured chain; `fresh`: no
      // answer from the memory entries the retranslation replaces.
      { chain: payload.engine ? [payload.engine] : undefined, fresh: payload.fresh === true },
    );
    // The section's name as this site's bar shows it ("Science" → "Ciencia"): one short unit through
    // the same chain and memory, so every story of the section gets the same name (and topic URL).
    const label = article.category ? await translateLabel(translator, article.category, article.lang, payload.lang, payload.engine) : null;
    const category = label?.text ?? null;
    const source = await getSource(db, article.source_id);
    const policy = typeof deps.policy === 'function' ? await deps.policy() : deps.policy;
    const { verdict, reasons } = decideVerdict(translated.checks, policy, { site: payload.lang, source: source?.url });
    const held = verdict === 'hold';
    await db.transaction(async (tx) => {
      // Booked in the cost ledger with the text (a forced run as a retranslation): the ledger keeps
      // every run, translations.cost says what the text now shown cost.
      const row = await upsertTranslation(tx, article.id, translated, verdict, held ? 'held' : 'published', held ? reasons.join('; ') : null, category);
      // A section's name the memory did not have cost engine characters too (the site's, not the story's).
      if (label && label.cost.characters > 0) await recordEngineSpend(tx, { reason: 'label', articleId: article.id, lang: payload.lang, ...spentIn(label.cost) });
      if (held) return;
      await publishTranslation(tx, article, row, verdict === 'publish-flagged');
    });
    translationsTotal.inc({ engine: translated.engine, verdict });
    translationCharactersTotal.inc({ engine: translated.engine }, translated.cost.characters);
    if (translated.cost.money) translationCostTotal.inc({ engine: translated.engine }, translated.cost.money);
    if (!held && !payload.force && article.published_at) publishLatencySeconds.observe({ lang: payload.lang }, Math.max(0, (Date.now() - new Date(article.published_at).getTime()) / 1000));
    log.info({ article_id: article.id, lang: payload.lang, verdict, engine: translated.engine, reasons }, held ? 'held for review' : 'published');
  };
}

/** A label (a section's name) in `to`, capitalized as the source wrote it, and what translating it cost. */
async function translateLabel(translator: Translator, label: string, from: string, to: string, engine?: string | null): Promise<{ text: string; cost: TranslationCost }> {
  const t = await translator.translateArticle({ title: label, excerpt: null, html: '' }, from, to, engine ? { chain: [engine] } : undefined);
  const out = t.title.trim();
  if (!out) return { text: label, cost: t.cost };
  return { text: /^\p{Lu}/u.test(label) ? out.charAt(0).toUpperCase() + out.slice(1) : out, cost: t.cost };
}
