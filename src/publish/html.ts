/** Escapes text for HTML element content and double-quoted attribute values. */
export function esc(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** `{name}` placeholders filled with escaped values; the template itself is trusted (a message file). */
export function fill(template: string, values: Record<string, string | number>, escape = true): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => {
    const v = values[key];
    if (v === undefined) return m;
    return escape ? esc(v) : String(v);
  });
}

/** JSON for a `<script type="application/ld+json">` block: `<` escaped so no `</script>` can close it. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Removes markup from a string (for meta descriptions built from HTML). */
export function stripTags(htmlText: string): string {
  return htmlText.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return (space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}
