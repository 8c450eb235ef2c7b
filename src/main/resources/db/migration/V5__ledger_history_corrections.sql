-- Ledger rows that gongkai did not publish, corrections and deletions (issue 7). H2 2.x and PostgreSQL alike.
--
-- source: 'gongkai'  published by gongkai: item_id set, UNIQUE(item_id, mode) still keeps it from counting twice;
--         'import'   history imported from a CSV/XLSX file (ledger import): no item, source_key identifies the row;
--         'external' found by ledger reconcile in freepublish/batchget, published by hand in the back office.
-- Rows without an item have item_id NULL; UNIQUE treats NULLs as distinct on both databases, so the
-- (item_id, mode) guarantee for published items is unchanged, and source_key (UNIQUE) guards the others.
ALTER TABLE ledger ALTER COLUMN item_id DROP NOT NULL;
ALTER TABLE ledger ADD COLUMN source VARCHAR(20) DEFAULT 'gongkai' NOT NULL;
ALTER TABLE ledger ADD COLUMN source_key VARCHAR;
-- One value per push (次): account/mode/publish_id, else account/mode/article_id, else account/mode/minute.
ALTER TABLE ledger ADD COLUMN push_key VARCHAR;
-- A correction (更正) points at the row it corrects and is not counted as another article.
ALTER TABLE ledger ADD COLUMN corrects_id BIGINT;
-- An article deleted from the account later: still counted as disclosed, and flagged.
ALTER TABLE ledger ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

UPDATE ledger SET push_key = account || '/' || mode || '/' || COALESCE(publish_id, article_id, 'ledger-' || CAST(id AS VARCHAR));
ALTER TABLE ledger ALTER COLUMN push_key SET NOT NULL;

ALTER TABLE ledger ADD CONSTRAINT ledger_source CHECK (source IN ('gongkai', 'import', 'external'));
ALTER TABLE ledger ADD CONSTRAINT ledger_item_or_key
    CHECK ((source = 'gongkai' AND item_id IS NOT NULL) OR (source <> 'gongkai' AND item_id IS NULL AND source_key IS NOT NULL));
ALTER TABLE ledger ADD CONSTRAINT ledger_source_key UNIQUE (source_key);
ALTER TABLE ledger ADD CONSTRAINT ledger_corrects FOREIGN KEY (corrects_id) REFERENCES ledger (id);
ALTER TABLE ledger ADD CONSTRAINT ledger_corrects_other CHECK (corrects_id IS NULL OR corrects_id <> id);

-- Yearly counts read only these columns: one index range scan serves a year on both databases.
CREATE INDEX ledger_counts ON ledger (published_at, category, account, department, mode, push_key, corrects_id, deleted_at);
