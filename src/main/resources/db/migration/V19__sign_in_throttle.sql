-- Sign-in rate limits, shared by every instance (identity.SignInThrottle): one row per step and key
-- (client address or account), the key stored as a SHA-256 so the table holds no addresses or
-- emails. A window starts at its first try and lasts a minute; rows idle for an hour are purged.
CREATE TABLE sign_in_throttle (
    bucket       CHAR(64)                 PRIMARY KEY,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    tries        INT                      NOT NULL
);
CREATE INDEX sign_in_throttle_by_window ON sign_in_throttle (window_start);
