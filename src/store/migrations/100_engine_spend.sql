-- The cost ledger (issue 12, section 3): one dated row per engine run, so the dashboard's "today"
-- counts only today's runs under the engine that made them, and a story's spend is the sum of its
-- members' runs. translations.cost stays the cost of the text now shown; history is here.

-- reason: translation (an article's first into a language), retranslation (an editor's, forced),
-- update (a source update translated again, published or held), placement (a head translated into
-- the pivot to place the article in its story), label (a section's name the engine was paid for).
-- engine: the route as translations record it (`apertium`, `apertium>deepl`); lang: the target.
-- Both null where a run was booked without them (placements before this migration).
-- article_id: set null if the article goes; the money was spent all the same.
CREATE TABLE engine_spend (
  id                 bigserial PRIMARY KEY,
  at                 timestamptz NOT NULL DEFAULT now(),
  reason             text NOT NULL CHECK (reason IN ('translation', 'retranslation', 'update', 'placement', 'label')),
  article_id         bigint REFERENCES articles(id) ON DELETE SET NULL,
  lang               text,
  engine             text,
  characters         integer NOT NULL DEFAULT 0,
  memory_characters  integer NOT NULL DEFAULT 0,
  memory_hits        integer NOT NULL DEFAULT 0,
  money              double precision
);
-- The dashboard's day (since midnight UTC) and a story's spend (its members' rows).
CREATE INDEX engine_spend_at ON engine_spend (at);
CREATE INDEX engine_spend_article ON engine_spend (article_id) WHERE article_id IS NOT NULL;

-- What the ledger held before, one row each, so no total changes: each translation's cost (an
-- editor's retranslations were added into it) under its engine, dated when the row last changed, as the
-- dashboard read it;
INSERT INTO engine_spend (at, reason, article_id, lang, engine, characters, memory_characters, memory_hits, money)
SELECT t.updated_at, 'translation', t.article_id, t.lang, t.engine,
       COALESCE((t.cost ->> 'characters')::integer, 0), COALESCE((t.cost ->> 'memoryCharacters')::integer, 0),
       COALESCE((t.cost ->> 'memoryHits')::integer, 0), (t.cost ->> 'money')::double precision
  FROM translations t ORDER BY t.updated_at, t.id;
-- each source update's re-translation into a language (the engine its revision names);
INSERT INTO engine_spend (at, reason, article_id, lang, engine, characters)
SELECT o.created_at, 'update', u.article_id, o.lang,
       COALESCE(r.engine, (SELECT t.engine FROM translations t WHERE t.article_id = u.article_id AND t.lang = o.lang)), o.engine_characters
  FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id
  LEFT JOIN translation_revisions r ON r.id = o.revision_id
 ORDER BY o.created_at, o.id;
-- and each placement that paid the engine for its head (its route and language were not kept).
INSERT INTO engine_spend (at, reason, article_id, characters)
SELECT p.placed_at, 'placement', p.article_id, p.engine_characters
  FROM story_placements p WHERE p.engine_characters > 0 ORDER BY p.seq;
