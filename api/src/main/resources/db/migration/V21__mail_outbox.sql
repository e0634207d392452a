-- R-S4: whom each customer has told us to notify of what (JSON, kind → addresses), for the write side; null for
-- customers registered before notifications (none are chosen).
ALTER TABLE customer_registry ADD COLUMN notifications TEXT;

-- R-S4: every mail the product sends, written in the transaction of the events that cause it and delivered from here.
-- One mail per cause (event) and kind; the Message-ID is fixed here, so that a mail sent again after a crash between
-- sending and marking it sent is the same mail.
CREATE TABLE mail_outbox (
    mail_id         UUID PRIMARY KEY,
    message_id      TEXT        NOT NULL UNIQUE,
    kind            TEXT        NOT NULL,
    cause           TEXT        NOT NULL,
    recipients      TEXT[]      NOT NULL,
    subject         TEXT        NOT NULL,
    text_body       TEXT        NOT NULL,
    html_body       TEXT        NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    last_error      TEXT,
    UNIQUE (cause, kind)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL;

-- R-S4: what a ticket's later mails name (its events after the opening carry only its id).
CREATE TABLE ticket_registry (
    ticket_id   UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    number      TEXT,
    title       TEXT NOT NULL
);
