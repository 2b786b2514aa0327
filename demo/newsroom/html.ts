/** Escaping and the two inline marks the stories use: [text](url) links and *emphasis*. */
export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function inline(s: string): string {
  return esc(s)
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, href: string) => `<a href="${href}">${text}</a>`)
    .replace(/\*([^*\n]+)\*/g, '<em>$1</em>');
}

/** Plain text of an inline-marked string (for feeds, meta tags and tests). */
export function plain(s: string): string {
  return s.replace(/\[([^\]]+)\]\([^)\s]+\)/g, '$1').replace(/\*([^*\n]+)\*/g, '$1');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "14 March 2026, 08:30 GMT" — how the page prints a time. */
export function humanDate(d: Date): string {
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hh}:${mm} GMT`;
}
