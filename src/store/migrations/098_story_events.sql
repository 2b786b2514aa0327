-- Stories split and merged outside a placement (issue 12): a story whose members have grown into
-- two events splits in two, and an editor can split or merge stories by hand. Each is an event of
-- the placement log: every worker applies it to its in-memory clusterer right after the placement
-- it followed (after_seq), as it replays story_placements, so all of them hold the same stories.

CREATE TABLE story_events (
  id          bigserial PRIMARY KEY,
  -- The last story_placements.seq when it happened (under the placement lock): replayed after it.
  after_seq   bigint NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('split', 'merge')),
  -- split: the story split (it keeps its id and URL); merge: the story that stays.
  story_id    bigint NOT NULL REFERENCES stories(id),
  -- split: the new story the moved members form; merge: the story merged into story_id.
  other_id    bigint NOT NULL REFERENCES stories(id),
  -- split: the article ids each side holds, in placement order (the clusterer rebuilds both from
  -- their logged features); [] for a merge.
  kept        jsonb NOT NULL DEFAULT '[]',
  moved       jsonb NOT NULL DEFAULT '[]',
  -- 'pipeline' (the members grew apart) or the editor who did it.
  decided_by  text NOT NULL,
  at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX story_events_at ON story_events (at);

-- The story a story was split from (its page can say so; null for every other story).
ALTER TABLE stories ADD COLUMN split_from bigint REFERENCES stories(id);
