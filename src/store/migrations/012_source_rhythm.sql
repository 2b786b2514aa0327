-- Adaptive polling reads a source's newest items on every poll: without this index that is a
-- scan of all the source's items (a sitemap source has tens of thousands).
CREATE INDEX IF NOT EXISTS items_source_recent ON items (source_id, created_at DESC);
