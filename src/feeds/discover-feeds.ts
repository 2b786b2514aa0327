import { Parser } from 'htmlparser2';
import { resolveHttpUrl } from '../shared/urls.ts';
import { clean } from './text.ts';

export interface FeedCandidate {
  url: string;
  /** MIME type declared by the page, `link` for a feed-looking anchor, `guess` for a common path. */
  type: string;
  title: string | null;
}

const FEED_TYPES = /^(application\/(rss|atom|rdf|feed)\+(xml|json)|application\/(x\.atom\+xml|x-atom\+xml|x-rss\+xml)|text\/(xml|rss\+xml)|application\/xml|application\/json)$/i;
const FEED_HREF = /(^|\/)(feed|rss|atom|index)(\.(xml|rss|atom|json))?\/?(\?.*)?$|\.(rss|atom)$|[?&]feed=(rss2?|atom)/i;
const COMMON_PATHS = ['/feed', '/rss', '/feed.xml', '/rss.xml', '/atom.xml', '/index.xml', '/feed.json', '/feeds/posts/default', '/?feed=rss2'];

/**
 * Feeds a web page offers: `<link rel="alternate">` with a feed type (honouring `<base href>`),
 * then anchors that look like feed links, then the usual paths on the site as guesses to try.
 */
export function discoverFeeds(html: string, pageUrl: string): FeedCandidate[] {
  let base = pageUrl;
  const declared: FeedCandidate[] = [];
  const anchors: FeedCandidate[] = [];
  let anchor: { href: string; text: string } | null = null;
  const parser = new Parser(
    {
      onopentag(name, a) {
        if (name === 'base' && a.href) base = resolveHttpUrl(a.href, pageUrl) ?? base;
        else if (name === 'link' && a.href) {
          const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
          const type = (a.type ?? '').toLowerCase().split(';')[0]!.trim();
          if ((rel.includes('alternate') || rel.includes('feed')) && FEED_TYPES.test(type) && !rel.includes('stylesheet')) {
            const url = resolveHttpUrl(a.href, base);
            if (url) declared.push({ url, type, title: clean(a.title ?? null) });
          }
        } else if (name === 'a' && a.href && FEED_HREF.test(a.href)) anchor = { href: a.href, text: '' };
        else if (name === 'a' && a.href && /\brss\b|\batom\b/i.test(a.title ?? '')) anchor = { href: a.href, text: '' };
      },
      ontext(t) {
        if (anchor) anchor.text += t;
      },
      onclosetag(name) {
        if (name !== 'a' || !anchor) return;
        const url = resolveHttpUrl(anchor.href, base);
        // Only the site's own feeds (or FeedBurner's): a share button's `dialog/feed?…` is not one.
        if (url && sameSite(url, pageUrl)) anchors.push({ url, type: 'link', title: clean(anchor.text) });
        anchor = null;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  const guesses: FeedCandidate[] = [];
  for (const path of COMMON_PATHS) {
    const url = resolveHttpUrl(path, pageUrl);
    if (url) guesses.push({ url, type: 'guess', title: null });
  }
  const out: FeedCandidate[] = [];
  const seen = new Set<string>();
  // Comment feeds last among the declared ones: the site's own news feed is what a source wants.
  const isComments = (c: FeedCandidate): boolean => /comment/i.test(`${c.title ?? ''} ${c.url}`);
  const ordered = [...declared.filter((c) => !isComments(c)), ...declared.filter(isComments), ...anchors, ...guesses];
  for (const c of ordered) {
    if (seen.has(c.url)) continue;
    seen.add(c.url);
    out.push(c);
  }
  return out;
}

function sameSite(url: string, pageUrl: string): boolean {
  const host = new URL(url).hostname;
  if (host === 'feeds.feedburner.com') return true;
  const page = new URL(pageUrl).hostname.replace(/^www\./, '');
  return host === page || host.endsWith(`.${page}`) || page.endsWith(`.${host.replace(/^www\./, '')}`);
}
