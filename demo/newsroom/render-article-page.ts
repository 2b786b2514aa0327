/** One template for every story page: the article plus the site's chrome around it. */
import type { Article, Block } from './load-articles.ts';
import { esc, humanDate, inline, plain } from './html.ts';
import { GAZETTE, commentsTeaser, newsletterBox, pageLayout, sectionLabel, type Outlet } from './page-chrome.ts';

export interface ArticlePageInput {
  article: Article;
  /** Absolute base URL of the newsroom, e.g. http://127.0.0.1:4100 */
  baseUrl: string;
  /** When the story went live (a held-back story gets the time it was published). */
  published: Date;
  /** Other live stories for the "Related stories" box. */
  related: Array<{ slug: string; title: string }>;
  outlet?: Outlet;
}

export function articleUrl(baseUrl: string, slug: string): string {
  return `${baseUrl}/articles/${slug}`;
}

function renderBlock(b: Block, dateline: string | null): string {
  if (b.kind === 'h2') return `<h2>${inline(b.text)}</h2>`;
  if (b.kind === 'ul') return `<ul>${b.items.map((i) => `<li>${inline(i)}</li>`).join('')}</ul>`;
  return dateline ? `<p>${esc(dateline)} — ${inline(b.text)}</p>` : `<p>${inline(b.text)}</p>`;
}

function headMeta(a: Article, url: string, baseUrl: string, published: Date, outlet: Outlet): string {
  const base = [
    `<meta name="description" content="${esc(plain(a.standfirst))}">`,
    `<meta name="author" content="${esc(a.author)}">`,
    `<link rel="canonical" href="${url}">`,
  ];
  if (!a.structuredData) return base.join('\n');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: a.title,
    description: plain(a.standfirst),
    datePublished: published.toISOString(),
    dateModified: published.toISOString(),
    articleSection: sectionLabel(a.category),
    inLanguage: outlet === GAZETTE ? 'en-GB' : outlet.lang,
    mainEntityOfPage: url,
    image: [`${baseUrl}${a.figure.src}`],
    author: [{ '@type': 'Person', name: a.author }],
    publisher: { '@type': 'NewsMediaOrganization', name: outlet.name, logo: { '@type': 'ImageObject', url: `${baseUrl}/static/logo.svg` } },
  };
  return [
    ...base,
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${outlet.name}">`,
    `<meta property="og:title" content="${esc(a.title)}">`,
    `<meta property="og:description" content="${esc(plain(a.standfirst))}">`,
    `<meta property="og:url" content="${url}">`,
    `<meta property="og:image" content="${baseUrl}${a.figure.src}">`,
    `<meta property="article:published_time" content="${published.toISOString()}">`,
    `<meta property="article:section" content="${sectionLabel(a.category)}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
    // "<" is escaped so a title can never close the script element.
    `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, '\\u003c')}</script>`,
  ].join('\n');
}

export function renderArticlePage({ article: a, baseUrl, published, related, outlet = GAZETTE }: ArticlePageInput): string {
  const url = articleUrl(baseUrl, a.slug);
  let first = true;
  const body = a.blocks
    .map((b) => {
      const dateline = first && b.kind === 'p' ? a.dateline : null;
      if (b.kind === 'p') first = false;
      return renderBlock(b, dateline);
    })
    .join('\n');
  const shareText = encodeURIComponent(a.title);
  const main = `<nav class="breadcrumbs" aria-label="Breadcrumb"><a href="/">Home</a> › <a href="/section/${a.category}">${sectionLabel(a.category)}</a></nav>
<article class="story" itemscope itemtype="https://schema.org/NewsArticle">
  <div class="story-top">
    <p class="kicker"><a href="/section/${a.category}">${sectionLabel(a.category)}</a></p>
    <h1 itemprop="headline">${esc(a.title)}</h1>
    <p class="standfirst" itemprop="description">${inline(a.standfirst)}</p>
    <p class="byline">By <a rel="author" href="/profile/${a.author.toLowerCase().replace(/[^a-z]+/g, '-')}">${esc(a.author)}</a>${a.authorRole ? `, <span class="role">${esc(a.authorRole)}</span>` : ''}</p>
    <p class="timestamp">Published <time datetime="${published.toISOString()}" itemprop="datePublished">${humanDate(published)}</time></p>
    <div class="social-share" aria-label="Share this story">
      <button type="button" class="share-native">Share</button>
      <a class="share-twitter" href="https://twitter.example/intent/tweet?text=${shareText}">Tweet</a>
      <a class="share-email" href="mailto:?subject=${shareText}">Email</a>
    </div>
  </div>
  <figure class="lead-image">
    <img src="${a.figure.src}" alt="${esc(a.figure.alt)}" width="960" height="540">
    <figcaption>${inline(a.figure.caption)} <span class="credit">Photograph: ${esc(a.figure.credit)}</span></figcaption>
  </figure>
  <div class="story-body" itemprop="articleBody">
${body}
  </div>
  <p class="article-tags">Topics: ${[sectionLabel(a.category), ...a.tags].map((t) => `<a href="/topic/${encodeURIComponent(t.toLowerCase())}">${esc(t)}</a>`).join(', ')}</p>
</article>
${newsletterBox()}
<aside class="related-stories">
  <h2>Related stories</h2>
  <ul>${related.map((r) => `<li><a href="/articles/${r.slug}">${esc(r.title)}</a></li>`).join('')}</ul>
</aside>
${commentsTeaser(a.slug)}`;
  return pageLayout({ title: `${a.title} | ${outlet.name}`, headExtra: headMeta(a, url, baseUrl, published, outlet), main, bodyClass: `article-page section-${a.category}`, outlet });
}
