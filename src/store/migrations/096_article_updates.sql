-- Following a published article at its source (issue 12, section 4): it is fetched again on a
-- schedule that thins out with age (conditional GET), a changed text is translated again and the
-- page says what changed, and a source page that is gone is marked on ours.

-- When the article is due to be fetched again; null: no longer followed. A new article is first
-- due ten minutes after it arrives (the schedule's first step, jobs/refetch-schedule.ts); each
-- fetch sets the next step from the article's first publication on this site.
ALTER TABLE articles ADD COLUMN refetch_at timestamptz;
ALTER TABLE articles ALTER COLUMN refetch_at SET DEFAULT now() + interval '10 minutes';
-- The validators of the last answer, sent back as If-None-Match / If-Modified-Since.
ALTER TABLE articles ADD COLUMN etag text;
ALTER TABLE articles ADD COLUMN last_modified text;
ALTER TABLE articles ADD COLUMN refetched_at timestamptz;
-- The last fetch's failure (a timeout, a 5xx): retried at the next step, never taken as gone.
ALTER TABLE articles ADD COLUMN refetch_error text;
-- When the source answered 404 or 410: our page says the original is no longer there.
ALTER TABLE articles ADD COLUMN source_gone_at timestamptz;
CREATE INDEX articles_refetch_due ON articles (refetch_at) WHERE refetch_at IS NOT NULL;
-- Articles already here and younger than the schedule's last step (72 hours) are followed too.
UPDATE articles SET refetch_at = now() + interval '10 minutes' WHERE created_at > now() - interval '72 hours';

-- Each change of a source article found on a fetch: when, what changed (paragraphs added,
-- changed, removed; the headline; figures old → new), and the text it replaced.
CREATE TABLE article_updates (
  id              bigserial PRIMARY KEY,
  article_id      bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  detected_at     timestamptz NOT NULL DEFAULT now(),
  changes         jsonb NOT NULL,
  previous_title  text NOT NULL,
  previous_html   text NOT NULL,
  previous_hash   text NOT NULL,
  content_hash    text NOT NULL
);
CREATE INDEX article_updates_article ON article_updates (article_id, detected_at);

-- What became of an update in each language the article is published in: the new translation
-- published, or held by the fidelity gate (the earlier translation stays live).
CREATE TABLE article_update_translations (
  update_id  bigint NOT NULL REFERENCES article_updates(id) ON DELETE CASCADE,
  lang       text NOT NULL,
  outcome    text NOT NULL,              -- published | held
  reason     text,
  PRIMARY KEY (update_id, lang)
);
