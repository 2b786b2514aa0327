import type { ProtectedSegment } from '../glossary.ts';
import { decodeEntities } from '../../shared/entities.ts';
import { escapeHtml } from '../../shared/escape-html.ts';

/** A stretch of a text run to keep from the engine, and what goes in its place afterwards (plain text). */
export interface Span {
  at: number;
  end: number;
  rendering: string;
}

/**
 * Puts placeholders (`<x id="gN"/>`, as the glossary does, numbered after its slots) over the
 * spans `find` returns in each text run of an HTML segment; markup and earlier placeholders are
 * left alone. The runs are entity-decoded for `find`, so spans are found in the text a reader sees.
 */
export function protectSpans(seg: ProtectedSegment, find: (text: string) => Span[]): ProtectedSegment {
  const slots = [...seg.slots];
  const parts = seg.html.split(/(<[^>]*>)/);
  let changed = false;
  for (let i = 0; i < parts.length; i += 2) {
    const raw = parts[i]!;
    if (raw.trim() === '') continue;
    const text = decodeEntities(raw);
    const spans = find(text);
    if (spans.length === 0) continue;
    let out = '';
    let pos = 0;
    for (const s of spans) {
      if (s.at < pos) continue;
      slots.push({ term: text.slice(s.at, s.end), rendering: escapeHtml(s.rendering) });
      out += `${escapeHtml(text.slice(pos, s.at))}<x id="g${slots.length - 1}"/>`;
      pos = s.end;
    }
    parts[i] = out + escapeHtml(text.slice(pos));
    changed = true;
  }
  return changed ? { html: parts.join(''), slots } : seg;
}
