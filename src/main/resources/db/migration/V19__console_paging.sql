-- Issue 16: indexes for the console's paged lists under load (H2 2.x and PostgreSQL alike).
-- 稿件, newest change first: the list's whole order, so a page is read from the index without sorting every match;
-- with a status filter the same order after the status (the query orders by the status first, one value).
CREATE INDEX item_newest ON item (updated_at DESC, created_at, id);
CREATE INDEX item_status_newest ON item (status, updated_at DESC, created_at, id);
-- 待办, 全部稿件状态: counting by status reads only this index.
CREATE INDEX item_status_live ON item (status, deleted_at);
-- 排期: the items that are not yet published, by their planned time (published ones use item_status_newest).
CREATE INDEX item_planned ON item (publish_at);
-- 待办 "我的稿件": the items a user wrote (their submit, create and edit rows in the audit trail).
CREATE INDEX audit_log_actor ON audit_log (actor, item_id, decision);
-- 统计, the 台账 card: one source's rows of a year in time order, with the category that says whether it is pending.
CREATE INDEX ledger_kept ON ledger (source, published_at, id, category);
