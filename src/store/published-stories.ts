import type { Db } from './db.ts';

export interface PublishedFilter {
  /** Words of the title, a piece of the path, or the source's name. */
  q?: string;
  lang?: string;
  status?: 'live' | 'gone';
  limit: number;
  offset: number;
}

export interface PublishedRow {
  id: number;
  translation_id: number;
  article_id: number;
  lang: string;
  path: string;
  status: 'live' | 'gone';
  gone_reason: string | null;
  flagged: boolean;
  title: string;
  source_name: string;
  published_at: Date;
  corrections: number;
}

/** Publications newest first, searched by title, path or source; with how many corrections each had. */
export async function listPublished(db: Db, f: PublishedFilter): Promise<{ rows: PublishedRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => `$${params.push(v)}`;
  const and: string[] = ['true'];
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    and.push(`(t.title ILIKE ${like} OR p.path ILIKE ${like} OR coalesce(s.name, s.title, s.url) ILIKE ${like})`);
  }
  if (f.lang) and.push(`p.lang = ${p(f.lang)}`);
  if (f.status) and.push(`p.status = ${p(f.status)}`);
  const from = `publications p JOIN translations t ON t.id = p.translation_id JOIN articles a ON a.id = p.article_id JOIN sources s ON s.id = a.source_id WHERE ${and.join(' AND ')}`;
  const [page, count] = await Promise.all([
    db.query<PublishedRow>(
      `SELECT p.id, p.translation_id, p.article_id, p.lang, p.path, p.status, p.gone_reason, p.flagged, t.title,
         coalesce(s.name, s.title, s.url) AS source_name, p.published_at,
         (SELECT count(*)::int FROM publication_corrections c WHERE c.publication_id = p.id) AS corrections
       FROM ${from} ORDER BY p.published_at DESC, p.id DESC LIMIT ${f.limit} OFFSET ${f.offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${from}`, params),
  ]);
  return { rows: page.rows, total: count.rows[0]!.n };
}

/** The same article's publications in every language (a takedown of "all languages"). */
export async function articlePublications(db: Db, articleId: number): Promise<Array<{ id: number; lang: string; path: string; status: string }>> {
  return (await db.query<{ id: number; lang: string; path: string; status: string }>('SELECT id, lang, path, status FROM publications WHERE article_id = $1 ORDER BY lang', [articleId])).rows;
}
