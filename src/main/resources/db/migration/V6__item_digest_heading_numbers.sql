-- Issue 5: the digest staff may write in the front matter (empty: made from the body) and the per-item switch of
-- 公文-style heading numbers (NULL: the configured default). Standard SQL for H2 2.x and PostgreSQL.
ALTER TABLE item ADD COLUMN digest VARCHAR NOT NULL DEFAULT '';
ALTER TABLE item ADD COLUMN heading_numbers BOOLEAN;
