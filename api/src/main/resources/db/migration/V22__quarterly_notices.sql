-- R-S4: the files a mail carries (the statement's PDF), written with the mail in the outbox's transaction.
CREATE TABLE mail_attachment (
    mail_id      UUID    NOT NULL REFERENCES mail_outbox (mail_id),
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    content      BYTEA   NOT NULL,
    PRIMARY KEY (mail_id, position)
);

-- R-S4: the quarterly notifications, per QUOTA contract and calendar quarter: revision 0 is the notice sent when the
-- quarter closed, each later revision a correction after a late entry changed the figures (R-Q5). The figures are
-- those of the quarterly statement as the events stood at recorded_at; checked_sequence is the quota's last event
-- when the figures were last compared, so that only a later event calls for a comparison. mail_id is null when the customer chose no address.
CREATE TABLE quarterly_notice (
    contract_id      UUID           NOT NULL,
    year             INTEGER        NOT NULL,
    quarter          INTEGER        NOT NULL,
    revision         INTEGER        NOT NULL,
    customer_id      UUID           NOT NULL,
    due_at           TIMESTAMPTZ    NOT NULL,
    recorded_at      TIMESTAMPTZ    NOT NULL,
    checked_sequence BIGINT         NOT NULL,
    opening_balance  BIGINT         NOT NULL,
    credited         BIGINT         NOT NULL,
    used             BIGINT         NOT NULL,
    forfeited        BIGINT         NOT NULL,
    settled_minutes  BIGINT         NOT NULL,
    settled_amount   NUMERIC(14, 2) NOT NULL,
    closing_balance  BIGINT         NOT NULL,
    mail_id          UUID REFERENCES mail_outbox (mail_id),
    PRIMARY KEY (contract_id, year, quarter, revision)
);
