-- What each move of an MSP's usage generation (see UsageGeneration) changed: the customers whose
-- lines of a Global Usage report may differ since, or NULL when any line may (a plan changed). A
-- report kept at an earlier generation then reads again only those customers, not all of them.
-- Only an MSP's latest generations are kept; a report older than those is computed afresh.
CREATE TABLE usage_change (
    provider_id  UUID       NOT NULL REFERENCES provider (id),
    generation   BIGINT     NOT NULL,
    customer_ids UUID ARRAY,
    PRIMARY KEY (provider_id, generation)
);
