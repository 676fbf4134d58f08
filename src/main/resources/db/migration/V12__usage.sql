-- Usage as metering systems send it: one record per customer, workload and day. A record sent
-- again for the same customer, workload and day replaces the earlier one (metering systems resend
-- corrected daily figures); see docs/architecture.md. edition is the edition of the customer's
-- plan on that day, fixed when the record is stored; NULL when the customer had no plan (sandbox).
-- The unique key leads with (customer_id, usage_date), so it also serves per-customer queries.
CREATE TABLE usage_record (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id  UUID                     NOT NULL REFERENCES provider (id),
    customer_id  UUID                     NOT NULL REFERENCES customer (id),
    workload     VARCHAR(40)              NOT NULL,
    usage_date   DATE                     NOT NULL,
    stored_bytes BIGINT                   CHECK (stored_bytes >= 0),
    credits      NUMERIC(20, 6)           NOT NULL CHECK (credits >= 0),
    edition      VARCHAR(20)              CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE')),
    batch_id     UUID                     NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT usage_record_one_per_day UNIQUE (customer_id, usage_date, workload)
);
CREATE INDEX usage_record_by_provider ON usage_record (provider_id, usage_date);

-- Credits per customer, day and edition, kept in the transaction that stores the records, so
-- reports never scan raw records. edition 'NONE' stands for no plan: a key column cannot be NULL.
CREATE TABLE usage_daily (
    customer_id    UUID           NOT NULL REFERENCES customer (id),
    usage_date     DATE           NOT NULL,
    edition        VARCHAR(20)    NOT NULL CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE', 'NONE')),
    provider_id    UUID           NOT NULL REFERENCES provider (id),
    hybrid_credits NUMERIC(20, 6) NOT NULL,
    saas_credits   NUMERIC(20, 6) NOT NULL,
    credits        NUMERIC(20, 6) NOT NULL,
    PRIMARY KEY (customer_id, usage_date, edition)
);
CREATE INDEX usage_daily_by_provider ON usage_daily (provider_id, usage_date);

-- The same per calendar month (usage_month is the month's first day): a year's report reads
-- twelve rows per customer and edition instead of 365.
CREATE TABLE usage_monthly (
    customer_id    UUID           NOT NULL REFERENCES customer (id),
    usage_month    DATE           NOT NULL,
    edition        VARCHAR(20)    NOT NULL CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE', 'NONE')),
    provider_id    UUID           NOT NULL REFERENCES provider (id),
    hybrid_credits NUMERIC(20, 6) NOT NULL,
    saas_credits   NUMERIC(20, 6) NOT NULL,
    credits        NUMERIC(20, 6) NOT NULL,
    PRIMARY KEY (customer_id, usage_month, edition)
);
CREATE INDEX usage_monthly_by_provider ON usage_monthly (provider_id, usage_month);
