/**
 * The sample newsroom's articles are data: one Markdown file per story with YAML front matter.
 * Files are read in name order (the numeric prefix), which is also the order of publication.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

export const ARTICLES_DIR = fileURLToPath(new URL('./articles/', import.meta.url));
/** The second outlet's stories, in Spanish: the same events as some of the Gazette's, in its own words. */
export const SPANISH_ARTICLES_DIR = fileURLToPath(new URL('./articles-es/', import.meta.url));

const figureSchema = z.object({
  src: z.string().regex(/^\/static\/[\w.-]+$/),
  alt: z.string().min(1),
  caption: z.string().min(1),
  credit: z.string().min(1),
});

const frontMatterSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string().min(10),
  standfirst: z.string().min(10),
  author: z.string().min(3),
  authorRole: z.string().optional(),
  category: z.enum(['world', 'business', 'science', 'sport', 'culture', 'technology', 'health', 'environment']),
  dateline: z.string().min(2),
  published: z.iso.datetime(),
  figure: figureSchema,
  /** Some pages carry no JSON-LD or Open Graph, as on real sites; extractors must cope. */
  structuredData: z.boolean().default(true),
  tags: z.array(z.string()).default([]),
});

/** A body block: the Markdown subset the stories use. */
export type Block =
  | { kind: 'p'; text: string }
  | { kind: 'h2'; text: string }
  | { kind: 'ul'; items: string[] };

export type Article = z.infer<typeof frontMatterSchema> & { file: string; blocks: Block[] };

export function parseArticle(source: string, file: string): Article {
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'));
  if (!m) throw new Error(`newsroom: ${file}: missing front matter`);
  const parsed = frontMatterSchema.safeParse(parseYaml(m[1]!));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`newsroom: ${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return { ...parsed.data, file, blocks: parseBody(m[2]!) };
}

function parseBody(body: string): Block[] {
  return body
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk): Block => {
      if (chunk.startsWith('## ')) return { kind: 'h2', text: chunk.slice(3).trim() };
      if (chunk.startsWith('- ')) {
        return { kind: 'ul', items: chunk.split(/\n- /).map((s) => s.replace(/^- /, '').replace(/\s+/g, ' ').trim()) };
      }
      return { kind: 'p', text: chunk.replace(/\s+/g, ' ') };
    });
}

export function loadArticles(dir: string = ARTICLES_DIR): Article[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
  const articles = files.map((f) => parseArticle(readFileSync(join(dir, f), 'utf8'), f));
  const slugs = new Set<string>();
  for (const a of articles) {
    if (slugs.has(a.slug)) throw new Error(`newsroom: ${a.file}: duplicate slug ${a.slug}`);
    slugs.add(a.slug);
  }
  return articles;
}
