package de.ticketwerk.app.tuning;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Transactions of the event processors: their commit does not wait until PostgreSQL has flushed its write-ahead log
 * to disk. What they write is derived from events that are already durable, together with the processor's token, so
 * a crash can lose only the last of them, token and all, and the processor does that work again. PostgreSQL's log is
 * written in order, so any later synchronous commit (every command answered to a client) makes them durable too: what
 * survives a crash is always a prefix. Commands answered to clients keep their synchronous commit.
 */
public final class AsynchronousCommitTransactionManager extends DataSourceTransactionManager {

    public AsynchronousCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO OFF");
        }
    }
}
