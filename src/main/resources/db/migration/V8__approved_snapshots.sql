-- Issue 8: the text of each approved version of an item, so reviewers can compare a new version with the last
-- approved one. The audit log binds approvals to content hashes; this keeps the text behind each hash.
-- Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE approved_snapshot (
    item_id      BIGINT NOT NULL REFERENCES item (id),
    content_hash VARCHAR(64) NOT NULL,
    review_text  VARCHAR NOT NULL,
    saved_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (item_id, content_hash)
);
