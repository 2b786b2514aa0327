-- The public site: full-text search per language and the rendered pages a request looks up.

-- A page language → its text-search configuration. Built from the configs this server really has
-- (PostgreSQL 15 lacks catalan, armenian, basque…; PGlite has them), 'simple' for the rest.
DO $$
DECLARE
  pairs text[] := ARRAY['ar:arabic','hy:armenian','eu:basque','ca:catalan','da:danish','nl:dutch',
    'en:english','et:estonian','fi:finnish','fr:french','de:german','el:greek','hi:hindi',
    'hu:hungarian','id:indonesian','ga:irish','it:italian','lt:lithuanian','ne:nepali',
    'no:norwegian','nb:norwegian','pt:portuguese','ro:romanian','ru:russian','sr:serbian',
    'es:spanish','sv:swedish','ta:tamil','tr:turkish','yi:yiddish'];
  pair text;
  body text := '';
BEGIN
  FOREACH pair IN ARRAY pairs LOOP
    IF EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = split_part(pair, ':', 2)) THEN
      body := body || format(' WHEN %L THEN %L::regconfig', split_part(pair, ':', 1), split_part(pair, ':', 2));
    END IF;
  END LOOP;
  EXECUTE format(
    'CREATE OR REPLACE FUNCTION site_ts_config(lang text) RETURNS regconfig LANGUAGE sql IMMUTABLE PARALLEL SAFE AS %L',
    'SELECT CASE lower(split_part(lang, ''-'', 1))' || body || ' ELSE ''simple''::regconfig END');
END $$;

-- Title weighs most, then the standfirst, then the body; kept by PostgreSQL on every write.
ALTER TABLE translations ADD COLUMN search_doc tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector(site_ts_config(lang), coalesce(title, '')), 'A') ||
  setweight(to_tsvector(site_ts_config(lang), coalesce(excerpt, '')), 'B') ||
  setweight(to_tsvector(site_ts_config(lang), coalesce(text, '')), 'C')
) STORED;
CREATE INDEX translations_search ON translations USING gin (search_doc);

-- Rendered pages, pre-compressed. Every write takes a new `version` from one sequence, so a web
-- process (maybe on another machine) polls `version > last seen` to pick up changes. A stale row
-- (body null) is a tombstone: the page must be rendered again before it is served.
CREATE SEQUENCE pages_version;
CREATE TABLE pages (
  path            text PRIMARY KEY,
  lang            text,                    -- null for site-wide pages (sitemap index, robots)
  kind            text NOT NULL,           -- article | list | feed | sitemap | static | error
  status          integer NOT NULL DEFAULT 200,
  content_type    text NOT NULL DEFAULT 'text/html; charset=utf-8',
  body            bytea,
  gzip            bytea,
  br              bytea,
  etag            text,
  last_modified   timestamptz,
  render_version  text NOT NULL DEFAULT '',
  stale           boolean NOT NULL DEFAULT false,
  version         bigint NOT NULL DEFAULT nextval('pages_version'),
  rendered_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pages_version_idx ON pages (version);
CREATE INDEX pages_lang_kind ON pages (lang, kind);

CREATE INDEX publications_live_article ON publications (article_id) WHERE status = 'live';
