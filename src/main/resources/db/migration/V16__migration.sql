-- Customer accounts managed outside the portal that the platform operator may migrate into an MSP
-- (SPEC §5). Platform-wide: they belong to no MSP until a migration creates the customer there.
-- Licensed products: an optional hybrid tenant (edition, comma-separated Workload names, expiry)
-- and SaaS & endpoints products, each with its own expiry; at least one product.
CREATE TABLE source_account (
    id                        UUID                     PRIMARY KEY,
    name                      VARCHAR(800)             NOT NULL,
    cloud_administrator_email VARCHAR(320)             NOT NULL,
    status                    VARCHAR(20)              NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    hybrid_edition            VARCHAR(20)              CHECK (hybrid_edition IN ('BUSINESS', 'ENTERPRISE', 'ELITE')),
    hybrid_workloads          VARCHAR(300),
    hybrid_expires_on         DATE,
    microsoft_365_expires_on  DATE,
    google_workspace_expires_on DATE,
    endpoints_expires_on      DATE,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    version                   INT                      NOT NULL DEFAULT 0,
    CONSTRAINT source_account_hybrid_whole CHECK (
        (hybrid_edition IS NULL AND hybrid_workloads IS NULL AND hybrid_expires_on IS NULL)
        OR (hybrid_edition IS NOT NULL AND hybrid_workloads IS NOT NULL AND hybrid_expires_on IS NOT NULL)),
    CONSTRAINT source_account_some_product CHECK (hybrid_edition IS NOT NULL OR microsoft_365_expires_on IS NOT NULL
        OR google_workspace_expires_on IS NOT NULL OR endpoints_expires_on IS NOT NULL)
);

-- Past usage of a source account, carried into the usage records of the customer it becomes.
CREATE TABLE source_usage (
    source_account_id UUID           NOT NULL REFERENCES source_account (id),
    workload          VARCHAR(30)    NOT NULL,
    usage_date        DATE           NOT NULL,
    credits           NUMERIC(20, 6),
    stored_bytes      BIGINT,
    PRIMARY KEY (source_account_id, workload, usage_date),
    CHECK (credits IS NOT NULL OR stored_bytes IS NOT NULL)
);

-- A migration of a source account into an MSP, through its stages (migration.Stage). At most one
-- open migration per source account and at most one completed: H2 has no partial indexes, so
-- open_for holds the source account's id only while the migration is open, completed_for only once
-- it completed, each in a UNIQUE column (NULLs never collide), as customer.sandbox_of does.
-- Tokens are kept as SHA-256 fingerprints only.
CREATE TABLE migration (
    id                            UUID                     PRIMARY KEY,
    source_account_id             UUID                     NOT NULL REFERENCES source_account (id),
    provider_id                   UUID                     NOT NULL REFERENCES provider (id),
    stage                         VARCHAR(30)              NOT NULL CHECK (stage IN ('ACTION_REQUIRED',
                                      'CUSTOMER_APPROVAL', 'MSP_VERIFICATION', 'FINALISING', 'COMPLETED',
                                      'DECLINED', 'CANCELLED')),
    open_for                      UUID                     UNIQUE,
    completed_for                 UUID                     UNIQUE,
    raised_by                     VARCHAR(320)             NOT NULL,
    cloud_administrator_email     VARCHAR(320),
    handler_account_id            UUID,
    handler_email                 VARCHAR(320),
    prepared_plan_id              UUID,
    selected_plan_id              UUID,
    customer_id                   UUID,
    approval_token_hash           CHAR(64)                 UNIQUE,
    verification_token_hash       CHAR(64)                 UNIQUE,
    verification_token_expires_at TIMESTAMP WITH TIME ZONE,
    raised_at                     TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_at                    TIMESTAMP WITH TIME ZONE NOT NULL,
    version                       INT                      NOT NULL DEFAULT 0,
    CONSTRAINT migration_open_for_own_account CHECK (open_for IS NULL OR open_for = source_account_id),
    CONSTRAINT migration_completed_for_own_account CHECK (completed_for IS NULL OR completed_for = source_account_id)
);
CREATE INDEX migration_by_provider ON migration (provider_id, raised_at);
CREATE INDEX migration_by_source_account ON migration (source_account_id);

-- Every stage a migration moved through; id orders them, since two moves can share a timestamp.
CREATE TABLE migration_history (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    migration_id UUID                     NOT NULL REFERENCES migration (id),
    from_stage   VARCHAR(30),
    to_stage     VARCHAR(30)              NOT NULL,
    actor        VARCHAR(320)             NOT NULL,
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    note         VARCHAR(2000)
);
CREATE INDEX migration_history_by_migration ON migration_history (migration_id, id);

-- The migration moving a customer, while it is locked (status MIGRATION_IN_PROGRESS), so a refused
-- edit can name it. Kept afterwards as where the customer came from.
ALTER TABLE customer ADD COLUMN migration_reference VARCHAR(40);
