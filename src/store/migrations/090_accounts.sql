-- The console's accounts: people (users), their browser sessions, login attempts (throttling that
-- holds across processes), API tokens for /api/v1, and the audit log of every change.

CREATE TABLE users (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,                 -- stored lowercased
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  password_hash text NOT NULL,                -- scrypt$N$r$p$salt$hash
  must_change_password boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  password_changed_at timestamptz NOT NULL DEFAULT now()
);

-- Only the sha256 of a session id is stored: a read of this table gives no usable cookie.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,            -- the absolute limit; the idle one is last_seen_at + idle
  address text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE login_attempts (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  email text NOT NULL,
  address text NOT NULL,
  ok boolean NOT NULL
);
CREATE INDEX login_attempts_email ON login_attempts (email, at);
CREATE INDEX login_attempts_address ON login_attempts (address, at);

-- Only the sha256 of a token is stored; the token is shown once, when it is made.
CREATE TABLE api_tokens (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
  scopes text[] NOT NULL DEFAULT '{}',        -- empty: every /api/v1 route the role allows
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Who did what to what, when, with the state before and after. Kept when the user is removed
-- (actor keeps the email), never updated.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  user_id integer,
  actor text NOT NULL,
  via text NOT NULL,
  action text NOT NULL,
  target text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_actor ON audit_log (actor, id);
CREATE INDEX audit_log_action ON audit_log (action, id);
