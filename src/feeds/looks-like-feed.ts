const FEED_CT = /(rss|atom|rdf|feed)\+(xml|json)|^(text|application)\/xml\b|\/x-rss/i;
const XML_ROOT = /<(rss|feed|rdf:rdf|urlset|sitemapindex)[\s>]/i;

/**
 * A cheap sniff (first 2 KB) before parsing: is this a feed or a sitemap, rather than an HTML page?
 * Content wins over the Content-Type, which servers often get wrong both ways.
 */
export function looksLikeFeed(text: string, contentType?: string | null): boolean {
  const head = text.slice(0, 2048).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text.slice(0, 65536)) || /"items"\s*:\s*\[/.test(head);
  if (!head.startsWith('<')) return false;
  const noComments = head.replace(/<!--[\s\S]*?-->/g, '');
  if (/^(<\?xml[^>]*>\s*)?(<!doctype\s+html|<html[\s>])/i.test(noComments)) return false;
  if (XML_ROOT.test(noComments)) return true;
  return contentType != null && FEED_CT.test(contentType) && !/<html[\s>]/i.test(noComments);
}
