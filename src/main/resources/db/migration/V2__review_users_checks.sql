-- Issue 4: users and roles, API tokens, the 重要 flag of an item, and OA source keys.
-- Standard SQL only, as V1: it runs unchanged on H2 2.x and PostgreSQL.

-- Staff who draft and review. password_hash is a bcrypt hash; the password itself is never stored.
CREATE TABLE app_user (
    name          VARCHAR(64) PRIMARY KEY,
    role          VARCHAR(32) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API tokens for the REST API: only the SHA-256 of the token is stored; the token is shown once when created.
CREATE TABLE api_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_name  VARCHAR(64) NOT NULL REFERENCES app_user (name),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX api_token_user ON api_token (user_name);

-- 重要: the item needs the extra review steps of review.important-chain (主要领导签发).
ALTER TABLE item ADD COLUMN important BOOLEAN DEFAULT FALSE NOT NULL;
