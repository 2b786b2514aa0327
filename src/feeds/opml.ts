import { PermanentError } from '../domain/errors.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { clean } from './text.ts';
import { child, children, cleanText } from './tree-query.ts';
import { Warnings } from './warnings.ts';
import { buildTree, type XElement } from './xml-tree.ts';

export interface OpmlOutline {
  url: string;
  title: string | null;
  htmlUrl: string | null;
  category: string | null;
}

/**
 * OPML 1.0/2.0 subscription lists as readers export them: feeds are outlines with `xmlUrl`,
 * folders are outlines without one (their path becomes the category unless the feed has its own
 * `category` attribute). Duplicates and outlines without a usable URL are skipped with a warning.
 */
export function parseOpml(text: string): { title: string | null; outlines: OpmlOutline[]; warnings: string[] } {
  const warnings = new Warnings();
  const doc = buildTree(text, null, warnings);
  const root = doc.children.find((c): c is XElement => typeof c !== 'string' && c.name === 'opml');
  if (!root) throw new PermanentError('feeds: not an OPML document', 'feeds.unparseable');
  const head = child(root, 'head');
  const body = child(root, 'body') ?? root;
  const outlines: OpmlOutline[] = [];
  const seen = new Set<string>();
  const walk = (el: XElement, folder: string[]): void => {
    for (const o of children(el, 'outline')) {
      const a = o.attrs;
      const label = clean(a.title ?? a.text ?? null);
      const rawUrl = a.xmlurl ?? (a.type === 'rss' ? a.url : undefined);
      if (rawUrl === undefined) {
        walk(o, label ? [...folder, label] : folder);
        continue;
      }
      const url = resolveHttpUrl(rawUrl, null);
      if (!url) {
        warnings.add(`outline with an unusable feed URL skipped: ${rawUrl.slice(0, 100)}`);
        continue;
      }
      if (seen.has(url)) {
        warnings.add(`duplicate feed skipped: ${url}`);
        continue;
      }
      seen.add(url);
      const category = clean(a.category?.split(',')[0]?.replace(/^\//, '') ?? null) ?? (folder.length > 0 ? folder.join('/') : null);
      outlines.push({ url, title: label, htmlUrl: resolveHttpUrl(a.htmlurl, null), category });
      walk(o, folder);
    }
  };
  walk(body, []);
  return { title: head ? cleanText(child(head, 'title')) : null, outlines, warnings: warnings.list };
}

/** OPML 2.0, one folder per category, for import into any reader. */
export function buildOpml(title: string, sources: Array<{ url: string; title: string | null; htmlUrl?: string | null; category?: string | null }>): string {
  const byCategory = new Map<string, string[]>();
  for (const s of sources) {
    const name = s.title ?? s.url;
    let line = `<outline type="rss" text="${escapeHtml(name)}" title="${escapeHtml(name)}" xmlUrl="${escapeHtml(s.url)}"`;
    if (s.htmlUrl) line += ` htmlUrl="${escapeHtml(s.htmlUrl)}"`;
    line += '/>';
    const key = s.category ?? '';
    byCategory.set(key, [...(byCategory.get(key) ?? []), line]);
  }
  const body: string[] = [];
  for (const [category, lines] of byCategory) {
    if (category === '') body.push(...lines.map((l) => `    ${l}`));
    else body.push(`    <outline text="${escapeHtml(category)}" title="${escapeHtml(category)}">`, ...lines.map((l) => `      ${l}`), '    </outline>');
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    `  <head><title>${escapeHtml(title)}</title><dateCreated>${new Date().toUTCString()}</dateCreated></head>`,
    '  <body>',
    ...body,
    '  </body>',
    '</opml>',
    '',
  ].join('\n');
}
