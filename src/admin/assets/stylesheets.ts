import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A stylesheet beside this file, read once at start and served from memory. */
export interface Stylesheet {
  /** Where it is served: /admin/assets/<file>. */
  path: string;
  /** The path with its content hash, so a page may let it be cached for a year and never see it stale. */
  url: string;
  css: string;
  /** The `<link>` a page puts in its head or body. */
  link: string;
}

function stylesheet(file: string): Stylesheet {
  const css = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
  const path = `/admin/assets/${file}`;
  const url = `${path}?v=${createHash('sha256').update(css).digest('hex').slice(0, 10)}`;
  return { path, url, css, link: `<link rel="stylesheet" href="${url}">` };
}

/**
 * Every stylesheet of the console, one mechanism for all: the shell links `console`; the
 * operations and editorial pages add theirs on top of it.
 */
export const STYLESHEETS = {
  console: stylesheet('console.css'),
  operations: stylesheet('operations.css'),
  editorial: stylesheet('editorial.css'),
  stories: stylesheet('stories.css'),
} as const;
