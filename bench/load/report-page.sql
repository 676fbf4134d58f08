-- GET /reports/global-usage in a signed-in browser, the report kept in memory (its MSP's usage
-- generation unchanged): the SQL the portal ran for it (PostgreSQL's log, MixedLoadBenchmark's
-- trace-sql). A report computed afresh (the first after a batch of the MSP's usage) also reads the
-- MSP's customers and roll-ups; that is not in here. Variables from load_baseline (see customers-page.sql).
\set n random(1, :rows)
SELECT provider_id AS pid, session_id AS sid, session_primary_id AS spid FROM load_baseline WHERE n = :n \gset
BEGIN;
SELECT S.PRIMARY_ID, S.SESSION_ID, S.CREATION_TIME, S.LAST_ACCESS_TIME, S.MAX_INACTIVE_INTERVAL, SA.ATTRIBUTE_NAME, SA.ATTRIBUTE_BYTES FROM SPRING_SESSION S LEFT JOIN SPRING_SESSION_ATTRIBUTES SA ON S.PRIMARY_ID = SA.SESSION_PRIMARY_ID WHERE S.SESSION_ID = :sid;
COMMIT;
BEGIN READ ONLY;
SELECT COUNT(*) FROM alert WHERE provider_id = :pid AND announced AND read_at IS NULL;
COMMIT;
BEGIN READ ONLY;
SELECT generation FROM usage_generation WHERE provider_id = :pid;
COMMIT;
