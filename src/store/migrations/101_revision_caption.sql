-- A revision keeps the image caption's translation with the rest of its text: a source update
-- held for review and published later by an editor showed the earlier caption under the new text.
-- Revisions written before this have none (null: publishing one keeps the caption shown).
ALTER TABLE translation_revisions ADD COLUMN image_caption text;
