-- Answers of requests sent with an Idempotency-Key, per principal, kept for ticketwerk.idempotency.retention. A row
-- is written in the transaction that stores the request's events, so either both exist or neither does.
CREATE TABLE idempotent_request (
    principal     TEXT        NOT NULL,
    request_key   TEXT        NOT NULL,
    fingerprint   BYTEA       NOT NULL,
    status        INTEGER     NOT NULL,
    content_type  TEXT,
    location      TEXT,
    etag          TEXT,
    body          BYTEA       NOT NULL,
    answered_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (principal, request_key)
);
CREATE INDEX idempotent_request_age ON idempotent_request (answered_at);
