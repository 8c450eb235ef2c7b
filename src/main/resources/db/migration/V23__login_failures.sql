-- Failed console logins, shared by every node (issue 19: with the failures kept in each node's memory, N nodes
-- behind one address allowed N times the guesses). The key is the SHA-256 of the user name or of the client address
-- (web/LoginThrottle); rows older than the throttle's window (15 minutes) are deleted as new failures come in.
CREATE TABLE login_failure (
    throttle_key VARCHAR(80) NOT NULL,
    failed_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_key ON login_failure (throttle_key, failed_at);
CREATE INDEX login_failure_at ON login_failure (failed_at);
