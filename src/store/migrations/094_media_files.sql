-- Image bytes move out of the database into the media folder (media.dir): the original without its
-- metadata, WebP copies at a few widths and a 1200×630 og:image (src/media/variants.ts names them).
-- A row whose bytes are NULL has its files on disk; rows mirrored before this migration keep their
-- bytes until their first request (the media route converts them, writes the files and sets bytes
-- to NULL). width/height become the upright size (EXIF orientation applied).
ALTER TABLE media ALTER COLUMN bytes DROP NOT NULL;
-- The per-source cap (media.perSourceBytesPerDay) sums the images mirrored for a source today.
CREATE INDEX media_sources_attempted ON media_sources (attempted_at) WHERE sha256 IS NOT NULL;
