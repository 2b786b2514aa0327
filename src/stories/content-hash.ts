import { createHash } from 'node:crypto';

/** Same text, same hash: whitespace and case do not make two copies of a story different. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text.replace(/\s+/g, ' ').trim().toLowerCase()).digest('hex');
}
