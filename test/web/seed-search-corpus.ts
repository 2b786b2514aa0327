import type { Db } from '../../src/store/db.ts';

/** `n` more Spanish stories of news length (6,000 characters of a seeded one), so that searches have work to do. */
export async function seedSearchCorpus(db: Db, n: number): Promise<void> {
  await db.query(`WITH base AS (SELECT t.text, t.title, a.source_id FROM translations t JOIN articles a ON a.id = t.article_id WHERE t.lang = 'es'),
    items_new AS (
      INSERT INTO items (source_id, guid, status)
      SELECT (SELECT min(source_id) FROM base), 'corpus-' || g, 'extracted' FROM generate_series(1, $1::int) g RETURNING id, source_id, guid),
    arts AS (
      INSERT INTO articles (item_id, source_id, url, title, lang, html, text, content_hash)
      SELECT id, source_id, 'https://corpus.example/' || guid, guid, 'en', '<p>x</p>', 'x', guid FROM items_new RETURNING id),
    numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM arts),
    texts AS (SELECT text, title, row_number() OVER () - 1 AS j, count(*) OVER () AS m FROM base),
    trs AS (
      INSERT INTO translations (article_id, lang, title, html, text, engine, engine_version, checks, verdict, status)
      SELECT numbered.id, 'es', texts.title || ' ' || numbered.k, '<p>' || left(texts.text, 6000) || '</p>', left(repeat(texts.text || ' ', 20), 6000) || ' nota ' || numbered.k,
        'apertium', '1', '{}', 'publish', 'published'
      FROM numbered JOIN texts ON texts.j = numbered.k % texts.m RETURNING id, article_id)
    INSERT INTO publications (translation_id, article_id, lang, path, published_at)
    SELECT id, article_id, 'es', '/es/2020/01/corpus-' || id, now() - make_interval(mins => id::int) FROM trs`, [n]);
}
