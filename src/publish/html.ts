import { escapeHtml } from '../shared/escape-html.ts';

// Pages name the one escaper `esc`: short, in templates that call it on every value.
export { escapeHtml as esc };

/** `{name}` placeholders filled with escaped values; the template itself is trusted (a message file). */
export function fill(template: string, values: Record<string, string | number>, escape = true): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = values[key];
    if (v === undefined) return m;
    return escape ? escapeHtml(v) : String(v);
  });
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no `</script>` can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
