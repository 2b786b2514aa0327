import { formatDate } from './format.ts';
import { esc } from './html.ts';
import { messages } from './messages.ts';
import type { Card } from './site-view.ts';

export function renderCard(lang: string, c: Card, heading: 'h2' | 'h3'): string {
  const m = messages(lang);
  return `<li class="card">
${c.category ? `<span class="tag">${esc(c.category)}</span>` : ''}
<${heading}><a href="${esc(c.path)}">${esc(c.title)}</a></${heading}>
${c.snippet ? `<p>${c.snippet}</p>` : c.excerpt ? `<p>${esc(c.excerpt)}</p>` : ''}
<p class="meta">${c.outlet ? `${esc(c.outlet)} · ` : ''}<time datetime="${c.publishedAt.toISOString()}">${esc(formatDate(lang, c.publishedAt))}</time>${c.flagged ? ` <span class="flag">${esc(m.flaggedShort)}</span>` : ''}</p>
</li>`;
}

export function renderCards(lang: string, cards: Card[], heading: 'h2' | 'h3' = 'h2'): string {
  return `<ul class="grid">${cards.map((c) => renderCard(lang, c, heading)).join('')}</ul>`;
}
