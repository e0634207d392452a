-- R-AU4: a shadow rebuild writes its copies of the read models' tables here, unlogged, from several connections at
-- once, and drops them when it ends. The application's role creates them, so it owns these copies and nothing else.
CREATE SCHEMA shadow;

DO $$
BEGIN
    IF '${appRole}' <> '' THEN
        EXECUTE format('GRANT USAGE, CREATE ON SCHEMA shadow TO %I', '${appRole}');
    END IF;
END
$$;
