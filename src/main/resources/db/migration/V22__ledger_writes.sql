-- A count of ledger writes, bumped by every ledger writer in the transaction that writes (it locks this row first
-- anyway, JdbiLedgerSummary.lock): the 统计 page's 台账 card is kept between views while it is unchanged, also when
-- another process or node wrote (issue 16).
ALTER TABLE ledger_daily_zone ADD COLUMN writes BIGINT DEFAULT 0 NOT NULL;
