-- Administrators of MSPs and platform operators (provider_id NULL). Emails are stored lower-cased.
CREATE TABLE account (
    id                       UUID                     PRIMARY KEY,
    provider_id              UUID                     REFERENCES provider (id),
    email                    VARCHAR(320)             NOT NULL UNIQUE,
    display_name             VARCHAR(200)             NOT NULL,
    role                     VARCHAR(30)              NOT NULL CHECK (role IN
                                 ('OPERATOR', 'MSP_ADMINISTRATOR', 'READ_ONLY_ADMINISTRATOR', 'TENANT_ADMINISTRATOR')),
    status                   VARCHAR(20)              NOT NULL CHECK (status IN ('INVITED', 'ACTIVE', 'DEACTIVATED')),
    password_hash            VARCHAR(255),
    failed_passwords         INT                      NOT NULL DEFAULT 0,
    first_failed_password_at TIMESTAMP WITH TIME ZONE,
    locked_at                TIMESTAMP WITH TIME ZONE,
    totp_secret              VARCHAR(64),
    totp_last_step           BIGINT,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    activated_at             TIMESTAMP WITH TIME ZONE,
    version                  INT                      NOT NULL DEFAULT 0,
    CHECK ((role = 'OPERATOR') = (provider_id IS NULL))
);
CREATE INDEX account_provider_idx ON account (provider_id);

-- Single-use links sent by email (activation, password reset). Only a SHA-256 of the token is kept.
CREATE TABLE account_token (
    token_hash CHAR(64)                 PRIMARY KEY,
    account_id UUID                     NOT NULL REFERENCES account (id),
    purpose    VARCHAR(20)              NOT NULL CHECK (purpose IN ('ACTIVATION', 'PASSWORD_RESET')),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX account_token_account_idx ON account_token (account_id, purpose);

-- A sign-in that got past the password: the second factor is checked against this row, which is
-- bound to the browser session that started it. The code is kept only as a hash; wrong codes
-- count per attempt, so sending a new code does not reset them.
CREATE TABLE sign_in_attempt (
    id              UUID                     PRIMARY KEY,
    account_id      UUID                     NOT NULL REFERENCES account (id),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status          VARCHAR(20)              NOT NULL CHECK (status IN ('AWAITING_CODE', 'COMPLETED', 'VOIDED')),
    code_hash       CHAR(64),
    code_sent_at    TIMESTAMP WITH TIME ZONE,
    code_expires_at TIMESTAMP WITH TIME ZONE,
    failed_codes    INT                      NOT NULL DEFAULT 0
);
CREATE INDEX sign_in_attempt_account_idx ON sign_in_attempt (account_id, status);

-- Completed sign-ins, which each administrator can review.
CREATE TABLE sign_in_record (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id  UUID                     NOT NULL REFERENCES account (id),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    address     VARCHAR(64),
    user_agent  VARCHAR(300),
    method      VARCHAR(20)              NOT NULL
);
CREATE INDEX sign_in_record_account_idx ON sign_in_record (account_id, occurred_at DESC);

-- API keys of an MSP. The key is shown once; only its SHA-256 is kept, with a short prefix to recognise it.
CREATE TABLE api_key (
    id           UUID                     PRIMARY KEY,
    provider_id  UUID                     NOT NULL REFERENCES provider (id),
    name         VARCHAR(100)             NOT NULL,
    prefix       VARCHAR(16)              NOT NULL,
    key_hash     CHAR(64)                 NOT NULL UNIQUE,
    scopes       VARCHAR(100)             NOT NULL,
    created_by   UUID                     NOT NULL REFERENCES account (id),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at TIMESTAMP WITH TIME ZONE,
    revoked_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_key_provider_idx ON api_key (provider_id);
