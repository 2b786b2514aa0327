import { decodeEntities } from '../../shared/entities.ts';
import { htmlToText } from '../../translate/html-text.ts';
import type { AdminContext } from '../admin-route.ts';
import { csrfField, esc } from '../render-admin-page.ts';
import type { ReviewData } from './load-review.ts';
import { alignUnits } from './segments.ts';
import { findingItem, findingTerms, markTerms } from './view-parts.ts';

/** True when the signed-in user may change things (editor or admin); a viewer reads only. */
export const canEdit = (ctx: AdminContext): boolean => ctx.user.role !== 'viewer';

/**
 * Source and translation side by side, unit by unit (title, excerpt, each body block), every
 * finding of the gate on its unit with the words it names marked in the source. The translation
 * of each unit is a textarea (title and excerpt as text; a body block as its inline HTML), so the
 * form works without JavaScript. `buttons` go under the units, inside the same form.
 */
export function segmentEditor(ctx: AdminContext, d: ReviewData, action: string, buttons: string): string {
  const t = d.translation;
  const { units, wholeArticle, aligned } = alignUnits(d.article, t, t.checks.findings ?? []);
  const ro = canEdit(ctx) ? '' : ' readonly';
  const srcLang = esc(d.article.lang);
  const rows = units.map((u) => {
    const flagged = u.findings.some((f) => f.severity !== 'info');
    const value = u.key === 'title' || u.key === 'excerpt' ? decodeEntities(u.targetUnit) : u.targetUnit;
    const rowsAttr = Math.min(12, Math.max(2, Math.ceil(value.length / 60)));
    return `<div class="unit${flagged ? ' unit-flagged' : ''}" id="u-${esc(u.key)}">
<div class="unit-label">${esc(u.label)}${flagged ? ' <span class="flag">flagged</span>' : ''}</div>
<div class="unit-source" lang="${srcLang}"><span class="side">Source</span>${markTerms(htmlToText(u.sourceUnit), u.findings.flatMap(findingTerms))}</div>
<div class="unit-target"><label for="f-${esc(u.key)}" class="side">Translation (${esc(t.lang)})</label><textarea id="f-${esc(u.key)}" name="${esc(u.key)}" lang="${esc(t.lang)}" rows="${rowsAttr}"${ro}>${esc(value)}</textarea></div>
${u.findings.length ? `<ul class="findings">${u.findings.map(findingItem).join('')}</ul>` : ''}
</div>`;
  }).join('\n');
  const whole = wholeArticle.length ? `<section class="whole" aria-label="Findings on the whole article"><h3>On the whole article</h3><ul class="findings">${wholeArticle.map(findingItem).join('')}</ul></section>` : '';
  const warn = aligned ? '' : '<p class="warn">The translation has another number of blocks than the source: units are shown by position and the memory is not taught from this edit.</p>';
  return `${whole}${warn}<form method="post" action="${esc(action)}" class="editor">${csrfField(ctx)}
<div class="units">${rows}</div>
${canEdit(ctx) ? `<div class="actions">${buttons}</div>` : '<p class="readonly-note">You can read this review; an editor can change it.</p>'}
</form>`;
}
