-- Scheduled usage reports sent: one row per customer and period of its plan's report frequency.
-- The unique key is what makes a report go out once, whichever instance or run sends it first:
-- the row and the report's mails are written in one transaction, and an insert that finds the
-- row already there sends nothing. The figures are kept as they were mailed.
CREATE TABLE scheduled_usage_report (
    id            UUID                     PRIMARY KEY,
    provider_id   UUID                     NOT NULL REFERENCES provider (id),
    customer_id   UUID                     NOT NULL REFERENCES customer (id),
    frequency     VARCHAR(20)              NOT NULL
                  CHECK (frequency IN ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    period_start  DATE                     NOT NULL,
    period_end    DATE                     NOT NULL,
    credits       NUMERIC(24, 6)           NOT NULL,
    sent_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT scheduled_usage_report_once UNIQUE (customer_id, period_start, period_end)
);
CREATE INDEX scheduled_usage_report_by_end ON scheduled_usage_report (period_end);
