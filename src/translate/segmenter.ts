import { parseDocument } from 'htmlparser2';
import { INLINE_ELEMENTS, OPAQUE_ELEMENTS } from '../shared/segment-elements.ts';

type Node = ReturnType<typeof parseDocument>['children'][number];

/** Sanitized article HTML split into translatable blocks and the markup around them. */
export interface Segmented {
  /** Inner HTML of each block (paragraph, heading, list item, caption…), inline markup kept. */
  segments: string[];
  /** Fills the slots back in: `skeleton[i]` is raw HTML, or the index of a segment. */
  skeleton: Array<string | number>;
}


export function segmentHtml(html: string): Segmented {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: false });
  const segments: string[] = [];
  const skeleton: Array<string | number> = [];
  let cursor = 0;

  const emit = (start: number, end: number) => {
    // Leading and trailing whitespace stays in the skeleton so layout survives.
    const raw = html.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    if (raw.trim() === '') return;
    skeleton.push(html.slice(cursor, start + lead));
    skeleton.push(segments.length);
    segments.push(raw.slice(lead, raw.length - trail));
    cursor = end - trail;
  };

  const walk = (children: Node[]) => {
    let run: Node[] = [];
    const flush = () => {
      if (run.length && run.some(hasText)) emit(run[0]!.startIndex!, run[run.length - 1]!.endIndex! + 1);
      run = [];
    };
    for (const child of children) {
      if (isInline(child)) run.push(child);
      else {
        flush();
        if (child.type === 'tag' && !OPAQUE_ELEMENTS.has(child.name)) walk(child.children as Node[]);
      }
    }
    flush();
  };
  walk(doc.children as Node[]);
  skeleton.push(html.slice(cursor));
  return { segments, skeleton: skeleton.filter((p) => p !== '') };
}

export function joinSegments(skeleton: Array<string | number>, translated: string[]): string {
  return skeleton.map((p) => (typeof p === 'number' ? (translated[p] ?? '') : p)).join('');
}

function isInline(n: Node): boolean {
  if (n.type === 'text') return true;
  if (n.type === 'tag') return INLINE_ELEMENTS.has(n.name) && (n.children as Node[]).every(isInline);
  return false; // comments, directives: left in place
}

function hasText(n: Node): boolean {
  if (n.type === 'text') return /[\p{L}\p{N}]/u.test(n.data);
  if (n.type === 'tag') return (n.children as Node[]).some(hasText);
  return false;
}
