import type { SourceListRow } from '../../store/operations-stats.ts';
import { esc } from '../render-admin-page.ts';
import { status } from './ops-view.ts';

export function sourceState(s: Pick<SourceListRow, 'enabled' | 'status'>): string {
  if (!s.enabled) return status('paused', 'off');
  return s.status === 'failing' ? status('failing', 'bad') : s.status === 'ok' ? status('ok', 'ok') : status(s.status, 'warn');
}

/** The last error and every warning of the last fetch, in full (folded when there are many). */
export function problems(s: Pick<SourceListRow, 'last_error' | 'warnings'>): string {
  const error = s.last_error ? `<p class="error-text">${esc(s.last_error)}</p>` : '';
  const list = `<ul class="warnings">${s.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`;
  const warnings = s.warnings.length === 0 ? '' : s.warnings.length <= 2 ? list : `<details class="more"><summary>${s.warnings.length} warnings</summary>${list}</details>`;
  return error + warnings || '<span class="muted">none</span>';
}
