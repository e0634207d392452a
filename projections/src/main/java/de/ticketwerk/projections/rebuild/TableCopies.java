package de.ticketwerk.projections.rebuild;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Empty temporary copies of live tables, which shadow them on their connection (search path pg_temp first): with the
 * live table's defaults and unique indexes (writes may say ON CONFLICT), and of its other indexes only those that
 * handlers read through, since every other index only slows a replay's writes down.
 */
public final class TableCopies {

    private TableCopies() {
    }

    /** A copy for a replay that lasts as long as its connection. */
    public static void temporary(JdbcTemplate jdbc, String table, List<String> indexesRead) {
        copy(jdbc, table, indexesRead, "");
    }

    /** A copy gone at the commit, for the events of a few aggregates. */
    public static void dropAtCommit(JdbcTemplate jdbc, String table) {
        copy(jdbc, table, List.of(), " ON COMMIT DROP");
    }

    private static void copy(JdbcTemplate jdbc, String table, List<String> indexesRead, String onCommit) {
        jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING DEFAULTS)" + onCommit);
        for (String index : jdbc.queryForList("""
                SELECT pg_get_indexdef(i.indexrelid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
                WHERE i.indrelid = CAST(? AS regclass) AND (i.indisunique OR c.relname = ANY (?))""",
                String.class, "public." + table, indexesRead.toArray(String[]::new))) {
            jdbc.execute(index.replace(" ON public." + table + " ", " ON pg_temp." + table + " "));
        }
    }
}
