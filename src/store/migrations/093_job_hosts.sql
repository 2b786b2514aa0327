-- The host a job will fetch from (issue 15 item 9): the claim skips a queued job whose host is at
-- its limit, instead of claiming it only for the job to find the host busy and be put back —
-- four workers did that in a loop for 2,000 queued extracts of one host.
ALTER TABLE jobs ADD COLUMN IF NOT EXISTS host text;

-- The concurrency the host's requests were last limited to, so that the claim can tell a host
-- at its limit without knowing each caller's configuration.
ALTER TABLE fetch_hosts ADD COLUMN IF NOT EXISTS concurrency integer;

-- As in 010, and the limit asked for is written on the host's row (already locked here).
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
  UPDATE fetch_hosts h SET concurrency = p_concurrency WHERE h.host = p_host AND h.concurrency IS DISTINCT FROM p_concurrency;
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
