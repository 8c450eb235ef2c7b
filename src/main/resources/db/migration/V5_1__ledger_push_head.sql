-- Issue 7, after V5: counting pushes (次) without COUNT(DISTINCT push_key). The first row of each push has
-- push_head = 1, so pushes add up across groups and one GROUP BY pass over ledger_counts answers a year.
ALTER TABLE ledger ADD COLUMN push_head INTEGER DEFAULT 0 NOT NULL;
UPDATE ledger SET push_head = 1 WHERE id IN (SELECT MIN(id) FROM ledger GROUP BY push_key);
ALTER TABLE ledger ADD CONSTRAINT ledger_push_head CHECK (push_head IN (0, 1));
CREATE INDEX ledger_push ON ledger (push_key);
-- The counting index reads only what counting needs; ledger_published is its prefix and goes.
DROP INDEX ledger_counts;
DROP INDEX ledger_published;
CREATE INDEX ledger_counts ON ledger (published_at, category, account, department, mode, push_head, corrects_id, deleted_at);
