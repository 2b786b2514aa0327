import { textDirection } from '../domain/lang.ts';
import { decodeAttributeEntities } from '../shared/entities.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { formatDateTime, languageName } from './format.ts';
import { esc, fill, truncate } from './html.ts';
import { messages } from './messages.ts';
import { renderCards } from './render-cards.ts';
import { markPassages } from './mark-passages.ts';
import { splitStandfirst } from './standfirst.ts';
import { renderSourceNotes } from './render-updates.ts';
import { storyLink } from './story-link.ts';
import { engineName, tidyHtml, tidyText } from './tidy-text.ts';
import { absolute, renderLayout } from './render-layout.ts';
import type { ArticleView, MediaRef, NamedLink, SiteInfo } from './site-view.ts';
import { responsiveAttrs, shareImagePath, SIZES } from './responsive-image.ts';

const NO_MEDIA: ReadonlyMap<string, MediaRef> = new Map();

/** An attribute's value as written in the tag (character references not decoded). */
function rawAttr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? '') : null;
}

function attr(tag: string, name: string): string | null {
  // Re-quoted below with double quotes: a single-quoted value may hold one.
  return rawAttr(tag, name)?.replace(/"/g, '&quot;').replace(/</g, '&lt;') ?? null;
}

const sizeAttrs = (ref: MediaRef) => (ref.width && ref.height ? ` width="${ref.width}" height="${ref.height}"` : '');

/** A body image the site mirrored, from its own origin, sized (no layout shift) and lazy. */
function mirroredImg(tag: string, media: ReadonlyMap<string, MediaRef>): string {
  const src = rawAttr(tag, 'src');
  if (src !== null && /^\/(?!\/)/.test(src)) return tag.replace(/\ssrcset\s*=\s*"[^"]*\/\/[^"]*"/i, '');
  // Keyed as the mirror job keyed it (bodyImageUrls): the attribute decoded by the one decoder.
  const ref = src === null ? undefined : media.get(decodeAttributeEntities(src).trim());
  if (!ref) return '';
  const alt = attr(tag, 'alt');
  const title = attr(tag, 'title');
  const w = attr(tag, 'width');
  const h = attr(tag, 'height');
  const size = ref.width && ref.height ? sizeAttrs(ref) : w && h && /^\d+$/.test(w + h) ? ` width="${w}" height="${h}"` : '';
  return `<img src="${esc(ref.path)}" alt="${alt ?? ''}"${title ? ` title="${title}"` : ''}${size} loading="lazy" decoding="async"${responsiveAttrs(ref, SIZES.article)}>`;
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

/**
 * The lead image above the text. It is above the fold: not lazy. Its one text (the page's caption,
 * else its alt; translated with the article) is the visible figcaption, so the img's own alt stays
 * empty: the same words as alt would be read twice (W3C WAI, "image with adjacent text alternative").
 */
export function leadImageFigure(a: Pick<ArticleView, 'lang' | 'imageUrl' | 'media' | 'imageCaption'>): string {
  const lead = leadImage(a);
  return lead
    ? `<figure class="lead-image"><img src="${esc(lead.path)}" alt=""${sizeAttrs(lead)} decoding="async"${responsiveAttrs(lead, SIZES.article)}>${a.imageCaption ? `<figcaption>${esc(tidyText(a.lang, a.imageCaption))}</figcaption>` : ''}</figure>`
    : '';
}

export function time(lang: string, date: Date): string {
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
    translator: { '@type': 'SoftwareApplication', name: engineName(a.engine) },
    author: a.byline ? { '@type': 'Person', name: a.byline } : { '@type': 'Organization', name: a.outlet ?? site.name },
    sourceOrganization: a.outlet ? { '@type': 'Organization', name: a.outlet } : undefined,
    publisher: { '@type': 'Organization', name: site.name, url: absolute(site, '/') },
    correction: a.corrections?.length
      ? a.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.at.toISOString() }))
      : undefined,
  };
}

/** The dated notes of an editor's corrections, shown above the story's text. */
function correctionNotes(a: ArticleView): string {
  if (!a.corrections?.length) return '';
  const m = messages(a.lang);
  return `<div class="corrections" role="note" aria-label="${esc(m.corrections)}">${a.corrections.map((c) => `<p class="correction">${fill(m.correctionNote, { time: time(a.lang, c.at), note: esc(c.note) }, false)}</p>`).join('')}</div>`;
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

/** The warning of a flagged article, saying where: links to the passages marked in the text. */
function flaggedWarning(a: ArticleView, anchors: string[], headline: boolean, standfirst: boolean): string {
  const m = messages(a.lang);
  const places = [
    ...(headline ? [`<a href="#story-title">${esc(m.flaggedHeadline)}</a>`] : []),
    ...(standfirst ? [`<a href="#standfirst">${esc(m.flaggedStandfirst)}</a>`] : []),
    ...anchors.map((id, n) => `<a href="#${esc(id)}">${fill(m.flaggedPassage, { n: n + 1 })}</a>`),
  ];
  const where = places.length ? fill(m.flaggedWhere, { list: '\u0000' }).replace('\u0000', places.join(', ')) : esc(m.flaggedWhole);
  return `<div class="warning" role="note" id="checks"><p><strong>${esc(m.flaggedShort)}.</strong> ${esc(m.flagged)}</p><p class="where">${where}</p></div>`;
}

/** Topic and outlet links under the story: where to read more of the same. */
function storyTopics(a: ArticleView, outlet: string): string {
  const m = messages(a.lang);
  const links = [
    a.category ? `<li><a href="/${esc(a.lang)}/topic/${esc(a.topicSlug ?? '')}" rel="tag">${esc(a.category)}</a></li>` : '',
    a.sourceSlug ? `<li><a href="/${esc(a.lang)}/source/${esc(a.sourceSlug)}">${esc(outlet)}</a></li>` : '',
  ].join('');
  return links ? `<nav class="story-topics" aria-label="${esc(m.topics)}"><h2>${esc(m.topics)}</h2><ul>${links}</ul></nav>` : '';
}

/** What to read next: the same topic first ("More in …"), then the latest news. */
function readNext(a: ArticleView): string {
  const m = messages(a.lang);
  const same = a.category ? a.related.filter((c) => c.category === a.category) : [];
  const others = a.related.filter((c) => !same.includes(c));
  const section = (id: string, title: string, cards: typeof a.related) => (cards.length
    ? `<section class="read-next" aria-labelledby="${id}"><h2 id="${id}" class="section-title">${title}</h2>${renderCards(a.lang, cards, 'h3')}</section>`
    : '');
  return section('more-topic', a.category ? `<a href="/${esc(a.lang)}/topic/${esc(a.topicSlug ?? '')}">${fill(m.moreIn, { name: a.category })}</a>` : esc(m.related), same)
    + section('more-news', esc(m.moreNews), others);
}

/** The article page: translated story, provenance, notice, warning when flagged, alternates, related. */
export function renderArticle(site: SiteInfo, a: ArticleView, topics: NamedLink[] = []): string {
  const m = messages(a.lang);
  const lang = a.lang;
  const outlet = a.outlet ?? new URL(a.originalUrl).hostname;
  const origDir = textDirection(a.originalLang);
  // Stored URLs are http(s) already; a link is never the place to find out one was not (javascript:).
  const originalHref = resolveHttpUrl(a.originalUrl) ?? '#';
  const engine = engineName(a.engine);
  const lead = leadImage(a);
  const leadFigure = leadImageFigure(a);
  // Outlets often repeat their lead image in the body: shown once, at the top.
  const bodyMedia = lead && a.media?.has(a.imageUrl!) ? new Map([...a.media].filter(([url]) => url !== a.imageUrl)) : a.media;
  const others = a.alternates.filter((x) => x.lang !== lang);
  // The gate's marks only where the story is published with its warning.
  const findings = a.flagged ? (a.findings ?? []) : [];
  const marked = markPassages(a.html, findings.flatMap((f) => (f.segment !== null && f.part === null ? [f.segment] : [])));
  const split = splitStandfirst(marked.html);
  const titleFlagged = findings.some((f) => f.part === 'title');
  const excerptFlagged = findings.some((f) => f.part === 'excerpt');
  // The body's own standfirst when extraction found one; else the feed's summary, unless the body opens with it.
  const standfirst = split.standfirst !== null
    ? `<p class="standfirst" id="standfirst"${split.attrs.replace(/\sid="[^"]*"/, '')}${excerptFlagged && !/data-check/.test(split.attrs) ? ' data-check=""' : ''}>${tidyHtml(lang, split.standfirst)}</p>`
    : a.excerpt && !standfirstRepeats(a.excerpt, a.text)
      ? `<p class="standfirst" id="standfirst"${excerptFlagged ? ' data-check=""' : ''}>${esc(tidyText(lang, a.excerpt))}</p>`
      : '';
  const anchors = split.standfirst !== null && /data-check/.test(split.attrs)
    ? marked.anchors.filter((id) => !split.attrs.includes(`"${id}"`))
    : marked.anchors;
  const main = `<article class="story">
<header class="story-head">
${a.category ? `<p class="kicker"><a href="/${esc(lang)}/topic/${esc(a.topicSlug ?? '')}">${esc(a.category)}</a></p>` : ''}
<h1 id="story-title"${titleFlagged ? ' data-check=""' : ''}>${esc(tidyText(lang, a.title))}</h1>
${standfirst}
<p class="byline">${a.byline ? `<span class="author">${fill(m.byline, { name: a.byline })}</span> · ` : ''}${a.sourceSlug ? `<a href="/${esc(lang)}/source/${esc(a.sourceSlug)}">${esc(outlet)}</a>` : esc(outlet)} · ${time(lang, a.publishedAt)}</p>
${storyLink(lang, a.story)}
</header>
${a.flagged ? flaggedWarning(a, anchors, titleFlagged, standfirst !== '' && (excerptFlagged || (split.standfirst !== null && /data-check/.test(split.attrs)))) : ''}
<p class="notice" role="note">${fill(a.reviewed ? m.noticeReviewed : m.notice, { engine })} <a href="${esc(originalHref)}" rel="noopener">${fill(m.readOriginal, { outlet })}</a></p>
${correctionNotes(a)}${renderSourceNotes(a)}${leadFigure}
<div class="body">
${tidyHtml(lang, localMediaOnly(split.body, bodyMedia))}
</div>
${storyTopics(a, outlet)}
<dl class="provenance">
<dt>${esc(m.outlet)}</dt><dd><bdi>${esc(outlet)}</bdi></dd>
<dt>${esc(m.originalTitle)}</dt><dd><a href="${esc(originalHref)}" lang="${esc(a.originalLang)}" dir="${origDir}" hreflang="${esc(a.originalLang)}" rel="noopener">${esc(a.originalTitle)}</a></dd>
<dt>${esc(m.originalLanguage)}</dt><dd>${esc(languageName(a.originalLang, lang))}</dd>
${a.sourcePublishedAt ? `<dt>${esc(m.publishedAtSource)}</dt><dd>${time(lang, a.sourcePublishedAt)}</dd>` : ''}
<dt>${esc(m.fetchedAt)}</dt><dd>${time(lang, a.fetchedAt)}</dd>
<dt>${esc(m.translatedAt)}</dt><dd>${time(lang, a.translatedAt)} · <bdi>${esc(engine)}</bdi></dd>
${a.updatedAt.getTime() - (a.listedAt ?? a.publishedAt).getTime() > 60_000 ? `<dt>${esc(m.updatedAt)}</dt><dd>${time(lang, a.updatedAt)}</dd>` : ''}
</dl>
${others.length ? `<section class="alternates"><h2>${esc(m.otherLanguages)}</h2><ul>${others.map((x) => `<li><a href="${esc(x.path)}" hreflang="${esc(x.lang)}" lang="${esc(x.lang)}">${esc(languageName(x.lang))}</a></li>`).join('')}</ul></section>` : ''}
<section class="share"><h2>${esc(m.share)}</h2><ul>${shareLinks(site, a)}</ul></section>
</article>
${readNext(a)}`;
  return renderLayout({
    site,
    lang,
    path: a.path,
    title: tidyText(lang, a.title),
    description: a.excerpt ?? truncate(a.text, 200),
    alternates: a.alternates,
    ogType: 'article',
    image: lead ? absolute(site, shareImagePath(lead)) : null,
    jsonLd: articleJsonLd(site, a),
    topics,
    section: a.category,
  }, main);
}
