-- Every email is written here in the transaction of the change that caused it, then sent.
CREATE TABLE outbound_email (
    id              BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    provider_id     UUID,
    recipient       VARCHAR(320)             NOT NULL,
    subject         VARCHAR(500)             NOT NULL,
    text_body       VARCHAR                  NOT NULL,
    html_body       VARCHAR                  NOT NULL,
    status          VARCHAR(10)              NOT NULL CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    attempts        INT                      NOT NULL DEFAULT 0,
    queued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at         TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(1000)
);
CREATE INDEX outbound_email_due_idx ON outbound_email (status, next_attempt_at);
