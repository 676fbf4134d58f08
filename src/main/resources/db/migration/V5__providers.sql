-- The MSPs: tenants of the portal. name_key is the lower-cased name, unique (H2 has no
-- expression indexes, so the key is a column).
CREATE TABLE provider (
    id                    UUID                     PRIMARY KEY,
    name                  VARCHAR(200)             NOT NULL,
    name_key              VARCHAR(200)             NOT NULL UNIQUE,
    status                VARCHAR(20)              NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    require_authenticator BOOLEAN                  NOT NULL DEFAULT FALSE,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               INT                      NOT NULL DEFAULT 0
);
