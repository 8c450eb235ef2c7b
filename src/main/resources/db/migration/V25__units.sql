-- Issue 19: one instance for a whole district. A unit (单位, a bureau) owns everything its staff make; the
-- configuration's units: (source 'config', upserted when a writing command opens the store) or, later, the 单位 page
-- (source 'console'). A single-bureau instance has one unit, 'default', and every existing row belongs to it.
-- Unit ids follow the account id rule (1-32 lowercase letters, digits, - and _), hence VARCHAR(32): an unbounded
-- TEXT would be a CLOB on H2, which cannot be indexed. No foreign keys to unit: rows keep the id of a unit that was
-- renamed or dropped from the configuration. Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE unit (
    id         VARCHAR(32) NOT NULL PRIMARY KEY,
    name       VARCHAR NOT NULL,
    source     VARCHAR(10) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT unit_source CHECK (source IN ('config', 'console'))
);

-- What staff make, and what is made from it, carries the unit: the item, its batches, ledger rows, audit rows and
-- 报区政府办 deliveries (written with the item's unit), and editor autosaves (the user's unit).
ALTER TABLE item ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE publish_batch ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE ledger ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE audit_log ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE portal_delivery ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
ALTER TABLE editor_autosave ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default' NOT NULL;
-- A user's unit, and the unit of the API tokens made for a user; NULL for the district office's roles
-- (district-admin, district-inspector). Existing users and tokens are the single bureau's, hence the default.
ALTER TABLE app_user ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default';
ALTER TABLE api_token ADD COLUMN unit_id VARCHAR(32) DEFAULT 'default';

-- One unit's lists in the console, in the orders of V19's item_newest, item_status_newest, item_status_live and
-- ledger_kept (which stay for the district's lists across units). audit_log_actor needs no unit: an actor belongs
-- to one unit. ledger_daily keeps its key for now (counting per unit is a later step of issue 19).
CREATE INDEX item_unit_newest ON item (unit_id, updated_at DESC, created_at, id);
CREATE INDEX item_unit_status_newest ON item (unit_id, status, updated_at DESC, created_at, id);
CREATE INDEX item_unit_status_live ON item (unit_id, status, deleted_at);
CREATE INDEX ledger_unit_kept ON ledger (unit_id, source, published_at, id, category);
