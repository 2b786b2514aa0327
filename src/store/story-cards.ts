/**
 * SQL pieces that make a list show stories rather than articles: one card per story (its lead's
 * publication in the list's language) with how many outlets told it. Kept apart from
 * site-queries.ts and story-reads.ts so both can use them without importing each other.
 */

/**
 * A member the site still names: not taken down in every language it was published in. A member
 * never published (a near-duplicate, a report not translated) is shown. `m`: the articles alias.
 */
export function shownMember(m: string): string {
  return `(NOT EXISTS (SELECT 1 FROM publications g WHERE g.article_id = ${m}.id AND g.status = 'gone')
    OR EXISTS (SELECT 1 FROM publications l WHERE l.article_id = ${m}.id AND l.status = 'live'))`;
}

/** The order a story's live publications in one language stand for it in: the lead first (see leadPublication). */
const LEAD_ORDER = `sl.article_id IS NULL, coalesce(la.story_role = 'update', false),
      least(coalesce(la.published_at, lp.published_at), lp.published_at), lp.id`;
const LEAD_FROM = `publications lp JOIN articles la ON la.id = lp.article_id
    LEFT JOIN story_leads sl ON sl.story_id = la.story_id AND sl.lang = lp.lang AND sl.article_id = la.id`;

/**
 * The publication that stands for story `story` in language `lang`: the lead the pipeline or an
 * editor chose (story_leads) while it is live, else the earliest live report, else the earliest
 * live update. Both arguments are SQL expressions.
 */
export function leadPublication(story: string, lang: string): string {
  return `(SELECT lp.id FROM ${LEAD_FROM}
    WHERE la.story_id = ${story} AND lp.lang = ${lang} AND lp.status = 'live' ORDER BY ${LEAD_ORDER} LIMIT 1)`;
}

/**
 * Only a story's card in a list of language `lang` (an SQL expression): the other members' live
 * publications are left out. One uncorrelated subquery (a hashed set, computed once per query),
 * not a lookup per row: a list reads every live publication of its language before it sorts.
 * Needs `p`.
 */
export function storyLeadOnly(lang: string): string {
  return `p.id NOT IN (SELECT h.id FROM (
    SELECT lp.id, row_number() OVER (PARTITION BY la.story_id ORDER BY ${LEAD_ORDER}) AS rank FROM ${LEAD_FROM}
    WHERE lp.lang = ${lang} AND lp.status = 'live' AND la.story_id IS NOT NULL) h WHERE h.rank > 1)`;
}

/**
 * An outlet as a story counts and lists it: the source's name, else the page's site name, else the
 * feed's title, else its address. `s`: the sources alias, `a`: the articles alias. One definition,
 * so a card's "N sources", the story page's list and the console agree.
 */
export function outletName(s: string, a: string): string {
  return `coalesce(${s}.name, ${a}.site_name, ${s}.title, ${s}.url)`;
}

/** The story of each card, counted: joins `sc` for the story id `story` (an SQL expression). */
export function storyCardJoin(story = 'a.story_id'): string {
  return `LEFT JOIN LATERAL (
    SELECT count(*)::int AS members, count(DISTINCT ${outletName('ms', 'm')})::int AS outlets,
      max(coalesce(m.placed_at, m.fetched_at)) AS changed_at
    FROM articles m JOIN sources ms ON ms.id = m.source_id
    WHERE ${story} IS NOT NULL AND m.story_id = ${story} AND ${shownMember('m')}) sc ON true`;
}

/** The card's story id and counts, from storyCardJoin's `sc`. */
export function storyCardColumns(story = 'a.story_id'): string {
  return `${story} AS story_id, sc.members AS story_members, sc.outlets AS story_outlets, sc.changed_at AS story_changed_at`;
}

/** What storyCardColumns add to a card row. */
export interface StoryCardFields {
  story_id: number | null;
  /** Members of the story (0 when the article has none). */
  story_members: number;
  /** Distinct outlets among them. */
  story_outlets: number;
  /** When its newest member arrived: a list or feed shows the story changed then. */
  story_changed_at: Date | null;
}
