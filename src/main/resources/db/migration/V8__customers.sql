-- An MSP's customers (tenants). name_key is AccountName.key(): the name case- and space-folded,
-- unique within the MSP (H2 has no expression indexes, so the key is a column).
CREATE TABLE customer (
    id                   UUID                     PRIMARY KEY,
    provider_id          UUID                     NOT NULL REFERENCES provider (id),
    account_name         VARCHAR(800)             NOT NULL,
    name_key             VARCHAR(800)             NOT NULL,
    organization_name    VARCHAR(800),
    address              VARCHAR(2000),
    phone_number         VARCHAR(100),
    service_plan_id      UUID                     NOT NULL REFERENCES service_plan (id),
    tenant_type          VARCHAR(20)              NOT NULL CHECK (tenant_type IN ('EVALUATION', 'COMMERCIAL', 'SANDBOX')),
    evaluation_starts_on DATE,
    evaluation_ends_on   DATE,
    storage_region       VARCHAR(40)              NOT NULL,
    credit_quota         NUMERIC(16, 2)           NOT NULL CHECK (credit_quota > 0),
    quota_effective_date DATE                     NOT NULL,
    quota_end_date       DATE                     NOT NULL,
    licence_expiry_date  DATE                     NOT NULL,
    status               VARCHAR(30)              NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'MIGRATION_IN_PROGRESS')),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              INT                      NOT NULL DEFAULT 0,
    UNIQUE (provider_id, name_key)
);

-- The Customers page filters and sorts within one MSP.
CREATE INDEX customer_by_plan ON customer (provider_id, service_plan_id);
CREATE INDEX customer_by_licence_expiry ON customer (provider_id, licence_expiry_date);
CREATE INDEX customer_by_status ON customer (provider_id, status);

-- Every plan a customer moved between; id orders them, since two moves can share a timestamp.
CREATE TABLE customer_plan_change (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id  UUID                     NOT NULL REFERENCES customer (id),
    from_plan_id UUID                     NOT NULL REFERENCES service_plan (id),
    to_plan_id   UUID                     NOT NULL REFERENCES service_plan (id),
    changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by   VARCHAR(320)             NOT NULL
);
CREATE INDEX customer_plan_change_by_customer ON customer_plan_change (customer_id, id);
