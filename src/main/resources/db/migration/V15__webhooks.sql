-- Outbound webhook endpoints of an MSP. event_types: the subscribed type names, comma-separated
-- (alert.raised, customer.changed, …), so a type added later needs no migration.
-- signing_secret: the endpoint's signing secret, encrypted with portal.webhooks.secret-key
-- (AES-GCM); the portal must sign with it, so it cannot be kept only as a hash.
CREATE TABLE webhook_endpoint (
    id                UUID                     PRIMARY KEY,
    provider_id       UUID                     NOT NULL REFERENCES provider (id),
    url               VARCHAR(2000)            NOT NULL,
    description       VARCHAR(500)             NOT NULL,
    event_types       VARCHAR(1000)            NOT NULL,
    enabled           BOOLEAN                  NOT NULL,
    signing_secret    VARCHAR(200)             NOT NULL,
    secret_rotated_at TIMESTAMP WITH TIME ZONE,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    version           INT                      NOT NULL
);
CREATE INDEX webhook_endpoint_by_provider ON webhook_endpoint (provider_id, created_at);

-- One message to one endpoint, with its retries. message_id is the webhook-id header: the same
-- for every attempt, and unique per endpoint, so a re-handled event never queues twice.
-- payload: the exact JSON body, fixed when queued, so every attempt sends the same bytes.
-- next_attempt_at: when the sender may next take it; a sender claims a delivery by moving it
-- forward (a lease), so two instances never send it at once.
CREATE TABLE webhook_delivery (
    id               UUID                     PRIMARY KEY,
    endpoint_id      UUID                     NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    provider_id      UUID                     NOT NULL REFERENCES provider (id),
    message_id       UUID                     NOT NULL,
    event_type       VARCHAR(100)             NOT NULL,
    payload          VARCHAR                  NOT NULL,
    status           VARCHAR(10)              NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts         INT                      NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INT,
    last_error       VARCHAR(1000),
    last_duration_ms INT,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, message_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_by_endpoint ON webhook_delivery (endpoint_id, created_at);
