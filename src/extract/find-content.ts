/**
 * Picks the story out of the page's blocks. Each block is worth its text when it reads like prose
 * (long, few links) and costs its text when it reads like chrome (links, short labels); the story is
 * the element whose blocks are worth the most. When the page states its own body (JSON-LD
 * articleBody), matching that body is what makes a block worth something.
 */
import { CHROME_TEXT, CONTENT_CLASS, NEWSLETTER_TEXT, SUBSCRIBE_TEXT } from './boilerplate.ts';
import type { Block } from './collect-blocks.ts';
import { ancestors, classAndId, type Element } from './dom.ts';
import { sideBoxes } from './side-boxes.ts';

export interface ContentOptions {
  /** Text the page declares as its body (JSON-LD), tokens joined by spaces. */
  declaredBody?: string | null;
  /** Weight of chrome against prose when choosing the container. */
  chromeWeight?: number;
  /** The page's URL: a heading that links to it is the story's own, not a teaser's. */
  pageUrl?: string;
}

const LONE_WEIGHT = 0.3;
const SENTENCE_END = /[.!?…:;"'”’»)\]。！？।؟۔]$/;

export function tokens(text: string): string {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ');
}

/** `short`: a few plain words, kept between paragraphs of the story but never a reason to pick a box. */
type Verdict = 'good' | 'bad' | 'neutral' | 'short';

function judge(block: Block, declared: string | null): Verdict {
  if (block.kind === 'figure') return 'neutral';
  const len = block.text.length;
  // Markup shown as text (a noscript fallback, an escaped embed) is never the story.
  if (/^<[a-z!/]/i.test(block.text)) return 'bad';
  if (declared) {
    const t = tokens(block.text);
    if (!t) return 'neutral';
    return declared.includes(t) ? (len >= 20 ? 'good' : 'neutral') : 'bad';
  }
  const density = block.linkChars / Math.max(1, len);
  const sentence = SENTENCE_END.test(block.text);
  // Long prose may link a lot (a news digest); short linked text is navigation.
  if (density > 0.8 || (density > 0.5 && (len < 100 || !sentence)) || (len < 300 && CHROME_TEXT.test(block.text))) return 'bad';
  if (len < 250 && NEWSLETTER_TEXT.test(block.text) && SUBSCRIBE_TEXT.test(block.text)) return 'bad';
  // A block that opens with a long link and goes on in plain text is a teaser: headline and dek.
  // A linked sentence that ends in a full stop is prose that links, not a headline (news digests).
  const lead = block.text.slice(0, block.leadLinkChars + 2).trim();
  if (block.leadLinkChars >= (block.kind === 'li' ? 25 : 50) && block.leadLinkChars < len && density >= 0.1 && !/[.!?…]["”’)]?\s*\S?$/.test(lead)) return 'bad';
  if (block.kind === 'h') return 'neutral';
  if (len >= 80 && (density < 0.3 || sentence)) return 'good';
  if (len >= 30 && sentence && density < 0.4) return 'good';
  return len < 30 ? 'short' : 'neutral';
}

export interface Content {
  container: Element | null;
  blocks: Block[];
}

export function findContent(blocks: Block[], opts: ContentOptions = {}): Content {
  const declared = opts.declaredBody ? ` ${opts.declaredBody} ` : null;
  const weight = opts.chromeWeight ?? 1;
  const verdicts = blocks.map((b) => judge(b, null));
  // The declared body chooses the container; inside it, what it names is kept whatever it looks like.
  const guide = declared ? blocks.map((b) => judge(b, declared)) : verdicts;
  // Paragraphs of a story stand side by side. A good block whose nearest box holding anything else
  // holds no other prose (a figure, a headline link) is a teaser's dek: it counts for less, and only
  // near where it stands, so that a grid of teasers never outweighs the story.
  const blockCount = new Map<Element, number>();
  const goodCount = new Map<Element, number>();
  const holdsTitle = new Set<Element>();
  const chains = blocks.map((b) => [b.el, ...ancestors(b.el)]);
  blocks.forEach((b, i) => {
    const own = b.own ? 1 : 0;
    chains[i]!.forEach((el, depth) => {
      if (depth < own) return;
      blockCount.set(el, (blockCount.get(el) ?? 0) + 1);
      if (guide[i] === 'good') goodCount.set(el, (goodCount.get(el) ?? 0) + 1);
      if (b.kind === 'h' && b.level === 1) holdsTitle.add(el);
    });
  });
  // Galleries and teasers beside the story: their prose is worth little, and only in their box.
  // A declared body says what the story is, even a gallery's captions.
  const side = declared ? null : sideBoxes({ blocks, chains, blockCount, holdsTitle, pageUrl: opts.pageUrl });
  const score = new Map<Element, number>();
  blocks.forEach((b, i) => {
    const v = guide[i];
    if (v === 'neutral') return;
    const cost = v === 'short' ? 0.5 : 1;
    let lifted = chains[i]!;
    let weightOf = 1;
    const box = side?.[i];
    if (v === 'good' && box) {
      weightOf = LONE_WEIGHT;
      lifted = lifted.slice(0, box.top + 1);
    } else if (v === 'good') {
      const group = lifted.findIndex((el, depth) => depth >= (b.own ? 1 : 0) && (blockCount.get(el) ?? 0) > 1);
      // …unless its box also holds the page's title: a one-paragraph story.
      if (group >= 0 && (goodCount.get(lifted[group]!) ?? 0) < 2 && !holdsTitle.has(lifted[group]!)) {
        weightOf = LONE_WEIGHT;
        lifted = lifted.slice(0, group + 2);
      }
    }
    const value = v === 'good' ? weightOf * b.text.length * (1 - b.linkChars / Math.max(1, b.text.length)) : -weight * cost * b.text.length;
    for (const el of lifted) score.set(el, (score.get(el) ?? 0) + value);
  });
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, s] of score) {
    // Marked-up article bodies get a small edge over an equally good wrapper.
    const bonus = CONTENT_CLASS.test(classAndId(el)) || el.attribs.itemprop === 'articleBody' || el.name === 'article' ? 1.05 : 1;
    if (s * bonus > bestScore) {
      best = el;
      bestScore = s * bonus;
    }
  }
  if (!best) return { container: null, blocks: [] };
  const inside = blocks
    .map((b, i) => ({ b, v: (guide[i] === 'good' ? 'good' : verdicts[i]) as Verdict, chain: chains[i]! }))
    .filter(({ chain }) => chain.includes(best));
  return { container: best, blocks: trimChrome(inside, declared !== null) };
}

/** Drops chrome inside the container, and short leftovers before the first and after the last prose. */
function trimChrome(items: Array<{ b: Block; v: Verdict }>, strict: boolean): Block[] {
  const firstGood = items.findIndex((x) => x.v === 'good');
  let lastGood = -1;
  items.forEach((x, i) => {
    if (x.v === 'good') lastGood = i;
  });
  if (firstGood < 0) return [];
  return items
    .filter(({ b, v }, i) => {
      if (v === 'bad') return false;
      if (b.kind === 'h' && b.level === 1) return false;
      if ((v === 'neutral' || v === 'short') && b.kind !== 'figure' && (i < firstGood || i > lastGood)) return false;
      if (strict && b.kind === 'figure' && (i < firstGood || i > lastGood)) return false;
      return true;
    })
    .map(({ b }) => b);
}
