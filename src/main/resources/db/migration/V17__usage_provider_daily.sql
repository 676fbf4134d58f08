-- Credits per MSP, day and edition, kept with usage_daily in the transaction that stores records:
-- the Global Usage report's chart of a whole MSP reads one row per day and edition instead of one
-- per customer, day and edition (300 000 rows for a month of 10 000 customers). Upserted last in
-- that transaction, so concurrent batches wait on these few rows only for a moment. Tenant
-- administrators' reports, which count only their customers, still sum usage_daily.
CREATE TABLE usage_provider_daily (
    provider_id UUID           NOT NULL REFERENCES provider (id),
    usage_date  DATE           NOT NULL,
    edition     VARCHAR(20)    NOT NULL CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE', 'NONE')),
    credits     NUMERIC(20, 6) NOT NULL,
    PRIMARY KEY (provider_id, usage_date, edition)
);

INSERT INTO usage_provider_daily (provider_id, usage_date, edition, credits)
SELECT provider_id, usage_date, edition, SUM(credits) FROM usage_daily GROUP BY provider_id, usage_date, edition;
