-- Issue 18: the 报区政府办 channel. One row per item and portal it is delivered to. message_id and idempotency_key
-- are fixed when the row is made (PREPARED, before anything is sent) and never change, so that every attempt after a
-- failure or a crash is recognisable by the receiver as the same item. next_attempt_at: until when a running attempt
-- holds the row, when a retry is due, or NULL when nothing is pending. Counts read sent_at (in the configured zone)
-- and category, as they were when the item was prepared.
CREATE TABLE portal_delivery (
    item_id         BIGINT NOT NULL REFERENCES item (id),
    portal_id       VARCHAR(32) NOT NULL,
    state           VARCHAR(12) NOT NULL,
    message_id      VARCHAR NOT NULL,
    idempotency_key VARCHAR(128) NOT NULL,
    reference       VARCHAR NOT NULL,
    adopted_url     VARCHAR NOT NULL,
    recorded_by     VARCHAR NOT NULL,
    attempts        INTEGER NOT NULL,
    failure         VARCHAR NOT NULL,
    category        VARCHAR NOT NULL,
    content_hash    VARCHAR NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    prepared_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    sent_at         TIMESTAMP WITH TIME ZONE,
    decided_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT portal_delivery_key PRIMARY KEY (item_id, portal_id),
    CONSTRAINT portal_delivery_message UNIQUE (message_id),
    CONSTRAINT portal_delivery_idempotency UNIQUE (idempotency_key),
    CONSTRAINT portal_delivery_state CHECK (state IN ('PREPARED', 'SENT', 'ADOPTED', 'NOT_ADOPTED', 'FAILED'))
);
CREATE INDEX portal_delivery_next ON portal_delivery (portal_id, next_attempt_at);
CREATE INDEX portal_delivery_sent ON portal_delivery (sent_at);

-- When the channel began: items published to WeChat before it are not delivered afterwards (a bureau's back catalogue
-- does not go to the office at once); approved items waiting for WeChat still go.
CREATE TABLE portal_channel (
    started_at TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO portal_channel (started_at) VALUES (CURRENT_TIMESTAMP);
