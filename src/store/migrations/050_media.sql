-- Images mirrored from the outlets so pages show them from the site's own origin (a page makes no
-- request to a third party). Bytes are stored once per content (sha256), whatever URLs named them.
CREATE TABLE media (
  sha256        text PRIMARY KEY,            -- hex of the bytes; also the public name /media/{sha256}.{ext}
  content_type  text NOT NULL,             -- from the magic bytes, never from the remote header
  ext           text NOT NULL,
  bytes         bytea NOT NULL,
  size          integer NOT NULL,
  width         integer,
  height        integer,
  created_at    timestamptz NOT NULL DEFAULT now()
);

-- Every image URL an article named and what became of it: mirrored (sha256 set) or not (error),
-- so a failure is visible and the image simply stays dropped from the page.
CREATE TABLE media_sources (
  article_id    bigint NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  url           text NOT NULL,
  role          text NOT NULL,               -- lead | body
  sha256        text REFERENCES media(sha256),
  error         text,
  attempted_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (article_id, url)
);
CREATE INDEX media_sources_url ON media_sources (url) WHERE sha256 IS NOT NULL;
