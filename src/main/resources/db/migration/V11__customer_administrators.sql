-- Which tenant administrators manage which customers. A tenant administrator sees and manages only
-- the customers assigned here. Deactivating the account keeps its rows: it simply cannot sign in.
CREATE TABLE customer_administrator (
    customer_id UUID                     NOT NULL REFERENCES customer (id),
    account_id  UUID                     NOT NULL REFERENCES account (id),
    assigned_at TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_by VARCHAR(320)             NOT NULL,
    PRIMARY KEY (customer_id, account_id)
);

-- A tenant administrator's searches filter by it.
CREATE INDEX customer_administrator_by_account ON customer_administrator (account_id, customer_id);
