-- Alert thresholds per MSP; an MSP without a row uses the defaults (80/90/100 %, 30,15,7,3,1 days).
-- reminder_days: the days before licence expiry, comma-separated, descending.
CREATE TABLE alert_settings (
    provider_id       UUID                     PRIMARY KEY REFERENCES provider (id),
    warning_percent   INT                      NOT NULL,
    critical_percent  INT                      NOT NULL,
    exhausted_percent INT                      NOT NULL,
    reminder_days     VARCHAR(1000)            NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CHECK (0 < warning_percent AND warning_percent < critical_percent
           AND critical_percent < exhausted_percent AND exhausted_percent <= 100)
);

-- Every alert raised. threshold: the percentage crossed (quota) or the days ahead (licence);
-- window_start: the quota's effective date, or the licence expiry date. The unique key is what
-- makes an alert happen once per customer, threshold and window, whichever instance or retry
-- raises it first: the insert that finds a row already there sends nothing.
-- announced: whether mail and the portal notice went out; a batch that crosses several
-- thresholds at once records them all but announces only the highest.
CREATE TABLE alert (
    id           UUID                     PRIMARY KEY,
    provider_id  UUID                     NOT NULL REFERENCES provider (id),
    customer_id  UUID                     NOT NULL REFERENCES customer (id),
    kind         VARCHAR(20)              NOT NULL
                 CHECK (kind IN ('QUOTA_WARNING', 'QUOTA_CRITICAL', 'QUOTA_EXHAUSTED', 'LICENCE_EXPIRY')),
    threshold    INT                      NOT NULL,
    window_start DATE                     NOT NULL,
    account_name VARCHAR(800)             NOT NULL,
    consumed     NUMERIC(24, 6),
    credit_quota NUMERIC(16, 2),
    expires_on   DATE,
    announced    BOOLEAN                  NOT NULL,
    raised_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT alert_once UNIQUE (customer_id, kind, threshold, window_start)
);
CREATE INDEX alert_by_provider ON alert (provider_id, raised_at);
