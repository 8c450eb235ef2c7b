-- Issue 16: 稿件 lists one page at a time, newest change first (ORDER BY updated_at DESC ... FETCH FIRST n ROWS);
-- with this index the database reads the page's rows in order instead of sorting every item on each request.
CREATE INDEX item_updated ON item (updated_at);
