import { formatDate } from './format.ts';
import { esc } from './html.ts';
import { messages } from './messages.ts';
import { storyCount } from './story-link.ts';
import type { Card } from './site-view.ts';
import { tidyText } from './tidy-text.ts';
import { responsiveAttrs, SIZES } from './responsive-image.ts';

/** The card's picture: decorative (the headline says what it is), lazy except for the lead story; WebP copies by width. */
function cardImage(c: Card, lead: boolean): string {
  const img = c.leadImage;
  if (!img) return '';
  const size = img.width && img.height ? ` width="${img.width}" height="${img.height}"` : '';
  return `<a href="${esc(c.path)}" class="pic" tabindex="-1" aria-hidden="true"><img src="${esc(img.path)}" alt=""${size} ${lead ? 'fetchpriority="high"' : 'loading="lazy"'} decoding="async"${responsiveAttrs(img, lead ? SIZES.leadCard : SIZES.card)}></a>`;
}

export function renderCard(lang: string, c: Card, heading: 'h2' | 'h3', lead = false): string {
  const m = messages(lang);
  return `<li class="card">
${cardImage(c, lead)}
${c.category ? `<span class="tag">${esc(c.category)}</span>` : ''}
<${heading}><a href="${esc(c.path)}">${esc(tidyText(lang, c.title))}</a></${heading}>
${c.snippet ? `<p class="excerpt">${c.snippet}</p>` : c.excerpt ? `<p class="excerpt">${esc(tidyText(lang, c.excerpt))}</p>` : ''}
<p class="meta">${c.outlet ? `<bdi>${esc(c.outlet)}</bdi> · ` : ''}<time datetime="${c.publishedAt.toISOString()}">${esc(formatDate(lang, c.publishedAt))}</time>${storyCount(lang, c.story)}${c.flagged ? ` <span class="flag">${esc(m.flaggedShort)}</span>` : ''}</p>
</li>`;
}

export function renderCards(lang: string, cards: Card[], heading: 'h2' | 'h3' = 'h2'): string {
  return `<ul class="grid">${cards.map((c) => renderCard(lang, c, heading)).join('')}</ul>`;
}
