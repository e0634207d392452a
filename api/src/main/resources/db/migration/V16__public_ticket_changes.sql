-- Who changed a ticket last and when, as a customer's people may see it: an internal comment does not count (R-A3).
-- Existing rows start with what they show today; a rebuild of `tickets` leaves internal comments out.
ALTER TABLE ticket_view ADD COLUMN public_updated_by TEXT;
ALTER TABLE ticket_view ADD COLUMN public_updated_at TIMESTAMPTZ;
UPDATE ticket_view SET public_updated_by = updated_by, public_updated_at = updated_at;
ALTER TABLE ticket_view ALTER COLUMN public_updated_by SET NOT NULL;
ALTER TABLE ticket_view ALTER COLUMN public_updated_at SET NOT NULL;
