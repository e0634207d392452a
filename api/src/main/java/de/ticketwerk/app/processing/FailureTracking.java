package de.ticketwerk.app.processing;

import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Watches one processor's units of work: a rollback is a failure, a commit ends it. While a read model retries a
 * failed batch, and while a dead letter is retried, its handlers write at once, each event within a savepoint
 * ({@link SavepointPerEvent}), so that one event's failure undoes only that event.
 */
final class FailureTracking implements MessageHandlerInterceptor<EventMessage<?>> {

    private final String processor;
    private final ProcessingFailures failures;
    private final boolean readModel;
    private final String watchedKey;

    FailureTracking(String processor, ProcessingFailures failures, boolean readModel) {
        this.processor = processor;
        this.failures = failures;
        this.readModel = readModel;
        this.watchedKey = FailureTracking.class.getName() + "." + processor;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (readModel && unitOfWork.resources().containsKey(DeadLetter.class.getName())) {
            unitOfWork.resources().put(BatchedWrites.WRITE_AT_ONCE, Boolean.TRUE);
        } else if (!unitOfWork.resources().containsKey(watchedKey)) {
            unitOfWork.resources().put(watchedKey, Boolean.TRUE);
            unitOfWork.onRollback(u -> failures.batchFailed(processor, readModel, u,
                    u.getExecutionResult().getExceptionResult()));
            unitOfWork.afterCommit(u -> failures.batchCommitted(processor));
            if (failures.isolated(processor)) {
                unitOfWork.resources().put(BatchedWrites.WRITE_AT_ONCE, Boolean.TRUE);
            }
        }
        return interceptorChain.proceed();
    }
}
