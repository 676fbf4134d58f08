-- GET /api/v1/reports/global-usage with an API key, the report kept in memory (its MSP's usage
-- generation unchanged): the SQL the portal ran for it (PostgreSQL's log, MixedLoadBenchmark's
-- trace-sql). A report computed afresh also reads the MSP's customers and roll-ups; that is not in
-- here. Variables from load_baseline (see customers-page.sql).
\set n random(1, :rows)
SELECT provider_id AS pid, key_hash AS hash, key_id AS kid FROM load_baseline WHERE n = :n \gset
SELECT k.id, k.provider_id, k.name, k.prefix, k.scopes, k.created_by, a.email AS created_by_email, k.created_at, k.last_used_at, k.revoked_at FROM api_key k LEFT JOIN account a ON a.id = k.created_by WHERE k.key_hash = :hash;
BEGIN READ ONLY;
SELECT id, name, status, require_authenticator, created_at FROM provider WHERE id = :pid;
COMMIT;
UPDATE api_key SET last_used_at = now() WHERE id = :kid AND (last_used_at IS NULL OR last_used_at < now() - INTERVAL '1 minute');
BEGIN READ ONLY;
SELECT generation FROM usage_generation WHERE provider_id = :pid;
COMMIT;
