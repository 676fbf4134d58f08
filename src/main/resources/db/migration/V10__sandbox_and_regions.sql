-- Each MSP has exactly one sandbox customer, made by the portal when the MSP is onboarded, before
-- the MSP has any service plan: only the sandbox may be without a plan.
ALTER TABLE customer ALTER COLUMN service_plan_id DROP NOT NULL;
ALTER TABLE customer ADD CONSTRAINT customer_plan_unless_sandbox
    CHECK (service_plan_id IS NOT NULL OR tenant_type = 'SANDBOX');

-- At most one sandbox per MSP. H2 has no partial indexes, so the sandbox (and only the sandbox)
-- carries its MSP's id a second time, in a column that is unique; every other customer leaves it
-- NULL, which a unique constraint allows any number of times.
ALTER TABLE customer ADD COLUMN sandbox_of UUID;
ALTER TABLE customer ADD CONSTRAINT customer_one_sandbox_per_msp UNIQUE (sandbox_of);
ALTER TABLE customer ADD CONSTRAINT customer_sandbox_of_own_msp
    CHECK ((tenant_type = 'SANDBOX' AND sandbox_of IS NOT NULL AND sandbox_of = provider_id)
        OR (tenant_type <> 'SANDBOX' AND sandbox_of IS NULL));

-- A sandbox given its first plan moves from no plan at all.
ALTER TABLE customer_plan_change ALTER COLUMN from_plan_id DROP NOT NULL;

-- The deployment's storage regions an MSP has switched off. Everything not listed here is offered,
-- so an MSP needs no rows to offer every region, and a region added to the deployment later is
-- offered to every MSP at once (see docs/architecture.md).
CREATE TABLE storage_region_switched_off (
    provider_id      UUID                     NOT NULL REFERENCES provider (id),
    region_id        VARCHAR(40)              NOT NULL,
    switched_off_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (provider_id, region_id)
);

-- The storage regions page counts each region's customers; the Customers page filters by region.
CREATE INDEX customer_by_region ON customer (provider_id, storage_region);
