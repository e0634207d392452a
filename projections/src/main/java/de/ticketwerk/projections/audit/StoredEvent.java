package de.ticketwerk.projections.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the event table as it is stored: the bytes the chain links and auditors read. Payload and metadata are
 * written out as the JSON they are, not read and written again.
 */
public record StoredEvent(long position, String eventId, String aggregateType, String aggregateId, long sequence,
                          String payloadType, String payloadRevision, String timestamp,
                          @JsonRawValue String metaData, @JsonRawValue String payload) {

    static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, sequence_number, "
            + "payload_type, payload_revision, time_stamp, meta_data, payload";

    static StoredEvent from(ResultSet row) throws SQLException {
        return new StoredEvent(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getLong(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10));
    }
}
