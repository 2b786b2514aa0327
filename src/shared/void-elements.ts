/**
 * The HTML standard's void elements (§13.1.2): written without an end tag, and read as closed at
 * their start tag. One list for every place that writes or reads HTML.
 */
export const VOID_ELEMENTS: ReadonlySet<string> = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
