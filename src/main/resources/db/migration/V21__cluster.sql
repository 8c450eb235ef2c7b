-- Issue 19: two or more serve nodes on one database. One row per account, locked (SELECT ... FOR UPDATE NOWAIT)
-- by the publisher that drives the account's batches, for as long as its run lasts, in a transaction of its own;
-- another publisher (the other node's slot, the status job, a manual `publish run`) finds the row locked and leaves
-- the account to it. The database releases the lock when the holder's connection ends, so a killed process never
-- leaves an account locked. Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.
CREATE TABLE publish_account_lock (
    account VARCHAR(100) NOT NULL PRIMARY KEY
);
