-- Issue 20: the console editor's one-time form tokens and its server-side autosave.
-- Standard SQL only: it runs unchanged on H2 2.x and PostgreSQL.

-- One row per editor form shown: a second POST of the same form (Back, double click, browser re-post) finds the row
-- used and creates nothing. Only the SHA-256 of the token is stored. scope is 'new' or the id of the item edited;
-- item_id is the item the token's POST produced (null until then).
CREATE TABLE form_token (
    token_hash VARCHAR(64) PRIMARY KEY,
    user_name  VARCHAR(64) NOT NULL,
    scope      VARCHAR(32) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    item_id    BIGINT
);
CREATE INDEX form_token_expires ON form_token (expires_at);

-- The last autosave of an editor form, per user and per form ('new' or the id of the item edited): the form's
-- fields as JSON (field name -> list of values), restored when the user comes back to the editor.
CREATE TABLE editor_autosave (
    user_name  VARCHAR(64) NOT NULL,
    form_key   VARCHAR(32) NOT NULL,
    fields     VARCHAR NOT NULL,
    saved_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (user_name, form_key)
);
