-- R-AU3: every position of the event table is linked, in global order, by SHA-256 over the event's stored bytes and
-- the previous link; a position no event took (a rolled-back append) is linked as a gap once no transaction can fill
-- it any more. Written by the chainer (projections.audit.EventChain), never changed: append-only like the events.
CREATE TABLE event_link (
    position  BIGINT      NOT NULL PRIMARY KEY,
    gap       BOOLEAN     NOT NULL,
    link      BYTEA       NOT NULL CHECK (octet_length(link) = 32),
    linked_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE FUNCTION reject_link_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'event_link is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER event_link_append_only
    BEFORE UPDATE OR DELETE ON event_link
    FOR EACH ROW EXECUTE FUNCTION reject_link_change();

CREATE TRIGGER event_link_no_truncate
    BEFORE TRUNCATE ON event_link
    FOR EACH STATEMENT EXECUTE FUNCTION reject_link_change();

DO $$
BEGIN
    IF '${appRole}' <> '' THEN
        EXECUTE format('REVOKE ALL ON event_link FROM %I', '${appRole}');
        EXECUTE format('GRANT SELECT, INSERT ON event_link TO %I', '${appRole}');
    END IF;
END
$$;
