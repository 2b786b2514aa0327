import { LruCache } from '../shared/lru-cache.ts';
import type { TranslateTexts } from './story-article.ts';

/**
 * A translate function that remembers its last `max` answers: a wire story's headline arrives
 * from many outlets in one language, and a re-placed article asks again. Texts already known are
 * not sent; the rest go in one call. When full it forgets the text used least recently.
 */
export function cachedTranslate(translate: TranslateTexts, max = 10_000): TranslateTexts {
  const known = new LruCache<string, string>(max);
  return async (texts, from, to) => {
    const key = (t: string) => `${from}\u0000${to}\u0000${t}`;
    // This call's answers, apart: a call with more texts than the cache holds pushes its own out.
    const answers = new Map<string, string>();
    for (const t of texts) {
      const hit = t.trim() ? known.get(key(t)) : undefined;
      if (hit !== undefined) answers.set(t, hit);
    }
    const missing = [...new Set(texts.filter((t) => t.trim() && !answers.has(t)))];
    if (missing.length > 0) {
      const out = await translate(missing, from, to);
      if (out.length !== missing.length) throw new Error(`stories: translate returned ${out.length} texts for ${missing.length}`);
      missing.forEach((t, i) => {
        answers.set(t, out[i]!);
        known.set(key(t), out[i]!);
      });
    }
    return texts.map((t) => answers.get(t) ?? t);
  };
}
