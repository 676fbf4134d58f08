-- GET /api/v1/customers?size=50&page=N with an API key: the SQL the portal ran for it (PostgreSQL's
-- log, MixedLoadBenchmark's trace-sql). Variables from load_baseline (see customers-page.sql).
\set n random(1, :rows)
\set offset random(0, 19) * 50
SELECT provider_id AS pid, key_hash AS hash, key_id AS kid FROM load_baseline WHERE n = :n \gset
SELECT k.id, k.provider_id, k.name, k.prefix, k.scopes, k.created_by, a.email AS created_by_email, k.created_at, k.last_used_at, k.revoked_at FROM api_key k LEFT JOIN account a ON a.id = k.created_by WHERE k.key_hash = :hash;
BEGIN READ ONLY;
SELECT id, name, status, require_authenticator, created_at FROM provider WHERE id = :pid;
COMMIT;
UPDATE api_key SET last_used_at = now() WHERE id = :kid AND (last_used_at IS NULL OR last_used_at < now() - INTERVAL '1 minute');
BEGIN READ ONLY;
SELECT COUNT(*) FROM customer WHERE provider_id = :pid;
SELECT id, provider_id, account_name, organization_name, address, phone_number, service_plan_id, tenant_type, evaluation_starts_on, evaluation_ends_on, storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status, created_at, version FROM customer WHERE provider_id = :pid ORDER BY name_key, id LIMIT 50 OFFSET :offset;
COMMIT;
