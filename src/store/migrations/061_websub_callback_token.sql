-- The hub calls /websub/{source id}/{callback_token}: an unguessable token per subscription, so
-- nobody else can confirm (or deny) a subscription by guessing a source id. `awaiting` is the
-- intent we asked the hub for and it has not verified yet (subscribe | unsubscribe); a
-- verification is accepted only for that intent, on that callback, for that topic.
ALTER TABLE websub_subscriptions ADD COLUMN callback_token text;
ALTER TABLE websub_subscriptions ADD COLUMN awaiting text;
-- Subscriptions made before the token: an active one is renewed at once (the renewal asks the hub
-- again with a callback that carries a token; its pushes keep arriving, HMAC-checked, meanwhile);
-- one still waiting for a verification that can no longer be accepted is asked again at the next poll.
UPDATE websub_subscriptions SET renew_at = now() WHERE state = 'active';
UPDATE websub_subscriptions SET state = 'failed', requested_at = 'epoch',
       last_error = 'websub: subscribing again with a callback that carries a secret'
 WHERE state = 'pending';
