package de.ticketwerk.app.projection;

import de.ticketwerk.app.support.ApiTest;
import de.ticketwerk.projections.BatchedWrites;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A projection's writes go to PostgreSQL when its unit of work commits, in order, in the same transaction. */
class BatchedWritesTest extends ApiTest {

    private static final String APPEND = "INSERT INTO batched_writes_probe (position, text) VALUES (?, ?)";
    private static final String DOUBLE_LAST = """
            UPDATE batched_writes_probe SET text = text || text
            WHERE position = (SELECT MAX(position) FROM batched_writes_probe)""";

    @Autowired
    private TransactionManager transactionManager;

    private BatchedWrites writes;

    @BeforeEach
    void scratchTable() {
        owner().execute("CREATE TABLE IF NOT EXISTS batched_writes_probe (position INT PRIMARY KEY, text TEXT)");
        jdbc.execute("DELETE FROM batched_writes_probe");
        writes = new BatchedWrites(jdbc);
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT text FROM batched_writes_probe ORDER BY position", String.class);
    }

    @Test
    void writesWaitForTheCommitAndKeepTheirOrderAcrossDifferentStatements() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> {
            writes.update(APPEND, 1, "a");
            writes.update(APPEND, 2, "b");
            writes.update(DOUBLE_LAST);
            writes.update(APPEND, 3, "c");
            writes.update(DOUBLE_LAST);
            writes.update(DOUBLE_LAST);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM batched_writes_probe", Long.class))
                    .as("nothing is sent before the unit of work commits").isZero();
        });

        assertThat(rows()).containsExactly("a", "bb", "cccc");
    }

    @Test
    void writesOfDifferentKeysGoStatementByStatementAndEachKeyKeepsItsOrder() {
        String append = "INSERT INTO batched_writes_probe (position, text) VALUES (?, ?)";
        String doubleOwn = "UPDATE batched_writes_probe SET text = text || text WHERE position = ?";
        String markOwn = "UPDATE batched_writes_probe SET text = text || '!' WHERE position = ?";
        List<String> sent = new ArrayList<>();
        BatchedWrites counted = new BatchedWrites(new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public int update(String sql, Object... args) {
                sent.add(sql);
                return super.update(sql, args);
            }

            @Override
            public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
                                           ParameterizedPreparedStatementSetter<T> setter) {
                sent.add(sql);
                return super.batchUpdate(sql, batchArgs, batchSize, setter);
            }
        });
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> {
            for (int key = 1; key <= 3; key++) {
                counted.updateOf(key, append, key, "k" + key);
                counted.updateOf(key, doubleOwn, key);
                counted.updateOf(key, markOwn, key);
            }
            counted.update(APPEND, 4, "x");
            counted.updateOf(1, markOwn, 1);
        });

        assertThat(rows()).containsExactly("k1k1!!", "k2k2!", "k3k3!", "x");
        assertThat(sent).as("three statements for the three keys, then the write without a key, then key 1's last")
                .containsExactly(append, doubleOwn, markOwn, APPEND, markOwn);
    }

    @Test
    void aFlushLetsTheNextQuerySeeTheWritesBeforeIt() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> {
            writes.update(APPEND, 1, "a");
            writes.flush();
            assertThat(rows()).containsExactly("a");
            writes.update(DOUBLE_LAST);
        });

        assertThat(rows()).containsExactly("aa");
    }

    @Test
    void aRolledBackUnitOfWorkWritesNothing() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        unitOfWork.attachTransaction(transactionManager);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            writes.update(APPEND, 1, "a");
            writes.flush();
            writes.update(APPEND, 2, "b");
            throw new IllegalStateException("the handler failed");
        });

        assertThat(result.isExceptional()).isTrue();
        assertThat(rows()).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkAWriteIsSentAtOnce() {
        writes.update(APPEND, 1, "a");

        assertThat(rows()).containsExactly("a");
    }

    @Test
    void aRunOfAPlainInsertInAReplayGoesByCopyAndStoresEveryValueAsABatchWould() {
        owner().execute("""
                CREATE TABLE IF NOT EXISTS copy_probe (way TEXT, id INT, text TEXT, entry UUID, minutes BIGINT,
                    day DATE, amount NUMERIC(14, 2), at TIMESTAMPTZ, flag BOOLEAN, PRIMARY KEY (way, id))""");
        jdbc.execute("DELETE FROM copy_probe");
        String insert = """
                INSERT INTO copy_probe (way, id, text, entry, minutes, day, amount, at, flag)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        String awkward = "tab\there, new\nline, back\\slash, \\N, \\., carriage\rreturn; \"quoted\", Grüße €";
        List<Object[]> rows = List.of(
                new Object[] {1, awkward, UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001"), 90L,
                        LocalDate.of(2026, 3, 1), new BigDecimal("1234.50"),
                        OffsetDateTime.parse("2026-03-01T10:15:30.123456500+01:00"), true},
                new Object[] {2, null, null, null, null, null, null, null},
                new Object[] {3, "", UUID.fromString("6f1c2a4e-0000-4000-8000-000000000003"), -15L,
                        LocalDate.of(1999, 12, 31), new BigDecimal("-0.05"),
                        OffsetDateTime.parse("2026-12-31T23:59:59.999999900Z"), false});
        List<String> sent = new ArrayList<>();
        BatchedWrites watched = new BatchedWrites(new JdbcTemplate(jdbc.getDataSource()) {
            @Override
            public <T> T execute(ConnectionCallback<T> action) {
                sent.add("COPY");
                return super.execute(action);
            }
        });

        writeInOneUnit(watched, insert, "copy", rows, true);
        writeInOneUnit(watched, insert, "batch", rows, false);

        assertThat(sent).containsExactly("COPY");
        String columns = "id, text, entry, minutes, day, amount, at, flag";
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM ((SELECT %1$s FROM copy_probe WHERE way = 'copy'
                                       EXCEPT ALL SELECT %1$s FROM copy_probe WHERE way = 'batch')
                            UNION ALL (SELECT %1$s FROM copy_probe WHERE way = 'batch'
                                       EXCEPT ALL SELECT %1$s FROM copy_probe WHERE way = 'copy')) differing"""
                .formatted(columns), Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM copy_probe WHERE way = 'copy'", Long.class)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT text FROM copy_probe WHERE way = 'copy' AND id = 1", String.class))
                .isEqualTo(awkward);
        assertThat(jdbc.queryForObject("SELECT text IS NULL AND at IS NULL FROM copy_probe WHERE way = 'copy' "
                + "AND id = 2", Boolean.class)).isTrue();
    }

    private void writeInOneUnit(BatchedWrites writes, String insert, String way, List<Object[]> rows, boolean copy) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("probe"));
        if (copy) {
            unitOfWork.resources().put(BatchedWrites.COPY_INSERTS, true);
        }
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> rows.forEach(row -> {
            Object[] args = new Object[row.length + 1];
            args[0] = way;
            System.arraycopy(row, 0, args, 1, row.length);
            writes.update(insert, args);
        }));
    }
}
