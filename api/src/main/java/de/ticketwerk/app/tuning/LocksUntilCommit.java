package de.ticketwerk.app.tuning;

import org.axonframework.common.lock.Lock;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Aggregate locks that a command inside a surrounding transaction (a request with an Idempotency-Key) keeps until
 * that transaction has completed. Axon releases an aggregate's lock when the command's unit of work ends; inside a
 * surrounding transaction its events are not committed yet, and the next command on the aggregate would decide on the
 * cached copy with them, commit first, and leave the store's global order and the aggregate's own order apart (or
 * build on an event that a rollback then takes back). Outside a surrounding transaction the lock goes as before.
 */
public final class LocksUntilCommit implements LockFactory {

    private final LockFactory locks = PessimisticLockFactory.usingDefaults();

    @Override
    public Lock obtainLock(String identifier) {
        Lock lock = locks.obtainLock(identifier);
        return new Lock() {
            @Override
            public void release() {
                if (TransactionSynchronizationManager.isSynchronizationActive()) {
                    TransactionSynchronizationManager.registerSynchronization(new ReleaseAfterCompletion(lock));
                } else {
                    lock.release();
                }
            }

            @Override
            public boolean isHeld() {
                return lock.isHeld();
            }
        };
    }

    /** Last of a transaction's synchronizations, after the ones that forget cached aggregates of a rollback. */
    private record ReleaseAfterCompletion(Lock lock) implements TransactionSynchronization {

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void afterCompletion(int status) {
            lock.release();
        }
    }
}
