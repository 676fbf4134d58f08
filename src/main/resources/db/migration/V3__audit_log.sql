-- Who did what, when, from which address, on which object. Append-only: see migration 3.1.
CREATE TABLE audit_entry (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    provider_id   UUID,
    actor         VARCHAR(320)             NOT NULL,
    actor_address VARCHAR(64),
    action        VARCHAR(100)             NOT NULL,
    object_type   VARCHAR(100)             NOT NULL,
    object_id     VARCHAR(200)             NOT NULL,
    summary       VARCHAR(1000)            NOT NULL,
    details       VARCHAR                  NOT NULL
);
CREATE INDEX audit_entry_provider_idx ON audit_entry (provider_id, id);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at);
