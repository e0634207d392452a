-- Read model of the "tickets" processor; rebuilt from the events at any time.
CREATE TABLE ticket_view (
    ticket_id        UUID PRIMARY KEY,
    customer_id      UUID         NOT NULL,
    channel          VARCHAR(32)  NOT NULL,
    kind             VARCHAR(32)  NOT NULL,
    service_item     VARCHAR(32)  NOT NULL,
    priority         VARCHAR(32)  NOT NULL,
    status           VARCHAR(32)  NOT NULL,
    title            TEXT         NOT NULL,
    description      TEXT,
    reporter         TEXT         NOT NULL,
    assignee         TEXT,
    escalation_level INTEGER      NOT NULL,
    resolution       TEXT,
    opened_by        TEXT         NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    updated_by       TEXT         NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX ticket_view_customer ON ticket_view (customer_id, opened_at, ticket_id);
CREATE INDEX ticket_view_status ON ticket_view (status, opened_at, ticket_id);
CREATE INDEX ticket_view_order ON ticket_view (opened_at, ticket_id);

CREATE TABLE ticket_history_view (
    ticket_id  UUID        NOT NULL,
    position   INTEGER     NOT NULL,
    change     VARCHAR(64) NOT NULL,
    status     VARCHAR(32) NOT NULL,
    detail     TEXT,
    actor      TEXT        NOT NULL,
    at         TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ticket_id, position)
);

CREATE TABLE ticket_comment_view (
    comment_id UUID PRIMARY KEY,
    ticket_id  UUID        NOT NULL,
    visibility VARCHAR(16) NOT NULL,
    text       TEXT        NOT NULL,
    author     TEXT        NOT NULL,
    added_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX ticket_comment_view_ticket ON ticket_comment_view (ticket_id, added_at);

CREATE TABLE time_entry_view (
    entry_id            UUID PRIMARY KEY,
    ticket_id           UUID        NOT NULL,
    state               VARCHAR(16) NOT NULL,
    work_start          TIMESTAMPTZ NOT NULL,
    work_end            TIMESTAMPTZ NOT NULL,
    minutes             BIGINT      NOT NULL,
    role                VARCHAR(32) NOT NULL,
    mode                VARCHAR(16) NOT NULL,
    description         TEXT,
    billable            BOOLEAN     NOT NULL,
    non_billable_reason TEXT,
    emergency           BOOLEAN     NOT NULL,
    technician          TEXT        NOT NULL,
    logged_by           TEXT        NOT NULL,
    logged_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX time_entry_view_ticket ON time_entry_view (ticket_id, work_start, entry_id);

-- Every logging, correction and void of an entry, in order: nothing is overwritten without a trace.
CREATE TABLE time_entry_change_view (
    entry_id            UUID        NOT NULL,
    position            INTEGER     NOT NULL,
    change              VARCHAR(16) NOT NULL,
    work_start          TIMESTAMPTZ,
    work_end            TIMESTAMPTZ,
    minutes             BIGINT,
    role                VARCHAR(32),
    mode                VARCHAR(16),
    description         TEXT,
    billable            BOOLEAN,
    non_billable_reason TEXT,
    emergency           BOOLEAN,
    technician          TEXT,
    reason              TEXT,
    actor               TEXT        NOT NULL,
    at                  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (entry_id, position)
);
