-- Issue 8: approved texts for the review diff, and console sessions.
-- Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.

-- The text of each approved version of an item, so reviewers can compare a new version with the last
-- approved one. The audit log binds approvals to content hashes; this keeps the text behind each hash.
CREATE TABLE approved_snapshot (
    item_id      BIGINT NOT NULL REFERENCES item (id),
    content_hash VARCHAR(64) NOT NULL,
    review_text  VARCHAR NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, content_hash)
);

-- The console's logged-in sessions, so a restart does not log everyone out. Only the SHA-256 of the session id is
-- stored; the CSRF token belongs to the session.
CREATE TABLE console_session (
    id_hash    VARCHAR(64) PRIMARY KEY,
    user_name  VARCHAR(64) NOT NULL,
    csrf       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX console_session_user ON console_session (user_name);
