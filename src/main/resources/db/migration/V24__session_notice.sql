-- The one-time notice after an action (“已提交审核”) kept with the logged-in session, so that the page after the
-- redirect shows it on whichever node answers (issue 19: it was kept in the memory of the node that acted).
ALTER TABLE console_session ADD COLUMN notice VARCHAR;
ALTER TABLE console_session ADD COLUMN notice_error BOOLEAN DEFAULT FALSE NOT NULL;
