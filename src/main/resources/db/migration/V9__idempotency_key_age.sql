-- The hourly purge of idempotency keys finds old ones by age.
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
