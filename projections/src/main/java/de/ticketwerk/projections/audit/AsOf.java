package de.ticketwerk.projections.audit;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * R-AU2: a read model as the product knew it at an instant. In a transaction that is never committed, temporary
 * copies of the read model's tables shadow the live ones, the read model's own handlers replay the events of the
 * aggregates it reads that were recorded up to the instant (from the event store, upcasters included, no snapshot),
 * and the live query reads the copies: the answer comes from the events alone, by the same code as the live answer.
 */
public class AsOf {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventStore events;

    public AsOf(JdbcTemplate jdbc, TransactionTemplate transactions, EventStore events) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
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
                shadow(table);
            }
            List<DomainEventMessage<?>> recorded = new ArrayList<>();
            for (String aggregateId : aggregateIds) {
                events.readEvents(aggregateId, 0).asStream().filter(event -> !event.getTimestamp().isAfter(instant))
                        .forEach(recorded::add);
            }
            if (!recorded.isEmpty()) {
                List<AnnotationEventHandlerAdapter> handlers = readModels.apply(jdbc).stream()
                        .map(AnnotationEventHandlerAdapter::new).toList();
                // one unit of work for the batch, as a processor has: the task runs once per event
                BatchingUnitOfWork<DomainEventMessage<?>> batch = new BatchingUnitOfWork<>(recorded);
                ResultMessage<?> replayed = batch.executeWithResult(() -> {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        handler.handle(batch.getMessage());
                    }
                    return null;
                });
                if (replayed.isExceptional()) {
                    throw new IllegalStateException("cannot replay the events as of " + instant,
                            replayed.exceptionResult());
                }
            }
            return query.apply(jdbc);
        });
    }

    /**
     * A temporary copy of a read model's table with its unique indexes (its writes may say ON CONFLICT), not its
     * others: they would only slow the replay down.
     */
    private void shadow(String table) {
        jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING DEFAULTS) ON COMMIT DROP");
        for (String unique : jdbc.queryForList("SELECT pg_get_indexdef(indexrelid) FROM pg_index "
                + "WHERE indrelid = CAST(? AS regclass) AND indisunique", String.class, "public." + table)) {
            jdbc.execute(unique.replace(" ON public." + table + " ", " ON pg_temp." + table + " "));
        }
    }
}
