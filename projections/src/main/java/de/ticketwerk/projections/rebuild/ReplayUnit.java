package de.ticketwerk.projections.rebuild;

import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.List;

/**
 * Events replayed through projections in one unit of work, as a processor's batch: the projections' writes go at its
 * commit, a run of plain inserts by COPY. One unit for all of them rather than Axon's batching unit, which makes a
 * result message (with a random id) for every event: a replay of a million events needs none of them.
 */
public final class ReplayUnit {

    private ReplayUnit() {
    }

    /** What a handler failed with, the unit then rolled back; null when every event was handled and committed. */
    public static Throwable handle(List<? extends EventMessage<?>> events,
                                   List<AnnotationEventHandlerAdapter> handlers) {
        if (events.isEmpty()) {
            return null;
        }
        try {
            DefaultUnitOfWork<EventMessage<?>> unit = new DefaultUnitOfWork<>(events.get(0));
            unit.resources().put(BatchedWrites.COPY_INSERTS, true);
            ResultMessage<?> result = unit.executeWithResult(() -> {
                for (EventMessage<?> event : events) {
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        handler.handle(event);
                    }
                }
                return null;
            });
            return result.isExceptional() ? result.exceptionResult() : null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
