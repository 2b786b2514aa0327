-- Source updates (issue 12, sections 3 and 4): a held update reaches an editor, and what each
-- update cost the engine is in the cost ledger.

-- The review queue lists a held update as its own entry, by this id (an editor's link and the
-- queue's paging key), oldest first by when it was held.
ALTER TABLE article_update_translations ADD COLUMN id bigserial;
ALTER TABLE article_update_translations ADD CONSTRAINT article_update_translations_id UNIQUE (id);
ALTER TABLE article_update_translations ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
UPDATE article_update_translations o SET created_at = u.detected_at FROM article_updates u WHERE u.id = o.update_id;
-- The translation revision that holds the update's text (the held version an editor may publish).
ALTER TABLE article_update_translations ADD COLUMN revision_id bigint REFERENCES translation_revisions(id) ON DELETE SET NULL;
-- Updates held before this migration: their revision was written in the same transaction as the
-- update (one now()), with the refetch's note.
UPDATE article_update_translations o SET revision_id = r.id
  FROM article_updates u, translations t, translation_revisions r
 WHERE u.id = o.update_id AND t.article_id = u.article_id AND t.lang = o.lang AND r.translation_id = t.id
   AND o.outcome = 'held' AND r.created_at = u.detected_at AND r.note LIKE 'source updated; held%';
-- An editor's decision on a held update: outcome becomes 'published' (published anyway) or
-- 'dismissed' (the earlier translation stays); a later update of the same language makes an
-- earlier held one 'superseded' (its text is in the later one).
ALTER TABLE article_update_translations ADD COLUMN decided_by text;
ALTER TABLE article_update_translations ADD COLUMN decided_at timestamptz;
-- Engine characters the update's translation into this language cost, held or published: the
-- ledger keeps translations.cost as the first translation's and adds each update's here, so a
-- story's spend counts every translation once (store/stories.ts storySpend).
ALTER TABLE article_update_translations ADD COLUMN engine_characters integer NOT NULL DEFAULT 0;
-- The review queue's held updates, oldest first.
CREATE INDEX article_update_translations_held ON article_update_translations (created_at, id) WHERE outcome = 'held';
