-- R-S3: every mail taken from the support mailbox, once per Message-ID (message_key; a mail without one is known by
-- the SHA-256 of its bytes), and what became of it: OPENED a ticket, COMMENTED on one, waits in TRIAGE for a
-- dispatcher (unknown sender), was ASSIGNED or DISMISSED from there, IGNORED (an auto-reply or bounce, answered
-- never), or SET_ASIDE (too large, malformed), each with its reason. What a person wrote is kept for the triage.
CREATE TABLE mail_intake (
    intake_id   UUID PRIMARY KEY,
    message_key TEXT        NOT NULL UNIQUE,
    message_id  TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    sender      TEXT,
    subject     TEXT,
    body        TEXT,
    size_bytes  BIGINT      NOT NULL,
    outcome     TEXT        NOT NULL,
    reason      TEXT,
    ticket_id   UUID,
    customer_id UUID
);
CREATE INDEX mail_intake_outcome ON mail_intake (outcome, received_at);
CREATE INDEX mail_intake_message_id ON mail_intake (message_id) WHERE ticket_id IS NOT NULL;

-- R-S3: the files a mail brought, up to the size limit, kept with the mail (and so with the comment or ticket).
CREATE TABLE mail_intake_attachment (
    intake_id    UUID    NOT NULL REFERENCES mail_intake (intake_id),
    position     INTEGER NOT NULL,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    content      BYTEA   NOT NULL,
    PRIMARY KEY (intake_id, position)
);

-- R-S3: the ticket a sent mail was about, so that a reply naming it in In-Reply-To or References threads to it.
ALTER TABLE mail_outbox ADD COLUMN ticket_id UUID;
-- R-S4: mails due at the same time are sent in the order they were put in (the service report before its invoice).
ALTER TABLE mail_outbox ADD COLUMN position BIGSERIAL;
DROP INDEX mail_outbox_due;
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at, position) WHERE sent_at IS NULL;

-- R-S3: the addresses a customer registered (report and notification addresses), by which a mail's sender is known.
CREATE TABLE customer_mail_address (
    address     TEXT NOT NULL,
    customer_id UUID NOT NULL,
    PRIMARY KEY (address, customer_id)
);
CREATE INDEX customer_mail_address_domain ON customer_mail_address (split_part(address, '@', 2));
INSERT INTO customer_mail_address (address, customer_id)
SELECT DISTINCT lower(a.address), r.customer_id
FROM customer_registry r
CROSS JOIN LATERAL (SELECT e.payload::jsonb -> 'details' AS d
                    FROM domain_event_entry e
                    WHERE e.aggregate_identifier = r.customer_id::text
                      AND e.payload_type IN ('customer.CustomerRegistered', 'customer.CustomerUpdated')
                    ORDER BY e.sequence_number DESC LIMIT 1) latest
CROSS JOIN LATERAL (SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(latest.d -> 'reportEmails') = 'array'
                                                     THEN latest.d -> 'reportEmails' ELSE '[]' END)
                    UNION
                    SELECT jsonb_array_elements_text(CASE WHEN jsonb_typeof(n.value) = 'array' THEN n.value
                                                          ELSE '[]' END)
                    FROM jsonb_each(CASE WHEN jsonb_typeof(latest.d -> 'notifications') = 'object'
                                         THEN latest.d -> 'notifications' ELSE '{}' END) n) a(address);
