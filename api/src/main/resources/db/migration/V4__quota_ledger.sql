-- The quota ledger per QUOTA contract in business time. minutes is the line's effect on the balance;
-- line_order sorts the lines of one day as the ledger books them: credits, work, resets, settlements.
CREATE TABLE quota_ledger_view (
    quota_id        UUID        NOT NULL,
    sequence_number BIGINT      NOT NULL,
    contract_id     UUID        NOT NULL,
    business_date   DATE        NOT NULL,
    line_order      INT         NOT NULL,
    kind            TEXT        NOT NULL,
    minutes         BIGINT      NOT NULL,
    entry_id        UUID,
    ticket_id       UUID,
    service_item    TEXT,
    amount          NUMERIC(14, 2),
    caused_by       UUID,
    details         TEXT,
    recorded_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (quota_id, sequence_number)
);
CREATE INDEX quota_ledger_view_contract ON quota_ledger_view (contract_id, business_date, line_order, sequence_number);
