import { parseDocument } from 'htmlparser2';
import { INLINE_ELEMENTS, OPAQUE_ELEMENTS } from '../shared/segment-elements.ts';

type Node = ReturnType<typeof parseDocument>['children'][number];

/**
 * The fidelity gate names a flagged passage by its segment: the index of the block among the
 * translatable blocks of the body, in document order, as the orchestrator splits them (runs of
 * inline content with text; media, code and embeds are never blocks). The translation keeps the
 * source's skeleton, so the same walk over the translated body finds the same blocks. Both walks
 * read their element sets from shared/segment-elements.ts; test/publish checks they agree.
 */

function isInline(n: Node): boolean {
  if (n.type === 'text') return true;
  if (n.type === 'tag') return INLINE_ELEMENTS.has(n.name) && (n.children as Node[]).every(isInline);
  return false;
}

function hasText(n: Node): boolean {
  if (n.type === 'text') return /[\p{L}\p{N}]/u.test(n.data);
  if (n.type === 'tag') return (n.children as Node[]).some(hasText);
  return false;
}

/** The element holding each segment (null when a segment is bare text with no element of its own). */
export function segmentBlocks(html: string): Array<{ start: number; nameEnd: number } | null> {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: false });
  const blocks: Array<{ start: number; nameEnd: number } | null> = [];
  const walk = (parent: Node | null, children: Node[]) => {
    let run: Node[] = [];
    const flush = () => {
      if (run.length && run.some(hasText)) {
        const own = parent && parent.type === 'tag' && run.length === (children.filter((c) => c.type !== 'comment').length) ? parent : null;
        blocks.push(own ? { start: own.startIndex!, nameEnd: own.startIndex! + 1 + own.name.length } : null);
      }
      run = [];
    };
    for (const child of children) {
      if (isInline(child)) run.push(child);
      else {
        flush();
        if (child.type === 'tag' && !OPAQUE_ELEMENTS.has(child.name)) walk(child, child.children as Node[]);
      }
    }
    flush();
  };
  walk(null, doc.children as Node[]);
  return blocks;
}

export interface MarkedPassages {
  html: string;
  /** The marks' anchors (`check-1`…), in document order. */
  anchors: string[];
}

/**
 * Marks the blocks the gate flagged: an anchor the warning links to and a `data-check` attribute
 * the stylesheet draws in the margin. Segments that name no block of their own are left unmarked.
 */
export function markPassages(html: string, segments: readonly number[]): MarkedPassages {
  if (!segments.length) return { html, anchors: [] };
  const wanted = new Set(segments);
  const blocks = segmentBlocks(html);
  const hits = blocks.map((b, i) => (b && wanted.has(i) ? b : null)).filter((b): b is NonNullable<typeof b> => b !== null);
  const anchors = hits.map((_, n) => `check-${n + 1}`);
  let out = html;
  // From the end, so earlier offsets stay right.
  for (let n = hits.length - 1; n >= 0; n--) {
    const at = hits[n]!.nameEnd;
    const tag = out.slice(hits[n]!.start, out.indexOf('>', at) + 1);
    const id = /\sid\s*=/i.test(tag) ? '' : ` id="${anchors[n]}"`;
    out = `${out.slice(0, at)}${id} data-check="${n + 1}"${out.slice(at)}`;
  }
  // A block that already had an id keeps it; the warning then links to that id.
  const ids = hits.map((h, n) => {
    const tag = html.slice(h.start, html.indexOf('>', h.nameEnd) + 1);
    return /\sid\s*=\s*"([^"]+)"/i.exec(tag)?.[1] ?? anchors[n]!;
  });
  return { html: out, anchors: ids };
}
