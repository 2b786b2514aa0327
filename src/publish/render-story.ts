import { textDirection } from '../domain/lang.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { formatNumber, languageName } from './format.ts';
import { esc, fill, truncate } from './html.ts';
import { messages } from './messages.ts';
import { sourcesLabel, storyMessages } from './messages/stories.ts';
import { leadImage, leadImageFigure, localMediaOnly, standfirstRepeats, time } from './render-article.ts';
import { absolute, renderLayout } from './render-layout.ts';
import { shareImagePath } from './responsive-image.ts';
import type { NamedLink, SiteInfo } from './site-view.ts';
import { splitStandfirst } from './standfirst.ts';
import type { StoryDisagreement, StoryMember, StoryView } from './story-view.ts';
import { engineName, tidyHtml, tidyText } from './tidy-text.ts';

/** Distinct outlets among the members: what "3 sources" counts. */
export function outletCount(members: readonly StoryMember[]): number {
  return new Set(members.map((m) => m.outlet)).size;
}

/** A link to a member's original, in its own language and direction. */
function originalLink(m: StoryMember, text = m.title): string {
  const href = resolveHttpUrl(m.url) ?? '#';
  return `<a href="${esc(href)}" lang="${esc(m.lang)}" dir="${textDirection(m.lang)}" hreflang="${esc(m.lang)}" rel="noopener">${esc(text)}</a>`;
}

export function storyJsonLd(site: SiteInfo, s: StoryView): object {
  const lead = s.lead;
  const image = leadImage(lead);
  const first = s.members.reduce((min, m) => (m.at < min ? m.at : min), lead.publishedAt);
  const urls = [...new Set(s.members.flatMap((m) => resolveHttpUrl(m.url) ?? []))];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: truncate(lead.title, 110),
    description: lead.excerpt ?? undefined,
    inLanguage: s.lang,
    url: absolute(site, s.path),
    mainEntityOfPage: absolute(site, s.path),
    datePublished: first.toISOString(),
    dateModified: (s.changedAt > lead.updatedAt ? s.changedAt : lead.updatedAt).toISOString(),
    articleSection: lead.category ?? undefined,
    image: image ? absolute(site, shareImagePath(image)) : undefined,
    // Every outlet's original the page is made from: the lead translated, the others listed.
    isBasedOn: urls,
    translator: { '@type': 'SoftwareApplication', name: engineName(lead.engine) },
    sourceOrganization: [...new Set(s.members.map((m) => m.outlet))].map((name) => ({ '@type': 'Organization', name })),
    publisher: { '@type': 'Organization', name: site.name, url: absolute(site, '/') },
  };
}

/** The lead's translation: standfirst, notice, lead image and text, as on its article page. */
function leadText(s: StoryView): { standfirst: string; body: string } {
  const a = s.lead;
  const split = splitStandfirst(a.html);
  const standfirst = split.standfirst !== null
    ? `<p class="standfirst">${tidyHtml(a.lang, split.standfirst)}</p>`
    : a.excerpt && !standfirstRepeats(a.excerpt, a.text) ? `<p class="standfirst">${esc(tidyText(a.lang, a.excerpt))}</p>` : '';
  // Outlets often repeat their lead image in the body: shown once, at the top.
  const media = leadImage(a) && a.media?.has(a.imageUrl!) ? new Map([...a.media].filter(([url]) => url !== a.imageUrl)) : a.media;
  return { standfirst, body: tidyHtml(a.lang, localMediaOnly(split.body, media)) };
}

function claimLabel(s: StoryView, d: StoryDisagreement): string {
  const sm = storyMessages(s.lang);
  if (d.kind === 'speaker') {
    // The quotation's first words are the outlet's, in its language.
    const articleId = d.values[0]?.sources[0]?.articleId;
    const lang = s.members.find((m) => String(m.articleId) === articleId)?.lang ?? s.lang;
    return fill(sm.quote, { quote: '\u0000' }).replace('\u0000', `<span lang="${esc(lang)}" dir="${textDirection(lang)}">${esc(d.claim)}</span>`);
  }
  return Object.hasOwn(sm.claims, d.claim) ? esc(sm.claims[d.claim]!) : `<span lang="en" dir="ltr">${esc(d.claim)}</span>`;
}

function claimValue(lang: string, d: StoryDisagreement, value: string): string {
  if (d.kind === 'figure' && /^-?\d+(\.\d+)?$/.test(value)) return esc(formatNumber(lang, Number(value)));
  return `<bdi>${esc(value)}</bdi>`;
}

/** The claims the outlets disagree on: one row per value, each with who gave it, in their words. */
function disagreementTable(s: StoryView): string {
  if (s.disagreements.length === 0) return '';
  const sm = storyMessages(s.lang);
  const langOf = new Map(s.members.map((m) => [String(m.articleId), m.lang]));
  const groups = s.disagreements.map((d) => {
    const rows = d.values.map((v, i) => {
      // An outlet that said the same in two of its articles is named once.
      const distinct = v.sources.filter((src, j) => v.sources.findIndex((o) => o.outlet === src.outlet && o.shown === src.shown) === j);
      const said = distinct.map((src) => {
        const lang = langOf.get(src.articleId) ?? s.lang;
        return `<li><a href="${esc(resolveHttpUrl(src.url) ?? '#')}" rel="noopener"><bdi>${esc(src.outlet)}</bdi></a>: <q lang="${esc(lang)}" dir="${textDirection(lang)}">${esc(src.shown)}</q></li>`;
      }).join('');
      const head = i === 0 ? `<th scope="rowgroup" rowspan="${d.values.length}">${claimLabel(s, d)}</th>` : '';
      return `<tr>${head}<td class="value">${claimValue(s.lang, d, v.value)}</td><td><ul class="said">${said}</ul></td></tr>`;
    });
    return `<tbody>${rows.join('')}</tbody>`;
  });
  return `<section class="disagreements" aria-labelledby="disagree">
<h2 id="disagree" class="section-title">${esc(sm.disagreeTitle)}</h2>
<p class="muted">${esc(sm.disagreeIntro)}</p>
<table><thead><tr><th scope="col">${esc(sm.claim)}</th><th scope="col">${esc(sm.value)}</th><th scope="col">${esc(sm.reportedBy)}</th></tr></thead>
${groups.join('\n')}
</table>
</section>`;
}

/** The members that add facts, in the order they came. */
function updatesTimeline(s: StoryView): string {
  const updates = s.members.filter((m) => m.role === 'update');
  if (updates.length === 0) return '';
  const sm = storyMessages(s.lang);
  const items = updates.map((m) => {
    const title = m.translation
      ? `<a href="${esc(m.translation.path)}">${esc(tidyText(s.lang, m.translation.title))}</a>`
      : originalLink(m);
    return `<li>${time(s.lang, m.at)} <span class="outlet"><bdi>${esc(m.outlet)}</bdi></span><p>${title}</p></li>`;
  });
  return `<section class="story-updates" aria-labelledby="updates"><h2 id="updates" class="section-title">${esc(sm.updates)}</h2><ol class="timeline">${items.join('')}</ol></section>`;
}

/** Every outlet with its time, role and links; near-duplicates named under the article they copy. */
function sourcesList(s: StoryView): string {
  const sm = storyMessages(s.lang);
  const own = s.members.filter((m) => m.role !== 'duplicate');
  const ownIds = new Set(own.map((m) => m.articleId));
  const copies = (id: number | null) => s.members.filter((m) => m.role === 'duplicate' && m.duplicateOf === id);
  const carried = (list: StoryMember[]) => (list.length
    ? `<p class="also">${esc(sm.alsoCarriedBy)}: ${list.map((d) => `<a href="${esc(resolveHttpUrl(d.url) ?? '#')}" rel="noopener"><bdi>${esc(d.outlet)}</bdi></a> (${time(s.lang, d.at)})`).join(', ')}</p>`
    : '');
  const items = own.map((m) => {
    const role = m.articleId === s.lead.articleId ? sm.roleLead : m.role === 'update' ? sm.roleUpdate : sm.roleReport;
    const ours = m.translation && m.translation.path !== s.path ? ` · <a href="${esc(m.translation.path)}">${esc(sm.readTranslation)}</a>` : '';
    return `<li><p class="who"><bdi class="outlet">${esc(m.outlet)}</bdi> · ${time(s.lang, m.at)} · <span class="role">${esc(role)}</span></p><p>${originalLink(m)}${ours}</p>${carried(copies(m.articleId))}</li>`;
  });
  // A copy of an article the site no longer names (or of none recorded) is still a carrier.
  const orphans = s.members.filter((m) => m.role === 'duplicate' && (m.duplicateOf === null || !ownIds.has(m.duplicateOf)));
  return `<section class="story-sources" id="sources" aria-labelledby="who"><h2 id="who" class="section-title">${esc(sm.whoReported)}</h2><ol class="members">${items.join('')}</ol>${carried(orphans)}</section>`;
}

/** The dated note of a story split off another, linking to it where it can be read in this language. */
function splitNote(s: StoryView): string {
  const from = s.splitFrom;
  if (!from) return '';
  const name = from.title ? tidyText(s.lang, from.title) : `#${from.id}`;
  const story = from.path ? `<a href="${esc(from.path)}"><bdi>${esc(name)}</bdi></a>` : `<bdi>${esc(name)}</bdi>`;
  return `<div class="corrections" role="note"><p class="correction story-split">${fill(storyMessages(s.lang).splitFrom, { story, time: time(s.lang, from.at) }, false)}</p></div>`;
}

/** `/{lang}/story/{id}`: the lead's translation, where the outlets disagree, the updates, and every outlet. */
export function renderStory(site: SiteInfo, s: StoryView, topics: NamedLink[] = []): string {
  const m = messages(s.lang);
  const sm = storyMessages(s.lang);
  const a = s.lead;
  const lead = s.members.find((x) => x.articleId === a.articleId);
  const outlet = a.outlet ?? lead?.outlet ?? new URL(a.originalUrl).hostname;
  const { standfirst, body } = leadText(s);
  const image = leadImage(a);
  const others = s.alternates.filter((x) => x.lang !== s.lang);
  const toldBy = fill(sm.toldBy, { outlet: '\u0000' }).replace('\u0000', a.sourceSlug ? `<a href="/${esc(s.lang)}/source/${esc(a.sourceSlug)}"><bdi>${esc(outlet)}</bdi></a>` : `<bdi>${esc(outlet)}</bdi>`);
  const main = `<article class="story story-page">
<header class="story-head">
<p class="kicker">${esc(sm.story)} · <a href="#sources">${esc(sourcesLabel(s.lang, outletCount(s.members)))}</a></p>
<h1 id="story-title">${esc(tidyText(s.lang, a.title))}</h1>
${standfirst}
<p class="byline">${toldBy} · ${time(s.lang, a.publishedAt)}</p>
</header>
${a.flagged ? `<div class="warning" role="note"><p><strong>${esc(m.flaggedShort)}.</strong> ${esc(m.flagged)}</p><p class="where"><a href="${esc(a.path)}#checks">${esc(sm.readTranslation)}</a></p></div>` : ''}
<p class="notice" role="note">${fill(a.reviewed ? m.noticeReviewed : m.notice, { engine: engineName(a.engine) })} <a href="${esc(resolveHttpUrl(a.originalUrl) ?? '#')}" rel="noopener">${fill(m.readOriginal, { outlet })}</a></p>
${splitNote(s)}${leadImageFigure(a)}
<div class="body">
${body}
</div>
${disagreementTable(s)}
${updatesTimeline(s)}
${sourcesList(s)}
${others.length ? `<section class="alternates"><h2>${esc(m.otherLanguages)}</h2><ul>${others.map((x) => `<li><a href="${esc(x.path)}" hreflang="${esc(x.lang)}" lang="${esc(x.lang)}">${esc(languageName(x.lang))}</a></li>`).join('')}</ul></section>` : ''}
</article>`;
  return renderLayout({
    site,
    lang: s.lang,
    path: s.path,
    title: tidyText(s.lang, a.title),
    description: a.excerpt ?? truncate(a.text, 200),
    alternates: s.alternates,
    ogType: 'article',
    image: image ? absolute(site, shareImagePath(image)) : null,
    jsonLd: storyJsonLd(site, s),
    topics,
    section: a.category,
    // One article is not a story yet: its article page is the one to index.
    noindex: s.members.length < 2,
  }, main);
}
