-- The write side's registry of invoices (kept in the same transaction as the invoice events): which invoice is open
-- or issued for a customer's month, and what issued invoices and cancellations charged for each time entry.
CREATE TABLE invoice_registry (
    invoice_id  UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    month       TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT
);
CREATE INDEX invoice_registry_customer_month ON invoice_registry (customer_id, month);

CREATE TABLE invoiced_entry (
    entry_id   UUID           NOT NULL,
    invoice_id UUID           NOT NULL,
    number     TEXT           NOT NULL,
    net        NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (entry_id, number)
);

-- Read model: invoices as issued, drafts as the last run left them.
CREATE TABLE invoice_view (
    invoice_id  UUID PRIMARY KEY,
    customer_id UUID NOT NULL,
    month       TEXT NOT NULL,
    status      TEXT NOT NULL,
    number      TEXT UNIQUE,
    document    TEXT NOT NULL
);
CREATE INDEX invoice_view_customer_month ON invoice_view (customer_id, month);

CREATE INDEX time_entry_pricing_view_customer ON time_entry_pricing_view (customer_id, work_date);
