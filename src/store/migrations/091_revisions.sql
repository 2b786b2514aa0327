-- Post-editing (issue 11): an editor's review, the revisions of a translation, corrections of a
-- published story, and the human translation memory that wins over engines.

-- When an editor last reviewed the translation (edited or approved it): the public notice says so.
ALTER TABLE translations ADD COLUMN reviewed_at timestamptz;

-- Every version of a translation an editor saw or made; n = 1 is the engine's own.
CREATE TABLE translation_revisions (
  id              bigserial PRIMARY KEY,
  translation_id  bigint NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
  n               int NOT NULL,
  kind            text NOT NULL,                 -- machine | edit | correction | retranslation
  title           text NOT NULL,
  excerpt         text,
  html            text NOT NULL,
  engine          text NOT NULL,
  checks          jsonb NOT NULL,
  verdict         text NOT NULL,
  editor          text,                          -- the editor's e-mail; null for the engine's
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (translation_id, n)
);

-- A dated, visible note on the article for each correction of a published story.
CREATE TABLE publication_corrections (
  id              bigserial PRIMARY KEY,
  publication_id  bigint NOT NULL REFERENCES publications(id) ON DELETE CASCADE,
  revision_id     bigint REFERENCES translation_revisions(id) ON DELETE SET NULL,
  note            text NOT NULL,
  editor          text,
  created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX publication_corrections_pub ON publication_corrections (publication_id, created_at);

-- Segments as an editor wrote them: keyed by the source segment and the pair, for every engine.
CREATE TABLE human_translation_memory (
  hash            text NOT NULL,                 -- sha256 of the source unit, as the translator hashes it
  from_lang       text NOT NULL,
  to_lang         text NOT NULL,
  source          text NOT NULL,
  target          text NOT NULL,
  translation_id  bigint REFERENCES translations(id) ON DELETE SET NULL,
  editor          text,
  hits            int NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (hash, from_lang, to_lang)
);

-- The review queue: held, or published with a flag no editor has looked at yet; oldest first.
CREATE INDEX translations_review_queue ON translations (created_at, id)
  WHERE status = 'held' OR (verdict = 'publish-flagged' AND status = 'published' AND reviewed_at IS NULL);
-- The queue's finding filter: findings @> '[{"check":"numbers"}]'.
CREATE INDEX translations_findings ON translations USING gin ((checks -> 'findings') jsonb_path_ops);
