-- Issue 13: the lead image's caption in the translation's language (it is shown above the body,
-- outside the translated HTML). Null when the source had none, or for a translation made before.
ALTER TABLE translations ADD COLUMN image_caption text;
