/**
 * One page in, the article out: metadata by precedence, the story's blocks without page chrome,
 * sanitized block HTML, plain text with blank lines between paragraphs, language and direction.
 */
import { selectAll } from 'css-select';
import type { Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { ExtractedArticle } from '../domain/article.ts';
import { PermanentError } from '../domain/errors.ts';
import { textDirection } from '../domain/lang.ts';
import { escapeHtml } from '../shared/escape-html.ts';
import { resolveHttpUrl } from '../shared/urls.ts';
import { chooseLanguage } from './choose-language.ts';
import { cleanTree } from './clean-tree.ts';
import { collectBlocks, type Block } from './collect-blocks.ts';
import { depthExceeds, findFirst, normalizeSpace, type AnyNode, type Element } from './dom.ts';
import { findContent, tokens } from './find-content.ts';
import { readMetadata } from './read-metadata.ts';
import { readabilityFallback } from './readability-fallback.ts';
import { renderBlocks } from './render-blocks.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { markStandfirst } from './standfirst.ts';
import { plainText } from './text-fields.ts';

export interface ExtractOptions {
  /** Per-source CSS selectors: `select` names the story's elements, `drop` what to remove from it. */
  rules?: { select?: string[]; drop?: string[] };
  /** Below this many characters of text the heuristics are not trusted and fallbacks are tried. */
  minTextLength?: number;
}

function selected(doc: Document, selectors: string[] | undefined): Element[] {
  if (!selectors || selectors.length === 0) return [];
  try {
    return selectAll<AnyNode, Element>(selectors.join(","), doc);
  } catch {
    return [];
  }
}

function storyBlocks(doc: Document, body: Element, declaredBody: string | null, opts: ExtractOptions & { url: string }, light = false): Block[] {
  const drop = new Set(selected(doc, opts.rules?.drop));
  const chosen = selected(doc, opts.rules?.select);
  cleanTree(body, { drop: drop.size ? (el) => drop.has(el) : undefined, light });
  if (chosen.length > 0) return chosen.filter((el) => el.parent).flatMap((el) => collectBlocks(el));
  const blocks = collectBlocks(body);
  const heuristic = findContent(blocks, { pageUrl: opts.url }).blocks;
  // A declared body is a guide only when it is whole: some pages declare just the first paragraph.
  const found = heuristic.reduce((n, b) => n + b.text.length, 0);
  if (declaredBody && declaredBody.length >= 200 && declaredBody.length >= 0.5 * found) {
    const guided = findContent(blocks, { declaredBody: tokens(declaredBody) });
    const matched = guided.blocks.reduce((n, b) => n + b.text.length, 0);
    // …and only when the page's blocks really hold it (some declare another text, or markup).
    if (matched >= 0.6 * declaredBody.length && matched <= 1.5 * declaredBody.length) return guided.blocks;
  }
  return heuristic;
}

/** Deeper than this a page is broken or hostile: our walks recurse, and Readability slows to minutes. */
const MAX_DEPTH = 5000;
const MAX_DEPTH_FOR_READABILITY = 300;

function parse(html: string): { doc: Document; body: Element } {
  const doc = parseDocument(html, { decodeEntities: true });
  const body = findFirst(doc, (e) => e.name === 'body') ?? findFirst(doc, (e) => e.name === 'html');
  if (body) return { doc, body };
  // A fragment or bare text: give it the body a browser would.
  const wrapped = parseDocument(`<html><body>${html}</body></html>`, { decodeEntities: true });
  return { doc: wrapped, body: findFirst(wrapped, (e) => e.name === 'body')! };
}

/** The article, and what extraction had to repair on the way (absent when nothing). */
export type Extraction = ExtractedArticle & { warnings?: string[] };

export function extractArticle(page: string, url: string, opts: ExtractOptions = {}): Extraction {
  // U+0000 means nothing in HTML text and PostgreSQL refuses it: decodeBody removes it from fetched
  // pages; a page handed over as a string is held to the same rule here.
  const html = page.indexOf('\u0000') === -1 ? page : page.replaceAll('\u0000', '');
  const warnings = html.length === page.length ? undefined : [`extract: ${page.length - html.length} NUL character(s) (U+0000) removed`];
  const { doc, body } = parse(html);
  if (depthExceeds(doc, MAX_DEPTH)) throw new PermanentError(`extract: page nested more than ${MAX_DEPTH} elements deep`, 'extract_too_deep');
  const meta = readMetadata(doc, url);
  let blocks = storyBlocks(doc, body, meta.articleBody, { ...opts, url });
  markStandfirst(blocks, meta.description);
  let rendered = renderBlocks(blocks);
  const min = opts.minTextLength ?? 250;
  if (rendered.text.length < min && meta.articleBody && meta.articleBody.length > rendered.text.length) {
    const paragraphs = meta.articleBody.split('\n\n');
    rendered = { text: meta.articleBody, html: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n') };
    blocks = [];
  }
  if (rendered.text.length < min && !opts.rules?.select?.length && !depthExceeds(doc, MAX_DEPTH_FOR_READABILITY)) {
    const fallback = readabilityFallback(html, url);
    if (fallback && fallback.text.length > rendered.text.length) rendered = fallback;
  }
  if (rendered.text.length < min) {
    // Broken markup can put the story inside what looks like chrome: last, try again cleaning lightly.
    const again = parse(html);
    const lightBlocks = storyBlocks(again.doc, again.body, meta.articleBody, { ...opts, url }, true);
    markStandfirst(lightBlocks, meta.description);
    const lightRendered = renderBlocks(lightBlocks);
    if (lightRendered.text.length > rendered.text.length) {
      blocks = lightBlocks;
      rendered = lightRendered;
    }
  }
  const lang = chooseLanguage(meta.declaredLang, rendered.text, meta.title);
  const image = meta.image ?? firstFigure(blocks, url);
  return {
    url,
    title: meta.title,
    byline: meta.byline,
    published: meta.published,
    modified: meta.modified,
    lang,
    dir: lang ? textDirection(lang) : (meta.declaredDir ?? 'ltr'),
    siteName: meta.siteName,
    canonical: meta.canonical,
    image: image ? { url: image, caption: meta.image ? meta.imageCaption : captionFor(blocks, image, url) } : null,
    excerpt: meta.description ?? excerptOf(rendered.text),
    text: rendered.text,
    html: sanitizeHtml(rendered.html, url),
    ...(meta.section ? { section: meta.section } : {}),
    ...(warnings ? { warnings } : {}),
  };
}

function firstFigure(blocks: Block[], url: string): string | null {
  for (const b of blocks) if (b.kind === 'figure' && b.image) return resolveHttpUrl(b.image.src, url);
  return null;
}

/** The caption of the lead image when the story shows it as a figure. */
function captionFor(blocks: Block[], image: string, url: string): string | null {
  const name = (u: string): string => u.replace(/[?#].*$/, '').split('/').pop() ?? u;
  for (const b of blocks) {
    if (b.kind !== 'figure' || !b.image) continue;
    const src = resolveHttpUrl(b.image.src, url);
    if (src && name(src) === name(image)) return plainText(b.image.caption || b.image.alt || null);
  }
  return null;
}

function excerptOf(text: string): string | null {
  const first = text.split('\n\n').find((p) => p.length >= 60) ?? text.split('\n\n')[0];
  if (!first) return null;
  const t = normalizeSpace(first);
  return t.length > 300 ? `${t.slice(0, 297).replace(/\s+\S*$/, '')}…` : t;
}
