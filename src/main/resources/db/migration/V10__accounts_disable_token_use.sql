-- Issue 14: staff accounts can be disabled, and API tokens record when they were last used.
-- Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.

-- A disabled user cannot log in; their sessions and tokens are ended when they are disabled.
ALTER TABLE app_user ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

-- When the token was last used (written at most every few minutes); NULL: never used.
ALTER TABLE api_token ADD COLUMN last_used TIMESTAMP WITH TIME ZONE;
