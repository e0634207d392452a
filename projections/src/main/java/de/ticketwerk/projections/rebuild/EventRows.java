package de.ticketwerk.projections.rebuild;

import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows of the event table read in one query (rather than Axon's batches of a hundred), made into the messages Axon's
 * own store would give: upcast, payloads deserialized when a handler first takes them.
 */
public final class EventRows {

    /** The columns {@link #of} reads, in its order. */
    public static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, "
            + "event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data";

    private EventRows() {
    }

    public static TrackedDomainEventData<String> of(ResultSet row) throws SQLException {
        return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(row.getLong(1)),
                new GenericDomainEventEntry<>(row.getString(2), row.getString(3), row.getLong(4), row.getString(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10)));
    }

    public static List<TrackedEventMessage<?>> messages(List<TrackedDomainEventData<String>> rows,
                                                        Serializer serializer, EventUpcaster upcaster) {
        return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcaster).toList();
    }
}
