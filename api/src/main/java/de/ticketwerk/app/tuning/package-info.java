/**
 * What the application does only to be fast enough on two cores; none of it changes what is stored or answered.
 * <ul>
 * <li>{@link de.ticketwerk.app.tuning.RandomIds}: Axon's message identifiers without the lock of the JVM's shared
 * random generator, which queued every command under load.</li>
 * <li>{@link de.ticketwerk.app.tuning.RecentAggregatesCache}: the aggregates used last stay in memory, so a command
 * needs no events replayed.</li>
 * <li>{@link de.ticketwerk.app.tuning.ProcessorWakingEventSource}: processors read at once after a local commit
 * instead of polling.</li>
 * <li>{@link de.ticketwerk.app.tuning.AsynchronousCommitTransactionManager}: processors commit without waiting for
 * the disk; a lost commit is redone from their token.</li>
 * <li>{@link de.ticketwerk.app.tuning.CommandBackPressure}: commands wait while the processors fall too far behind,
 * so that reads never lag without bound.</li>
 * </ul>
 */
package de.ticketwerk.app.tuning;
