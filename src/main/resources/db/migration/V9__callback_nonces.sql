-- Issue 14: the nonces of signed WeChat callbacks, shared by every node, so that a captured callback
-- (timestamp, nonce, signature) is acted upon once. A callback is accepted only within 5 minutes of its timestamp,
-- so rows whose timestamp is older than that are purged. Standard SQL only: it runs unchanged on H2 2.x and
-- PostgreSQL.
CREATE TABLE callback_nonce (
    account     VARCHAR NOT NULL,
    nonce       VARCHAR(64) NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT callback_nonce_once UNIQUE (account, nonce)
);
CREATE INDEX callback_nonce_sent ON callback_nonce (sent_at);

-- PUBLISHJOBFINISH events are only hints now; they expire and are bounded per account.
CREATE INDEX publish_event_received ON publish_event (account, received_at);
