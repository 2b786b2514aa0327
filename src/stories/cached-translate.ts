import type { TranslateTexts } from './story-article.ts';

/**
 * A translate function that remembers its last `max` answers: a wire story's headline arrives
 * from many outlets in one language, and a re-placed article asks again. Texts already known are
 * not sent; the rest go in one call.
 */
export function cachedTranslate(translate: TranslateTexts, max = 10_000): TranslateTexts {
  const known = new Map<string, string>();
  return async (texts, from, to) => {
    const key = (t: string) => `${from}\u0000${to}\u0000${t}`;
    const missing = [...new Set(texts.filter((t) => t.trim() && !known.has(key(t))))];
    if (missing.length > 0) {
      const out = await translate(missing, from, to);
      if (out.length !== missing.length) throw new Error(`stories: translate returned ${out.length} texts for ${missing.length}`);
      if (known.size + missing.length > max) known.clear();
      missing.forEach((t, i) => known.set(key(t), out[i]!));
    }
    return texts.map((t) => (t.trim() ? known.get(key(t))! : t));
  };
}
