-- WebSub subscriptions, one per source. The hub verifies our intent by calling back; pushes are
-- checked against `secret`; an active lease is renewed before `expires_at` (renew_at), and a
-- source keeps its slow backup poll whatever the state here (public hubs do stop pushing).
CREATE TABLE websub_subscriptions (
  source_id        bigint PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
  hub              text NOT NULL,
  topic            text NOT NULL,
  secret           text NOT NULL,
  -- pending (asked, not verified) | active | unsubscribed | denied | failed
  state            text NOT NULL DEFAULT 'pending',
  -- the intent the hub will verify next: subscribe | unsubscribe
  mode             text NOT NULL DEFAULT 'subscribe',
  lease_seconds    integer,
  requested_at     timestamptz NOT NULL DEFAULT now(),
  verified_at      timestamptz,
  expires_at       timestamptz,
  renew_at         timestamptz,
  last_push_at     timestamptz,
  pushes           bigint NOT NULL DEFAULT 0,
  rejected_pushes  bigint NOT NULL DEFAULT 0,
  last_error       text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX websub_subscriptions_renew ON websub_subscriptions (renew_at) WHERE state = 'active';
