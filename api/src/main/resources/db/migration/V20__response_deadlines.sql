-- R-S2: each contract's service times (its calendar and the response time it promises), for the deadline a ticket
-- gets when it opens. Contracts concluded before are filled in from their conclusion, which carries them. A row
-- restored from a copy of the registry older than this (the tests' recorded stores) has none and promises nothing.
ALTER TABLE contract_registry ADD COLUMN service_times TEXT;
UPDATE contract_registry r
SET service_times = (SELECT jsonb_build_object('serviceHours', t -> 'serviceHours', 'holidayState', t -> 'holidayState',
                                               'zone', t -> 'zone', 'responseHours', t -> 'responseHours')::text
                     FROM (SELECT e.payload::jsonb -> 'terms' AS t
                           FROM domain_event_entry e
                           WHERE e.aggregate_identifier = r.contract_id::text AND e.sequence_number = 0) conclusion);

-- R-S2: what the ticket list shows of each deadline, and the contract in whose service hours it counts.
ALTER TABLE ticket_view ADD COLUMN respond_by TIMESTAMPTZ;
ALTER TABLE ticket_view ADD COLUMN response_contract_id UUID;
ALTER TABLE ticket_view ADD COLUMN response_met_at TIMESTAMPTZ;
ALTER TABLE ticket_view ADD COLUMN response_breached_at TIMESTAMPTZ;
CREATE INDEX ticket_view_open_deadlines ON ticket_view (respond_by)
    WHERE respond_by IS NOT NULL AND response_met_at IS NULL AND response_breached_at IS NULL;

-- db-scheduler's table (its PostgreSQL schema, version 16): the persistent schedule behind Axon's deadline manager,
-- shared by every node; a task is picked by one node at a time.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
