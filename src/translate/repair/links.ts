import type { Span } from './protect-spans.ts';

/**
 * Links and e-mail addresses in a text are copied, never translated: Apertium lowercases them
 * (`https://youtu.be/W5JSfq6LLAU` → `…/w5jsfq6llau`, a different video) or translates a word
 * inside. They go to the engine as placeholders that come back as written. A trailing full stop,
 * comma or bracket belongs to the sentence, not the link.
 */
const LINK = /(?<![\p{L}\p{N}@])(?:https?:\/\/|www\.)[^\s<>"“”‘’]*[^\s<>"“”‘’.,;:!?)\]'…]|(?<![\p{L}\p{N}.+_-])[\p{L}\p{N}._+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

export function findLinks(text: string): Span[] {
  if (!/:\/\/|www\.|@/.test(text)) return [];
  return [...text.matchAll(LINK)].map((m) => ({ at: m.index, end: m.index + m[0].length, rendering: m[0] }));
}
