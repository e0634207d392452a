-- Documents as issued (R-I6, R-I8): rendered once, kept byte for byte with their SHA-256. Not a read model: no
-- rebuild empties it, and the application's role may only add and read documents.
CREATE TABLE invoice_document (
    invoice_id  UUID        NOT NULL,
    name        TEXT        NOT NULL,
    number      TEXT        NOT NULL,
    media_type  TEXT        NOT NULL,
    content     BYTEA       NOT NULL,
    sha256      TEXT        NOT NULL,
    rendered_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (invoice_id, name)
);

DO $$
BEGIN
    IF '${appRole}' <> '' THEN
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON invoice_document FROM %I',
                       '${appRole}');
    END IF;
END
$$;
