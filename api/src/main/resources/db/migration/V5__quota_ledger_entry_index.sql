-- A reversal looks up the debit of its entry, and the ledger can be filtered by entry. Without this index both
-- scanned the whole table: rebuilding the ledger from a million events took quadratic time.
CREATE INDEX quota_ledger_view_entry ON quota_ledger_view (entry_id, sequence_number) WHERE entry_id IS NOT NULL;
