package de.ticketwerk.app.processing;

import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.util.Set;

/**
 * Read-model handlers that write at once (see {@link FailureTracking}) run within a savepoint: when one fails, its
 * writes are undone and the transaction stays usable for the dead letter and the other events of the batch.
 */
final class SavepointPerEvent implements HandlerEnhancerDefinition {

    private static final TransactionDefinition NESTED =
            new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);

    private final PlatformTransactionManager transactions;
    private final Set<String> readModels;

    SavepointPerEvent(PlatformTransactionManager transactions, Set<String> readModels) {
        this.transactions = transactions;
        this.readModels = readModels;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        ProcessingGroup group = original.declaringClass().getAnnotation(ProcessingGroup.class);
        if (group == null || !readModels.contains(group.value())
                || !original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                if (!writesAtOnce()) {
                    return super.handle(message, target);
                }
                TransactionStatus savepoint = transactions.getTransaction(NESTED);
                try {
                    Object result = super.handle(message, target);
                    transactions.commit(savepoint);
                    return result;
                } catch (Exception | Error e) {
                    transactions.rollback(savepoint);
                    throw e;
                }
            }
        };
    }

    private static boolean writesAtOnce() {
        return CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().resources().containsKey(BatchedWrites.WRITE_AT_ONCE);
    }
}
