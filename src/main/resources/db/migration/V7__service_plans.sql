-- The service plans an MSP sells. name_key is the lower-cased name, unique within the MSP (H2 has
-- no expression indexes, so the key is a column). Workloads are enum names, comma-separated.
CREATE TABLE service_plan (
    id                     UUID                     PRIMARY KEY,
    provider_id            UUID                     NOT NULL REFERENCES provider (id),
    name                   VARCHAR(200)             NOT NULL,
    name_key               VARCHAR(200)             NOT NULL,
    edition                VARCHAR(20)              NOT NULL CHECK (edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE')),
    usage_report_frequency VARCHAR(20)              NOT NULL CHECK (usage_report_frequency IN
                               ('MONTHLY', 'QUARTERLY', 'HALF_YEARLY', 'YEARLY')),
    workloads              VARCHAR(300)             NOT NULL,
    archived_at            TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                INT                      NOT NULL DEFAULT 0,
    UNIQUE (provider_id, name_key)
);

-- Responses to API requests sent with an Idempotency-Key, kept so a retried request gets the
-- first answer instead of doing the work twice. request_hash is the SHA-256 of the request body.
CREATE TABLE idempotency_key (
    provider_id     UUID                     NOT NULL REFERENCES provider (id),
    request_key     VARCHAR(255)             NOT NULL,
    request_hash    CHAR(64)                 NOT NULL,
    response_status INT                      NOT NULL,
    response_body   VARCHAR                  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider_id, request_key)
);
