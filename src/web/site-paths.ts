/** What a path on the public site names; null when it names nothing we serve. */
export type PageSpec =
  | { kind: 'home'; lang: string; page: number }
  | { kind: 'article'; lang: string; path: string }
  | { kind: 'story'; lang: string; id: number }
  | { kind: 'topic' | 'source'; lang: string; slug: string; page: number }
  | { kind: 'feed'; lang: string; format: FeedFormat; scope: { topic?: string; source?: string } }
  | { kind: 'sitemap'; lang: string }
  | { kind: 'news-sitemap'; lang: string }
  | { kind: 'about'; lang: string }
  | { kind: 'sitemap-index' }
  | { kind: 'robots' };

export type FeedFormat = 'rss' | 'atom' | 'json';

const FEEDS: Record<string, FeedFormat> = { 'feed.xml': 'rss', 'atom.xml': 'atom', 'feed.json': 'json' };
// What shared/slug.ts makes: lower-case letters of any script with their vowel signs (marks), digits, `-`.
const SLUG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]{0,119}$/u;

// A stories.id (bigserial), within what a JavaScript number holds exactly.
const STORY_ID = /^[1-9]\d{0,14}$/;

/** `/{lang}/story/{id}`: one story, all its sources. */
export function storyPath(lang: string, id: number): string {
  return `/${lang}/story/${id}`;
}

function pageNumber(s: string | undefined): number | null {
  if (s === undefined) return 1;
  if (!/^[1-9]\d{0,4}$/.test(s)) return null;
  return Number(s);
}

export function parseSitePath(path: string, languages: string[]): PageSpec | null {
  if (path === '/robots.txt') return { kind: 'robots' };
  if (path === '/sitemap.xml') return { kind: 'sitemap-index' };
  const parts = path.split('/').slice(1);
  const lang = parts[0];
  if (!lang || !languages.includes(lang)) return null;
  const rest = parts.slice(1);
  const [a, b, c, d] = rest;
  if (rest.length === 1 && a === '') return { kind: 'home', lang, page: 1 };
  if (rest.length === 2 && a === 'page') {
    const page = pageNumber(b);
    return page ? { kind: 'home', lang, page } : null;
  }
  if (rest.length === 1 && a && FEEDS[a]) return { kind: 'feed', lang, format: FEEDS[a], scope: {} };
  if (rest.length === 1 && a === 'sitemap.xml') return { kind: 'sitemap', lang };
  if (rest.length === 1 && a === 'news-sitemap.xml') return { kind: 'news-sitemap', lang };
  if (rest.length === 1 && a === 'about') return { kind: 'about', lang };
  if (rest.length === 2 && a === 'story' && b && STORY_ID.test(b)) return { kind: 'story', lang, id: Number(b) };
  if ((a === 'topic' || a === 'source') && b && SLUG.test(b)) {
    if (rest.length === 2) return { kind: a, lang, slug: b, page: 1 };
    if (rest.length === 3 && c && FEEDS[c]) return { kind: 'feed', lang, format: FEEDS[c], scope: { [a]: b } };
    if (rest.length === 4 && c === 'page') {
      const page = pageNumber(d);
      return page ? { kind: a, lang, slug: b, page } : null;
    }
    return null;
  }
  if (rest.length === 3 && /^\d{4}$/.test(a ?? '') && /^\d{2}$/.test(b ?? '') && c && /^[^\s]{1,200}$/u.test(c)) {
    return { kind: 'article', lang, path };
  }
  return null;
}
