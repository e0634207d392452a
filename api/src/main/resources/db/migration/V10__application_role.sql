-- The application's role (placeholder appRole; empty when the application runs as the owner itself): reads and
-- writes the read models and Axon's tables, but only appends to and reads the event table, and owns nothing, so it
-- can neither disable the append-only trigger nor alter, truncate or drop a table.
DO $$
BEGIN
    IF '${appRole}' <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', '${appRole}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', '${appRole}');
        EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', '${appRole}');
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON domain_event_entry FROM %I',
                       '${appRole}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                       '${appRole}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO %I',
                       '${appRole}');
    END IF;
END
$$;
