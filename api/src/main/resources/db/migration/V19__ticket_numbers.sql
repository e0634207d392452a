-- R-S1: a ticket's number (T2026-000123), searched by; null for the tickets opened before tickets had numbers.
ALTER TABLE ticket_view ADD COLUMN number text;
CREATE UNIQUE INDEX ticket_view_number ON ticket_view (number);
