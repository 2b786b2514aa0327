import { anchors } from './anchors.ts';
import type { StoryArticle, TranslatedHead } from './story-article.ts';
import { terms } from './text-tokens.ts';

/** Raw weighted counts of an article's features; the clusterer turns them into TF-IDF vectors. */
export interface ArticleFeatures {
  time: number | null;
  /** Pivot-language terms of title, lead and (when the article is in the pivot) the body. */
  full: Map<string, number>;
  /** Title and lead terms only: what a translated article can be compared on. */
  head: Map<string, number>;
  /** Names, numbers, dates and web addresses (language-independent). */
  anchors: Map<string, number>;
  /** True when `full` holds the body too (false: a translated head only). */
  hasBody: boolean;
}

export interface FeatureWeights {
  /** A title word counts as this many body words: headlines name the event. */
  title: number;
  /** A lead word likewise: the lead says who, what, where. */
  lead: number;
  /**
   * The first this many body words count fully, the n-th after them h / n (half at 2h). News is
   * written as an inverted pyramid — the event first, background and page leftovers below — so
   * a long article is not drowned in its own tail.
   */
  bodyFullWords: number;
}

export const DEFAULT_FEATURE_WEIGHTS: FeatureWeights = { title: 3, lead: 2, bodyFullWords: 100 };

const LEAD_WORDS = 60;

/** The lead: the given one, or the first sentences of the text up to about 60 words. */
export function leadOf(article: Pick<StoryArticle, 'lead' | 'text'>): string {
  if (article.lead?.trim()) return article.lead;
  const ws = article.text.split(/\s+/);
  return ws.slice(0, LEAD_WORDS).join(' ');
}

/**
 * Features of one article. An article in the pivot language gives its words from everything; one
 * in another language gives its words from the translation of its title and lead (when there is
 * one; without, its own words, comparable with its own language's stories) and its anchors from
 * everything it says in any language.
 */
export function articleFeatures(
  article: StoryArticle,
  pivot: string,
  translated: TranslatedHead | null,
  weights: FeatureWeights = DEFAULT_FEATURE_WEIGHTS,
): ArticleFeatures {
  const lead = leadOf(article);
  const inPivot = article.lang === pivot;
  const headTitle = !inPivot && translated ? translated.title : article.title;
  const headLead = !inPivot && translated ? translated.lead : lead;
  const head = new Map<string, number>();
  const titleTerms = terms(headTitle);
  add(head, titleTerms, weights.title);
  // The address's slug is a second headline in the outlet's language: what it adds to the title
  // counts as title words (it is all there is when extraction found no title or text).
  if (inPivot) {
    const inTitle = new Set(titleTerms);
    add(head, terms(slugOf(article.url)).filter((t) => !inTitle.has(t)), weights.title);
  }
  add(head, terms(headLead), weights.lead);
  const full = new Map(head);
  const withBody = inPivot || !translated;
  if (withBody) {
    const h = weights.bodyFullWords;
    terms(article.text).forEach((t, n) => full.set(t, (full.get(t) ?? 0) + (n < h ? 1 : h / n)));
  }
  const anchorMap = new Map<string, number>();
  // The title is left out: headline case capitalizes every word, so its capitals name nothing.
  add(anchorMap, anchors(`${lead}\n${article.text}`), 1);
  if (translated) add(anchorMap, anchors(translated.lead), 1);
  return {
    time: article.published ? article.published.getTime() : null,
    full,
    head,
    anchors: anchorMap,
    hasBody: withBody,
  };
}

/** The words of an address's last meaningful path segment when it reads as a phrase ("rihanna-cousin-shot-dead"). */
export function slugOf(url: string | null | undefined): string {
  if (!url) return '';
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const phrases = path
    .split('/')
    .map((seg) => decodeURIComponentSafe(seg).replace(/\.[a-z0-9]{2,5}$/i, ''))
    .filter((seg) => (seg.match(/[\p{L}]{2,}/gu)?.length ?? 0) >= 3 && /[-_]/.test(seg));
  return (phrases[phrases.length - 1] ?? '').replace(/[-_]+/g, ' ');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function add(map: Map<string, number>, keys: string[], weight: number): void {
  for (const k of keys) map.set(k, (map.get(k) ?? 0) + weight);
}
