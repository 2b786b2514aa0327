import type { SourceUpdate } from '../domain/source-changes.ts';

/** The plain data the renderers take: what the store read, shaped for a page. No I/O here. */
export interface SiteInfo {
  name: string;
  baseUrl: string;
  languages: string[];
  defaultLanguage: string;
}

/** One story in a list (home, topic, source, search, feeds). */
export interface Card {
  id: number;
  path: string;
  lang: string;
  title: string;
  excerpt: string | null;
  /** When the story was published: by the source, or by us where the source gives no time. */
  publishedAt: Date;
  updatedAt: Date;
  outlet: string | null;
  sourceSlug: string | null;
  category: string | null;
  topicSlug: string | null;
  imageUrl: string | null;
  /** The lead image on the site itself (`/media/…`), once mirrored; lists show only this one. */
  leadImage: MediaRef | null;
  flagged: boolean;
  /** Highlighted snippet (search only): already safe HTML with <mark>. */
  snippet?: string;
  /** Its story's page, where more than one article told the story. */
  story?: StoryRef | null;
}

/** A story page to link to, and how many outlets told the story. */
export interface StoryRef {
  path: string;
  outlets: number;
}

export interface Alternate {
  lang: string;
  path: string;
}

export interface ArticleView extends Card {
  articleId: number;
  storyId: number | null;
  html: string;
  text: string;
  engine: string;
  byline: string | null;
  originalTitle: string;
  originalUrl: string;
  originalLang: string;
  sourcePublishedAt: Date | null;
  fetchedAt: Date;
  translatedAt: Date;
  imageCaption: string | null;
  /** Images mirrored onto the site, by the URL the article names them with; others are dropped. */
  media?: ReadonlyMap<string, MediaRef>;
  alternates: Alternate[];
  /** Other stories to read next: same story, then same topic, then the latest (see listRelated). */
  related: Card[];
  /** Where the fidelity gate found possible errors (warnings and errors), to mark on the page. */
  findings?: FlaggedPassage[];
  /** When we published it on this site (`publishedAt` is the source's time). */
  listedAt?: Date;
  /** An editor reviewed the translation (edited or approved it): the notice says so. */
  reviewed?: boolean;
  /** Dated corrections of the published story, oldest first. */
  corrections?: Array<{ at: Date; note: string }>;
  /** Changes the source made after we published, newest first (render-updates.ts). */
  sourceUpdates?: SourceUpdate[];
  /** When the source stopped having the article (404/410); null while it has it. */
  sourceGoneAt?: Date | null;
}

/** A warning or error of the fidelity gate: a body segment, or the headline or standfirst. */
export interface FlaggedPassage {
  segment: number | null;
  severity: 'warning' | 'error';
  part: 'title' | 'excerpt' | null;
}

/** An image served by the site itself (`/media/…`), with its size when known. */
export interface MediaRef {
  path: string;
  width: number | null;
  height: number | null;
}

export interface NamedLink {
  slug: string;
  name: string;
  count: number;
}
