-- Issue 16: a per-day summary of the ledger, so that a year is counted from at most 366 days per group instead of
-- every ledger row. Each ledger row adds to four rows here, one per dimension it is counted by ('category',
-- 'account', 'department', 'mode'); pub_day is its publish day in the configured time zone, group_key its value of
-- that dimension ('' when missing). The store keeps it in the same transaction as every ledger write; all-zero rows
-- may stay and count for nothing. The zone the days were cut in is the one row of ledger_daily_zone ('' until the
-- first build); when it differs from the configured zone, the store rebuilds the summary from the ledger on opening
-- (this is also how the summary of a ledger written before V12 is filled). Every ledger writer locks that row first,
-- so writers take turns and never deadlock on summary rows. `gongkai ledger rebuild-summary` rebuilds it.
CREATE TABLE ledger_daily (
    dim         VARCHAR(12) NOT NULL,
    pub_day     DATE NOT NULL,
    group_key   VARCHAR NOT NULL,
    articles    BIGINT NOT NULL,
    deleted     BIGINT NOT NULL,
    corrections BIGINT NOT NULL,
    pushes      BIGINT NOT NULL,
    CONSTRAINT ledger_daily_key PRIMARY KEY (dim, pub_day, group_key),
    CONSTRAINT ledger_daily_dim CHECK (dim IN ('category', 'account', 'department', 'mode'))
);
-- Counting a year reads only this index (H2 answers from a covering index without visiting the rows).
CREATE INDEX ledger_daily_counts ON ledger_daily (dim, pub_day, group_key, articles, deleted, corrections, pushes);

CREATE TABLE ledger_daily_zone (
    zone VARCHAR NOT NULL
);
INSERT INTO ledger_daily_zone (zone) VALUES ('');
