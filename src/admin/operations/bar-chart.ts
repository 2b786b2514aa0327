import { esc } from '../render-admin-page.ts';

/**
 * A small bar chart as inline SVG (no script, nothing to load; the CSP allows it): one bar per
 * value, oldest on the left. `values[0]` is the newest. Labelled for screen readers.
 */
export function barChart(values: readonly number[], label: string, opts: { width?: number; height?: number } = {}): string {
  const width = opts.width ?? 144;
  const height = opts.height ?? 28;
  const max = Math.max(1, ...values);
  const step = width / values.length;
  const bars = [...values].reverse().map((v, i) => {
    const h = v === 0 ? 0 : Math.max(1.5, (v / max) * (height - 2));
    return `<rect x="${(i * step + 0.5).toFixed(1)}" y="${(height - h).toFixed(1)}" width="${Math.max(1, step - 1).toFixed(1)}" height="${h.toFixed(1)}"/>`;
  }).join('');
  return `<svg class="bars" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>` +
    `<line x1="0" y1="${height - 0.5}" x2="${width}" y2="${height - 0.5}"/>${bars}</svg>`;
}

/** A horizontal meter (used against a budget), as inline SVG. */
export function meter(fraction: number, label: string): string {
  const f = Math.max(0, Math.min(1, fraction));
  return `<svg class="meter${f >= 0.9 ? ' meter-high' : ''}" viewBox="0 0 100 8" width="100" height="8" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title>` +
    `<rect class="meter-track" x="0" y="0" width="100" height="8" rx="2"/><rect class="meter-fill" x="0" y="0" width="${(f * 100).toFixed(1)}" height="8" rx="2"/></svg>`;
}
