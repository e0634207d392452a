-- Priced entries name why they are not billable (R-E2) in a field of their event; rows priced before
-- that get it from their pricing's reasons, once, here.
ALTER TABLE time_entry_pricing_view ADD COLUMN non_billable_reason TEXT;

UPDATE time_entry_pricing_view v
SET non_billable_reason = (SELECT substr(r, length('not billable: ') + 1)
                           FROM jsonb_array_elements_text(v.pricing::jsonb -> 'reasons') AS r
                           WHERE r LIKE 'not billable: %'
                           LIMIT 1)
WHERE v.action = 'PRICED' AND v.settlement = 'NOT_BILLABLE';
