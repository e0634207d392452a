package de.ticketwerk.projections.audit;

import de.ticketwerk.projections.rebuild.EventRows;
import de.ticketwerk.projections.rebuild.ReplayUnit;
import de.ticketwerk.projections.rebuild.TableCopies;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * R-AU2: a read model as the product knew it at an instant. In a transaction that is never committed, temporary
 * copies of the read model's tables shadow the live ones, the read model's own handlers replay the events of the
 * aggregates it reads that were recorded up to the instant (from the event table, upcasters included, no snapshot),
 * and the live query reads the copies: the answer comes from the events alone, by the same code as the live answer.
 */
public class AsOf {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Serializer serializer;
    private final EventUpcaster upcaster;

    public AsOf(JdbcTemplate jdbc, TransactionTemplate transactions, Serializer serializer, EventUpcaster upcaster) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.serializer = serializer;
        this.upcaster = upcaster;
    }

    /**
     * @param tables     the read model's tables, shadowed for the replay
     * @param readModels the projections that write those tables, made on the given JDBC template
     * @param query      the live query, on the same template
     */
    public <T> T read(Instant instant, List<String> aggregateIds, List<String> tables,
                      Function<JdbcTemplate, List<Object>> readModels, Function<JdbcTemplate, T> query) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            // also makes PostgreSQL plan anew every statement this connection had prepared against the live tables
            jdbc.execute("SET LOCAL search_path = pg_temp, public");
            for (String table : tables) {
                TableCopies.dropAtCommit(jdbc, table);
            }
            List<TrackedEventMessage<?>> recorded = recorded(aggregateIds, instant);
            Throwable failure = ReplayUnit.handle(recorded, readModels.apply(jdbc).stream()
                    .map(AnnotationEventHandlerAdapter::new).toList());
            if (failure != null) {
                throw new IllegalStateException("cannot replay the events as of " + instant, failure);
            }
            return query.apply(jdbc);
        });
    }

    /**
     * The aggregates' events recorded up to the instant, in the store's global order, in one query. The store keeps
     * recording times to the millisecond (Axon's format), so "up to the instant" is "up to its millisecond".
     */
    private List<TrackedEventMessage<?>> recorded(List<String> aggregateIds, Instant instant) {
        if (aggregateIds.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>(aggregateIds);
        args.add(Timestamp.from(instant.truncatedTo(ChronoUnit.MILLIS)));
        List<TrackedDomainEventData<String>> rows = jdbc.query("SELECT " + EventRows.COLUMNS
                + " FROM domain_event_entry WHERE aggregate_identifier IN ("
                + String.join(", ", Collections.nCopies(aggregateIds.size(), "?"))
                + ") AND CAST(time_stamp AS timestamptz) <= ? ORDER BY global_index",
                (row, n) -> EventRows.of(row), args.toArray());
        List<TrackedEventMessage<?>> recorded = EventRows.messages(rows, serializer, upcaster);
        // deserialized on every core before the handlers take them one by one: most of a long replay's time
        recorded.parallelStream().forEach(TrackedEventMessage::getPayload);
        return recorded;
    }
}
