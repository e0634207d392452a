package de.ticketwerk.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit: single-row committed inserts of an event-sized row, from {@code clients} connections at once,
 * on the same PostgreSQL with the same durability settings. No one-event-per-command system can do more here.
 */
final class RawInserts {

    private RawInserts() {
    }

    static double perSecond(Database database, int clients, Duration duration) throws Exception {
        String payload = "{\"ticketId\":\"%s\",\"entryId\":\"%s\",\"customerId\":\"%s\",\"kind\":\"INCIDENT\","
                .formatted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())
                + "\"serviceItem\":\"REMOTE_SUPPORT\",\"priority\":\"NORMAL\",\"entry\":{\"start\":"
                + "\"2026-03-03T15:00:00Z\",\"end\":\"2026-03-03T15:15:00Z\",\"role\":\"TECHNICIAN\",\"mode\":"
                + "\"REMOTE\",\"description\":null,\"billable\":true,\"nonBillableReason\":null,\"emergency\":false,"
                + "\"technician\":\"driver\"},\"minutes\":15,\"actor\":\"driver\",\"at\":\"2026-11-23T10:00:00Z\"}";
        try (Connection setup = database.connect();
             Statement statement = setup.createStatement()) {
            statement.execute("""
                    CREATE TABLE IF NOT EXISTS raw_insert_probe (
                        global_index BIGSERIAL PRIMARY KEY, event_identifier TEXT NOT NULL UNIQUE,
                        aggregate_identifier TEXT NOT NULL, sequence_number BIGINT NOT NULL, type TEXT,
                        time_stamp TEXT NOT NULL, payload_type TEXT NOT NULL, payload_revision TEXT,
                        payload TEXT NOT NULL, meta_data TEXT,
                        UNIQUE (aggregate_identifier, sequence_number))""");
        }
        AtomicLong inserts = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("""
                             INSERT INTO raw_insert_probe (event_identifier, aggregate_identifier, sequence_number,
                                 type, time_stamp, payload_type, payload, meta_data)
                             VALUES (?, ?, 0, 'Ticket', '2026-11-23T10:00:00Z',
                                 'ticket.TimeLogged', ?, '{}')""")) {
                    connection.setAutoCommit(true);
                    while (System.nanoTime() < deadline) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setString(2, UUID.randomUUID().toString());
                        insert.setString(3, payload);
                        insert.executeUpdate();
                        inserts.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        try (Connection cleanup = database.connect();
             Statement statement = cleanup.createStatement()) {
            statement.execute("DROP TABLE raw_insert_probe");
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return inserts.get() / (double) duration.toSeconds();
    }
}
