-- The rows are the truth: each stage records its status on the row it worked on.
-- Queue rows (jobs) only wake workers.

CREATE TABLE sources (
  id              bigserial PRIMARY KEY,
  url             text NOT NULL UNIQUE,
  name            text,
  lang            text,
  category        text,
  kind            text NOT NULL DEFAULT 'feed',          -- feed | sitemap | page
  enabled         boolean NOT NULL DEFAULT true,
  status          text NOT NULL DEFAULT 'new',           -- new | ok | failing
  etag            text,
  last_modified   text,
  last_fetch_at   timestamptz,
  last_success_at timestamptz,
  next_fetch_at   timestamptz NOT NULL DEFAULT now(),
  error_count     integer NOT NULL DEFAULT 0,
  last_error      text,
  warnings        jsonb NOT NULL DEFAULT '[]',
  poll_interval_s integer,
  title           text,
  site_url        text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sources_due ON sources (next_fetch_at) WHERE enabled;

CREATE TABLE items (
  id            bigserial PRIMARY KEY,
  source_id     bigint NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  guid          text NOT NULL,
  url           text,
  -- normalized URL: the same story under two guids, or from two feeds of one outlet, is one item
  url_key       text,
  title         text,
  summary       text,
  published_at  timestamptz,
  status        text NOT NULL DEFAULT 'new',   -- new | extracted | failed | skipped
  error         text,
  attempts      integer NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, guid)
);
CREATE UNIQUE INDEX items_url_key ON items (url_key) WHERE url_key IS NOT NULL;
CREATE INDEX items_status ON items (status);

CREATE TABLE stories (
  id          bigserial PRIMARY KEY,
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE articles (
  id             bigserial PRIMARY KEY,
  item_id        bigint NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
  source_id      bigint NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  story_id       bigint REFERENCES stories(id),
  url            text NOT NULL,
  canonical_url  text,
  title          text NOT NULL,
  byline         text,
  published_at   timestamptz,
  modified_at    timestamptz,
  lang           text NOT NULL,
  dir            text NOT NULL DEFAULT 'ltr',
  site_name      text,
  category       text,
  image_url      text,
  image_caption  text,
  excerpt        text,
  html           text NOT NULL,
  text           text NOT NULL,
  content_hash   text NOT NULL,
  fetched_at     timestamptz NOT NULL DEFAULT now(),
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX articles_source ON articles (source_id);

CREATE TABLE translations (
  id              bigserial PRIMARY KEY,
  article_id      bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  lang            text NOT NULL,
  title           text NOT NULL,
  excerpt         text,
  html            text NOT NULL,
  text            text NOT NULL,
  engine          text NOT NULL,
  engine_version  text NOT NULL,
  checks          jsonb NOT NULL,
  verdict         text NOT NULL,                -- publish | publish-flagged | hold
  status          text NOT NULL,                -- published | held | approved | rejected
  hold_reason     text,
  cost            jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (article_id, lang)
);
CREATE INDEX translations_status ON translations (status);

CREATE TABLE publications (
  id              bigserial PRIMARY KEY,
  translation_id  bigint NOT NULL UNIQUE REFERENCES translations(id) ON DELETE CASCADE,
  article_id      bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  lang            text NOT NULL,
  path            text NOT NULL UNIQUE,          -- /es/2026/11/slug
  flagged         boolean NOT NULL DEFAULT false,
  status          text NOT NULL DEFAULT 'live',  -- live | gone
  gone_reason     text,
  published_at    timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publications_home ON publications (lang, published_at DESC) WHERE status = 'live';

CREATE TABLE translation_memory (
  hash            text NOT NULL,                 -- sha256 of the source segment
  from_lang       text NOT NULL,
  to_lang         text NOT NULL,
  engine          text NOT NULL,
  engine_version  text NOT NULL,
  source          text NOT NULL,
  target          text NOT NULL,
  hits            integer NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hash, from_lang, to_lang, engine, engine_version)
);

CREATE TABLE jobs (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL,
  key           text NOT NULL,                 -- what it works on: translate:article:42:es
  payload       jsonb NOT NULL DEFAULT '{}',
  state         text NOT NULL DEFAULT 'queued', -- queued | running | done | failed
  priority      integer NOT NULL DEFAULT 100,
  run_at        timestamptz NOT NULL DEFAULT now(),
  lease_until   timestamptz,
  locked_by     text,
  attempts      integer NOT NULL DEFAULT 0,
  max_attempts  integer NOT NULL DEFAULT 8,
  last_error    text,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  finished_at   timestamptz
);
-- Idempotent enqueue: one waiting job per key. A key may have one queued job while another runs
-- (new work arrived meanwhile); claim() never runs two jobs of one key at once.
CREATE UNIQUE INDEX jobs_queued_key ON jobs (key) WHERE state = 'queued';
CREATE INDEX jobs_running_key ON jobs (key) WHERE state = 'running';
CREATE INDEX jobs_ready ON jobs (priority, run_at) WHERE state = 'queued';
CREATE INDEX jobs_leased ON jobs (lease_until) WHERE state = 'running';
