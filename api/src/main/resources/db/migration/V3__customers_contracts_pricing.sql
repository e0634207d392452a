-- Write-side lookups, kept by a subscribing processor in the same transaction as the events they follow.
CREATE TABLE customer_registry (
    customer_id   UUID PRIMARY KEY,
    federal_state TEXT NOT NULL
);

CREATE TABLE contract_registry (
    contract_id UUID PRIMARY KEY,
    customer_id UUID NOT NULL REFERENCES customer_registry (customer_id),
    type        TEXT NOT NULL,
    level       TEXT,
    start_date  DATE NOT NULL,
    end_date    DATE,
    zone        TEXT NOT NULL,
    coverage    TEXT NOT NULL
);
CREATE INDEX contract_registry_customer ON contract_registry (customer_id);

CREATE TABLE entry_pricing_registry (
    entry_id        UUID PRIMARY KEY,
    priced_by       UUID    NOT NULL,
    by_contract     BOOLEAN NOT NULL,
    source_sequence BIGINT  NOT NULL,
    active          BOOLEAN NOT NULL
);

-- Read models, rebuildable from the events. Documents are JSON written by the event serializer.
CREATE TABLE customer_view (
    customer_id UUID PRIMARY KEY,
    name        TEXT NOT NULL,
    document    TEXT NOT NULL
);
CREATE INDEX customer_view_name ON customer_view (lower(name), customer_id);

CREATE TABLE contract_view (
    contract_id UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    start_date  DATE NOT NULL,
    document    TEXT NOT NULL
);
CREATE INDEX contract_view_customer ON contract_view (customer_id, start_date);

CREATE TABLE time_entry_pricing_view (
    priced_by        UUID        NOT NULL,
    sequence_number  BIGINT      NOT NULL,
    entry_id         UUID        NOT NULL,
    ticket_id        UUID        NOT NULL,
    customer_id      UUID        NOT NULL,
    contract_id      UUID,
    work_date        DATE        NOT NULL,
    source_sequence  BIGINT      NOT NULL,
    action           TEXT        NOT NULL,
    settlement       TEXT        NOT NULL,
    net_amount       NUMERIC(14, 2) NOT NULL,
    quota_minutes    BIGINT      NOT NULL,
    without_contract BOOLEAN     NOT NULL,
    reason           TEXT,
    pricing          TEXT        NOT NULL,
    recorded_by      TEXT        NOT NULL,
    recorded_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (priced_by, sequence_number)
);
CREATE INDEX time_entry_pricing_view_entry ON time_entry_pricing_view (entry_id, source_sequence);
CREATE INDEX time_entry_pricing_view_contract ON time_entry_pricing_view (contract_id, work_date);
CREATE INDEX time_entry_pricing_view_flagged ON time_entry_pricing_view (without_contract) WHERE without_contract;
