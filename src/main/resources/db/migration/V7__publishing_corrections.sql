-- Scheduled publishing, second part (issue 6). H2 2.x and PostgreSQL alike.

-- Due items are ordered by priority, then 重要, then the planned time.
DROP INDEX item_due;
CREATE INDEX item_due ON item (status, account, priority, important, publish_at);

-- V4's own call counter gave way to the gateway's wechat_call_count (V3).
DROP TABLE call_budget;

-- A 更正说明 item names the published item it corrects. When it is published, its ledger row is marked as the
-- correction of the original's row (ledger.corrects_id, V5), so the year still counts one article.
ALTER TABLE item ADD COLUMN corrects_item_id BIGINT REFERENCES item (id);
