-- R-AU4: a shadow rebuild replays every event into temporary copies of the read models' tables, while the live ones
-- keep serving, and compares them. Each run, its progress and its result is kept here.
CREATE TABLE shadow_rebuild (
    rebuild_id   UUID        PRIMARY KEY,
    requested_by TEXT        NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    state        VARCHAR(16) NOT NULL,
    head         BIGINT      NOT NULL,
    events_total BIGINT      NOT NULL,
    events_done  BIGINT      NOT NULL DEFAULT 0,
    finished_at  TIMESTAMPTZ,
    result       TEXT,
    failure      TEXT
);

-- one run at a time
CREATE UNIQUE INDEX shadow_rebuild_one_running ON shadow_rebuild ((true)) WHERE state = 'RUNNING';
