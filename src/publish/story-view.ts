/** The plain data a story page takes: what the store read and the claims found. No I/O here. */
import type { Alternate, ArticleView } from './site-view.ts';

/** One article of the story, as the page lists it. */
export interface StoryMember {
  articleId: number;
  /** report · update · duplicate (a near-duplicate of `duplicateOf`); null: placed before roles existed. */
  role: 'report' | 'update' | 'duplicate' | null;
  duplicateOf: number | null;
  outlet: string;
  /** The original, at the outlet. */
  url: string;
  title: string;
  lang: string;
  /** The source's publication time; when it gives none, when we found it. */
  at: Date;
  /** Our translation into the page's language, when it is published. */
  translation: { path: string; title: string } | null;
}

/** A claim the outlets disagree on: src/stories/claims' Disagreement, as the page renders it. */
export interface StoryDisagreement {
  kind: 'figure' | 'speaker';
  claim: string;
  values: Array<{ value: string; sources: Array<{ articleId: string; outlet: string; url: string; shown: string }> }>;
}

export interface StoryView {
  id: number;
  lang: string;
  path: string;
  /** The lead's translation in the page's language: the story is read there. */
  lead: ArticleView;
  /** Every member the site names, oldest first. */
  members: StoryMember[];
  disagreements: StoryDisagreement[];
  /** The story page in the site's other languages. */
  alternates: Alternate[];
  /** When its newest member arrived. */
  changedAt: Date;
  /** The story this one was split from, and when: its page in this language (null: none live there). */
  splitFrom?: { id: number; at: Date; path: string | null; title: string | null } | null;
}
