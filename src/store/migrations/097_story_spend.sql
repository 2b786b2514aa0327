-- Stories in the pipeline (issue 12), the engine's side of placement: an article in another
-- language is compared through its title and lead translated into the pivot, and those characters
-- are part of what its story cost (store/stories.ts storySpend adds them to the translations').
ALTER TABLE story_placements ADD COLUMN engine_characters integer NOT NULL DEFAULT 0;
-- Rebuilding a worker's clusterer reads the window's rows in order.
CREATE INDEX story_placements_placed ON story_placements (placed_at);
