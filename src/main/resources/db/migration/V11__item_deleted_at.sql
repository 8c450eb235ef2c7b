-- Issue 20: items never approved may be deleted. The row stays (audit_log refers to it) but every read of the
-- item repository skips it; its source key is cleared so the same file can be imported again.
ALTER TABLE item ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
