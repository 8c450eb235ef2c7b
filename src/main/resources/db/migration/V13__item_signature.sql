-- Issue 20: the 落款 of an item — the unit (front matter signature) and the 成文日期 (signed_at) printed right-aligned
-- after the body, as in 公文. Empty / NULL: no 落款. Standard SQL for H2 2.x and PostgreSQL.
ALTER TABLE item ADD COLUMN signature VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE item ADD COLUMN signed_at DATE;
