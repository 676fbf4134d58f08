-- GET /customers?page=N in a signed-in browser: the SQL the portal ran for it (PostgreSQL's log,
-- MixedLoadBenchmark's trace-sql), in its transactions. Variables from load_baseline, the
-- benchmark's table of customers with their MSP, one of its sessions and one of its API keys.
\set n random(1, :rows)
\set offset random(0, 19) * 25
SELECT provider_id AS pid, session_id AS sid, session_primary_id AS spid FROM load_baseline WHERE n = :n \gset
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = :sid;
COMMIT;
BEGIN READ ONLY;
SELECT COUNT(*) FROM alert WHERE provider_id = :pid AND announced AND read_at IS NULL;
COMMIT;
BEGIN READ ONLY;
SELECT region_id FROM storage_region_switched_off WHERE provider_id = :pid;
COMMIT;
BEGIN READ ONLY;
SELECT COUNT(*) FROM customer WHERE provider_id = :pid;
SELECT id, provider_id, account_name, organization_name, address, phone_number, service_plan_id, tenant_type, evaluation_starts_on, evaluation_ends_on, storage_region, credit_quota, quota_effective_date, quota_end_date, licence_expiry_date, status, created_at, version FROM customer WHERE provider_id = :pid ORDER BY name_key, id LIMIT 25 OFFSET :offset;
COMMIT;
BEGIN READ ONLY;
SELECT service_plan_id AS grouped_by, COUNT(*) AS customers FROM customer WHERE provider_id = :pid AND service_plan_id IS NOT NULL GROUP BY service_plan_id;
SELECT id, provider_id, name, edition, usage_report_frequency, workloads, archived_at, created_at, version FROM service_plan WHERE provider_id = :pid ORDER BY name_key, id;
COMMIT;
