-- Per-host politeness that holds across every worker and process: the database is the only
-- place they all see. One row per host serializes decisions (SELECT … FOR UPDATE); one lease row
-- per request in flight counts concurrency, and expires if its holder dies.
CREATE TABLE fetch_hosts (
  host             text PRIMARY KEY,
  next_allowed_at  timestamptz NOT NULL DEFAULT '1970-01-01 00:00:00+00',
  requests         bigint NOT NULL DEFAULT 0,
  updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE fetch_host_leases (
  id           bigserial PRIMARY KEY,
  host         text NOT NULL REFERENCES fetch_hosts(host) ON DELETE CASCADE,
  acquired_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  lease_until  timestamptz NOT NULL
);
CREATE INDEX fetch_host_leases_host ON fetch_host_leases (host, lease_until);
