package de.ticketwerk.app.config;

import de.ticketwerk.app.support.ApiTest;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit of work gives its connection back to the pool once. A second close of a connection that the pool has already
 * lent to another thread empties that thread's list of open statements (HikariCP), and its next statement close fails
 * with an {@code ArrayIndexOutOfBoundsException}: under load, one command in some ten thousand answered 500.
 */
class ConnectionReturnTest extends ApiTest {

    @Autowired
    private DataSource dataSource;

    @Test
    void aCommittedUnitOfWorkClosesItsConnectionOnce() {
        List<AtomicInteger> closes = new CopyOnWriteArrayList<>();
        DataSource counting = countingCloses(closes);
        runAsACommand(counting, UnitOfWork::commit);

        assertThat(closes).isNotEmpty().allSatisfy(count -> assertThat(count).hasValue(1));
    }

    @Test
    void aRolledBackUnitOfWorkClosesItsConnectionOnce() {
        List<AtomicInteger> closes = new CopyOnWriteArrayList<>();
        DataSource counting = countingCloses(closes);
        runAsACommand(counting, unitOfWork -> unitOfWork.rollback(new IllegalStateException("refused")));

        assertThat(closes).isNotEmpty().allSatisfy(count -> assertThat(count).hasValue(1));
    }

    /** What the command bus does: a transaction around the handler, events appended before the commit. */
    private static void runAsACommand(DataSource dataSource, java.util.function.Consumer<UnitOfWork<?>> end) {
        ConnectionProvider connections = new EventStoreConfiguration().connectionProvider(dataSource);
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        Transaction transaction = transactions.startTransaction();
        unitOfWork.onCommit(u -> transaction.commit());
        unitOfWork.onRollback(u -> transaction.rollback());
        select(connections);
        unitOfWork.onPrepareCommit(u -> select(connections));
        end.accept(unitOfWork);
    }

    private static void select(ConnectionProvider connections) {
        try (Connection connection = connections.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DataSource countingCloses(List<AtomicInteger> closes) {
        return new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection pooled = super.getConnection();
                AtomicInteger count = new AtomicInteger();
                closes.add(count);
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[]{Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("close")) {
                                count.incrementAndGet();
                            }
                            try {
                                return method.invoke(pooled, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }
}
