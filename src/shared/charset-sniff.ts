// The HTML prescan looks at 1024 bytes, but browsers also honour a later <meta> by re-decoding,
// and news pages often put 2–3 KB of other <meta> first: we look at 4096.
const META_WINDOW = 4096;

/**
 * Finds the encoding a document declares about itself: the XML declaration, or an HTML
 * `<meta charset>` / `<meta http-equiv="Content-Type">`. Bytes are read as latin1 so any
 * ASCII-compatible encoding can be inspected.
 */
export function sniffXmlDeclaration(head: Buffer): string | null {
  const text = head.subarray(0, 1024).toString('latin1');
  const m = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(text);
  return m ? m[1]! : null;
}

export function sniffMetaCharset(head: Buffer): string | null {
  const text = head.subarray(0, META_WINDOW).toString('latin1').replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of text.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(tag);
    if (!direct) continue;
    // <meta charset="x"> declares directly; <meta http-equiv content="…; charset=x"> only
    // counts together with http-equiv=content-type, as in the HTML prescan algorithm.
    if (/^<meta\s[^>]*\bcharset\s*=/i.test(tag) && !/\bcontent\s*=/i.test(tag)) return direct[1]!;
    if (/\bhttp-equiv\s*=\s*["']?content-type/i.test(tag)) return direct[1]!;
  }
  return null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(contentType);
  const value = (m?.[1] ?? m?.[2] ?? '').trim();
  return value || null;
}
