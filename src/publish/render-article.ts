import { textDirection } from '../domain/lang.ts';
import { formatDateTime, languageName } from './format.ts';
import { esc, fill, truncate } from './html.ts';
import { messages } from './messages.ts';
import { renderCards } from './render-cards.ts';
import { absolute, renderLayout } from './render-layout.ts';
import type { ArticleView, MediaRef, NamedLink, SiteInfo } from './site-view.ts';

const NO_MEDIA: ReadonlyMap<string, MediaRef> = new Map();

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  // Re-quoted below with double quotes: a single-quoted value may hold one.
  return m ? (m[1] ?? m[2] ?? '').replace(/"/g, '&quot;').replace(/</g, '&lt;') : null;
}

const sizeAttrs = (ref: MediaRef) => (ref.width && ref.height ? ` width="${ref.width}" height="${ref.height}"` : '');

/** A body image the site mirrored, from its own origin, sized (no layout shift) and lazy. */
function mirroredImg(tag: string, media: ReadonlyMap<string, MediaRef>): string {
  const src = attr(tag, 'src');
  if (src !== null && /^\/(?!\/)/.test(src)) return tag.replace(/\ssrcset\s*=\s*"[^"]*\/\/[^"]*"/i, '');
  const ref = src === null ? undefined : media.get(src.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&amp;/g, '&').trim());
  if (!ref) return '';
  const alt = attr(tag, 'alt');
  const title = attr(tag, 'title');
  const w = attr(tag, 'width');
  const h = attr(tag, 'height');
  const size = ref.width && ref.height ? sizeAttrs(ref) : w && h && /^\d+$/.test(w + h) ? ` width="${w}" height="${h}"` : '';
  return `<img src="${esc(ref.path)}" alt="${alt ?? ''}"${title ? ` title="${title}"` : ''}${size} loading="lazy" decoding="async">`;
}

/**
 * Media from other hosts is dropped from the body: the page makes no request to a third party
 * (and the CSP would block it). Images are kept when they are served by the site itself, or were
 * mirrored onto it (`media`: original URL → local copy).
 */
export function localMediaOnly(body: string, media: ReadonlyMap<string, MediaRef> = NO_MEDIA): string {
  return body
    .replace(/<img\b[^>]*>/gi, (tag) => mirroredImg(tag, media))
    .replace(/<source\b[^>]*>/gi, (tag) => (/\ssrc="\/(?!\/)/i.test(tag) ? tag : ''))
    .replace(/<(iframe|video|audio|object|embed)\b[\s\S]*?<\/\1>/gi, '')
    // A caption whose image is gone would describe nothing.
    .replace(/<figure\b[^>]*>([\s\S]*?)<\/figure>/gi, (fig, inner: string) => (/<(img|picture|svg)\b/i.test(inner) ? fig : ''));
}

/** The lead image's local copy: served by the site itself, or mirrored onto it; null when neither. */
export function leadImage(a: Pick<ArticleView, 'imageUrl' | 'media'>): MediaRef | null {
  if (!a.imageUrl) return null;
  if (a.imageUrl.startsWith('/') && !a.imageUrl.startsWith('//')) return { path: a.imageUrl, width: null, height: null };
  return a.media?.get(a.imageUrl) ?? null;
}

/** The standfirst is left out when the body opens with the same words (extractors often do). */
export function standfirstRepeats(excerpt: string, text: string): boolean {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const e = norm(excerpt).replace(/[….]+$/, '');
  return e.length > 0 && norm(text).startsWith(e.slice(0, Math.min(e.length, 120)));
}

function time(lang: string, date: Date): string {
  return `<time datetime="${date.toISOString()}">${esc(formatDateTime(lang, date))}</time>`;
}

export function articleJsonLd(site: SiteInfo, a: ArticleView): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(a.title, 110),
    description: a.excerpt ?? undefined,
    inLanguage: a.lang,
    url: absolute(site, a.path),
    mainEntityOfPage: absolute(site, a.path),
    datePublished: a.publishedAt.toISOString(),
    dateModified: a.updatedAt.toISOString(),
    articleSection: a.category ?? undefined,
    isBasedOn: a.originalUrl,
    translationOfWork: { '@type': 'NewsArticle', url: a.originalUrl, headline: a.originalTitle, inLanguage: a.originalLang },
    translator: { '@type': 'SoftwareApplication', name: a.engine },
    author: a.byline ? { '@type': 'Person', name: a.byline } : { '@type': 'Organization', name: a.outlet ?? site.name },
    sourceOrganization: a.outlet ? { '@type': 'Organization', name: a.outlet } : undefined,
    publisher: { '@type': 'Organization', name: site.name, url: absolute(site, '/') },
  };
}

function shareLinks(site: SiteInfo, a: ArticleView): string {
  const url = encodeURIComponent(absolute(site, a.path));
  const title = encodeURIComponent(a.title);
  const m = messages(a.lang);
  // Plain links: nothing loads until the reader chooses one.
  const links = [
    [m.shareEmail, `mailto:?subject=${title}&body=${url}`],
    ['X', `https://x.com/intent/post?url=${url}&text=${title}`],
    ['Facebook', `https://www.facebook.com/sharer/sharer.php?u=${url}`],
    ['LinkedIn', `https://www.linkedin.com/sharing/share-offsite/?url=${url}`],
    ['WhatsApp', `https://wa.me/?text=${title}%20${url}`],
  ];
  return links.map(([name, href]) => `<li><a href="${esc(href)}" rel="noopener noreferrer nofollow">${esc(name)}</a></li>`).join('');
}

/** The article page: translated story, provenance, notice, warning when flagged, alternates, related. */
export function renderArticle(site: SiteInfo, a: ArticleView, topics: NamedLink[] = []): string {
  const m = messages(a.lang);
  const lang = a.lang;
  const outlet = a.outlet ?? new URL(a.originalUrl).hostname;
  const origDir = textDirection(a.originalLang);
  const lead = leadImage(a);
  // The lead image is above the fold: not lazy.
  const leadFigure = lead
    ? `<figure class="lead-image"><img src="${esc(lead.path)}" alt=""${sizeAttrs(lead)} decoding="async">${a.imageCaption ? `<figcaption>${esc(a.imageCaption)}</figcaption>` : ''}</figure>`
    : '';
  // Outlets often repeat their lead image in the body: shown once, at the top.
  const bodyMedia = lead && a.media?.has(a.imageUrl!) ? new Map([...a.media].filter(([url]) => url !== a.imageUrl)) : a.media;
  const others = a.alternates.filter((x) => x.lang !== lang);
  const main = `<article class="story">
${a.category ? `<p class="tag"><a href="/${esc(lang)}/topic/${esc(a.topicSlug ?? '')}">${esc(a.category)}</a></p>` : ''}
<h1>${esc(a.title)}</h1>
${a.excerpt && !standfirstRepeats(a.excerpt, a.text) ? `<p class="standfirst">${esc(a.excerpt)}</p>` : ''}
<p class="meta">${a.byline ? `${fill(m.byline, { name: a.byline })} · ` : ''}${a.sourceSlug ? `<a href="/${esc(lang)}/source/${esc(a.sourceSlug)}">${esc(outlet)}</a>` : esc(outlet)} · ${time(lang, a.sourcePublishedAt ?? a.publishedAt)}</p>
${a.flagged ? `<p class="warning" role="note"><strong>${esc(m.flaggedShort)}.</strong> ${esc(m.flagged)}</p>` : ''}
<p class="notice" role="note">${fill(m.notice, { engine: a.engine })} <a href="${esc(a.originalUrl)}" rel="noopener">${fill(m.readOriginal, { outlet })}</a></p>
${leadFigure}
<div class="body">
${localMediaOnly(a.html, bodyMedia)}
</div>
<dl class="provenance">
<dt>${esc(m.outlet)}</dt><dd><bdi>${esc(outlet)}</bdi></dd>
<dt>${esc(m.originalTitle)}</dt><dd><a href="${esc(a.originalUrl)}" lang="${esc(a.originalLang)}" dir="${origDir}" hreflang="${esc(a.originalLang)}" rel="noopener">${esc(a.originalTitle)}</a></dd>
<dt>${esc(m.originalLanguage)}</dt><dd>${esc(languageName(a.originalLang, lang))}</dd>
${a.sourcePublishedAt ? `<dt>${esc(m.publishedAtSource)}</dt><dd>${time(lang, a.sourcePublishedAt)}</dd>` : ''}
<dt>${esc(m.fetchedAt)}</dt><dd>${time(lang, a.fetchedAt)}</dd>
<dt>${esc(m.translatedAt)}</dt><dd>${time(lang, a.translatedAt)} · <bdi>${esc(a.engine)}</bdi></dd>
${a.updatedAt.getTime() - a.publishedAt.getTime() > 60_000 ? `<dt>${esc(m.updatedAt)}</dt><dd>${time(lang, a.updatedAt)}</dd>` : ''}
</dl>
${others.length ? `<section class="alternates"><h2>${esc(m.otherLanguages)}</h2><ul>${others.map((x) => `<li><a href="${esc(x.path)}" hreflang="${esc(x.lang)}" lang="${esc(x.lang)}">${esc(languageName(x.lang))}</a></li>`).join('')}</ul></section>` : ''}
<section class="share"><h2>${esc(m.share)}</h2><ul>${shareLinks(site, a)}</ul></section>
</article>
${a.related.length ? `<section class="related"><h2>${esc(m.related)}</h2>${renderCards(lang, a.related, 'h3')}</section>` : ''}`;
  return renderLayout({
    site,
    lang,
    path: a.path,
    title: a.title,
    description: a.excerpt ?? truncate(a.text, 200),
    alternates: a.alternates,
    ogType: 'article',
    image: lead ? absolute(site, lead.path) : null,
    jsonLd: articleJsonLd(site, a),
    topics,
  }, main);
}
