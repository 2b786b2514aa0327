import { STOPWORDS } from '../stopwords.ts';
import { CATEGORY_WORDS, GROUP_WORDS, LEAD_IN_WORDS, LINK_WORDS, MEASURE_WORDS, VAGUE_AMOUNTS } from './count-words.ts';
import type { Token } from './tokens.ts';

/** What a count of people counts, read around it in its sentence. */
export interface CountReading {
  /** An event (killed, injured…), or the group itself where no event is said ("2,000 peacekeepers": troops). */
  category: string;
  group: string | null;
  sides: string[];
  /** The token after the last one that says what is counted, when it comes after the number. */
  shownEnd: number;
}

const MAX_AFTER = 7;
const MAX_BEFORE = 4;

/**
 * What the figure at tokens[start, end) counts: the event word after it ("50 soldiers were
 * killed"), or before it ("killing 50", "the death toll rose to 50"), the nearer one; its group
 * ("soldiers", "civilians"); and at most one other word in its noun phrase, its side
 * ("Armenian"). Reading stops at a mark, a number, a function word, or a second unknown word:
 * "5 days after the blast killed 50" counts no days killed; and at a relative pronoun: "the six
 * people who died were tourists" is a part of the toll, not the toll.
 */
export function readCount(tokens: readonly Token[], start: number, end: number, lang: string): CountReading | null {
  if (MEASURE_WORDS.at(tokens, end, lang)) return null;
  const after = readAfter(tokens, end, lang);
  const before = readBefore(tokens, start, lang);
  // "People" is anyone: a count of people is comparable with a count of any group.
  const group = after.group === 'people' ? null : after.group;
  const sides = after.sides;
  if (after.category && (before === null || after.distance <= before.distance)) {
    return { category: after.category, group, sides, shownEnd: after.categoryEnd };
  }
  if (before) return { category: before.category, group, sides, shownEnd: after.groupEnd };
  // No event: only troops and people are figures of their own ("maintains 2,000 peacekeepers").
  if (after.group === 'troops' || after.group === 'people') return { category: after.group, group: null, sides, shownEnd: after.groupEnd };
  return null;
}

interface After {
  category: string | null;
  distance: number;
  categoryEnd: number;
  group: string | null;
  groupEnd: number;
  sides: string[];
}

function readAfter(tokens: readonly Token[], end: number, lang: string): After {
  const out: After = { category: null, distance: 0, categoryEnd: end, group: null, groupEnd: end, sides: [] };
  let unknown = 0;
  for (let k = end, steps = 0; k < tokens.length && steps < MAX_AFTER; steps++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') break;
    const category = CATEGORY_WORDS.at(tokens, k, lang);
    if (category) {
      Object.assign(out, { category: category.value, distance: steps, categoryEnd: k + category.length });
      break;
    }
    const group = GROUP_WORDS.at(tokens, k, lang);
    if (group) {
      // "people" says nothing a more precise group would not: "50 people, among them soldiers".
      if (out.group === null || out.group === 'people') out.group = group.value;
      k += group.length;
      out.groupEnd = k;
      continue;
    }
    const link = LINK_WORDS.at(tokens, k, lang);
    if (link) {
      k += link.length;
      continue;
    }
    if (STOPWORDS.has(t.key) || VAGUE_AMOUNTS.at(tokens, k, lang)) break;
    if (++unknown > 1) break;
    out.sides.push(t.key);
    k++;
  }
  // "killed 10 Americans": the event is before the number, the side after it.
  return out;
}

function readBefore(tokens: readonly Token[], start: number, lang: string): { category: string; distance: number } | null {
  for (let k = start - 1, steps = 0; k >= 0 && steps < MAX_BEFORE; steps++) {
    const t = tokens[k]!;
    if (t.kind !== 'word') return null;
    const category = CATEGORY_WORDS.endingAt(tokens, k, lang);
    if (category) return { category: category.value, distance: steps + 0.5 };
    const lead = LEAD_IN_WORDS.endingAt(tokens, k, lang);
    if (!lead) return null;
    k -= lead.length;
  }
  return null;
}
