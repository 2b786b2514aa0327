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

-- One round trip per decision (the database is on every fetch's path): lock the host's row,
-- drop lapsed leases, then either grant a lease or say how long to wait. Times are the
-- database's clock, the one clock every process shares.
CREATE OR REPLACE FUNCTION fetch_acquire_host_slot(
  p_host text, p_concurrency integer, p_min_interval_ms float8, p_lease_ms float8,
  OUT lease_id bigint, OUT acquired_at timestamptz, OUT wait_ms float8)
LANGUAGE plpgsql AS $$
DECLARE
  v_next   timestamptz;
  v_now    timestamptz;
  v_active integer;
  v_expiry timestamptz;
BEGIN
  SELECT h.next_allowed_at INTO v_next FROM fetch_hosts h WHERE h.host = p_host FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO fetch_hosts (host) VALUES (p_host) ON CONFLICT (host) DO NOTHING;
    SELECT h.next_allowed_at INTO v_next FROM fetch_hosts h WHERE h.host = p_host FOR UPDATE;
  END IF;
  v_now := clock_timestamp();
  DELETE FROM fetch_host_leases l WHERE l.host = p_host AND l.lease_until <= v_now;
  SELECT count(*), min(l.lease_until) INTO v_active, v_expiry FROM fetch_host_leases l WHERE l.host = p_host;
  IF v_active >= p_concurrency THEN
    -- A slot frees when its holder releases it (unknown) or its lease lapses (known).
    wait_ms := GREATEST(1, LEAST(GREATEST(p_min_interval_ms, 100), EXTRACT(EPOCH FROM (v_expiry - v_now)) * 1000));
    RETURN;
  END IF;
  IF v_next > v_now THEN
    wait_ms := GREATEST(1, EXTRACT(EPOCH FROM (v_next - v_now)) * 1000);
    RETURN;
  END IF;
  INSERT INTO fetch_host_leases (host, acquired_at, lease_until)
  VALUES (p_host, v_now, v_now + p_lease_ms * interval '1 millisecond')
  RETURNING id INTO lease_id;
  acquired_at := v_now;
  wait_ms := 0;
  UPDATE fetch_hosts
     SET next_allowed_at = v_now + p_min_interval_ms * interval '1 millisecond',
         requests = requests + 1, updated_at = v_now
   WHERE host = p_host;
END $$;
