-- Issue 11, operations: which worker processes are alive, and what the console edits.

-- Each worker pool writes its row every few seconds; the dashboard shows one not seen for three
-- intervals as dead. A clean stop says so (stopped_at), so a restart is not mistaken for a crash.
CREATE TABLE worker_heartbeats (
  worker_id     text PRIMARY KEY,            -- the queue's worker id (pid:random): locked_by on its jobs
  host          text NOT NULL,
  pid           integer NOT NULL,
  roles         text[] NOT NULL DEFAULT '{}', -- the process's roles (scheduler, worker, web)
  kinds         text[] NOT NULL DEFAULT '{}', -- the job kinds its pool runs
  interval_ms   integer NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT now(),
  last_beat_at  timestamptz NOT NULL DEFAULT now(),
  stopped_at    timestamptz
);
CREATE INDEX worker_heartbeats_last_beat ON worker_heartbeats (last_beat_at DESC);

-- The glossary as the console edits it, one row per term and language pair. Merged before the
-- config's glossary (an entry here wins over the config's for the same term). `rendering` equal to
-- the term keeps it as is for that pair.
CREATE TABLE glossary_entries (
  id              bigserial PRIMARY KEY,
  from_lang       text NOT NULL,
  to_lang         text NOT NULL,
  term            text NOT NULL,
  rendering       text NOT NULL,
  case_sensitive  boolean NOT NULL DEFAULT true,
  updated_by      text,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (from_lang, to_lang, term)
);

-- Publish policy overrides edited in the console, merged over the config's publish.policy:
-- scope 'default' (the policy's own levels), 'site' (key: a site language) or 'source' (key: a
-- source id). `level` is validated with the config's schema before it is written.
CREATE TABLE policy_overrides (
  scope       text NOT NULL,                 -- default | site | source
  key         text NOT NULL,                 -- '' | es | 42
  level       jsonb NOT NULL,
  updated_by  text,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

-- CSS extraction rules set in the console ({select: [...], drop: [...]}); when set they replace
-- the config's sources[].extract for that source.
ALTER TABLE sources ADD COLUMN extract_rules jsonb;

-- The dashboard counts the last day's work by when it happened, and lists failed jobs newest first.
CREATE INDEX IF NOT EXISTS items_created ON items (created_at);
CREATE INDEX IF NOT EXISTS articles_created ON articles (created_at);
CREATE INDEX IF NOT EXISTS translations_created ON translations (created_at);
-- Characters and cost today count retranslations too: by when the translation last changed.
CREATE INDEX IF NOT EXISTS translations_updated ON translations (updated_at);
CREATE INDEX IF NOT EXISTS jobs_failed ON jobs (finished_at DESC) WHERE state = 'failed';
