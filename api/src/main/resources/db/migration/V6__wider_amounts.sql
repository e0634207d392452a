-- A settlement bills every overage minute of its period, however many entries there were: NUMERIC(19, 2) holds
-- any amount the bounded rates (at most 10,000.00 EUR an hour) can reach.
ALTER TABLE quota_ledger_view ALTER COLUMN amount TYPE NUMERIC(19, 2);
ALTER TABLE time_entry_pricing_view ALTER COLUMN net_amount TYPE NUMERIC(19, 2);
