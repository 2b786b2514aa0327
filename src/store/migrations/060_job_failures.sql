-- A translation job that fails for good leaves its error on the article, per target language
-- ({"es": "translate: …"}), where an operator looks; a later successful translation clears it.
ALTER TABLE articles ADD COLUMN translation_errors jsonb NOT NULL DEFAULT '{}';
