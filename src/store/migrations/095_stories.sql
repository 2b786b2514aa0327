-- Stories in the pipeline (issue 12): each extracted article is placed in a story on arrival, a
-- near-duplicate joins its original's story and is never translated again, and for each target
-- language one member is the story's translated lead.

ALTER TABLE stories ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
-- The latest member's time (source's publication time, ours where it gives none): lists sort by it.
ALTER TABLE stories ADD COLUMN last_member_at timestamptz;
ALTER TABLE stories ADD COLUMN member_count integer NOT NULL DEFAULT 0;
-- A story merged into another: its pages redirect there (story_aliases keeps the clusterer's view).
ALTER TABLE stories ADD COLUMN merged_into bigint REFERENCES stories(id);

-- An article's place in its story (articles.story_id from 001):
--   report    an article of its own (clustered into the story, or the one that started it)
--   duplicate a near-duplicate of duplicate_of: listed with its outlet, never translated
--   update    a member that adds facts to a story whose lead is already translated
ALTER TABLE articles ADD COLUMN story_role text;
ALTER TABLE articles ADD COLUMN duplicate_of bigint REFERENCES articles(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN placed_at timestamptz;
-- Why it went where it went: similarity to the story (1 for a near-duplicate).
ALTER TABLE articles ADD COLUMN story_score real;
CREATE INDEX articles_story ON articles (story_id, published_at) WHERE story_id IS NOT NULL;

-- For each target language, the member translated as the story's lead: the earliest full report,
-- or the one an editor picked (picked_by names the editor; null: chosen by the pipeline).
CREATE TABLE story_leads (
  story_id    bigint NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
  lang        text NOT NULL,
  article_id  bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  picked_by   text,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (story_id, lang)
);

-- The placement log. Every worker replays the rows it has not seen into its in-memory clusterer
-- before it places an article (under an advisory lock), so all workers place against one state
-- and a restarted worker rebuilds it from the window it needs.
CREATE TABLE story_placements (
  seq         bigserial PRIMARY KEY,
  article_id  bigint NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
  story_id    bigint NOT NULL REFERENCES stories(id),
  features    jsonb NOT NULL,
  placed_at   timestamptz NOT NULL DEFAULT now()
);
