/** A URL slug for a topic or an outlet name: lowercase ASCII words joined by hyphens. */
export function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return ascii.slice(0, 80) || 'x';
}
