/**
 * How a translation walks an article's HTML, shared by the segmenter (translate/) and the passage
 * marker (publish/), which must cut the same segments: OPAQUE elements are never sent to an engine
 * (media, embeds, code); INLINE ones stay inside the segment of the block around them.
 */
export const OPAQUE_ELEMENTS: ReadonlySet<string> = new Set(['pre', 'code', 'script', 'style', 'svg', 'math', 'iframe', 'video', 'audio', 'picture', 'object', 'embed', 'canvas', 'noscript', 'template', 'kbd', 'samp', 'var']);

export const INLINE_ELEMENTS: ReadonlySet<string> = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'data', 'del', 'dfn', 'em', 'i', 'img', 'ins', 'mark', 'q', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'wbr', 'font']);
