-- Near-duplicate detection shared by every worker: each article's MinHash signature (128 minimums
-- of its word 4-shingles) and its 32 LSH band keys. A new article looks up the articles sharing a
-- band key (index story_sketch_bands_pkey) and compares signatures; see src/stories/minhash.ts.
-- Keyed by text: the pipeline's article ids and the CLI's line ids are both keys.
CREATE TABLE story_sketches (
  article_key  text PRIMARY KEY,
  story_id     text NOT NULL,
  signature    int4[] NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE story_sketch_bands (
  band         smallint NOT NULL,
  key          int4 NOT NULL,
  article_key  text NOT NULL REFERENCES story_sketches(article_key) ON DELETE CASCADE,
  PRIMARY KEY (band, key, article_key)
);
CREATE INDEX story_sketch_bands_article ON story_sketch_bands (article_key);
CREATE INDEX story_sketches_created ON story_sketches (created_at);

-- A merged story's id and the story it joined: its URLs redirect there. Always one hop (a later
-- merge rewrites the earlier aliases), so a lookup is one row.
CREATE TABLE story_aliases (
  alias        text PRIMARY KEY,
  story_id     text NOT NULL,
  merged_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_aliases_story ON story_aliases (story_id);
