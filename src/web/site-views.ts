import { slugify } from '../shared/slug.ts';
import type { FeedEntry } from '../publish/render-feeds.ts';
import type { ArticleView, Card, NamedLink, StoryRef } from '../publish/site-view.ts';
import { mediaPath } from '../store/media.ts';
import type { SiteArticleRow } from '../store/site-article.ts';
import { mediaRefs, type NameCountRow, type SiteCardRow } from '../store/site-queries.ts';
import type { StoryCardFields } from '../store/story-cards.ts';
import { storyPath } from './site-paths.ts';

/** The story of a card read with its story's counts (listCards' `byStory`): linked where more than one article told it. */
function storyOf(r: SiteCardRow & Partial<StoryCardFields>): StoryRef | null {
  return r.story_id && (r.story_members ?? 0) > 1 ? { path: storyPath(r.lang, r.story_id), outlets: r.story_outlets ?? 0 } : null;
}

/** Rows as the store reads them → the plain views the renderers take. */
export function toCard(r: SiteCardRow & Partial<StoryCardFields>): Card {
  const updated = new Date(r.updated_at);
  // A story's card changed when its newest member came, though its lead's page did not.
  const changed = r.story_changed_at ? new Date(r.story_changed_at) : null;
  return {
    id: r.id,
    path: r.path,
    lang: r.lang,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: new Date(r.published_at),
    updatedAt: changed && changed > updated ? changed : updated,
    outlet: r.outlet,
    sourceSlug: slugify(r.source_name, 80, 'x'),
    category: r.category,
    topicSlug: r.category ? slugify(r.category, 80, 'x') : null,
    imageUrl: r.image_url,
    leadImage: r.lead_sha256 && r.lead_ext ? { path: mediaPath(r.lead_sha256, r.lead_ext), width: r.lead_width, height: r.lead_height } : null,
    flagged: r.flagged,
    story: storyOf(r),
  };
}

export function toFeedEntry(r: SiteCardRow & Partial<StoryCardFields>): FeedEntry {
  return {
    ...toCard(r),
    html: r.html ?? '',
    engine: r.engine ?? '',
    originalUrl: r.original_url ?? '',
    originalTitle: r.original_title ?? '',
    byline: r.byline ?? null,
    media: mediaRefs(r.media),
  };
}

export function toArticle(r: SiteArticleRow, alternates: { lang: string; path: string }[], related: SiteCardRow[]): ArticleView {
  return {
    ...toCard(r),
    articleId: r.article_id,
    storyId: r.story_id,
    html: r.html,
    text: r.text,
    engine: r.engine,
    byline: r.byline,
    originalTitle: r.original_title,
    originalUrl: r.original_url,
    originalLang: r.original_lang,
    sourcePublishedAt: r.source_published_at ? new Date(r.source_published_at) : null,
    fetchedAt: new Date(r.fetched_at),
    translatedAt: new Date(r.translated_at),
    imageCaption: r.image_caption,
    alternates: alternates.map((a) => ({ lang: a.lang, path: a.path })),
    related: related.map(toCard),
    findings: r.findings,
    listedAt: new Date(r.listed_at),
    reviewed: r.reviewed,
    corrections: r.corrections,
  };
}

export function toNamed(rows: NameCountRow[]): NamedLink[] {
  return rows.map((r) => ({ slug: slugify(r.name, 80, 'x'), name: r.name, count: r.count }));
}
