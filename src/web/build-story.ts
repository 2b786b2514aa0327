import { renderStory } from '../publish/render-story.ts';
import type { StoryRef } from '../publish/site-view.ts';
import type { StoryMember, StoryView } from '../publish/story-view.ts';
import { findDisagreements, type ClaimSource } from '../stories/claims/index.ts';
import type { Db } from '../store/db.ts';
import { mediaForArticle } from '../store/media.ts';
import { getArticleByPath } from '../store/site-article.ts';
import { listTopics } from '../store/site-queries.ts';
import { storySplitOrigin } from '../store/story-origin.ts';
import { listStoryMembers, storyLanguages, storyLeadPath, storySummary, storyTarget, type StoryMemberRow } from '../store/story-reads.ts';
import { parseSitePath, storyPath } from './site-paths.ts';
import { toArticle, toNamed } from './site-views.ts';
import type { SiteOptions } from './web-types.ts';

function toMember(r: StoryMemberRow): StoryMember {
  return {
    articleId: r.article_id,
    role: r.role,
    duplicateOf: r.duplicate_of,
    outlet: r.outlet,
    url: r.url,
    title: r.title,
    lang: r.lang,
    at: new Date(r.at),
    translation: r.path ? { path: r.path, title: r.translated_title ?? r.title } : null,
  };
}

/** The members' originals as the claims are read from them. */
function claimSources(rows: StoryMemberRow[]): ClaimSource[] {
  return rows.filter((r) => r.text.trim() !== '').map((r) => ({
    articleId: String(r.article_id),
    outlet: r.outlet,
    url: r.url,
    lang: r.lang,
    text: r.text,
    publishedAt: new Date(r.at),
  }));
}

/**
 * `/{lang}/story/{id}` from the rows: the lead's translation in `lang`, every member, and where
 * they disagree. Null (a 404) for an unknown story, a merged one (site-app answers those with a
 * redirect before asking) or one with nothing live in `lang`.
 */
export async function buildStory(db: Db, site: SiteOptions, spec: { lang: string; id: number }): Promise<{ body: string; lastModified: Date } | null> {
  const target = await storyTarget(db, spec.id);
  if (!target || target.merged) return null;
  const leadPath = await storyLeadPath(db, spec.id, spec.lang);
  const row = leadPath ? await getArticleByPath(db, leadPath) : null;
  if (!row || row.status !== 'live') return null;
  const [members, langs, topics, media, summary, origin] = await Promise.all([
    listStoryMembers(db, spec.id, spec.lang), storyLanguages(db, spec.id), listTopics(db, spec.lang), mediaForArticle(db, row.article_id), storySummary(db, spec.id),
    storySplitOrigin(db, spec.id, spec.lang),
  ]);
  const lead = { ...toArticle(row, [], []), media };
  const changedAt = summary.changed_at ? new Date(summary.changed_at) : lead.updatedAt;
  const view: StoryView = {
    id: spec.id,
    lang: spec.lang,
    path: storyPath(spec.lang, spec.id),
    lead,
    members: members.map(toMember),
    disagreements: findDisagreements(claimSources(members)),
    alternates: langs.map((l) => ({ lang: l, path: storyPath(l, spec.id) })),
    changedAt,
    // A story merged back into the one it was split from has no other story to point to.
    splitFrom: origin && origin.storyId !== spec.id
      ? { id: origin.storyId, at: origin.at, title: origin.title, path: origin.title === null ? null : storyPath(spec.lang, origin.storyId) }
      : null,
  };
  const lastModified = changedAt > lead.updatedAt ? changedAt : lead.updatedAt;
  return { body: renderStory(site, view, toNamed(topics)), lastModified };
}

/** An article's story link: its story's page where more than one article told it; else null. */
export async function articleStory(db: Db, storyId: number | null, lang: string): Promise<StoryRef | null> {
  if (storyId === null) return null;
  const s = await storySummary(db, storyId);
  return s.members > 1 ? { path: storyPath(lang, storyId), outlets: s.outlets } : null;
}

/** Where a merged story's page moved: the page of the story it joined; null for any other path. */
export async function movedStory(db: Db, languages: string[], path: string): Promise<string | null> {
  const spec = parseSitePath(path, languages);
  if (spec?.kind !== 'story') return null;
  const target = await storyTarget(db, spec.id);
  return target?.merged ? storyPath(spec.lang, target.id) : null;
}
